import type { ColumnMapping, ImportFormat } from '../../../../../shared/domain/dataset';
import { importFormatLabels } from '../../../../../shared/domain/dataset';
import { WorkbenchError } from '../../../../../shared/result';
import { cellText } from './cells';
import { bindGenericLayout, layoutFor, layouts, type BoundLayout } from './layouts';
import type { SourceRow } from './readers/source-types';

/** Title rows above the header are common in published tables; look this far down for it. */
export const headerSearchRows = 50;

export interface DetectedHeader {
  headerRow: number | null;
  header: string[];
  layout: BoundLayout | null;
}

function headerOf(row: SourceRow): string[] {
  return row.cells.map((cell) => cellText(cell));
}

function firstBinding(rows: readonly SourceRow[], bind: (header: string[]) => BoundLayout | null): DetectedHeader | null {
  for (const row of rows) {
    const header = headerOf(row);
    const layout = bind(header);
    if (layout) return { headerRow: row.rowNumber, header, layout };
  }
  return null;
}

/** The likeliest header when no layout fits: the first row with several filled cells. */
function bestGuessHeader(rows: readonly SourceRow[]): DetectedHeader {
  const row = rows.find((candidate) => candidate.cells.filter((cell) => cellText(cell) !== '').length >= 2) ?? rows[0];
  return row ? { headerRow: row.rowNumber, header: headerOf(row), layout: null } : { headerRow: null, header: [], layout: null };
}

/**
 * Finds the header row and the layout among the first rows. Specific layouts are tried on
 * every row before the generic one, so a police.uk file is never read as generic.
 */
export function detectHeader(
  rows: readonly SourceRow[],
  request: { format: ImportFormat | 'auto'; mapping: ColumnMapping | null; fileName: string },
): DetectedHeader {
  const candidates = rows.slice(0, headerSearchRows);
  if (request.mapping) {
    const mapping = request.mapping;
    const found = firstBinding(candidates, (header) => {
      try {
        return bindGenericLayout(header, mapping, request.fileName);
      } catch {
        return null;
      }
    });
    if (found) return found;
    const guess = bestGuessHeader(candidates);
    // Re-run on the likeliest header to produce the message naming the missing column.
    bindGenericLayout(guess.header, mapping, request.fileName);
    return guess;
  }
  if (request.format !== 'auto') {
    const found = firstBinding(candidates, (header) => layoutFor(request.format as ImportFormat).bind(header));
    if (found) return found;
    throw new WorkbenchError(
      'invalid-file',
      `${request.fileName} does not look like a ${importFormatLabels[request.format]} file: none of its first ${headerSearchRows} rows has the columns that layout needs. Check the file, or import it with the column-mapping step.`,
    );
  }
  for (const layout of layouts) {
    const found = firstBinding(candidates, (header) => layout.bind(header));
    if (found) return found;
  }
  return bestGuessHeader(candidates);
}
