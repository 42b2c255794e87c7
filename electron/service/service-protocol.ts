import type { Channel } from '../../shared/channels';
import type { ProgressEvent } from '../../shared/progress';
import { fail, type Result } from '../../shared/result';

/** Anything that answers service calls: the host itself, or a client of a host in another process. */
export interface ServiceCaller {
  call(channel: Channel, input: unknown): Promise<Result<unknown>>;
}

/** Messages between main and the service process. */
export type ToService = { type: 'call'; id: number; channel: Channel; input: unknown };
export type FromService =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; event: ProgressEvent };

/** The two ends of a message pipe: a utility process, a child process or a MessagePort. */
export interface MessagePipe<Incoming, Outgoing> {
  send(message: Outgoing): void;
  listen(listener: (message: Incoming) => void): void;
}

/** Serves calls arriving on a pipe; used inside the service process. */
export function serveOverPipe(host: ServiceCaller, pipe: MessagePipe<ToService, FromService>): void {
  pipe.listen((message) => {
    if (message?.type !== 'call') return;
    void host.call(message.channel, message.input).then((result) => pipe.send({ type: 'result', id: message.id, result }));
  });
}

/** A ServiceCaller for main, talking to the service in another process. */
export class ServiceClient implements ServiceCaller {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private stoppedWith: string | null = null;

  constructor(
    private readonly pipe: MessagePipe<FromService, ToService>,
    onProgress: (event: ProgressEvent) => void,
  ) {
    pipe.listen((message) => {
      if (message.type === 'progress') {
        onProgress(message.event);
      } else if (message.type === 'result') {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      }
    });
  }

  call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    if (this.stoppedWith !== null) return Promise.resolve(fail('service-stopped', this.stoppedWith));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.pipe.send({ type: 'call', id, channel, input });
      } catch {
        // The process went away between the check above and now; its exit answers the call.
      }
    });
  }

  /**
   * Answers every waiting call at once when the service process has gone, so no screen hangs,
   * and refuses any call made afterwards: the process will never answer it.
   */
  serviceStopped(
    message = 'The workbench service stopped unexpectedly. Work in progress was not kept; your workspace is as it was before that step.',
  ): void {
    this.stoppedWith = message;
    for (const resolve of this.pending.values()) resolve(fail('service-stopped', message));
    this.pending.clear();
  }
}
