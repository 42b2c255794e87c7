import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/result';
import type { QueryKey } from './invalidations';
import { queryBus, type QueryBus } from './query-bus';

export interface QueryOptions<T> {
  /**
   * What the load depends on besides the workspace (a run's id, say): a change loads again. The
   * data shown stays until the new answer arrives.
   */
  params?: readonly (string | number | boolean | null)[];
  /** Told each load's answer as it is shown (not what set gives), for state kept beside it. */
  onData?(data: T): void;
  /** Told each time a load fails, for a screen that says so in a message of its own. */
  onError?(message: string): void;
  /** The bus to listen on; the page's own unless a test gives another. */
  bus?: QueryBus;
}

export type QueryStatus = 'loading' | 'ready' | 'failed';

export interface Query<T> {
  /** The latest answer, kept while the next load is on its way; undefined until the first. */
  data: T | undefined;
  /** Why the latest load failed, until one succeeds. */
  error: string | null;
  /** 'loading' until the first answer (or again after a failure, while retrying); 'failed' when there is nothing to show but why. */
  status: QueryStatus;
  /** Loads again; the data shown stays until the answer. */
  reload(): void;
  /**
   * An answer already in hand, as new as the workspace now is: what a write answered. Shown at
   * once, it stands for any load on its way or asked for by an invalidation, whose answer would
   * be older: that load is dropped, or never made.
   */
  set(data: T): void;
  /** As set, from the data shown now (undefined before the first answer). */
  update(change: (current: T | undefined) => T): void;
}

interface QueryState<T> {
  data: T | undefined;
  error: string | null;
  /** A load is on its way. */
  loading: boolean;
}

/**
 * Loads something the screen shows, loads it again when an operation that changes it succeeds
 * (see invalidations.ts), and never lets an answer to an older request overwrite a newer one:
 * each load, and each set, supersedes every load still on its way.
 */
export function useQuery<T>(keys: readonly QueryKey[], load: () => Promise<Result<T>>, options: QueryOptions<T> = {}): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ data: undefined, error: null, loading: true });
  // The numbered request whose answer may still be shown; every load and set takes a new number.
  const latest = useRef(0);
  const mounted = useRef(false);
  const pendingReload = useRef<number | null>(null);
  const loadRef = useRef(load);
  const onDataRef = useRef(options.onData);
  const onErrorRef = useRef(options.onError);
  useLayoutEffect(() => {
    loadRef.current = load;
    onDataRef.current = options.onData;
    onErrorRef.current = options.onError;
  });

  const cancelPendingReload = useCallback(() => {
    if (pendingReload.current === null) return;
    window.clearTimeout(pendingReload.current);
    pendingReload.current = null;
  }, []);

  /** Asks for the data; its answer is shown only if no load or set has come after it. */
  const send = useCallback(() => {
    cancelPendingReload();
    const request = ++latest.current;
    void loadRef.current().then(
      (result) => {
        if (!mounted.current || request !== latest.current) return;
        if (result.ok) {
          setState({ data: result.value, error: null, loading: false });
          onDataRef.current?.(result.value);
        } else {
          setState((current) => ({ ...current, error: result.error.message, loading: false }));
          onErrorRef.current?.(result.error.message);
        }
      },
      (error: unknown) => {
        if (!mounted.current || request !== latest.current) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((current) => ({ ...current, error: message, loading: false }));
        onErrorRef.current?.(message);
      },
    );
  }, [cancelPendingReload]);

  const reload = useCallback(() => {
    setState((current) => (current.loading ? current : { ...current, loading: true }));
    send();
  }, [send]);

  const update = useCallback(
    (change: (current: T | undefined) => T) => {
      cancelPendingReload();
      latest.current += 1;
      setState((current) => ({ data: change(current.data), error: null, loading: false }));
    },
    [cancelPendingReload],
  );
  const set = useCallback((data: T) => update(() => data), [update]);

  const params = JSON.stringify(options.params ?? []);
  useEffect(() => {
    mounted.current = true;
    send();
    return () => {
      mounted.current = false;
      latest.current += 1;
    };
  }, [send, params]);

  // An invalidation asks for a load on the next turn of the event loop, so that a write's own
  // answer, set before then by the screen that made the write, stands for it instead of a
  // second round trip.
  const bus = options.bus ?? queryBus;
  const keyList = keys.join(' ');
  useEffect(() => {
    const unsubscribe = bus.subscribe(keyList.split(' ') as QueryKey[], () => {
      if (pendingReload.current !== null) return;
      pendingReload.current = window.setTimeout(() => {
        pendingReload.current = null;
        reload();
      }, 0);
    });
    return () => {
      unsubscribe();
      cancelPendingReload();
    };
  }, [bus, keyList, reload, cancelPendingReload]);

  const status: QueryStatus = state.data !== undefined ? 'ready' : state.error !== null && !state.loading ? 'failed' : 'loading';
  return { data: state.data, error: state.error, status, reload, set, update };
}
