// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { useSchemaForm } from '../../../renderer/src/components/useSchemaForm';
import { deferred, fail, ok } from './deferred';

afterEach(cleanup);

const Details = z.strictObject({
  name: z.string().trim().min(1, 'The partnership name cannot be empty.'),
  period: z.strictObject({ from: z.string().min(1, 'Give the first month.') }).nullable(),
});
const fieldIds = { name: 'details-name', 'period.from': 'details-period-from' };

describe('useSchemaForm', () => {
  it('shows each problem against its field and sends nothing while the values do not pass', async () => {
    const { result } = renderHook(() => useSchemaForm());
    const call = vi.fn();
    let answer: unknown;
    await act(async () => {
      answer = await result.current.submit({ schema: Details, values: { name: ' ', period: { from: '' } }, fieldIds, call });
    });
    expect(answer).toBeNull();
    expect(call).not.toHaveBeenCalled();
    expect(result.current.errors).toEqual([
      { fieldId: 'details-name', message: 'The partnership name cannot be empty.' },
      { fieldId: 'details-period-from', message: 'Give the first month.' },
    ]);
    expect(result.current.errorFor('details-name')).toBe('The partnership name cannot be empty.');
    expect(result.current.errorFor('details-area')).toBeUndefined();
  });

  it('adds what the schema cannot see, and any such problem stops the call', async () => {
    const { result } = renderHook(() => useSchemaForm());
    const call = vi.fn();
    await act(async () => {
      await result.current.submit({
        schema: Details,
        values: { name: 'Safer Colchester', period: null },
        problems: (issues) => [...issues.map((issue) => ({ fieldId: null, message: issue.message })), { fieldId: 'details-date', message: 'Give the date as a day, month and year.' }],
        call,
      });
    });
    expect(call).not.toHaveBeenCalled();
    expect(result.current.errors).toEqual([{ fieldId: 'details-date', message: 'Give the date as a day, month and year.' }]);
  });

  it('shows the problems a check finds before the schema reads the values, and nothing else runs', async () => {
    const { result } = renderHook(() => useSchemaForm());
    const call = vi.fn();
    const Month = z.string().transform((value) => {
      // As the shared month schemas do with what is not a month: the check must come first.
      if (!/^\d{4}-\d{2}$/.test(value)) throw new Error(`"${value}" is not a month in the form YYYY-MM.`);
      return value;
    });
    await act(async () => {
      await result.current.submit({ schema: Month, values: '', check: () => [{ fieldId: 'periods-current-from', message: 'Give the first month.' }], call });
    });
    expect(call).not.toHaveBeenCalled();
    expect(result.current.errors).toEqual([{ fieldId: 'periods-current-from', message: 'Give the first month.' }]);
  });

  it('sends what the schema gave, busy meanwhile with the pending status, then says what it did', async () => {
    const { result } = renderHook(() => useSchemaForm());
    const answer = deferred<ReturnType<typeof ok<string>>>();
    const call = vi.fn((_input: z.output<typeof Details>) => answer.promise);
    const done = vi.fn();
    act(() => result.current.setErrors([{ fieldId: 'details-name', message: 'An old problem.' }]));
    let submitted!: Promise<unknown>;
    act(() => {
      submitted = result.current.submit({
        schema: Details,
        values: { name: '  Safer Colchester  ', period: null },
        fieldIds,
        pending: 'Saving…',
        call,
        done,
        message: (saved) => `${saved} saved.`,
      });
    });
    // The schema trims the name before it is sent.
    expect(call).toHaveBeenCalledWith({ name: 'Safer Colchester', period: null });
    expect(result.current.busy).toBe(true);
    expect(result.current.status).toBe('Saving…');
    expect(result.current.errors).toEqual([]);

    await act(async () => {
      answer.resolve(ok('Safer Colchester'));
      await submitted;
    });
    expect(result.current.busy).toBe(false);
    expect(done).toHaveBeenCalledWith('Safer Colchester', { name: 'Safer Colchester', period: null });
    expect(result.current.status).toBe('Safer Colchester saved.');
  });

  it('lists a refusal as a general problem and clears the status line', async () => {
    const { result } = renderHook(() => useSchemaForm());
    act(() => result.current.setStatus('Partnership details saved.'));
    await act(async () => {
      await result.current.submit({ schema: Details, values: { name: 'A', period: null }, call: async () => fail('read-only', 'The workspace file is read-only.') });
    });
    expect(result.current.errors).toEqual([{ fieldId: null, message: 'The workspace file is read-only.' }]);
    expect(result.current.status).toBe('');
  });

  it('says nothing when the analyst cancelled a dialog the call opened', async () => {
    const { result } = renderHook(() => useSchemaForm());
    const done = vi.fn();
    await act(async () => {
      await result.current.submit({ schema: Details, values: { name: 'A', period: null }, call: async () => fail('cancelled', 'Cancelled.'), done });
    });
    expect(result.current.errors).toEqual([]);
    expect(done).not.toHaveBeenCalled();
  });
});
