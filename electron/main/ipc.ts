import type { IpcMain } from 'electron';
import { channels, droppedFileChannel } from '../../shared/channels';
import { fail, type Result } from '../../shared/result';
import type { RendererHandlers } from './renderer-handlers';
import { isTrustedSender } from './security';

/** One handler per contract channel; each checks who is asking before anything else. */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  handlers: RendererHandlers,
  stageDroppedFile: (input: unknown) => Promise<Result<unknown>>,
): void {
  const entries: [string, (input: unknown) => Promise<Result<unknown>>][] = [
    ...channels.map((channel) => [channel, handlers[channel]] as [string, (input: unknown) => Promise<Result<unknown>>]),
    [droppedFileChannel, stageDroppedFile],
  ];
  for (const [channel, handle] of entries) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        console.warn(`[security] refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return fail('forbidden', 'This request did not come from the workbench window.');
      }
      return handle(input);
    });
  }
}
