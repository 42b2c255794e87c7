import { importFormatLabels } from '../../../../../../shared/domain/dataset';
import { formats } from '../sheet-layout';
import { simpleSheet, type WorkbookContext } from '../workbook-context';

/** The Datasets sheet: every imported file with its provenance. */

export function writeDatasets(context: WorkbookContext): void {
  const { model } = context;
  simpleSheet(
    context,
    'Datasets',
    'Datasets',
    ['Every imported file with its provenance. The SHA-256 fingerprint identifies the exact file.'],
    'Datasets',
    [
      { header: 'Dataset', width: 8, numFmt: formats.count },
      { header: 'Partner', width: 20, wrap: true },
      { header: 'File', width: 30, wrap: true },
      { header: 'Layout', width: 20, wrap: true },
      { header: 'Sheet', width: 10, wrap: true },
      { header: 'SHA-256', width: 64 },
      { header: 'Size (bytes)', width: 11, numFmt: formats.count },
      { header: 'Imported (UTC)', width: 16, numFmt: formats.date },
      { header: 'First month', width: 8 },
      { header: 'Last month', width: 8 },
      { header: 'Sharing agreement', width: 20, wrap: true },
      { header: 'Figures for', width: 22, wrap: true },
      { header: 'Used in the assessment', width: 30, wrap: true },
    ],
    model.datasets.map((dataset) => [
      dataset.id,
      dataset.partner,
      dataset.fileName,
      importFormatLabels[dataset.format],
      dataset.sheet,
      dataset.sha256,
      dataset.bytes,
      new Date(dataset.importedAt),
      dataset.firstMonth,
      dataset.lastMonth,
      dataset.sharingAgreement,
      dataset.where.phrase,
      dataset.use.text,
    ]),
  );
}
