import { Option, type Command } from 'commander';
import { parseUkDay } from '../../shared/dates';
import {
  DocumentDetails,
  documentDetailFields,
  documentDetailLabels,
  documentStatuses,
  statusLabel,
  type DocumentDetailField,
  type DocumentDetailsView,
  type DocumentStatus,
} from '../../shared/domain/document-details';
import { WorkbenchError } from '../../shared/result';
import { call, jsonOption, printJson, withWorkspace, workspaceOption } from './cli-support';

/** Each detail as the command line names it: `--plan-period`, `--default statutory-basis`. */
const optionNames: Record<DocumentDetailField, string> = {
  title: 'title',
  planPeriod: 'plan-period',
  owner: 'owner',
  version: 'version',
  status: 'status',
  date: 'date',
  distribution: 'distribution',
  contact: 'contact',
  introduction: 'introduction',
  statutoryBasis: 'statutory-basis',
};
const fieldByOptionName = new Map(documentDetailFields.map((field) => [optionNames[field], field]));

/** `document show --json`: every detail, the standard wording of each, and which are unchanged. */
function detailsJson(view: DocumentDetailsView) {
  const isDefault = Object.fromEntries(documentDetailFields.map((field) => [field, view.details[field] === view.defaults[field]])) as Record<DocumentDetailField, boolean>;
  return { details: view.details, defaults: view.defaults, isDefault };
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function shownValue(view: DocumentDetailsView, field: DocumentDetailField): string {
  const { details } = view;
  switch (field) {
    case 'status':
      return statusLabel(details.status);
    case 'date':
      return details.date ? longDate.format(new Date(`${details.date}T00:00:00Z`)) : 'none: the day the document is exported';
    default:
      return details[field] === '' ? '(empty)' : details[field];
  }
}

function printDetails(view: DocumentDetailsView): void {
  console.log('The Partnership Plan’s and the board paper’s details ("standard": the default, which follows the partnership):');
  const width = Math.max(...documentDetailFields.map((field) => optionNames[field].length)) + 2;
  for (const field of documentDetailFields) {
    const marker = view.details[field] === view.defaults[field] ? 'standard' : 'set     ';
    const [first = '', ...rest] = shownValue(view, field).split('\n');
    console.log(`  ${optionNames[field].padEnd(width)}${marker}  ${first}`);
    for (const line of rest) console.log(`  ${' '.repeat(width + 10)}${line}`);
  }
  if (view.details.status === 'draft') {
    console.log('A draft is not exported for publication: `document set --status final` once the board has agreed it.');
  }
}

interface SetOptions {
  workspace: string;
  title?: string;
  planPeriod?: string;
  owner?: string;
  version?: string;
  status?: DocumentStatus;
  date?: string;
  distribution?: string;
  contact?: string;
  introduction?: string;
  statutoryBasis?: string;
  default?: string[];
  json?: boolean;
}

/** "none" for no date of its own (the day of export), or one day, day/month/year or YYYY-MM-DD. */
function dateOption(typed: string): string | null {
  if (typed.trim().toLowerCase() === 'none') return null;
  const reading = parseUkDay(typed);
  if (!reading.ok) throw new WorkbenchError('invalid-input', `--date: ${reading.reason} Or give "none" for the day the document is exported.`);
  return reading.day;
}

/** What `document set` changes: only the details given, and those put back to the standard wording. */
export function changedDetails(view: DocumentDetailsView, options: SetOptions): { details: DocumentDetails; changed: DocumentDetailField[] } {
  const next: DocumentDetails = { ...view.details };
  const changed: DocumentDetailField[] = [];
  const given = (field: DocumentDetailField) => options[field] !== undefined;
  for (const typed of options.default ?? []) {
    const field = fieldByOptionName.get(typed.trim().toLowerCase()) ?? documentDetailFields.find((name) => name === typed.trim());
    if (!field) {
      throw new WorkbenchError('invalid-input', `--default: there is no detail called "${typed}". The details are ${documentDetailFields.map((name) => optionNames[name]).join(', ')}.`);
    }
    if (given(field)) throw new WorkbenchError('invalid-input', `--${optionNames[field]} and --default ${optionNames[field]} were both given: choose one.`);
    (next as Record<DocumentDetailField, unknown>)[field] = view.defaults[field];
    changed.push(field);
  }
  for (const field of documentDetailFields) {
    const value = options[field];
    if (value === undefined) continue;
    (next as Record<DocumentDetailField, unknown>)[field] = field === 'date' ? dateOption(value) : value;
    changed.push(field);
  }
  if (changed.length === 0) {
    throw new WorkbenchError(
      'invalid-input',
      `Nothing to change: give a detail to set (${documentDetailFields.map((field) => `--${optionNames[field]}`).join(', ')}) or --default FIELD to put one back to the standard wording.`,
    );
  }
  const parsed = DocumentDetails.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '') as DocumentDetailField;
    const option = optionNames[field] ? `--${optionNames[field]}: ` : '';
    throw new WorkbenchError('invalid-input', `${option}${issue.message}`);
  }
  return { details: parsed.data, changed: documentDetailFields.filter((field) => changed.includes(field)) };
}

/** document show, document set: the details the Export screen edits. */
export function addDocumentCommands(program: Command): void {
  const document = program.command('document').description('the Partnership Plan’s and the board paper’s own details (title, owner, version, status…)');

  document
    .command('show')
    .description('show each detail, and whether it is the standard wording or was set')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const view = await withWorkspace(options.workspace, (host) => call(host, 'document/show', {}));
      if (options.json) printJson(detailsJson(view));
      else printDetails(view);
    });

  document
    .command('set')
    .description('change the details given, and only those; --default FIELD puts one back to the standard wording')
    .addOption(workspaceOption())
    .option('--title <text>', 'the title, e.g. "Safer Colchester Partnership: Partnership Plan"')
    .option('--plan-period <text>', 'the period the plan covers, e.g. "April 2019 to March 2020" ("" for none)')
    .option('--owner <text>', 'who owns the document')
    .option('--version <text>', 'the version, e.g. 1.2')
    .addOption(new Option('--status <status>', 'draft, or final once the board has agreed it (needed for --publication)').choices(documentStatuses))
    .option('--date <DD/MM/YYYY>', 'the document’s date, day/month/year or YYYY-MM-DD, or "none" for the day it is exported')
    .option('--distribution <text>', 'who receives it ("" for not stated)')
    .option('--contact <text>', 'the contact printed at the end; a line break starts a new line')
    .option('--introduction <text>', 'the partnership’s aim, as the plan opens with it')
    .option('--statutory-basis <text>', 'the duties the partnership works under')
    .option('--default <field>', `put a detail back to the standard wording (repeat for more): ${documentDetailFields.map((field) => optionNames[field]).join(', ')}`, (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .addOption(jsonOption())
    .action(async (options: SetOptions) => {
      let changed: DocumentDetailField[] = [];
      const view = await withWorkspace(options.workspace, async (host) => {
        const update = changedDetails(await call(host, 'document/show', {}), options);
        changed = update.changed;
        return call(host, 'document/set', update.details);
      });
      if (options.json) {
        printJson(detailsJson(view));
        return;
      }
      console.log(`Saved the document details: ${changed.map((field) => documentDetailLabels[field].toLowerCase()).join(', ')}.`);
      printDetails(view);
    });
}
