import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationNames } from '../../../shared/operations';
import { parseInput } from '../../../shared/contract';
import { operations } from '../../../shared/operations';
import { AssessmentPeriod, MemberInput, PartnershipDetails, YearMonth } from '../../../shared/domain/partnership';
import { fail, ok, toFailure, WorkbenchError } from '../../../shared/result';
import { buildWorkbenchApi } from '../../../shared/workbench-api';

describe('the IPC contract', () => {
  it('has a schema for every channel and a channel for every schema', () => {
    expect(Object.keys(operations).sort()).toEqual([...operationNames].sort());
  });

  it('names every channel domain/verb', () => {
    for (const channel of operationNames) expect(channel).toMatch(/^[a-z]+\/[a-z][A-Za-z]*$/);
  });

  it('rejects unknown fields, so nothing extra rides along', () => {
    expect(parseInput('member/remove', { id: 3, path: '/etc/passwd' })).toMatchObject({ ok: false });
    expect(parseInput('workspace/open', { path: '/tmp/x.sqlite' })).toMatchObject({ ok: false });
  });

  it('applies defaults and trims text', () => {
    expect(parseInput('workspace/create', { name: '  Safer Colchester Partnership ' })).toEqual({
      ok: true,
      value: { name: 'Safer Colchester Partnership', marking: 'OFFICIAL' },
    });
    expect(parseInput('member/add', { name: 'CCVS', statutory: false, contact: '  ' })).toEqual({
      ok: true,
      value: { name: 'CCVS', statutory: false, contact: null },
    });
  });

  it('explains the first problem with the field it is about', () => {
    expect(parseInput('workspace/create', { name: 'P', marking: 'SECRET' })).toEqual({
      ok: false,
      message: expect.stringMatching(/^marking: /),
    });
    expect(parseInput('operation/cancel', { operationId: '../../x' })).toEqual({
      ok: false,
      message: 'operationId: Operation ids are 8 to 64 letters, digits, - or _.',
    });
  });
});

describe('domain schemas', () => {
  it('accept exactly the real calendar months as YYYY-MM', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: -5, max: 20 }), (year, month) => {
        const text = `${year}-${String(month).padStart(2, '0')}`;
        expect(YearMonth.safeParse(text).success).toBe(month >= 1 && month <= 12);
      }),
    );
    expect(YearMonth.safeParse('04/2018').success).toBe(false);
  });

  it('keep periods in order', () => {
    expect(AssessmentPeriod.safeParse({ from: '2018-04', to: '2019-03' }).success).toBe(true);
    expect(AssessmentPeriod.safeParse({ from: '2018-04', to: '2018-04' }).success).toBe(true);
    expect(AssessmentPeriod.safeParse({ from: '2019-04', to: '2019-03' }).success).toBe(false);
  });

  it('never store a member name with stray spaces or an empty contact', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.boolean(), fc.option(fc.string({ maxLength: 40 })), (name, statutory, contact) => {
        const parsed = MemberInput.safeParse({ name, statutory, contact });
        if (name.trim() === '') {
          expect(parsed.success).toBe(false);
          return;
        }
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        expect(parsed.data.name).toBe(name.trim());
        expect(parsed.data.contact === null || parsed.data.contact.trim() === parsed.data.contact).toBe(true);
        expect(parsed.data.contact).not.toBe('');
      }),
    );
  });

  it('require a marking from the Government Security Classifications', () => {
    const base = { name: 'P', area: null, period: null };
    expect(PartnershipDetails.safeParse({ ...base, marking: 'OFFICIAL-SENSITIVE' }).success).toBe(true);
    expect(PartnershipDetails.safeParse({ ...base, marking: 'RESTRICTED' }).success).toBe(false);
  });
});

describe('results', () => {
  it('carry deliberate errors and hide internal ones', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('not-found', 'Gone')).toEqual({ ok: false, error: { code: 'not-found', message: 'Gone' } });
    expect(toFailure(new WorkbenchError('file-exists', 'It exists'))).toEqual({ ok: false, error: { code: 'file-exists', message: 'It exists' } });
    const hidden = toFailure(new Error('SQLITE_CORRUPT at /home/analyst/secret.sqlite'));
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
  });
});

describe('buildWorkbenchApi', () => {
  it('groups operationNames by domain and sends each on its own channel', async () => {
    const sent: [string, unknown][] = [];
    const api = buildWorkbenchApi({
      operationNames,
      invoke: async (channel, input) => (sent.push([channel, input]), { ok: true, value: null }),
      subscribe: () => () => {},
      stageDroppedFile: async () => null,
    });
    await api.member.move({ ids: [2, 1] });
    await api.partnership.show();
    expect(sent).toEqual([
      ['member/move', { ids: [2, 1] }],
      ['partnership/show', {}],
    ]);
  });

  it('is self-contained, so the test harness can inject its source into a page', () => {
    const source = buildWorkbenchApi.toString();
    const rebuilt = new Function(`return (${source})`)() as typeof buildWorkbenchApi;
    const api = rebuilt({ operationNames: ['workspace/show'], invoke: async () => 'answer', subscribe: () => () => {}, stageDroppedFile: async () => null });
    return expect(api.workspace.show()).resolves.toBe('answer');
  });
});

describe('the operations table', () => {
  it('gives every operation main chooses a file for a dialog, and no other operation one', () => {
    for (const name of operationNames) {
      const facts = operations[name] as { path?: string; dialog?: unknown };
      expect(facts.dialog !== undefined, name).toBe(facts.path !== undefined);
    }
  });

  it('suggests file names from the input and the date', () => {
    expect(operations['workspace/create'].dialog.defaultName({ name: 'Safer: Colchester' }, '2026-12-07')).toBe('Safer  Colchester.sqlite');
    expect(operations['export/pdf'].dialog.defaultName({ kind: 'board-paper' }, '2026-12-07')).toBe('Board paper.pdf');
    expect(operations['export/workbook'].dialog.defaultName({}, '2026-12-07')).toBe('Evidence workbook 2026-12-07.xlsx');
  });
});
