import type { ProgressEvent } from '../../shared/progress';
import { WorkbenchError } from '../../shared/result';

/** Handed to every service operation; long ones report progress and stop when cancelled. */
export interface OperationContext {
  readonly signal: AbortSignal;
  progress(event: Omit<ProgressEvent, 'operationId' | 'elapsedMs'>): void;
}

export function throwIfCancelled(context: OperationContext): void {
  if (context.signal.aborted) throw new WorkbenchError('cancelled', 'Cancelled. Nothing was changed.');
}

/** Lets queued messages (such as a cancel) in between chunks of synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
