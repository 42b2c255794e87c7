import type { ExportModel } from '../../../../../shared/export/export-model';
import { suppressedMarker, type SuppressedRow, type TotalSet } from '../../../../../shared/export/suppression';
import type { HiddenFigures } from './matrix/matrix-inputs';
import { createSheet, firstHeaderRow, introLines, writeTable, type CellContent, type ColumnSpec } from './sheet-layout';
import type { StreamingWorkbook } from './streaming-workbook';
/**
 * The evidence workbook (brief §Workflow 6): the partnership's whole assessment in one file that
 * partners and the board can open, with the matrix as live formulas over editable weights and
 * thresholds. The sheet names and their order are part of the contract.
 */

export const workbookSheets = [
  { name: 'Cover', description: 'Title, partnership, periods, protective marking, source of the scoring and licence.' },
  { name: 'Contents', description: 'This list of sheets.' },
  { name: 'Notes', description: 'Definitions of every column and factor, data sources with provenance, the method and the formula choices.' },
  { name: 'Partnership', description: 'The members of the partnership, statutory members marked.' },
  { name: 'Datasets', description: 'Each imported dataset: partner, file, SHA-256 fingerprint, layout and rows.' },
  { name: 'Data quality', description: 'Row accounting of each dataset: read, imported, rejected, duplicates, outside the area, gaps.' },
  { name: 'Offences', description: 'Counts, rates, change, significance and harm for every offence type.' },
  { name: 'Matrix', description: 'Every factor’s input, score and weight per offence type, as live formulas over editable weights and thresholds.' },
  { name: 'Ranking', description: 'The offence types in rank order, following the Matrix sheet.' },
  { name: 'Sensitivity', description: 'How stable each rank is when the weights move at random.' },
  { name: 'Priorities', description: 'The partnership’s priorities, their offence types, lead, measures and status.' },
] as const;

export const rawDataSheet = { name: 'Raw data', description: 'The imported rows inside the partnership’s area, as read from the files.' } as const;

export interface WorkbookOptions {
  /** Publication mode: small counts suppressed at this threshold. */
  publication: { threshold: number } | null;
  rawData: boolean;
}

export const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** What every sheet's writer is given: the book, the model it shows, and for publication what is suppressed. */
export interface WorkbookContext {
  book: StreamingWorkbook;
  model: ExportModel;
  options: WorkbookOptions;
  marking: string;
  suppression: Map<string, SuppressedRow> | null;
  /** Totals shown beside their parts (a group and its subgroups), for publication mode. */
  totals: readonly TotalSet[];
}

export function anyCountSuppressed(context: WorkbookContext): boolean {
  return [...(context.suppression?.values() ?? [])].some((row) => row.current.suppressed || row.comparison.suppressed);
}

/**
 * A total whose parts include a suppressed count keeps its own count (the parts' secondary
 * suppression protects it), but not its harm: where harm is priced from the codes, a total's
 * harm is the sum of its parts' harms, and that second sum beside the sum of counts could solve
 * for two hidden counts at once. Its mean severity weight is its harm over its count, so it
 * goes too (a total is never scored, so the Matrix does not need it).
 */
export function totalWithSuppressedPart(context: WorkbookContext, key: string): boolean {
  const suppression = context.suppression;
  if (!suppression) return false;
  return context.totals.some((set) => set.total === key && set.parts.some((part) => suppression.get(part)?.current.suppressed));
}

export function hiddenFigures(context: WorkbookContext, key: string): HiddenFigures {
  const row = context.suppression?.get(key);
  return { current: row?.current.suppressed ?? false, comparison: row?.comparison.suppressed ?? false, change: row?.change.suppressed ?? false };
}

/** A sheet of one table under its title and intro. */
export function simpleSheet(context: WorkbookContext, name: string, title: string, intro: string[], tableName: string, columns: ColumnSpec[], rows: CellContent[][]): void {
  const lines = introLines(intro, columns);
  const headerRow = firstHeaderRow(lines);
  const sheet = createSheet(context.book, { name, title, intro: lines, headerRow, columns }, context.marking);
  writeTable(context.book, sheet, { name: tableName, headerRow, columns, rows });
  sheet.commit();
}

/** What publication mode means for this workbook, in one sentence for the Cover and Notes. */
export function publicationLine(threshold: number): string {
  return `For publication: counts from 1 to ${threshold - 1} are suppressed and shown as ${suppressedMarker}, with every figure that would reveal them (see Notes).`;
}
