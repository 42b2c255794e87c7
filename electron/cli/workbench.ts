/**
 * The headless front end (started by cli-entry.ts). It drives the same service host as the
 * app, so batch jobs, scripts and tests go through the same validation and storage.
 */
import { Command } from 'commander';
import { WorkbenchError } from '../../shared/result';
import { logUnexpected, unexpectedFailureMessage } from '../service/error-log';
import { addAnalysisCommands } from './analysis-commands';
import { addDatasetCommands } from './dataset-commands';
import { addDocumentCommands } from './document-commands';
import { addExportCommands } from './export-commands';
import { addMatrixCommands } from './matrix-commands';
import { addMemberCommands } from './member-commands';
import { addPartnershipCommands } from './partnership-commands';
import { addPeersCommands } from './peers-commands';
import { addPriorityCommands } from './priority-commands';
import { addRunCommands } from './run-commands';
import { addWorkspaceCommands } from './workspace-commands';

/**
 * Every command is `<noun> <verb>`, its operation's name in shared/operations.ts ('dataset/mapLabel'
 * is `dataset map-label`), one file of commands per noun.
 */
export function createProgram(): Command {
  const program = new Command('workbench')
    .description('Community Safety Workbench, headless: the same workspaces and services as the app.')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  addWorkspaceCommands(program);
  addPartnershipCommands(program);
  addMemberCommands(program);
  addDatasetCommands(program);
  addAnalysisCommands(program);
  addMatrixCommands(program);
  addPeersCommands(program);
  addRunCommands(program);
  addPriorityCommands(program);
  addDocumentCommands(program);
  addExportCommands(program);
  return program;
}

/** Runs one command line (without the program name) and answers the exit code. */
export async function main(args: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    const message = error instanceof WorkbenchError ? error.message : unexpectedFailureMessage(logUnexpected(`workbench ${args.join(' ')}`, error));
    process.stderr.write(`workbench: ${message}\n`);
    return error instanceof WorkbenchError && error.code === 'cancelled' ? 130 : 1;
  }
}

