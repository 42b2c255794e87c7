import type { Channel } from '../../shared/channels';
import { operations, type OperationFacts } from '../../shared/operations';
import type { ProgressEvent } from '../../shared/progress';
import { fail, type Result } from '../../shared/result';
import type { ServiceStatus } from '../../shared/service-status';
import { ServiceClient, type FromService, type ServiceCaller, type ToService } from '../service/service-protocol';

/** A running service process, however it was started: Electron's utility process, or a Node child in tests. */
export interface ServiceProcess {
  send(message: ToService): void;
  onMessage(listener: (message: FromService) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type ServiceProcessFactory = () => ServiceProcess;

export interface SupervisorOptions {
  onProgress(event: ProgressEvent): void;
  onStatus(status: ServiceStatus): void;
  /** Restarts in a row, without a call answered in between, before giving up. */
  maxRestartsInARow?: number;
}


export const serviceStoppedMessage =
  'The workbench service stopped unexpectedly, so this step did not finish and none of it was kept. The service has been restarted: try the step again.';

/**
 * The service process, kept alive. When it dies, every call in flight fails at once with a
 * message saying so; a new process is started (up to a limit of restarts in a row) and the
 * workspace that was open is opened again before any new call is served; and the window is
 * told what happened.
 */
export class ServiceSupervisor implements ServiceCaller {
  private client!: ServiceClient;
  private workspacePath: string | null = null;
  private restartsInARow = 0;
  /** Calls wait on this while a restarted service reopens the workspace. */
  private ready: Promise<void> = Promise.resolve();
  private gaveUp = false;
  private stopping = false;
  private child!: ServiceProcess;
  private readonly maxRestartsInARow: number;

  constructor(
    private readonly startProcess: ServiceProcessFactory,
    private readonly options: SupervisorOptions,
  ) {
    this.maxRestartsInARow = options.maxRestartsInARow ?? 3;
    this.start();
  }

  async call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    await this.ready;
    if (this.gaveUp) return this.stoppedForGood();
    const client = this.client;
    const result = await client.call(channel, input);
    if (result.ok && client === this.client) {
      this.restartsInARow = 0;
      const facts: OperationFacts = operations[channel];
      if (facts.opensWorkspace) this.workspacePath = (input as { path: string }).path;
      if (facts.closesWorkspace) this.workspacePath = null;
    }
    return result;
  }

  private start(): void {
    const child = this.startProcess();
    this.child = child;
    const client = new ServiceClient(
      { send: (message) => child.send(message), listen: (listener) => child.onMessage(listener) },
      this.options.onProgress,
    );
    this.client = client;
    child.onExit((code) => this.stopped(client, code));
  }

  private stopped(client: ServiceClient, code: number | null): void {
    client.serviceStopped(serviceStoppedMessage);
    if (client !== this.client || this.gaveUp || this.stopping) return;
    console.error(`[service] stopped unexpectedly (exit code ${code})`);
    if (this.restartsInARow >= this.maxRestartsInARow) {
      this.gaveUp = true;
      this.options.onStatus({ state: 'stopped', message: this.stoppedForGood().error.message });
      return;
    }
    this.restartsInARow += 1;
    this.start();
    this.ready = this.reopen();
  }

  /** Ends the service for good (the app is quitting): no restart follows. */
  stop(): void {
    this.stopping = true;
    this.child.kill();
  }

  private async reopen(): Promise<void> {
    const path = this.workspacePath;
    const reopened = path === null ? null : await this.client.call('workspace/open', { path });
    if (reopened && !reopened.ok) this.workspacePath = null;
    const workspaceReopened = reopened?.ok === true;
    this.options.onStatus({
      state: 'restarted',
      workspaceReopened,
      message:
        reopened === null
          ? 'The workbench service stopped unexpectedly and has been restarted. Anything in progress did not finish: try it again.'
          : workspaceReopened
            ? 'The workbench service stopped unexpectedly and has been restarted, with your workspace open again. The step in progress did not finish and none of it was kept: check the screen and try it again.'
            : `The workbench service stopped unexpectedly and has been restarted, but your workspace could not be opened again: ${reopened.ok ? '' : reopened.error.message} Open it from the Partnership screen.`,
    });
  }

  private stoppedForGood(): Result<never> & { ok: false } {
    return fail(
      'service-stopped',
      `The workbench service stopped unexpectedly ${this.maxRestartsInARow + 1} times in a row and has not been restarted again. Close the workbench and open it again; your workspace file keeps every step that finished.`,
    ) as Result<never> & { ok: false };
  }
}
