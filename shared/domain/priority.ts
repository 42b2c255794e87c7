import { z } from 'zod';
import { isKnownOffenceKey, offenceDisplayLabel } from './offence-key';
import { MemberId } from './partnership';

/**
 * The partnership's priorities (brief §5, workflow 5): each addresses offence types and
 * indicators from the ranking, has a lead partner, measures and a status: not started, or red,
 * amber or green once work is under way.
 *
 * A priority's number is its place in the order, and its name ("Priority One") is derived
 * from that number, never stored: the title is the rest of the heading ("Protect vulnerable
 * people…"). Moving a priority renumbers every priority at once, and a title typed with its
 * number ("Priority One – Protect…") is stored without it, so it cannot go stale.
 */

/**
 * A priority's status. 'not-started' is for a priority agreed but not yet begun: a RAG rating
 * would say how delivery is going, and there is none yet to rate (shown grey, as a bar).
 */
export const ragStatuses = ['not-started', 'red', 'amber', 'green'] as const;
export const RagStatus = z.enum(ragStatuses);
export type RagStatus = z.infer<typeof RagStatus>;

/** How each status reads in words: colour never carries the meaning alone. */
export const ragStatusLabels: Record<RagStatus, string> = {
  'not-started': 'Not started',
  red: 'Red: off track',
  amber: 'Amber: at risk',
  green: 'Green: on track',
};

/** Each status's name alone, for a column of its own beside the label ("Not started", "Red"). */
export const ragStatusNames: Record<RagStatus, string> = {
  'not-started': 'Not started',
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
};

export const PriorityId = z.number().int().positive();

export const maxPriorities = 50;
export const maxPriorityOffences = 60;
export const maxPriorityMeasures = 30;

const units = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const tens = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** 1 → "One", 21 → "Twenty-One", as plans write them; from 100 on, the digits. */
export function numberWord(number: number): string {
  if (!Number.isInteger(number) || number < 1 || number > 99) return String(number);
  if (number < 20) return units[number]!;
  const unit = number % 10;
  return unit === 0 ? tens[Math.floor(number / 10)]! : `${tens[Math.floor(number / 10)]}-${units[unit]}`;
}

/** "Priority One": the name a priority takes from its place in the order. */
export function priorityName(number: number): string {
  return `Priority ${numberWord(number)}`;
}

/** "Priority One – Protect vulnerable people…", as the seed plan heads each priority. */
export function priorityHeading(priority: { number: number; title: string }): string {
  return `${priorityName(priority.number)} – ${priority.title}`;
}

const spelledNumbers = new Set(Array.from({ length: 99 }, (_, index) => numberWord(index + 1).toLowerCase()));
const numberPrefix = /^priority\s+([a-z]+(?:-[a-z]+)?|\d{1,3})\s*(?:[–—:.-]\s*|$)/i;

/** Drops a leading "Priority One –" or "Priority 2:" from a title: the number comes from the order. */
export function withoutPriorityNumber(title: string): string {
  const match = numberPrefix.exec(title.trim());
  if (!match) return title.trim();
  const word = match[1]!.toLowerCase();
  if (!/^\d+$/.test(word) && !spelledNumbers.has(word)) return title.trim();
  return title.trim().slice(match[0].length).trim();
}

export const PriorityTitle = z
  .string()
  .transform(withoutPriorityNumber)
  .pipe(
    z
      .string()
      .min(1, 'Give the priority a title, for example “Protect vulnerable people by increasing the awareness and reporting of Hidden Harms”.')
      .max(300, 'A title must be 300 characters or fewer.'),
  );

const PriorityAim = z
  .string()
  .trim()
  .min(1, 'Give the priority an aim: what the partnership will do, and for whom.')
  .max(4000, 'An aim must be 4,000 characters or fewer.');

const OffenceKey = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine(isKnownOffenceKey, { message: 'That is not an offence type or indicator the workbench knows.' });

const Measure = z.string().trim().min(1, 'A measure cannot be empty.').max(500, 'A measure must be 500 characters or fewer.');

