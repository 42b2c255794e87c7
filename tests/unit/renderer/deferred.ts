import type { Result } from '../../../shared/result';

export { fail, ok } from '../../../shared/result';

/** A promise the test settles when it chooses: an answer from the service that arrives late, or early. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A stand-in for one read operation: each call waits for the test to answer it, in any order.
 */
export function answerable<T>() {
  const calls: Deferred<Result<T>>[] = [];
  return {
    calls,
    load: () => {
      const call = deferred<Result<T>>();
      calls.push(call);
      return call.promise;
    },
  };
}
