import type { ImportFormat, MappableField } from '../../../../../../shared/domain/dataset';
import type { CellValue } from '../readers/source-types';

/** One imported count: a single incident (count 1) or an aggregate from a table. */
export interface Observation {
  crimeId: string | null;
  periodFrom: string;
  periodTo: string;
  /** What the source calls the offence or indicator, as written. */
  label: string;
  /** The Home Office offence code, where the source gives one. */
  offenceCode: string | null;
  areaCode: string | null;
  areaName: string | null;
  count: number;
}

export type RowOutcome =
  /** rejectedCells: reasons for cells left out of an otherwise readable row (a wide table's). */
  | { kind: 'observations'; observations: Observation[]; rejectedCells?: string[] }
  /** A row with no figures at all (an area that did not report), judged by its area. */
  | { kind: 'empty'; areaName: string | null }
  | { kind: 'rejected'; reason: string };

/**
 * How a layout decides whether a row is inside the partnership's area:
 * - 'lsoa': police.uk LSOA names start with the local authority's name ("Colchester 001A");
 * - 'named-area': the table names an area per row (a CSP, a force, a local authority);
 * - 'none': the file cannot tell.
 */
export type AreaRule = 'lsoa' | 'named-area' | 'none';

/** A layout bound to one file's header row. */
export interface BoundLayout {
  format: ImportFormat;
  areaRule: AreaRule;
  /** Which column feeds which field, for the record kept with the dataset. */
  mapping: Partial<Record<MappableField, string>>;
  /** Columns the layout does not use, listed in the data-quality report. */
  ignoredColumns: string[];
  /** Positions of the columns convert() reads: the only cells the reader needs to send. */
  columns: number[];
  /**
   * A column whose text, when not blank, identifies a crime, and is used for nothing else:
   * rows are de-duplicated by its key (crime-id-set.ts), which the reader works out, so the
   * text never crosses to the writing thread. convert() leaves Observation.crimeId null.
   */
  identifierColumn?: number;
  /**
   * The row's outcome. A layout read millions of times may return the same outcome and
   * observation objects for every row, refilled (police-uk-street does): use an outcome before
   * converting the next row, and copy whatever is kept (the writer copies an aggregate's key).
   */
  convert(cells: readonly CellValue[]): RowOutcome;
}

export interface Layout {
  format: ImportFormat;
  /** Binds to a header row if it fits this layout, or returns null. */
  bind(header: readonly string[]): BoundLayout | null;
}

/** Column positions by normalised header name, first occurrence wins. */
export function indexHeader(header: readonly string[], normalise: (text: string) => string): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, position) => {
    const key = normalise(name);
    if (key && !index.has(key)) index.set(key, position);
  });
  return index;
}
