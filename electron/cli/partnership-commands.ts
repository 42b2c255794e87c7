import { Option, type Command } from 'commander';
import { protectiveMarkings, type Partnership, type ProtectiveMarking } from '../../shared/domain/partnership';
import { describePeriod } from '../../shared/statistics';
import { call, jsonOption, printJson, withWorkspace, workspaceOption } from './cli-support';

function partnershipJson(partnership: Partnership) {
  const { name, area, marking, period } = partnership;
  return { name, area, marking, period };
}

/** partnership show, set: the partnership's details and protective marking, as the Partnership screen sets them. */
export function addPartnershipCommands(program: Command): void {
  const partnership = program.command('partnership').description('the partnership’s details and protective marking');

  partnership
    .command('show')
    .description('show the name, area, marking and assessment period')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const details = await withWorkspace(options.workspace, (host) => call(host, 'partnership/show', {}));
      if (options.json) {
        printJson(partnershipJson(details));
        return;
      }
      console.log(details.name);
      console.log(`  Area:     ${details.area ?? 'not set'}`);
      console.log(`  Marking:  ${details.marking}`);
      console.log(`  Period:   ${details.period ? describePeriod(details.period) : 'not set'}`);
    });

  partnership
    .command('set')
    .description('change the name, area or protective marking (what is left out is kept)')
    .addOption(workspaceOption())
    .option('--name <name>', 'the partnership name')
    .option('--area <area>', 'the area it covers ("" to clear)')
    .addOption(new Option('--marking <marking>', 'the protective marking').choices(protectiveMarkings))
    .addOption(jsonOption())
    .action(async (options: { workspace: string; name?: string; area?: string; marking?: ProtectiveMarking; json?: boolean }) => {
      const updated = await withWorkspace(options.workspace, async (host) => {
        const current = await call(host, 'partnership/show', {});
        return call(host, 'partnership/set', {
          name: options.name ?? current.name,
          area: options.area ?? current.area,
          marking: options.marking ?? current.marking,
          period: current.period,
        });
      });
      if (options.json) printJson(partnershipJson(updated));
      else console.log(`Saved: ${updated.name}, ${updated.area ?? 'no area'}, ${updated.marking}.`);
    });
}
