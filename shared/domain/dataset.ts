import { z } from 'zod';
import type { SourceArea } from './area';

/** The layouts the importer recognises, and 'generic' for anything mapped by hand. */
export const importFormats = ['police-uk-street', 'police-uk-api', 'ho-open-data', 'ons-wide', 'generic'] as const;
export const ImportFormat = z.enum(importFormats);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const importFormatLabels: Record<ImportFormat, string> = {
  'police-uk-street': 'data.police.uk street-level crime (bulk download)',
  'police-uk-api': 'data.police.uk API street crimes (flattened)',
  'ho-open-data': 'Home Office police recorded crime open data (long)',
  'ons-wide': 'ONS area table (one column per offence)',
  generic: 'Offence, date or period, and count',
};

/** The fields a column can be mapped to in a generic (hand-mapped) layout. */
export const mappableFields = ['offence', 'period', 'count', 'area', 'identifier'] as const;
export type MappableField = (typeof mappableFields)[number];

const ColumnName = z.string().trim().min(1).max(300);

/**
 * How a file's columns feed the import: each field names a column as the header writes it.
 * Offence and period are required; without a count column each row counts once.
 */
export const ColumnMapping = z
  .object({
    offence: ColumnName,
    period: ColumnName,
    count: ColumnName.nullish().transform((value) => value ?? null),
    area: ColumnName.nullish().transform((value) => value ?? null),
    identifier: ColumnName.nullish().transform((value) => value ?? null),
  })
  .strict();
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** An analyst's decision about a label the taxonomy does not know, kept per partner. */
export const LabelMapping = z.record(z.string().trim().min(1).max(300), z.string().trim().min(1).max(120));
export type LabelMapping = z.infer<typeof LabelMapping>;

/** What `--mapping FILE.json` holds: the columns and, optionally, labels mapped to offences. */
export const MappingFile = z
  .object({
    columns: ColumnMapping.optional(),
    labels: LabelMapping.optional(),
  })
  .strict();
export type MappingFile = z.infer<typeof MappingFile>;

export interface RejectedRow {
  row: number;
  reason: string;
  /** The sheet the row is on, for a dataset read from several sheets. */
  sheet?: string;
}

export interface UnmappedLabel {
  label: string;
  rows: number;
}

export interface DatasetSummary {
  id: number;
  partner: string;
  fileName: string;
  sha256: string;
  bytes: number;
  format: ImportFormat;
  /** The sheet read, for a dataset of one sheet of a workbook. */
  sheet: string | null;
  /** Every sheet the rows came from, in the workbook's order (none for a delimited file). */
  sheets: string[];
  importedAt: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  duplicates: number;
  rowsOutOfArea: number;
  /** First and last month the data covers, 'YYYY-MM', or null when nothing was imported. */
  firstMonth: string | null;
  lastMonth: string | null;
  sharingAgreement: string | null;
  /** The area the file's figures are for, as imported (the area chosen or the partnership's). */
  area: string | null;
  /** That area named for a reader, saying when it is not the partnership's own. */
  where: SourceArea;
}

/** Everything an analyst needs to trust (or question) an import, kept with the dataset. */
export interface QualityReport {
  dataset: DatasetSummary;
  mapping: Partial<Record<MappableField, string>>;
  rejected: RejectedRow[];
  /** How many rejections each reason accounts for, most frequent first. */
  rejectionReasons: { reason: string; rows: number }[];
  unmappedLabels: UnmappedLabel[];
  /** Months inside the covered range with no rows at all. */
  missingMonths: string[];
  blankAreaCodes: number;
  /** Areas other than the partnership's that the file held, and what happened to them. */
  otherAreas: { area: string; rows: number; kept: boolean }[];
  ignoredColumns: string[];
  /** The sheets of a workbook, read or passed over (with why), in the workbook's order. */
  sheetsRead: { name: string; headerRow: number | null; rowsRead: number; skipped: string | null }[];
}

export interface ImportResult {
  report: QualityReport;
}

export interface ImportPreview {
  fileName: string;
  bytes: number;
  sheets: string[];
  /** The sheet shown; with allSheets, the first with a header the workbench recognises. */
  sheet: string | null;
  /** Every sheet that shares the shown sheet's header is to be imported, as one dataset. */
  allSheets: boolean;
  /** The detected layout, or null when the analyst must map the columns. */
  format: ImportFormat | null;
  headerRow: number | null;
  header: string[];
  sampleRows: string[][];
  /** A mapping to start from: the partner's saved template, or one guessed from the header. */
  suggestedMapping: Partial<ColumnMapping>;
  /** Areas the file covers, when it covers several; the partnership's own is chosen by default. */
  areas: string[];
  defaultArea: string | null;
}

export const countGroupings = ['category', 'offence', 'month'] as const;
export const CountGrouping = z.enum(countGroupings);
export type CountGrouping = z.infer<typeof CountGrouping>;

export interface CountRow {
  key: string;
  count: number;
}

/** A file chosen for import, known to the service by a token: its path never reaches the page. */
export interface StagedFile {
  token: string;
  preview: ImportPreview;
}

export const DatasetId = z.number().int().positive();
export const StagedFileToken = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'That file is no longer staged for import. Choose it again.');
const optionalName = z.string().trim().max(200).nullish().transform((value) => (value ? value : null));

export const ImportSettings = z
  .object({
    token: StagedFileToken,
    operationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    partner: z.string().trim().min(1, 'Say which partner the data comes from.').max(200),
    format: z.union([ImportFormat, z.literal('auto')]).default('auto'),
    mapping: ColumnMapping.nullish().transform((value) => value ?? null),
    labels: LabelMapping.default({}),
    sheet: optionalName,
    /** Every sheet that shares the first recognised sheet's header (sheet is then ignored). */
    allSheets: z.boolean().default(false),
    area: optionalName,
    keepComparators: z.boolean().default(false),
    sharingAgreement: optionalName,
  })
  .strict();
export type ImportSettings = z.input<typeof ImportSettings>;

export const PreviewRequest = z
  .object({ token: StagedFileToken, sheet: optionalName, allSheets: z.boolean().default(false), partner: optionalName })
  .strict();
