import type { WorkbenchApi } from '../../shared/contract';
import type { Result } from '../../shared/result';

declare global {
  interface Window {
    workbench: WorkbenchApi;
  }
}

/** The renderer's only link to the rest of the app. */
export const workbench: WorkbenchApi = window.workbench;

/** A fresh id for a cancellable operation. */
export function newOperationId(): string {
  return crypto.randomUUID();
}

export function isCancelled(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'cancelled';
}
