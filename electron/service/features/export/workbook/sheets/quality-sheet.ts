import { suppressedMarker } from '../../../../../../shared/export/suppression';
import { formats, type CellContent } from '../sheet-layout';
import { anyCountSuppressed, simpleSheet, type WorkbookContext } from '../workbook-context';

/** The Data quality sheet: each dataset's row accounting. */

export function writeQuality(context: WorkbookContext): void {
  const { model } = context;
  // A file's rows add up to the offence counts it gave, so beside a suppressed count they are a total with one part hidden.
  const totalsHidden = anyCountSuppressed(context);
  const total = (value: number): CellContent => (totalsHidden ? suppressedMarker : value);
  simpleSheet(
    context,
    'Data quality',
    'Data quality',
    [
      'Every row read is accounted for: imported, rejected (with the most common reasons), a duplicate crime ID, or outside the area.' +
        (totalsHidden ? ` ${suppressedMarker}: suppressed for publication, as the rows add up to suppressed counts (see Notes).` : ''),
    ],
    'Data_quality',
    [
      { header: 'Dataset', width: 8, numFmt: formats.count },
      { header: 'File', width: 24, wrap: true },
      { header: 'Rows read', width: 9, numFmt: formats.count },
      { header: 'Imported', width: 9, numFmt: formats.count },
      { header: 'Rejected', width: 9, numFmt: formats.count },
      { header: 'Duplicate crime IDs', width: 9, numFmt: formats.count },
      { header: 'Outside the area', width: 9, numFmt: formats.count },
      { header: 'Blank area codes', width: 9, numFmt: formats.count },
      { header: 'Missing months', width: 16, wrap: true },
      { header: 'Unmapped labels', width: 20, wrap: true },
      { header: 'Main rejection reasons', width: 34, wrap: true },
    ],
    model.quality.map(({ dataset, ...report }) => [
      dataset.id,
      dataset.fileName,
      total(dataset.rowsRead),
      total(dataset.rowsImported),
      dataset.rowsRejected,
      dataset.duplicates,
      dataset.rowsOutOfArea,
      report.blankAreaCodes,
      report.missingMonths.length > 0 ? report.missingMonths.join(', ') : 'None',
      report.unmappedLabels.length > 0 ? report.unmappedLabels.map((label) => `${label.label} (${label.rows})`).join('; ') : 'None',
      report.rejectionReasons.length > 0 ? report.rejectionReasons.slice(0, 3).map((reason) => `${reason.reason} (${reason.rows})`).join('; ') : 'None',
    ]),
  );
}
