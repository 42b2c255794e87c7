import { Option, type Command } from 'commander';
import type { AnalysisView, MatrixState } from '../../shared/domain/analysis';
import type { Member } from '../../shared/domain/partnership';
import {
  priorityHeading,
  priorityInputOf,
  priorityReport,
  ragStatusLabels,
  ragStatuses,
  type Priority,
  type PriorityInput,
  type RagStatus,
} from '../../shared/domain/priority';
import { isKnownOffenceKey } from '../../shared/domain/offence-key';
import { WorkbenchError } from '../../shared/result';
import type { ServiceHost } from '../service/service-host';
import { call, jsonOption, printJson, withWorkspace, workspaceOption } from './cli-support';

interface OffenceCandidate {
  key: string;
  label: string;
  rank: number | null;
}

/** What `--offence` may name: the ranked types, then indicators with figures that are not ranked. */
function offenceCandidates(state: MatrixState, analysis: AnalysisView): OffenceCandidate[] {
  const ranked = state.ranking.map((row) => ({ key: row.key, label: row.label, rank: row.rank }));
  const rankedKeys = new Set(ranked.map((row) => row.key));
  const indicators = analysis.offences
    .filter((offence) => offence.kind === 'indicator' && !rankedKeys.has(offence.key))
    .map((offence) => ({ key: offence.key, label: offence.label, rank: null }));
  return [...ranked, ...indicators];
}

const simplified = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Labels that look like what was typed: one inside the other, a shared word, or a near miss. */
function closeMatches(typed: string, candidates: readonly OffenceCandidate[]): OffenceCandidate[] {
  const wanted = simplified(typed);
  const words = new Set(wanted.split(' ').filter((word) => word.length >= 4));
  return candidates.filter((candidate) => {
    const label = simplified(candidate.label);
    if (label.includes(wanted) || wanted.includes(label)) return true;
    if (label.split(' ').some((word) => words.has(word) || (word.length >= 5 && [...words].some((typedWord) => editDistance(word, typedWord) <= 1)))) return true;
    return editDistance(label, wanted) <= 3;
  });
}

const describeCandidate = (candidate: OffenceCandidate) => (candidate.rank === null ? `${candidate.label} (not ranked)` : `${candidate.label} (rank ${candidate.rank})`);

/** The offence an analyst names, by label (any case) or key, as `matrix judge` reads it. */
export function resolveOffence(typed: string, candidates: readonly OffenceCandidate[]): string {
  const wanted = typed.trim().toLowerCase();
  const match = candidates.find((candidate) => candidate.key.toLowerCase() === wanted || candidate.label.toLowerCase() === wanted);
  if (match) return match.key;
  if (isKnownOffenceKey(typed.trim())) return typed.trim();
  const close = closeMatches(typed, candidates);
  const hint =
    close.length > 0
      ? `Did you mean ${close.map(describeCandidate).join(', ')}?`
      : `The ranked types and indicators are: ${candidates.map(describeCandidate).join(', ') || 'none yet (import data and check the Matrix first)'}.`;
  throw new WorkbenchError('not-found', `No ranked offence type or indicator is called "${typed}". ${hint}`);
}

function resolveLead(typed: string, members: readonly Member[]): number {
  const wanted = typed.trim().toLowerCase();
  const match = members.find((member) => member.name.toLowerCase() === wanted);
  if (!match) {
    const names = members.map((member) => member.name).join(', ');
    throw new WorkbenchError('not-found', `No member of the partnership is called "${typed}". The members are: ${names || 'none yet ("member add" adds one)'}.`);
  }
  return match.id;
}

/** The priority an analyst names by its number in the list (1 for Priority One). */
function priorityAt(priorities: readonly Priority[], number: number): Priority {
  const priority = priorities[number - 1];
  if (!priority) {
    const range = priorities.length === 0 ? 'There are no priorities yet.' : `There are ${priorities.length}: give a number from 1 to ${priorities.length}.`;
    throw new WorkbenchError('not-found', `There is no Priority ${number}. ${range}`);
  }
  return priority;
}

