// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryBus } from '../../../renderer/src/data-access/query-bus';
import { useQuery } from '../../../renderer/src/data-access/useQuery';
import { answerable, fail, ok } from './deferred';

afterEach(cleanup);

/** Lets the promise callbacks already queued run, inside act so that React applies their updates. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('useQuery', () => {
  it('loads once on mount, shows loading until the answer, then the data', async () => {
    const service = answerable<string[]>();
    const bus = createQueryBus();
    const { result } = renderHook(() => useQuery(['datasets'], service.load, { bus }));
    expect(result.current.status).toBe('loading');
    expect(result.current.data).toBeUndefined();
    expect(service.calls).toHaveLength(1);

    await act(async () => service.calls[0]!.resolve(ok(['a.csv'])));
    expect(result.current.status).toBe('ready');
    expect(result.current.data).toEqual(['a.csv']);
    expect(result.current.error).toBeNull();
  });

  it('ignores a late answer: an older request never overwrites a newer one', async () => {
    const service = answerable<string>();
    const bus = createQueryBus();
    const { result } = renderHook(() => useQuery(['analysis'], service.load, { bus }));
    act(() => result.current.reload());
    expect(service.calls).toHaveLength(2);

    // The second request is answered first; the first one's answer, arriving after, is dropped.
    await act(async () => service.calls[1]!.resolve(ok('newer')));
    await act(async () => service.calls[0]!.resolve(ok('older')));
    expect(result.current.data).toBe('newer');

    // A failure of an older request is dropped too.
    act(() => result.current.reload());
    act(() => result.current.reload());
    await act(async () => service.calls[3]!.resolve(ok('newest')));
    await act(async () => service.calls[2]!.resolve(fail('internal', 'too late to matter')));
    expect(result.current.data).toBe('newest');
    expect(result.current.error).toBeNull();
  });

  it('ignores a load still on its way once the parameters change, and loads for the new ones', async () => {
    const answers = new Map<number, ReturnType<typeof answerable<string>>>([
      [1, answerable<string>()],
      [2, answerable<string>()],
    ]);
    const bus = createQueryBus();
    const { result, rerender } = renderHook(({ runId }) => useQuery(['runs'], () => answers.get(runId)!.load(), { bus, params: [runId] }), {
      initialProps: { runId: 1 },
    });
    rerender({ runId: 2 });
    expect(answers.get(2)!.calls).toHaveLength(1);
    await act(async () => answers.get(2)!.calls[0]!.resolve(ok('run 2')));
    await act(async () => answers.get(1)!.calls[0]!.resolve(ok('run 1')));
    expect(result.current.data).toBe('run 2');
  });

  it('loads again after an operation changes what it reads, and not after one that changes something else', async () => {
    const service = answerable<number>();
    const bus = createQueryBus();
    const { result } = renderHook(() => useQuery(['runs', 'matrix'], service.load, { bus }));
    await act(async () => service.calls[0]!.resolve(ok(1)));

    bus.invalidate(['priorities']);
    await settle();
    expect(service.calls).toHaveLength(1);

    // Two kinds it reads, changed at once: one load, and the data stays shown meanwhile.
    bus.invalidate(['runs', 'matrix']);
    await settle();
    expect(service.calls).toHaveLength(2);
    expect(result.current.status).toBe('ready');
    expect(result.current.data).toBe(1);
    await act(async () => service.calls[1]!.resolve(ok(2)));
    expect(result.current.data).toBe(2);
  });

  it('takes an answer in hand instead of loading again: set stands for the reload an invalidation asked for', async () => {
    const service = answerable<string>();
    const bus = createQueryBus();
    const { result } = renderHook(() => useQuery(['priorities'], service.load, { bus }));
    await act(async () => service.calls[0]!.resolve(ok('as loaded')));

    // What a write does: its success invalidates, and the screen that made it sets its answer.
    act(() => {
      bus.invalidate(['priorities']);
      result.current.set('as the write answered');
    });
    await settle();
    expect(service.calls).toHaveLength(1);
    expect(result.current.data).toBe('as the write answered');
  });

  it('drops a load on its way when an answer is set after it was asked for', async () => {
    const service = answerable<string>();
    const bus = createQueryBus();
    const { result } = renderHook(() => useQuery(['matrix'], service.load, { bus }));
    act(() => result.current.set('set'));
    await act(async () => service.calls[0]!.resolve(ok('loaded before the set')));
    expect(result.current.data).toBe('set');

    act(() => result.current.update((current) => `${current} and updated`));
    expect(result.current.data).toBe('set and updated');
  });

  it('says why a load failed, keeps what it showed, and clears the error once a load succeeds', async () => {
    const service = answerable<string>();
    const bus = createQueryBus();
    const onError = vi.fn();
    const onData = vi.fn();
    const { result } = renderHook(() => useQuery(['analysis'], service.load, { bus, onError, onData }));

    await act(async () => service.calls[0]!.resolve(fail('no-workspace', 'No workspace is open.')));
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBe('No workspace is open.');
    expect(onError).toHaveBeenCalledWith('No workspace is open.');

    // Trying again shows loading again, as there is nothing to show meanwhile.
    act(() => result.current.reload());
    expect(result.current.status).toBe('loading');
    await act(async () => service.calls[1]!.resolve(ok('figures')));
    expect(result.current.status).toBe('ready');
    expect(result.current.error).toBeNull();
    expect(onData).toHaveBeenCalledWith('figures');

    // A reload that fails keeps the figures on screen, with the reason beside them.
    act(() => result.current.reload());
    await act(async () => service.calls[2]!.resolve(fail('internal', 'The disk went away.')));
    expect(result.current.status).toBe('ready');
    expect(result.current.data).toBe('figures');
    expect(result.current.error).toBe('The disk went away.');
  });

  it('treats a load that throws as a failure', async () => {
    const service = answerable<string>();
    const { result } = renderHook(() => useQuery(['document'], service.load, { bus: createQueryBus() }));
    await act(async () => service.calls[0]!.reject(new Error('The service stopped.')));
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBe('The service stopped.');
  });

  it('ignores answers after it unmounts, and stops listening for invalidations', async () => {
    const service = answerable<string>();
    const bus = createQueryBus();
    const onData = vi.fn();
    const { unmount } = renderHook(() => useQuery(['partnership'], service.load, { bus, onData }));
    unmount();
    await act(async () => service.calls[0]!.resolve(ok('too late')));
    expect(onData).not.toHaveBeenCalled();
    bus.invalidate(['partnership']);
    await settle();
    expect(service.calls).toHaveLength(1);
  });

  it('uses the latest load function given, so a reload reads what the screen now asks for', async () => {
    const bus = createQueryBus();
    const first = answerable<string>();
    const second = answerable<string>();
    const { result, rerender } = renderHook(({ load }) => useQuery(['matrix'], load, { bus }), { initialProps: { load: first.load } });
    rerender({ load: second.load });
    act(() => result.current.reload());
    await waitFor(() => expect(second.calls).toHaveLength(1));
    expect(first.calls).toHaveLength(1);
  });
});
