import type { IpcMain } from 'electron';
import { droppedFileChannel } from '../../shared/channels';
import { operationNames } from '../../shared/operations';
import { fail, type Result } from '../../shared/result';
import type { RendererHandlers } from './renderer-handlers';
import { isTrustedSender } from './security';

/**
 * Whatever a handler throws (a dialog, the service pipe, a bug) comes back as a Result with a
 * message: an exception crossing IPC would reach the page as "Error invoking remote method".
 */
export async function answerWithoutThrowing(channel: string, handle: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
  try {
    return await handle();
  } catch (error) {
    console.error(`[ipc] ${channel} failed:`, error);
    const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
    return fail('internal', `The workbench could not do that${reason}. Nothing was changed. Try again; if it keeps happening, restart the workbench.`);
  }
}

/** One handler per contract channel; each checks who is asking before anything else. */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  handlers: RendererHandlers,
  stageDroppedFile: (input: unknown) => Promise<Result<unknown>>,
): void {
  const entries: [string, (input: unknown) => Promise<Result<unknown>>][] = [
    ...operationNames.map((channel) => [channel, handlers[channel]] as [string, (input: unknown) => Promise<Result<unknown>>]),
    [droppedFileChannel, stageDroppedFile],
  ];
  for (const [channel, handle] of entries) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        console.warn(`[security] refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return fail('forbidden', 'This request did not come from the workbench window.');
      }
      return answerWithoutThrowing(channel, () => handle(input));
    });
  }
}
