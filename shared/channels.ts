import type { OperationName } from './operations';

/**
 * An operation's channel is its name, 'noun/verb' (shared/operations.ts lists them). This module
 * imports the table as a type only, so the sandboxed preload can bundle it without zod.
 */
export type Channel = OperationName;

/** The push channel on which the service streams progress of long operations. */
export const progressChannel = 'operation/progress';

/** The push channel on which main reports that the service process stopped and what followed. */
export const serviceStatusChannel = 'service/status';

/** Sent only by the preload for a dropped file; not part of the generic API (see contract). */
export const droppedFileChannel = 'dataset/dropped';
