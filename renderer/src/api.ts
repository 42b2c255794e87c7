import type { WorkbenchApi } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { withInvalidation } from './data-access/invalidating-api';
import { invalidations } from './data-access/invalidations';
import { queryBus } from './data-access/query-bus';

declare global {
  interface Window {
    workbench: WorkbenchApi;
  }
}

/**
 * The renderer's only link to the rest of the app: window.workbench, with every operation that
 * changes data telling the queries on screen that read it (data-access/invalidations.ts).
 */
export const workbench: WorkbenchApi = withInvalidation(window.workbench, invalidations, queryBus);

/** A fresh id for a cancellable operation. */
export function newOperationId(): string {
  return crypto.randomUUID();
}

export function isCancelled(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'cancelled';
}
