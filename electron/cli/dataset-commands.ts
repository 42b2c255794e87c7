import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  ColumnMapping,
  countGroupings,
  importFormats,
  MappingFile,
  type CountGrouping,
  type DatasetSummary,
  type ImportFormat,
  type QualityReport,
} from '../../shared/domain/dataset';
import { firstIssueMessage } from '../../shared/first-issue';
import { WorkbenchError } from '../../shared/result';
import { call, cancellable, jsonOption, parseId, printJson, withWorkspace, workspaceOption } from './cli-support';
import { formatCount } from '../../shared/format/index';

/** Who shared a public file, when the analyst does not say. */
const defaultPartners: Record<ImportFormat, string> = {
  'police-uk-street': 'data.police.uk',
  'police-uk-api': 'data.police.uk',
  'ho-open-data': 'Home Office',
  'ons-wide': 'Office for National Statistics',
  generic: 'Unnamed partner',
};

/** Reads `--mapping FILE.json`: {"columns": {...}, "labels": {...}}, or the columns alone. */
function readMappingFile(path: string): MappingFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new WorkbenchError('invalid-input', `The mapping file ${basename(path)} could not be read as JSON: ${(error as Error).message}`);
  }
  const shaped = raw && typeof raw === 'object' && 'offence' in raw ? { columns: raw } : raw;
  const parsed = MappingFile.safeParse(shaped);
  if (!parsed.success) {
    throw new WorkbenchError(
      'invalid-input',
      `The mapping file ${basename(path)} is not valid: ${firstIssueMessage(parsed.error.issues, 'not a mapping')}. It needs {"columns": {"offence": "…", "period": "…", "count": "…"}} and may add "labels": {"Source label": "offence"}.`,
    );
  }
  return parsed.data;
}

function printDatasets(datasets: DatasetSummary[]): void {
  if (datasets.length === 0) {
    console.log('No datasets yet.');
    return;
  }
  for (const dataset of datasets) {
    const months = dataset.firstMonth ? `${dataset.firstMonth} to ${dataset.lastMonth}` : 'no months';
    console.log(
      `${String(dataset.id).padStart(3)}  ${dataset.fileName}  (${dataset.format}, from ${dataset.partner}, ${months}, figures for ${dataset.where.phrase})  ` +
        `${formatCount(dataset.rowsImported)} of ${formatCount(dataset.rowsRead)} rows imported`,
    );
  }
}

function printReport(report: QualityReport): void {
  const { dataset } = report;
  console.log(`Dataset ${dataset.id}: ${dataset.fileName} (${dataset.format}) from ${dataset.partner}`);
  console.log(`  Figures for:      ${dataset.where.phrase}`);
  console.log(`  Rows read:        ${formatCount(dataset.rowsRead)}`);
  console.log(`  Imported:         ${formatCount(dataset.rowsImported)}`);
  console.log(`  Rejected:         ${formatCount(dataset.rowsRejected)}`);
  console.log(`  Duplicates:       ${formatCount(dataset.duplicates)}`);
  console.log(`  Outside the area: ${formatCount(dataset.rowsOutOfArea)}`);
  if (report.sheetsRead.length > 1) {
    for (const sheet of report.sheetsRead) {
      const read = `${formatCount(sheet.rowsRead)} ${sheet.rowsRead === 1 ? 'row' : 'rows'} read`;
      console.log(sheet.skipped === null ? `  Sheet “${sheet.name}”: ${read}` : `  Sheet “${sheet.name}”: passed over (${sheet.skipped})`);
    }
  } else if (dataset.sheet) console.log(`  Sheet:            ${dataset.sheet}`);
  if (dataset.firstMonth) console.log(`  Months covered:   ${dataset.firstMonth} to ${dataset.lastMonth}`);
  if (report.missingMonths.length > 0) console.log(`  Months with no rows: ${report.missingMonths.join(', ')}`);
  if (report.blankAreaCodes > 0) console.log(`  Rows with a blank area code: ${formatCount(report.blankAreaCodes)}`);
  for (const reason of report.rejectionReasons.slice(0, 10)) console.log(`  Rejected ${formatCount(reason.rows)}×: ${reason.reason}`);
  if (report.unmappedLabels.length > 0) {
    console.log('  Labels to map to an offence:');
    for (const label of report.unmappedLabels) console.log(`    ${label.label} (${formatCount(label.rows)} rows)`);
  }
}

