import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnMapping, ImportPreview } from '../../../../../shared/domain/dataset';
import type { WorkspaceDatabase } from '../../../workspace-file';
import { isUnassignedArea, sameArea } from './area-filter';
import { cellText } from './cells';
import { detectHeader, headerSearchRows } from './header-detection';
import { suggestMapping } from './layouts';
import { openSourceTable } from './readers/source-table';
import type { SheetOfRows, SourceRow } from './readers/source-types';

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
  options: { sheet: string | null; allSheets?: boolean; partner: string | null },
  signal: AbortSignal,
): Promise<ImportPreview> {
  const fileName = basename(path);
  const table = await openSourceTable(path, { ...(options.sheet ? { sheet: options.sheet } : {}), allSheets: options.allSheets === true, signal });
  // With all sheets, the one shown is the first whose header the workbench recognises: the
  // one whose header the others must share.
  let rows: SourceRow[] = [];
  let shown: { sheet: SheetOfRows | null; rows: SourceRow[] } | null = null;
  let first: { sheet: SheetOfRows | null; rows: SourceRow[] } | null = null;
  let sheet: SheetOfRows | null = null;
  let passed = false;
  const settle = () => {
    if (rows.length === 0) return false;
    first ??= { sheet, rows };
    if (!table.details.allSheets || detectHeader(rows, { format: 'auto', mapping: null, fileName }).layout) {
      shown = { sheet, rows };
      return true;
    }
    return false;
  };
  try {
    for await (const row of table.rows()) {
      const rowSheet = table.currentSheet();
      if (rowSheet !== sheet) {
        if (!passed && settle()) break;
        sheet = rowSheet;
        rows = [];
        passed = false;
      }
      if (passed) continue;
      rows.push(row);
      if (rows.length >= headerSearchRows + sampleRowCount) {
        if (settle()) break;
        // Not the table: on to the next sheet.
        passed = true;
        table.skipSheet(sheet!);
      }
    }
    if (shown === null && !passed) settle();
  } finally {
    await table.close();
  }
  const chosen: { sheet: SheetOfRows | null; rows: SourceRow[] } = shown ?? first ?? { sheet: null, rows: [] };
  rows = chosen.rows;
  const detected = detectHeader(rows, { format: 'auto', mapping: null, fileName });
  const body = rows.filter((row) => detected.headerRow === null || row.rowNumber > detected.headerRow);
  const saved = savedColumnMapping(db, options.partner);
  const partnershipArea = (db.prepare('SELECT area FROM partnership WHERE id = 1').get() as { area: string | null }).area;
  const areaColumn = detected.layout?.areaRule === 'named-area' ? detected.layout.mapping.area : undefined;
  const areaIndex = areaColumn ? detected.header.indexOf(areaColumn) : -1;
  const areas = areaIndex >= 0 ? [...new Set(body.map((row) => cellText(row.cells[areaIndex])).filter((area) => area && !isUnassignedArea(area)))] : [];
  const matching = areas.find((area) => partnershipArea && sameArea(area, partnershipArea));
  return {
    fileName,
    bytes: statSync(path).size,
    sheets: table.details.sheets ?? [],
    sheet: chosen.sheet?.name ?? table.details.sheet ?? null,
    allSheets: table.details.allSheets === true,
    format: detected.layout?.format ?? null,
    headerRow: detected.headerRow,
    header: detected.header,
    sampleRows: body.slice(0, sampleRowCount).map((row) => detected.header.map((_, index) => cellText(row.cells[index]))),
    suggestedMapping: Object.keys(saved).length > 0 ? saved : suggestMapping(detected.header),
    areas,
    defaultArea: matching ?? null,
  };
}
