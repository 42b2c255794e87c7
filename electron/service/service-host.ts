import type { Channel } from '../../shared/channels';
import { firstIssueMessage } from '../../shared/first-issue';
import type { ProgressListener } from '../../shared/progress';
import { fail, ok, toFailure, type Result } from '../../shared/result';
import type { OperationContext } from './operation-context';
import { logUnexpected, unexpectedFailureMessage } from './error-log';
import { busyWaitLimitMs, classifyFault, isBusy } from './faults';
import { isChannel, serviceContract } from './service-contract';
import type { ServiceCaller } from './service-protocol';
import type { HandledChannel, ServiceHandlers } from './service-handlers';
import { createWorkbenchHandlers } from './workbench-handlers';
import { WorkspaceSession } from './workspace-session';

export type { ServiceCaller } from './service-protocol';


/**
 * The service's single entry point. It validates every call against the service contract
 * (the last line of defence, whoever the caller is), runs the handler, tracks cancellable
 * operations and turns every outcome into a Result.
 */
export class ServiceHost implements ServiceCaller {
  private readonly running = new Map<string, AbortController>();
  /** Cancels that arrived before their operation did (a Cancel pressed straight away). */
  private readonly cancelledEarly = new Set<string>();
  readonly session: WorkspaceSession;
  private readonly handlers: ServiceHandlers;

  constructor(
    private readonly onProgress: ProgressListener = () => {},
    options: { session?: WorkspaceSession; handlers?: (session: WorkspaceSession) => ServiceHandlers } = {},
  ) {
    this.session = options.session ?? new WorkspaceSession();
    this.handlers = (options.handlers ?? createWorkbenchHandlers)(this.session);
  }

  async call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return fail('invalid-input', `The workbench has no operation called "${String(channel)}".`);
    const parsed = serviceContract[channel].safeParse(input ?? {});
    if (!parsed.success) return fail('invalid-input', firstIssueMessage(parsed.error.issues));

    if (channel === 'operation/cancel') {
      const { operationId } = parsed.data as { operationId: string };
      const controller = this.running.get(operationId);
      if (controller) {
        controller.abort();
      } else {
        this.cancelledEarly.add(operationId);
        if (this.cancelledEarly.size > 100) this.cancelledEarly.delete(this.cancelledEarly.values().next().value!);
      }
      return ok({ cancelled: true });
    }

    const operationId = (parsed.data as { operationId?: string }).operationId;
    if (operationId !== undefined && this.running.has(operationId)) {
      return fail('invalid-input', 'That operation is already running.');
    }
    const controller = new AbortController();
    if (operationId !== undefined) {
      this.running.set(operationId, controller);
      if (this.cancelledEarly.delete(operationId)) controller.abort();
    }
    const startedAt = performance.now();
    const context: OperationContext = {
      signal: controller.signal,
      progress: (event) => {
        if (operationId !== undefined) this.onProgress({ ...event, operationId, elapsedMs: Math.round(performance.now() - startedAt) });
      },
    };
    try {
      const handler = this.handlers[channel as HandledChannel] as ((value: unknown, context: OperationContext) => unknown) | undefined;
      if (!handler) return fail('invalid-input', `The service does not handle "${channel}".`);
      // Each operation is one transaction, so one refused for a lock another program holds
      // changed nothing and can simply be tried again, until the wait has gone on too long.
      for (let waited = 0; ; ) {
        try {
          return ok(await handler(parsed.data, context));
        } catch (error) {
          if (!isBusy(error) || controller.signal.aborted || performance.now() - startedAt >= busyWaitLimitMs) throw error;
          waited += 1;
          const seconds = Math.min(Math.ceil((performance.now() - startedAt) / 1000), busyWaitLimitMs / 1000);
          this.onProgress({
            operationId: operationId ?? `waiting-${channel}`,
            stage: `Waiting for another program to finish with the workspace (${seconds} of ${busyWaitLimitMs / 1000} seconds)`,
            done: 0,
            total: null,
            unit: 'steps',
            elapsedMs: Math.round(performance.now() - startedAt),
          });
          await new Promise((resolve) => setTimeout(resolve, 100 * waited));
        }
      }
    } catch (error) {
      const named = classifyFault(error, this.session.current?.name ?? null);
      if (named) return toFailure(named);
      return fail('internal', unexpectedFailureMessage(logUnexpected(`${channel} failed`, error)));
    } finally {
      if (operationId !== undefined) this.running.delete(operationId);
    }
  }

  dispose(): void {
    for (const controller of this.running.values()) controller.abort();
    this.session.close({ force: true });
  }
}
