import type { Command } from 'commander';
import type { Member } from '../../shared/domain/partnership';
import { WorkbenchError } from '../../shared/result';
import type { ServiceHost } from '../service/service-host';
import { call, jsonOption, parseId, printJson, withWorkspace, workspaceOption } from './cli-support';

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

/** A member named on the command line, with the list it was found in. */
async function findMember(host: ServiceHost, typed: string): Promise<{ member: Member; members: Member[] }> {
  const members = await call(host, 'member/list', {});
  return { member: memberNamed(members, typed), members };
}

const countOf = (members: readonly Member[]) => `${members.length} ${members.length === 1 ? 'member' : 'members'}`;

/** member add, list, update, remove, move: the partnership's members, in the partnership's order. */
export function addMemberCommands(program: Command): void {
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
      else console.log(`Added ${options.name}. The partnership has ${countOf(members)}.`);
    });

  member
    .command('list')
    .description('list the members in the partnership’s order')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const members = await withWorkspace(options.workspace, (host) => call(host, 'member/list', {}));
      if (options.json) printJson(membersJson(members));
      else printMembers(members);
    });

  member
    .command('update')
    .description('change a member’s name, statutory status or contact (what is left out is kept)')
    .argument('<organisation>', 'the member, by name as `member list` shows it')
    .addOption(workspaceOption())
    .option('--name <organisation>', 'the new name')
    .option('--statutory', 'a statutory member (a responsible authority)')
    .option('--not-statutory', 'not a statutory member')
    .option('--contact <text>', 'the contact ("" to clear)')
    .addOption(jsonOption())
    .action(
      async (organisation: string, options: { workspace: string; name?: string; statutory?: boolean; notStatutory?: boolean; contact?: string; json?: boolean }) => {
        if (options.statutory && options.notStatutory) throw new WorkbenchError('invalid-input', 'Give --statutory or --not-statutory, not both.');
        const members = await withWorkspace(options.workspace, async (host) => {
          const { member: found } = await findMember(host, organisation);
          return call(host, 'member/update', {
            id: found.id,
            name: options.name ?? found.name,
            statutory: options.statutory ? true : options.notStatutory ? false : found.statutory,
            contact: options.contact ?? found.contact,
          });
        });
        if (options.json) printJson(membersJson(members));
        else console.log(`Updated ${options.name ?? organisation}.`);
      },
    );

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
        const { member: target } = await findMember(host, organisation);
        removed = target.name;
        const result = await host.call('member/remove', { id: target.id, confirmLeadRemoval: options.force });
        if (result.ok) return result.value as Member[];
        const hint = result.error.code === 'needs-confirmation' ? ' Add --force to remove it anyway, or give those priorities another lead first.' : '';
        throw new WorkbenchError(result.error.code, `${result.error.message}${hint}`);
      });
      if (options.json) printJson(membersJson(members));
      else console.log(`Removed ${removed}. The partnership has ${countOf(members)}.`);
    });

  member
    .command('move')
    .description('move a member to another place in the list')
    .argument('<organisation>', 'the member, by name')
    .addOption(workspaceOption())
    .requiredOption('--to <position>', 'its new place, 1 for the top', parseId('A position'))
    .addOption(jsonOption())
    .action(async (organisation: string, options: { workspace: string; to: number; json?: boolean }) => {
      const members = await withWorkspace(options.workspace, async (host) => {
        const { member: found, members: current } = await findMember(host, organisation);
        if (options.to > current.length) {
          throw new WorkbenchError('invalid-input', `The partnership has ${current.length} members, so there is no position ${options.to}.`);
        }
        const ids = current.map((candidate) => candidate.id).filter((id) => id !== found.id);
        ids.splice(options.to - 1, 0, found.id);
        return call(host, 'member/move', { ids });
      });
      if (options.json) printJson(membersJson(members));
      else console.log(`Moved ${organisation} to position ${options.to}.`);
    });
}
