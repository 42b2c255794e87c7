import { describe, expect, it } from 'vitest';
import {
  PriorityInput,
  freezePriority,
  numberWord,
  priorityHeading,
  priorityReport,
  withoutPriorityNumber,
  type Priority,
} from '../../../shared/domain/priority';

const priority: Priority = {
  id: 7,
  number: 2,
  title: 'Address Gangs and County Lines',
  aim: 'Support those vulnerable to exploitation.',
  offences: [
    { key: 'group:drug-offences', label: 'Drug offences' },
    { key: 'indicator:asb-incidents', label: 'Anti-social behaviour incidents' },
  ],
  lead: { id: 3, name: 'Essex Police' },
  measures: ['Referrals for safeguarding'],
  status: 'green',
  reviewDate: '2019-03-31',
};

describe('priority numbering and titles', () => {
  it('names a priority by its place, in words as plans write them', () => {
    expect([1, 2, 4, 11, 20, 21, 45, 99].map(numberWord)).toEqual(['One', 'Two', 'Four', 'Eleven', 'Twenty', 'Twenty-One', 'Forty-Five', 'Ninety-Nine']);
    expect(numberWord(100)).toBe('100');
    expect(priorityHeading({ number: 3, title: 'Reduce violent crime' })).toBe('Priority Three – Reduce violent crime');
  });

  it('takes a typed number off a title, and nothing else', () => {
    expect(withoutPriorityNumber('Priority One – Protect vulnerable people')).toBe('Protect vulnerable people');
    expect(withoutPriorityNumber('  priority twenty-one: Tackle ASB ')).toBe('Tackle ASB');
    expect(withoutPriorityNumber('Priority 2 - Address county lines')).toBe('Address county lines');
    expect(withoutPriorityNumber('Priority Two')).toBe('');
    expect(withoutPriorityNumber('Priority areas – hidden harms')).toBe('Priority areas – hidden harms');
    expect(withoutPriorityNumber('Priority neighbourhoods: Greenstead')).toBe('Priority neighbourhoods: Greenstead');
    expect(withoutPriorityNumber('Protect vulnerable people')).toBe('Protect vulnerable people');
  });

  it('validates input: real dates only, known offence keys, no blank measures', () => {
    const base = { title: 'T', aim: 'A', offences: [], lead: null, measures: [], status: null, reviewDate: null };
    expect(PriorityInput.parse({ ...base, title: 'Priority Four – Tackle ASB', reviewDate: '2020-02-29' })).toMatchObject({ title: 'Tackle ASB', reviewDate: '2020-02-29' });
    expect(PriorityInput.safeParse({ ...base, reviewDate: '2019-02-29' }).success).toBe(false);
    expect(PriorityInput.safeParse({ ...base, reviewDate: '2019-3-31' }).success).toBe(false);
    expect(PriorityInput.safeParse({ ...base, offences: ['indicator:hate-crime', 'subgroup:shoplifting'] }).success).toBe(true);
    expect(PriorityInput.safeParse({ ...base, offences: ['Shoplifting'] }).success).toBe(false);
    expect(PriorityInput.safeParse({ ...base, measures: ['  '] }).success).toBe(false);
    expect(PriorityInput.safeParse({ ...base, status: 'RED' }).success).toBe(false);
  });
});

describe('priority reports', () => {
  it('gives each offence by label with its rank in the ranking, or null when not ranked', () => {
    expect(priorityReport([priority], [{ key: 'group:drug-offences', rank: 4 }])).toEqual({
      priorities: [
        {
          number: 2,
          title: 'Address Gangs and County Lines',
          aim: 'Support those vulnerable to exploitation.',
          offences: [
            { offence: 'Drug offences', rank: 4 },
            { offence: 'Anti-social behaviour incidents', rank: null },
          ],
          lead: 'Essex Police',
          status: 'green',
          measures: ['Referrals for safeguarding'],
          reviewDate: '2019-03-31',
        },
      ],
    });
  });

  it('freezes a priority detached from the member table, and reports it the same way', () => {
    const frozen = freezePriority(priority);
    expect(frozen.lead).toBe('Essex Police');
    expect(frozen).not.toHaveProperty('id');
    priority.measures.push('Changed later');
    expect(frozen.measures).toEqual(['Referrals for safeguarding']);
    priority.measures.pop();
    expect(priorityReport([frozen], [])).toEqual(priorityReport([priority], []));
  });
});