const wholeNumber = (what: string) => (value: string) => {
  const number = Number.parseInt(value, 10);
  if (!Number.isInteger(number) || number < 1 || String(number) !== value.trim()) throw new WorkbenchError('invalid-input', `${what} is a whole number from 1, not "${value}".`);
  return number;
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

function printPriorities(priorities: readonly Priority[], ranking: MatrixState['ranking']): void {
  if (priorities.length === 0) {
    console.log('No priorities yet. "priority add" writes one.');
    return;
  }
  const report = priorityReport(priorities, ranking).priorities;
  priorities.forEach((priority, index) => {
    const offences = report[index]!.offences.map((offence) => (offence.rank === null ? `${offence.offence} (not ranked)` : `${offence.offence} (rank ${offence.rank})`));
    console.log(priorityHeading(priority));
    console.log(`  Aim:        ${priority.aim}`);
    console.log(`  Addresses:  ${offences.join(', ') || 'no offence types chosen'}`);
    console.log(`  Lead:       ${priority.lead?.name ?? 'none'}`);
    console.log(`  Status:     ${priority.status ? ragStatusLabels[priority.status] : 'not set'}`);
    if (priority.reviewDate) console.log(`  Review by:  ${formatDate(priority.reviewDate)}`);
    for (const measure of priority.measures) console.log(`  Measure:    ${measure}`);
  });
}

interface PriorityOptions {
  workspace: string;
  title?: string;
  aim?: string;
  offence?: string[];
  lead?: string | false;
  status?: RagStatus | false;
  measure?: string[];
  reviewDate?: string | false;
  json?: boolean;
}

/** Reads what the options change, resolving offence labels and the lead's name on the workspace. */
async function applyOptions(host: ServiceHost, base: PriorityInput, options: PriorityOptions): Promise<PriorityInput> {
  const next: PriorityInput = { ...base };
  if (options.title !== undefined) next.title = options.title;
  if (options.aim !== undefined) next.aim = options.aim;
  if (options.offence) {
    const [state, analysis] = [await call(host, 'matrix/show', {}), await call(host, 'analysis/show', {})];
    const candidates = offenceCandidates(state, analysis);
    next.offences = options.offence.map((label) => resolveOffence(label, candidates));
  }
  if (options.lead === false) next.lead = null;
  else if (options.lead !== undefined) next.lead = resolveLead(options.lead, await call(host, 'member/list', {}));
  if (options.status !== undefined) next.status = options.status === false ? null : options.status;
  if (options.measure) next.measures = options.measure;
  if (options.reviewDate !== undefined) next.reviewDate = options.reviewDate === false ? null : options.reviewDate;
  return next;
}

async function listWithRanking(host: ServiceHost) {
  return { priorities: await call(host, 'priority/list', {}), ranking: (await call(host, 'matrix/show', {})).ranking };
}

function report(result: { priorities: Priority[]; ranking: MatrixState['ranking'] }, json: boolean | undefined, message: string): void {
  if (json) printJson(priorityReport(result.priorities, result.ranking));
  else console.log(message);
}

const statusOption = () => new Option('--status <status>', 'not-started, or red, amber or green once under way').choices(ragStatuses);

/** priority add, list, update, move, remove (brief §5). */
export function addPriorityCommands(program: Command): void {
  const priority = program.command('priority').description('write the partnership’s priorities, informed by the ranking');

  priority
    .command('add')
    .description('add a priority at the end of the list; its number ("Priority One") follows the order')
    .addOption(workspaceOption())
    .requiredOption('--title <text>', 'the title, without "Priority One –", e.g. "Protect vulnerable people…"')
    .requiredOption('--aim <text>', 'what the partnership will do, and for whom')
    .option('--offence <label>', 'a ranked offence type or indicator it addresses (repeat for more)', collect)
    .option('--lead <organisation>', 'the lead partner, a member of the partnership')
    .addOption(statusOption())
    .option('--measure <text>', 'how progress is measured (repeat for more, in order)', collect)
    .option('--review-date <YYYY-MM-DD>', 'when the priority is next reviewed')
    .addOption(jsonOption())
    .action(async (options: PriorityOptions & { title: string; aim: string }) => {
      const result = await withWorkspace(options.workspace, async (host) => {
        const empty: PriorityInput = { title: '', aim: '', offences: [], lead: null, measures: [], status: null, reviewDate: null };
        await call(host, 'priority/add', await applyOptions(host, empty, options));
        return listWithRanking(host);
      });
      const added = result.priorities[result.priorities.length - 1]!;
      report(result, options.json, `Added ${priorityHeading(added)}.`);
    });

  priority
    .command('list')
    .description('the priorities in order, with the rank of each offence type they address')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const result = await withWorkspace(options.workspace, listWithRanking);
      if (options.json) printJson(priorityReport(result.priorities, result.ranking));
      else printPriorities(result.priorities, result.ranking);
    });

  priority
    .command('update')
    .description('change a priority: only the options given change; --offence and --measure replace the whole list')
    .argument('<number>', 'the priority’s number, 1 for Priority One', wholeNumber('A priority number'))
    .addOption(workspaceOption())
    .option('--title <text>', 'the new title')
    .option('--aim <text>', 'the new aim')
    .option('--offence <label>', 'a ranked offence type or indicator it addresses (repeat for more)', collect)
    .option('--lead <organisation>', 'the lead partner')
    .option('--no-lead', 'clear the lead partner')
    .addOption(statusOption())
    .option('--no-status', 'clear the status')
    .option('--measure <text>', 'a measure (repeat for more, in order)', collect)
    .option('--review-date <YYYY-MM-DD>', 'when the priority is next reviewed')
    .option('--no-review-date', 'clear the review date')
    .addOption(jsonOption())
    .action(async (number: number, options: PriorityOptions) => {
      const result = await withWorkspace(options.workspace, async (host) => {
        const current = priorityAt(await call(host, 'priority/list', {}), number);
        await call(host, 'priority/update', { id: current.id, ...(await applyOptions(host, priorityInputOf(current), options)) });
        return listWithRanking(host);
      });
      report(result, options.json, `Updated ${priorityHeading(result.priorities[number - 1]!)}.`);
    });

  priority
    .command('move')
    .description('move a priority to another place; the priorities are renumbered to follow the order')
    .argument('<number>', 'the priority’s number now', wholeNumber('A priority number'))
    .requiredOption('--to <number>', 'its number afterwards', wholeNumber('A priority number'))
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (number: number, options: { workspace: string; to: number; json?: boolean }) => {
      const result = await withWorkspace(options.workspace, async (host) => {
        const priorities = await call(host, 'priority/list', {});
        const moving = priorityAt(priorities, number);
        priorityAt(priorities, options.to);
        const ids = priorities.map((entry) => entry.id).filter((id) => id !== moving.id);
        ids.splice(options.to - 1, 0, moving.id);
        await call(host, 'priority/move', { ids });
        return listWithRanking(host);
      });
      report(result, options.json, `Moved it: it is now ${priorityHeading(result.priorities[options.to - 1]!)}.`);
    });

  priority
    .command('remove')
    .description('remove a priority; those after it move up and are renumbered')
    .argument('<number>', 'the priority’s number, 1 for Priority One', wholeNumber('A priority number'))
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (number: number, options: { workspace: string; json?: boolean }) => {
      let removed = '';
      const result = await withWorkspace(options.workspace, async (host) => {
        const current = priorityAt(await call(host, 'priority/list', {}), number);
        removed = priorityHeading(current);
        await call(host, 'priority/remove', { id: current.id });
        return listWithRanking(host);
      });
      report(result, options.json, `Removed ${removed}. ${result.priorities.length} ${result.priorities.length === 1 ? 'priority remains' : 'priorities remain'}.`);
    });
}
