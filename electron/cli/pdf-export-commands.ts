import { Option, type Command } from 'commander';
import { join, resolve } from 'node:path';
import { pdfDocuments, type PdfDocumentKind } from '../../shared/export/pdf-export';
import { defaultSuppressionThreshold } from '../../shared/export/suppression';
import { WorkbenchError } from '../../shared/result';
import type { ServiceHost } from '../service/service-host';
import { call, cancellable, jsonOption, printJson, withWorkspace, workspaceOption } from './cli-support';

interface PdfExportOptions {
  workspace: string;
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

function addDocumentCommand(parent: Command, kind: PdfDocumentKind, description: string): void {
  parent
    .command(kind)
    .description(description)
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
        writePdfDocument(host, kind, options.out, { runId, publication: options.publication, threshold }),
      );
      if (options.json) printJson({ file: outcome.fileName, bytes: outcome.bytes, pages: outcome.pages, source: outcome.source });
      else console.log(`Wrote ${options.out}: the ${pdfDocuments[kind].phrase}, ${outcome.pages} pages, from the ${outcome.source.toLowerCase()}.`);
    });
}

/** export plan, export board-paper. */
export function addPdfExportCommands(exportCommand: Command): void {
  addDocumentCommand(exportCommand, 'plan', 'write the Partnership Plan as an accessible, tagged PDF');
  addDocumentCommand(exportCommand, 'board-paper', 'write the board paper that asks the board to agree the priorities, as a PDF');
}

/** The demo's documents beside its workspace: DIR/demo-plan.pdf and DIR/demo-board-paper.pdf. */
export async function writeDemoDocuments(host: ServiceHost, dir: string): Promise<string[]> {
  const files = [join(dir, 'demo-plan.pdf'), join(dir, 'demo-board-paper.pdf')];
  await writePdfDocument(host, 'plan', files[0]!);
  await writePdfDocument(host, 'board-paper', files[1]!);
  return files;
}
