import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { protectiveMarkings, type Member, type ProtectiveMarking } from '../../shared/domain/partnership';
import { WorkbenchError } from '../../shared/result';
import { ServiceHost } from '../service/service-host';
import { call, cancellable, jsonOption, printJson, withWorkspace, workspaceOption } from './cli-support';

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

/** A member by name (any case) or by its number in the list. */
/** A member as the analyst typed it: its name in any case, or its number in `member list`. */
export function memberNamed(members: readonly Member[], typed: string): Member {
  const wanted = typed.trim().toLowerCase();
  const byNumber = /^\d+$/.test(wanted) ? members[Number(wanted) - 1] : undefined;
  const match = byNumber ?? members.find((member) => member.name.toLowerCase() === wanted);
  if (!match) {
    const names = members.map((member) => member.name).join(', ');
    throw new WorkbenchError('not-found', `No member of the partnership is called "${typed}". The members are: ${names || 'none yet'}.`);
  }
  return match;
}

/** init, info, member add, member list, member remove, backup. */
export function addPartnershipCommands(program: Command): void {
  program
    .command('init')
    .description('create a new workspace file (fails if the file exists)')
    .addOption(workspaceOption())
    .requiredOption('--name <name>', 'the partnership name, e.g. "Safer Colchester Partnership"')
    .option('--area <area>', 'the area the partnership covers, e.g. Colchester')
    .addOption(new Option('--marking <marking>', 'the protective marking').choices(protectiveMarkings).default('OFFICIAL'))
    .addOption(jsonOption())
    .action(async (options: { workspace: string; name: string; area?: string; marking: ProtectiveMarking; json?: boolean }) => {
      const host = new ServiceHost();
      try {
        const summary = await call(host, 'workspace/create', {
          path: resolve(options.workspace),
          name: options.name,
          area: options.area ?? null,
          marking: options.marking,
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
      const summary = await withWorkspace(options.workspace, (host) => call(host, 'workspace/show', {}));
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
      const partnership = await withWorkspace(options.workspace, (host) => call(host, 'partnership/show', {}));
      if (options.json) printJson(membersJson(partnership.members));
      else printMembers(partnership.members);
    });

  member
    .command('remove')
    .description('remove a member; one that leads priorities is removed only with --force, which clears their lead')
    .argument('<organisation>', 'the member’s name (any case), or its number in "member list"')
    .addOption(workspaceOption())
    .option('--force', 'remove it even if it leads priorities, leaving them without a lead partner', false)
    .addOption(jsonOption())
    .action(async (organisation: string, options: { workspace: string; force: boolean; json?: boolean }) => {
      let removed = '';
      const members = await withWorkspace(options.workspace, async (host) => {
        const target = memberNamed((await call(host, 'partnership/show', {})).members, organisation);
        removed = target.name;
        const result = await host.call('member/remove', { id: target.id, confirmLeadRemoval: options.force });
        if (result.ok) return result.value as Member[];
        const hint = result.error.code === 'needs-confirmation' ? ' Add --force to remove it anyway, or give those priorities another lead first.' : '';
        throw new WorkbenchError(result.error.code, `${result.error.message}${hint}`);
      });
      if (options.json) printJson(membersJson(members));
      else console.log(`Removed ${removed}. The partnership has ${members.length} ${members.length === 1 ? 'member' : 'members'}.`);
    });

  program
    .command('backup')
    .description('write a compact copy of the workspace (VACUUM INTO)')
    .addOption(workspaceOption())
    .requiredOption('--out <file>', 'where to write the backup')
    .addOption(jsonOption())
    .action(async (options: { workspace: string; out: string; json?: boolean }) => {
      const result = await withWorkspace(options.workspace, (host) =>
        cancellable(host, (operationId) => call(host, 'workspace/backup', { path: resolve(options.out), operationId })),
      );
      if (options.json) printJson(result);
      else console.log(`Backed up to ${result.fileName} (${result.bytes} bytes).`);
    });
}
