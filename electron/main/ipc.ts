import type { IpcMain } from 'electron';
import { channels } from '../../shared/channels';
import { fail } from '../../shared/result';
import type { RendererHandlers } from './renderer-handlers';
import { isTrustedSender } from './security';

/** One handler per contract channel; each checks who is asking before anything else. */
export function registerIpcHandlers(ipcMain: IpcMain, handlers: RendererHandlers): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        console.warn(`[security] refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return fail('forbidden', 'This request did not come from the workbench window.');
      }
      return handlers[channel](input);
    });
  }
}