function importJson(report: QualityReport) {
  const { dataset } = report;
  return {
    dataset: {
      id: dataset.id,
      format: dataset.format,
      partner: dataset.partner,
      fileName: dataset.fileName,
      sha256: dataset.sha256,
      rowsRead: dataset.rowsRead,
      rowsImported: dataset.rowsImported,
      rowsRejected: dataset.rowsRejected,
      duplicates: dataset.duplicates,
      rowsOutOfArea: dataset.rowsOutOfArea,
      firstMonth: dataset.firstMonth,
      lastMonth: dataset.lastMonth,
    },
    rejected: report.rejected.slice(0, 1000),
    unmappedLabels: report.unmappedLabels,
    missingMonths: report.missingMonths,
    ...(report.sheetsRead.length > 0 ? { sheets: report.sheetsRead.map(({ name, rowsRead, skipped }) => ({ name, rowsRead, skipped })) } : {}),
  };
}

interface ImportOptions {
  workspace: string;
  partner?: string;
  format: ImportFormat | 'auto';
  mapping?: string;
  sheet?: string;
  allSheets?: boolean;
  area?: string;
  keepComparators?: boolean;
  sharingAgreement?: string;
  json?: boolean;
}

/** dataset import, list, report, remove, counts, map-label: the partners' data and its quality. */
export function addDatasetCommands(program: Command): void {
  const dataset = program.command('dataset').description('import, list, inspect and remove datasets, and count what they hold');

  dataset
    .command('import')
    .description('import a CSV, XLSX or ODS file as a dataset, with a data-quality report')
    .argument('<file>', 'the file to import')
    .addOption(workspaceOption())
    .option('--partner <name>', 'the partner that shared the file')
    .addOption(new Option('--format <format>', 'the layout, or auto to recognise it').choices(['auto', ...importFormats]).default('auto'))
    .option('--mapping <file.json>', 'column (and label) mapping for a layout the workbench does not know')
    .option('--sheet <name>', 'the worksheet to read, for a workbook (.xlsx or .ods)')
    .option('--all-sheets', 'import every sheet that shares the header of the first recognised one, as one dataset', false)
    .option('--area <name>', 'the area to import from a table covering many areas (default: the partnership’s)')
    .option('--keep-comparators', 'keep other areas’ rows as comparators', false)
    .option('--sharing-agreement <reference>', 'the information-sharing agreement the data came under')
    .addOption(jsonOption())
    .action(async (file: string, options: ImportOptions) => {
      const mappingFile = options.mapping ? readMappingFile(resolve(options.mapping)) : {};
      const report = await withWorkspace(options.workspace, async (host) => {
        if (options.allSheets && options.sheet) throw new WorkbenchError('invalid-input', 'Give either --sheet or --all-sheets, not both.');
        const chosen = await call(host, 'dataset/stage', { path: resolve(file), partner: options.partner ?? null });
        // The layout is recognised on the sheet that will be imported, not on the first one.
        const staged =
          options.sheet || options.allSheets
            ? {
                token: chosen.token,
                preview: await call(host, 'dataset/preview', {
                  token: chosen.token,
                  sheet: options.sheet ?? null,
                  allSheets: options.allSheets ?? false,
                  partner: options.partner ?? null,
                }),
              }
            : chosen;
        const format = options.format === 'auto' ? staged.preview.format : options.format;
        const partner = options.partner ?? defaultPartners[format ?? 'generic'];
        if (!format && !mappingFile.columns) {
          const suggestion = ColumnMapping.partial().parse(staged.preview.suggestedMapping);
          throw new WorkbenchError(
            'invalid-input',
            `The workbench does not recognise the layout of ${basename(file)} (columns: ${staged.preview.header.filter(Boolean).join(', ')}). ` +
              `Give a mapping with --mapping FILE.json, for example ${JSON.stringify({ columns: { offence: suggestion.offence ?? '…', period: suggestion.period ?? '…', count: suggestion.count ?? null } })}.`,
          );
        }
        return cancellable(host, (operationId) =>
          call(host, 'dataset/import', {
            token: staged.token,
            operationId,
            partner,
            format: mappingFile.columns ? 'generic' : options.format,
            mapping: mappingFile.columns ?? null,
            labels: mappingFile.labels ?? {},
            // The sheet the preview settled on, by its exact name.
            sheet: options.allSheets ? null : staged.preview.sheet,
            allSheets: options.allSheets ?? false,
            area: options.area ?? null,
            keepComparators: options.keepComparators ?? false,
            sharingAgreement: options.sharingAgreement ?? null,
          }),
        );
      });
      if (options.json) printJson(importJson(report));
      else printReport(report);
    });

  dataset
    .command('list')
    .description('list the datasets with their provenance')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const datasets = await withWorkspace(options.workspace, (host) => call(host, 'dataset/list', {}));
      if (options.json) printJson({ datasets });
      else printDatasets(datasets);
    });

  dataset
    .command('report')
    .description('show a dataset’s data-quality report')
    .argument('<id>', 'the dataset number', parseId('A dataset number'))
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (id: number, options: { workspace: string; json?: boolean }) => {
      const report = await withWorkspace(options.workspace, (host) => call(host, 'dataset/report', { id }));
      if (options.json) printJson(report);
      else printReport(report);
    });

  dataset
    .command('remove')
    .description('remove a dataset and every row it brought')
    .argument('<id>', 'the dataset number', parseId('A dataset number'))
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (id: number, options: { workspace: string; json?: boolean }) => {
      const remaining = await withWorkspace(options.workspace, (host) => call(host, 'dataset/remove', { id }));
      if (options.json) printJson({ removed: id, datasets: remaining });
      else console.log(`Removed dataset ${id}. ${remaining.length} ${remaining.length === 1 ? 'dataset remains' : 'datasets remain'}.`);
    });

  dataset
    .command('counts')
    .description('counts inside the partnership’s area, from the precomputed aggregates')
    .addOption(workspaceOption())
    .option('--dataset <id>', 'one dataset only', parseId('A dataset number'))
    .addOption(new Option('--by <grouping>', 'group by the source’s label, the taxonomy offence, or month').choices(countGroupings).default('category'))
    .addOption(jsonOption())
    .action(async (options: { workspace: string; dataset?: number; by: CountGrouping; json?: boolean }) => {
      const { rows } = await withWorkspace(options.workspace, (host) =>
        call(host, 'dataset/counts', { datasetId: options.dataset ?? null, by: options.by }),
      );
      if (options.json) {
        printJson({ rows });
        return;
      }
      const width = Math.max(10, ...rows.map((row) => row.key.length));
      for (const row of rows) console.log(`${row.key.padEnd(width)}  ${formatCount(row.count).padStart(9)}`);
    });

  dataset
    .command('map-label')
    .description('say which offence or indicator a label the workbench did not know means (for every file from that partner)')
    .argument('<id>', 'the dataset number', parseId('A dataset number'))
    .addOption(workspaceOption())
    .requiredOption('--label <label>', 'the label as the file wrote it')
    .requiredOption('--offence <offence>', 'the offence or indicator key, e.g. indicator:asb-incidents')
    .addOption(jsonOption())
    .action(async (id: number, options: { workspace: string; label: string; offence: string; json?: boolean }) => {
      const report = await withWorkspace(options.workspace, (host) => call(host, 'dataset/mapLabel', { datasetId: id, label: options.label, offence: options.offence }));
      if (options.json) printJson({ dataset: report.dataset, unmappedLabels: report.unmappedLabels });
      else console.log(`“${options.label}” now counts as ${options.offence}. ${report.unmappedLabels.length} labels left to map.`);
    });
}