/** A calendar date as YYYY-MM-DD that exists (no 31 April). */
export const IsoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the review date as a date, for example 2019-03-31.')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, 'That review date does not exist. Give a real date, for example 2019-03-31.');

export const PriorityInput = z.strictObject({
  title: PriorityTitle,
  aim: PriorityAim,
  offences: z
    .array(OffenceKey)
    .max(maxPriorityOffences, `A priority can address at most ${maxPriorityOffences} offence types.`)
    .refine((keys) => new Set(keys).size === keys.length, 'Each offence type may be listed only once.'),
  lead: MemberId.nullable(),
  measures: z.array(Measure).max(maxPriorityMeasures, `A priority can have at most ${maxPriorityMeasures} measures.`),
  status: RagStatus.nullable(),
  reviewDate: IsoDate.nullable(),
});
export type PriorityInput = z.input<typeof PriorityInput>;
export type ParsedPriorityInput = z.output<typeof PriorityInput>;

export const PriorityUpdate = PriorityInput.extend({ id: PriorityId });

export const PriorityOrder = z
  .strictObject({ ids: z.array(PriorityId).max(maxPriorities) })
  .refine((value) => new Set(value.ids).size === value.ids.length, { message: 'Each priority may appear only once.', path: ['ids'] });

export interface PriorityOffence {
  key: string;
  label: string;
}

export interface Priority {
  id: number;
  /** 1, 2, 3…: the place in the order, which gives the name "Priority One". */
  number: number;
  title: string;
  aim: string;
  offences: PriorityOffence[];
  lead: { id: number; name: string } | null;
  measures: string[];
  status: RagStatus | null;
  /** YYYY-MM-DD, or null when no review is set. */
  reviewDate: string | null;
}

/** What to send to change a priority: its stored values, ready to be edited. */
export function priorityInputOf(priority: Priority): PriorityInput {
  return {
    title: priority.title,
    aim: priority.aim,
    offences: priority.offences.map((offence) => offence.key),
    lead: priority.lead?.id ?? null,
    measures: [...priority.measures],
    status: priority.status,
    reviewDate: priority.reviewDate,
  };
}

export function priorityOffence(key: string): PriorityOffence {
  return { key, label: offenceDisplayLabel(key) };
}

/**
 * A priority as a frozen run keeps it: detached from the member table, so that renaming or
 * removing a partner later cannot change what the run recorded.
 */
export interface FrozenPriority {
  number: number;
  title: string;
  aim: string;
  offences: PriorityOffence[];
  lead: string | null;
  measures: string[];
  status: RagStatus | null;
  reviewDate: string | null;
}

export function freezePriority(priority: Priority): FrozenPriority {
  return {
    number: priority.number,
    title: priority.title,
    aim: priority.aim,
    offences: priority.offences.map((offence) => ({ ...offence })),
    lead: priority.lead?.name ?? null,
    measures: [...priority.measures],
    status: priority.status,
    reviewDate: priority.reviewDate,
  };
}

/** The CLI contract of `priority list --json` (and a frozen run's priorities in `run show --json`). */
export interface PriorityReport {
  priorities: {
    number: number;
    title: string;
    aim: string;
    /** By label, with the rank in the ranking shown beside them (null when not ranked there). */
    offences: { offence: string; rank: number | null }[];
    lead: string | null;
    status: RagStatus | null;
    measures: string[];
    reviewDate: string | null;
  }[];
}

/** Priorities in the CLI's JSON shape, each offence with its rank in the given ranking. */
export function priorityReport(
  priorities: readonly (Priority | FrozenPriority)[],
  ranking: readonly { key: string; rank: number }[],
): PriorityReport {
  const ranks = new Map(ranking.map((row) => [row.key, row.rank]));
  return {
    priorities: priorities.map((priority) => ({
      number: priority.number,
      title: priority.title,
      aim: priority.aim,
      offences: priority.offences.map((offence) => ({ offence: offence.label, rank: ranks.get(offence.key) ?? null })),
      lead: typeof priority.lead === 'string' || priority.lead === null ? priority.lead : priority.lead.name,
      status: priority.status,
      measures: [...priority.measures],
      reviewDate: priority.reviewDate,
    })),
  };
}
