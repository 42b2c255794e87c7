import { z } from 'zod';
import type { Channel } from './channels';
import type { Result } from './result';
import { firstIssueMessage } from './first-issue';
import type { ProgressListener } from './progress';
import type { ServiceStatusListener } from './service-status';
import type { StagedFile } from './domain/dataset';
import { operations, type Operations } from './operations';

/** The types the renderer, the preload and the handlers derive from the operations table. */

/** What a caller may pass (before defaults are applied). */
export type InputOf<C extends Channel> = z.input<Operations[C]['input']>;
/** What a handler receives after validation. */
export type ParsedInputOf<C extends Channel> = z.output<Operations[C]['input']>;
export type OutputOf<C extends Channel> = Operations[C]['output'];

type DomainOf<C extends string> = C extends `${infer D}/${string}` ? D : never;

type Call<C extends Channel> = Record<never, never> extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
  : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

/** window.workbench: one function per channel, grouped by domain, plus the progress stream. */
export type WorkbenchApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}/${infer Verb}` ? Verb : never]: Call<C>;
  };
} & {
  onProgress(listener: ProgressListener): () => void;
  /** Told when the service process stopped unexpectedly, and whether it was restarted. */
  onServiceStatus(listener: ServiceStatusListener): () => void;
  /**
   * Stages a file dragged onto the window, like dataset.choose. The page hands over the File;
   * the preload reads its path (webUtils.getPathForFile), so the page never sees one.
   */
  stageDroppedFile(file: DroppedFileHandle): Promise<Result<StagedFile>>;
};

/** A File from the page. shared/ knows no DOM, so only the part it relies on is named here. */
export interface DroppedFileHandle {
  readonly name: string;
}

/** Validates untrusted input for a channel; the error message names the first bad field. */
export function parseInput<C extends Channel>(
  channel: C,
  input: unknown,
): { ok: true; value: ParsedInputOf<C> } | { ok: false; message: string } {
  const parsed = operations[channel].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInputOf<C> };
  return { ok: false, message: firstIssueMessage(parsed.error.issues) };
}

/**
 * The one message that carries a path from the renderer process: sent by the preload, never
 * by the page, for a file the analyst dropped. Main checks it is an existing, readable file.
 */
export const DroppedFile = z.object({ path: z.string().min(1).max(4096) }).strict();
