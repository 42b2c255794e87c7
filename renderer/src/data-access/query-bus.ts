import type { QueryKey } from './invalidations';

type Listener = () => void;

/**
 * Tells the queries on screen that the data they read has changed. One bus for the page: a
 * write anywhere reaches every query that reads what it changed, whichever component made it.
 */
export interface QueryBus {
  /** Calls `listener` each time data of one of `keys` changes; returns the way to stop. */
  subscribe(keys: readonly QueryKey[], listener: Listener): () => void;
  /** Data of these kinds has changed: each subscriber to any of them is told once. */
  invalidate(keys: readonly QueryKey[]): void;
}

export function createQueryBus(): QueryBus {
  const listeners = new Map<QueryKey, Set<Listener>>();
  return {
    subscribe(keys, listener) {
      for (const key of keys) {
        const set = listeners.get(key) ?? new Set();
        set.add(listener);
        listeners.set(key, set);
      }
      return () => {
        for (const key of keys) listeners.get(key)?.delete(listener);
      };
    },
    invalidate(keys) {
      // A query that reads two of the changed kinds still loads only once.
      const told = new Set<Listener>();
      for (const key of keys) for (const listener of listeners.get(key) ?? []) told.add(listener);
      for (const listener of told) listener();
    },
  };
}

/** The page's bus: the workbench wrapper (api.ts) invalidates through it, useQuery listens to it. */
export const queryBus = createQueryBus();
