// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createSerialWrites, useSerialWrites } from '../../../renderer/src/data-access/useSerialWrites';
import { deferred } from './deferred';

afterEach(cleanup);

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createSerialWrites', () => {
  it('starts each write only once the one before it has settled, in the order they were queued', async () => {
    const writes = createSerialWrites();
    const events: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const a = writes.enqueue(async () => {
      events.push('first starts');
      return first.promise;
    });
    const b = writes.enqueue(async () => {
      events.push('second starts');
      return second.promise;
    });
    await tick();
    expect(events).toEqual(['first starts']);

    first.resolve('first done');
    expect(await a).toBe('first done');
    await tick();
    expect(events).toEqual(['first starts', 'second starts']);
    second.resolve('second done');
    expect(await b).toBe('second done');
  });

  it('lets each write read what the one before it left, as quick repeated moves need', async () => {
    const writes = createSerialWrites();
    let order = ['a', 'b', 'c'];
    // Each move swaps the first two, worked out from the order when the move runs, not when it was asked for.
    const moveFirstDown = () =>
      writes.enqueue(async () => {
        await tick();
        order = [order[1]!, order[0]!, ...order.slice(2)];
        return order.join('');
      });
    const results = await Promise.all([moveFirstDown(), moveFirstDown(), moveFirstDown()]);
    expect(results).toEqual(['bac', 'abc', 'bac']);
  });

  it('goes on after a write that fails or throws; that write still rejects for its caller', async () => {
    const writes = createSerialWrites();
    const ran: string[] = [];
    const failing = writes.enqueue(async () => {
      ran.push('failing');
      throw new Error('The disk is full.');
    });
    const next = writes.enqueue(async () => {
      ran.push('next');
      return 'stored';
    });
    await expect(failing).rejects.toThrow('The disk is full.');
    expect(await next).toBe('stored');
    expect(ran).toEqual(['failing', 'next']);
  });

  it('is idle once every write queued so far has settled', async () => {
    const writes = createSerialWrites();
    const slow = deferred<undefined>();
    let stored = false;
    void writes.enqueue(() => slow.promise);
    void writes.enqueue(async () => {
      stored = true;
    });
    const idle = writes.idle();
    let settled = false;
    void idle.then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    slow.resolve(undefined);
    await idle;
    expect(stored).toBe(true);
  });
});

describe('useSerialWrites', () => {
  it('keeps one queue for the life of the component', () => {
    const { result, rerender } = renderHook(() => useSerialWrites());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});
