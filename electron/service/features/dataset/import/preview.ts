import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnMapping, ImportPreview } from '../../../../../shared/domain/dataset';
import type { WorkspaceDatabase } from '../../../workspace-file';
import { cellText } from './cells';
import { detectHeader, headerSearchRows } from './header-detection';
import { suggestMapping } from './layouts';
import { openSourceTable } from './readers/source-table';
import type { SourceRow } from './readers/source-types';

const sampleRowCount = 8;

function savedColumnMapping(db: WorkspaceDatabase, partner: string | null): Partial<ColumnMapping> {
  if (!partner) return {};
  const rows = db
    .prepare('SELECT field, source_column AS column FROM partner_column_mapping WHERE lower(partner_name) = lower(?)')
    .all(partner) as { field: keyof ColumnMapping; column: string }[];
  return Object.fromEntries(rows.map((row) => [row.field, row.column]));
}

/**
 * Reads only the first rows: enough to find the header, recognise the layout, show the
 * analyst what the file holds and suggest a column mapping.
 */
export async function previewFile(
  db: WorkspaceDatabase,
  path: string,
  options: { sheet: string | null; partner: string | null },
  signal: AbortSignal,
): Promise<ImportPreview> {
  const table = await openSourceTable(path, { ...(options.sheet ? { sheet: options.sheet } : {}), signal });
  const rows: SourceRow[] = [];
  try {
    for await (const row of table.rows()) {
      rows.push(row);
      if (rows.length >= headerSearchRows + sampleRowCount) break;
    }
  } finally {
    await table.close();
  }
  const fileName = basename(path);
  const detected = detectHeader(rows, { format: 'auto', mapping: null, fileName });
  const body = rows.filter((row) => detected.headerRow === null || row.rowNumber > detected.headerRow);
  const saved = savedColumnMapping(db, options.partner);
  const partnershipArea = (db.prepare('SELECT area FROM partnership WHERE id = 1').get() as { area: string | null }).area;
  const areaColumn = detected.layout?.areaRule === 'named-area' ? detected.layout.mapping.area : undefined;
  const areaIndex = areaColumn ? detected.header.indexOf(areaColumn) : -1;
  const areas = areaIndex >= 0 ? [...new Set(body.map((row) => cellText(row.cells[areaIndex])).filter(Boolean))] : [];
  const matching = areas.find((area) => partnershipArea && area.toLowerCase() === partnershipArea.toLowerCase());
  return {
    fileName,
    bytes: statSync(path).size,
    sheets: table.details.sheets ?? [],
    sheet: table.details.sheet ?? null,
    format: detected.layout?.format ?? null,
    headerRow: detected.headerRow,
    header: detected.header,
    sampleRows: body.slice(0, sampleRowCount).map((row) => detected.header.map((_, index) => cellText(row.cells[index]))),
    suggestedMapping: Object.keys(saved).length > 0 ? saved : suggestMapping(detected.header),
    areas,
    defaultArea: matching ?? null,
  };
}
