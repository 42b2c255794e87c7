import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { defaultSuppressionThreshold } from '../../shared/export/suppression';
import type { ExportResult } from '../../shared/export/export-request';
import { WorkbenchError } from '../../shared/result';
import type { ServiceHost } from '../service/service-host';
import { call, cancellable, formatCount, jsonOption, printJson, withWorkspace, workspaceOption } from './cli-support';

function parseWhole(name: string) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) throw new WorkbenchError('invalid-input', `${name} must be a whole number, not "${value}".`);
    return number;
  };
}

export interface WorkbookExportOptions {
  run?: number;
  publication?: boolean;
  threshold?: number;
  rawData?: boolean;
}

/** Exports the evidence workbook of the open workspace; Ctrl+C cancels and leaves no file. */
export function exportWorkbook(host: ServiceHost, out: string, options: WorkbookExportOptions = {}): Promise<ExportResult> {
  return cancellable(host, (operationId) =>
    call(host, 'export/workbook', {
      path: resolve(out),
      operationId,
      source: options.run !== undefined ? { kind: 'run', runId: options.run } : { kind: 'current' },
      publication: options.publication ?? false,
      threshold: options.threshold ?? defaultSuppressionThreshold,
      rawData: options.rawData ?? false,
    }),
  );
}

export function addExportCommands(program: Command): void {
  const exporting = program.command('export').description('export documents from a workspace');
  exporting
    .command('workbook')
    .description('write the evidence workbook (.xlsx): statistics, the matrix as live formulas, ranking, sensitivity and priorities')
    .addOption(workspaceOption())
    .requiredOption('--out <file>', 'the workbook to write (.xlsx)')
    .option('--run <id>', 'export a frozen run instead of the current scoring', parseWhole('The run id'))
    .option('--publication', 'suppress small counts for publication', false)
    .addOption(new Option('--threshold <n>', `suppress counts below n (default ${defaultSuppressionThreshold})`).argParser(parseWhole('The threshold')))
    .option('--raw-data', 'add a sheet with every imported row inside the area', false)
    .addOption(jsonOption())
    .action(async (options: { workspace: string; out: string; json?: boolean } & WorkbookExportOptions) => {
      if (options.threshold !== undefined && !options.publication) {
        throw new WorkbenchError('invalid-input', '--threshold applies to publication mode: add --publication.');
      }
      const result = await withWorkspace(options.workspace, (host) => exportWorkbook(host, options.out, options));
      if (options.json) printJson({ file: result.fileName, bytes: result.bytes, source: result.source });
      else console.log(`Wrote ${options.out} (${formatCount(result.bytes)} bytes) from the ${result.source.charAt(0).toLowerCase()}${result.source.slice(1)}.`);
    });
}
