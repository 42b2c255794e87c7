/**
 * The headless front end: `npm run workbench -- <command>`. It drives the same service host
 * as the app, so batch jobs, scripts and tests go through the same validation and storage.
 */
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { Channel } from '../../shared/channels';
import type { OutputOf } from '../../shared/contract';
import { protectiveMarkings, type Member } from '../../shared/domain/partnership';
import { WorkbenchError } from '../../shared/result';
import { ServiceHost } from '../service/service-host';
import type { ServiceRawInputOf } from '../service/service-contract';

async function call<C extends Channel>(host: ServiceHost, channel: C, input: ServiceRawInputOf<C>): Promise<OutputOf<C>> {
  const result = await host.call(channel, input);
  if (!result.ok) throw new WorkbenchError(result.error.code, result.error.message);
  return result.value as OutputOf<C>;
}

/** Opens the workspace, runs the work, and always closes the file again. */
async function withWorkspace<T>(path: string, work: (host: ServiceHost) => Promise<T>): Promise<T> {
  const host = new ServiceHost(progressToStderr);
  try {
    await call(host, 'workspace/open', { path: resolve(path) });
    return await work(host);
  } finally {
    host.dispose();
  }
}

function progressToStderr(event: { stage: string; done: number; total: number | null }): void {
  if (!process.stderr.isTTY) return;
  const total = event.total === null ? '' : ` ${event.done}/${event.total}`;
  process.stderr.write(`\r${event.stage}${total}   `);
  if (event.total !== null && event.done >= event.total) process.stderr.write('\n');
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function membersJson(members: Member[]) {
  return { members: members.map(({ name, statutory, contact }) => ({ name, statutory, contact })) };
}

function printMembers(members: Member[]): void {
  if (members.length === 0) {
    console.log('No members yet.');
    return;
  }
  members.forEach((member, index) => {
    const mark = member.statutory ? '*' : ' ';
    const contact = member.contact ? `  (${member.contact})` : '';
    console.log(`${String(index + 1).padStart(2)}. ${mark}${member.name}${contact}`);
  });
  if (members.some((member) => member.statutory)) console.log('Those marked with a * are statutory members.');
}

const workspaceOption = () => new Option('--workspace <file>', 'the workspace file').makeOptionMandatory();
const jsonOption = () => new Option('--json', 'print JSON only, for scripts');

export function createProgram(): Command {
  const program = new Command('workbench')
    .description('Community Safety Workbench, headless: the same workspaces and services as the app.')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('init')
    .description('create a new workspace file (fails if the file exists)')
    .addOption(workspaceOption())
    .requiredOption('--name <name>', 'the partnership name, e.g. "Safer Colchester Partnership"')
    .option('--area <area>', 'the area the partnership covers, e.g. Colchester')
    .addOption(new Option('--marking <marking>', 'the protective marking').choices(protectiveMarkings).default('OFFICIAL'))
    .addOption(jsonOption())
    .action(async (options: { workspace: string; name: string; area?: string; marking: string; json?: boolean }) => {
      const host = new ServiceHost();
      try {
        const summary = await call(host, 'workspace/create', {
          path: resolve(options.workspace),
          name: options.name,
          area: options.area ?? null,
          marking: options.marking as (typeof protectiveMarkings)[number],
        });
        if (options.json) printJson(summary);
        else console.log(`Created ${summary.fileName} for ${summary.name} (${summary.marking}).`);
      } finally {
        host.dispose();
      }
    });

  program
    .command('info')
    .description('show the partnership, marking, workspace format and datasets')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const summary = await withWorkspace(options.workspace, (host) => call(host, 'workspace/current', {}));
      if (!summary) throw new WorkbenchError('no-workspace', 'The workspace could not be read.');
      const { name, area, marking, schemaVersion, datasets } = summary;
      if (options.json) {
        printJson({ name, area, marking, schemaVersion, datasets });
        return;
      }
      console.log(name);
      console.log(`  Area:              ${area ?? 'not set'}`);
      console.log(`  Marking:           ${marking}`);
      console.log(`  Workspace format:  ${schemaVersion}`);
      console.log(`  Datasets:          ${datasets}`);
    });

  const member = program.command('member').description('manage the partnership’s members');

  member
    .command('add')
    .description('add a member organisation at the end of the list')
    .addOption(workspaceOption())
    .requiredOption('--name <organisation>', 'the organisation name')
    .option('--statutory', 'a statutory member (a responsible authority)', false)
    .option('--contact <text>', 'a contact for the organisation')
    .addOption(jsonOption())
    .action(async (options: { workspace: string; name: string; statutory: boolean; contact?: string; json?: boolean }) => {
      const members = await withWorkspace(options.workspace, (host) =>
        call(host, 'member/add', { name: options.name, statutory: options.statutory, contact: options.contact ?? null }),
      );
      if (options.json) printJson(membersJson(members));
      else console.log(`Added ${options.name}. The partnership has ${members.length} ${members.length === 1 ? 'member' : 'members'}.`);
    });

  member
    .command('list')
    .description('list the members in the partnership’s order')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const partnership = await withWorkspace(options.workspace, (host) => call(host, 'partnership/get', {}));
      if (options.json) printJson(membersJson(partnership.members));
      else printMembers(partnership.members);
    });

  program
    .command('backup')
    .description('write a compact copy of the workspace (VACUUM INTO)')
    .addOption(workspaceOption())
    .requiredOption('--out <file>', 'where to write the backup')
    .addOption(jsonOption())
    .action(async (options: { workspace: string; out: string; json?: boolean }) => {
      const result = await withWorkspace(options.workspace, (host) =>
        call(host, 'workspace/backup', { path: resolve(options.out), operationId: `cli-${process.pid}-backup` }),
      );
      if (options.json) printJson(result);
      else console.log(`Backed up to ${result.fileName} (${result.bytes} bytes).`);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    const message = error instanceof WorkbenchError ? error.message : `Unexpected error: ${String(error)}`;
    process.stderr.write(`workbench: ${message}\n`);
    return 1;
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
