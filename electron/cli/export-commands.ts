import { Option, type Command } from 'commander';
import { join, resolve } from 'node:path';
import { pdfDocumentKinds, pdfDocuments, type PdfDocumentKind } from '../../shared/export/pdf-export';
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

interface PdfExportOptions {
  workspace: string;
  document: PdfDocumentKind;
  out: string;
  run?: string;
  publication?: boolean;
  threshold?: string;
  json?: boolean;
}

function wholeNumber(value: string, what: string, minimum: number): number {
  const number = Number.parseInt(value, 10);
  if (!Number.isInteger(number) || number < minimum || String(number) !== value.trim()) {
    throw new WorkbenchError('invalid-input', `${what} is a whole number of ${minimum} or more, not "${value}".`);
  }
  return number;
}

/** Writes one PDF document through the service; Ctrl+C cancels and leaves no file behind. */
export async function writePdfDocument(
  host: ServiceHost,
  kind: PdfDocumentKind,
  out: string,
  options: { runId?: number; publication?: boolean; threshold?: number } = {},
) {
  return cancellable(host, (operationId) =>
    call(host, 'export/pdf', {
      path: resolve(out),
      operationId,
      kind,
      source: options.runId ? { kind: 'run', runId: options.runId } : { kind: 'current' },
      publication: options.publication ?? false,
      threshold: options.threshold ?? defaultSuppressionThreshold,
    }),
  );
}

/** The demo's documents beside its workspace: DIR/demo-plan.pdf and DIR/demo-board-paper.pdf. */
export async function writeDemoDocuments(host: ServiceHost, dir: string): Promise<string[]> {
  const files = [join(dir, 'demo-plan.pdf'), join(dir, 'demo-board-paper.pdf')];
  await writePdfDocument(host, 'plan', files[0]!);
  await writePdfDocument(host, 'board-paper', files[1]!);
  return files;
}

/** export workbook, pdf: the evidence workbook, and the Partnership Plan and the board paper as PDFs. */
export function addExportCommands(program: Command): void {
  const exporting = program.command('export').description('export the evidence workbook and the PDF documents from a workspace');
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

  exporting
    .command('pdf')
    .description('write the Partnership Plan (--document plan) or the board paper that asks the board to agree the priorities (--document board-paper) as an accessible, tagged PDF')
    .addOption(new Option('--document <document>', 'the document to write').choices(pdfDocumentKinds).makeOptionMandatory())
    .addOption(workspaceOption())
    .requiredOption('--out <file.pdf>', 'the PDF file to write (replaced if it exists)')
    .option('--run <id>', 'export a frozen run instead of the current scoring')
    .option('--publication', 'publication mode: suppress small counts', false)
    .addOption(new Option('--threshold <n>', 'with --publication, suppress counts below this').default(String(defaultSuppressionThreshold)))
    .addOption(jsonOption())
    .action(async (options: PdfExportOptions) => {
      const runId = options.run === undefined ? undefined : wholeNumber(options.run, 'A run id', 1);
      const threshold = wholeNumber(options.threshold ?? String(defaultSuppressionThreshold), 'The threshold', 2);
      const outcome = await withWorkspace(options.workspace, (host) =>
        writePdfDocument(host, options.document, options.out, { runId, publication: options.publication, threshold }),
      );
      if (options.json) printJson({ file: outcome.fileName, bytes: outcome.bytes, pages: outcome.pages, source: outcome.source });
      else console.log(`Wrote ${options.out}: the ${pdfDocuments[options.document].phrase}, ${outcome.pages} pages, from the ${outcome.source.toLowerCase()}.`);
    });
}
