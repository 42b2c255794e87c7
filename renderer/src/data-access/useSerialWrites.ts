import { useState } from 'react';

export interface SerialWrites {
  /**
   * Runs `write` once every write queued before it has settled, so that writes reach the service
   * in the order they were made and each can read what the one before it left. A write that
   * fails or throws does not stop the ones after it; its own promise still rejects.
   */
  enqueue<T>(write: () => Promise<T>): Promise<T>;
  /** Settles once every write queued so far has. */
  idle(): Promise<void>;
}

export function createSerialWrites(): SerialWrites {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    enqueue<T>(write: () => Promise<T>): Promise<T> {
      const run = tail.then(write);
      tail = run.catch(() => undefined);
      return run;
    },
    idle: () => tail.then(() => undefined),
  };
}

/** One queue of writes for the life of the component: quick repeated edits never overtake one another. */
export function useSerialWrites(): SerialWrites {
  const [writes] = useState(createSerialWrites);
  return writes;
}
