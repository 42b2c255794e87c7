import { statSync } from 'node:fs';
import { extname, isAbsolute } from 'node:path';
import { type Channel } from '../../shared/channels';
import { operationNames, operations } from '../../shared/operations';
import { DroppedFile, parseInput } from '../../shared/contract';
import type { ExportReveal } from '../../shared/export/export-request';
import { fail, type Result } from '../../shared/result';
import type { ServiceCaller } from '../service/service-protocol';
import { isPathChannel, type PathChannel } from '../service/service-contract';

/** Chooses the file for an operation that needs one; null when the analyst cancels. */
export type PathChooser = (channel: PathChannel, input: Record<string, unknown>) => Promise<string | null>;

export type RendererHandlers = Record<Channel, (input: unknown) => Promise<Result<unknown>>>;

/** What main does with a file it exported: shell.showItemInFolder and shell.openPath in the app. */
export interface ExportedFileActions {
  reveal(path: string, action: ExportReveal['action']): Promise<void>;
}

/**
 * The renderer-facing operations, free of Electron so that the end-to-end harness drives
 * exactly this code. Each validates its input against the contract, adds the file path main
 * chose (paths never come from the renderer), and calls the service.
 */
export function createRendererHandlers(service: ServiceCaller, choosePath: PathChooser, files?: ExportedFileActions): RendererHandlers {
  // Exported files by export id: the page refers to a file it exported, never to a path.
  const exported = new Map<string, string>();
  const reveal = async ({ exportId, action }: ExportReveal): Promise<Result<unknown>> => {
    const path = exported.get(exportId);
    if (!path || !files) return fail('not-found', 'That file is no longer known to the workbench. Export it again.');
    await files.reveal(path, action);
    return { ok: true, value: null };
  };
  const handle = (channel: Channel) => async (raw: unknown): Promise<Result<unknown>> => {
    const parsed = parseInput(channel, raw);
    if (!parsed.ok) return fail('invalid-input', parsed.message);
    const input = parsed.value as Record<string, unknown>;
    if (operations[channel].owner === 'main') return reveal(input as ExportReveal);
    if (!isPathChannel(channel)) return service.call(channel, input);
    let path: string | null;
    try {
      path = await choosePath(channel, input);
    } catch (error) {
      return fail('internal', `The file dialog could not be shown (${(error as Error).message}). Nothing was changed; try again.`);
    }
    if (path === null) return fail('cancelled', 'No file was chosen.');
    const result = await service.call(channel, { ...input, path });
    if (result.ok && 'exportsFile' in operations[channel]) exported.set(String(input.operationId), path);
    return result;
  };
  return Object.fromEntries(operationNames.map((channel) => [channel, handle(channel)])) as RendererHandlers;
}

const importableExtensions = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.ods']);

/**
 * Stages a file dropped on the window. The path comes from the preload, read from a File the
 * analyst dropped, so it is checked like any outside input: an absolute path to an existing,
 * ordinary file of a kind the importer reads.
 */
export function createDroppedFileHandler(service: ServiceCaller): (input: unknown) => Promise<Result<unknown>> {
  return async (raw) => {
    const parsed = DroppedFile.safeParse(raw);
    if (!parsed.success || !parsed.data.path) return fail('invalid-input', 'Only files from your computer can be dropped here.');
    const { path } = parsed.data;
    if (!isAbsolute(path) || !importableExtensions.has(extname(path).toLowerCase())) {
      return fail('invalid-input', 'Drop a CSV, Excel (.xlsx) or OpenDocument (.ods) file.');
    }
    try {
      if (!statSync(path).isFile()) return fail('invalid-input', 'Drop a file, not a folder.');
    } catch {
      return fail('file-not-found', 'The dropped file could not be found.');
    }
    return service.call('dataset/stage', { path, partner: null });
  };
}
