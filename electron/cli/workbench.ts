/**
 * The headless front end: `npm run workbench -- <command>`. It drives the same service host
 * as the app, so batch jobs, scripts and tests go through the same validation and storage.
 */
import { Command } from 'commander';
import { WorkbenchError } from '../../shared/result';
import { addAnalysisCommands } from './analysis-commands';
import { addDatasetCommands } from './dataset-commands';
import { addExportCommands } from './export-commands';
import { addPartnershipCommands } from './partnership-commands';
import { addPdfExportCommands } from './pdf-export-commands';
import { addPriorityCommands } from './priority-commands';

export function createProgram(): Command {
  const program = new Command('workbench')
    .description('Community Safety Workbench, headless: the same workspaces and services as the app.')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  addPartnershipCommands(program);
  addDatasetCommands(program);
  addAnalysisCommands(program);
  addExportCommands(program);
  addPriorityCommands(program);
  // The PDF documents join the workbook under `export`.
  addPdfExportCommands(program.commands.find((command) => command.name() === 'export')!);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    const message = error instanceof WorkbenchError ? error.message : `Unexpected error: ${String(error)}`;
    process.stderr.write(`workbench: ${message}\n`);
    return error instanceof WorkbenchError && error.code === 'cancelled' ? 130 : 1;
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
