import { Option, type Command } from 'commander';
import type { AnalysisSettings } from '../../shared/domain/analysis';
import { protectiveMarkings, type Member, type Partnership, type ProtectiveMarking } from '../../shared/domain/partnership';
import { WorkbenchError } from '../../shared/result';
import { describePeriod } from '../../shared/statistics';
import type { ServiceHost } from '../service/service-host';
import { call, formatCount, jsonOption, parseId, printJson, withWorkspace, workspaceOption } from './cli-support';
import { memberNamed } from './partnership-commands';

/**
 * What the screens set, for scripted refreshes: the periods, the population and households, the
 * partnership's details and marking, member edits and label mappings. Each goes through the
 * same service call as its screen, so the validation and the messages are the screen's.
 */

function settingsJson(settings: AnalysisSettings) {
  const { periods, periodsChosen, latestCompleteMonth, population, households } = settings;
  return { periods, periodsChosen, latestCompleteMonth, population, households };
}

function printSettings(settings: AnalysisSettings): void {
  const { periods } = settings;
  console.log(`Assessment period:  ${describePeriod(periods.current)}${settings.periodsChosen ? '' : ' (the latest 12 complete months; none chosen)'}`);
  console.log(`Comparison period:  ${describePeriod(periods.comparison)}`);
  const figure = (value: number | null) => (value === null ? 'none' : formatCount(value));
  console.log(`Population:         ${figure(settings.population.value)} (${settings.population.source})`);
  console.log(`Households:         ${figure(settings.households.value)} (${settings.households.source})`);
}

function partnershipJson(partnership: Partnership) {
  const { name, area, marking, period } = partnership;
  return { name, area, marking, period };
}

function membersJson(members: Member[]) {
  return { members: members.map(({ name, statutory, contact }) => ({ name, statutory, contact })) };
}

/** A member named on the command line, matched as the list shows it (ignoring case). */
async function findMember(host: ServiceHost, name: string): Promise<{ member: Member; members: Member[] }> {
  const { members } = await call(host, 'partnership/show', {});
  return { member: memberNamed(members, name), members };
}

/** `--population 185000`, or `--population none` to go back to the ONS estimate. */
function parseDenominator(what: string) {
  // 'none', not null: commander turns an option parsed to null into an empty string.
  return (value: string): number | 'none' => {
    if (value.trim().toLowerCase() === 'none') return 'none';
    if (!/^[0-9][0-9,]*$/.test(value.trim())) throw new WorkbenchError('invalid-input', `${what} is a whole number such as 185000, or none, not "${value}".`);
    return Number(value.trim().replaceAll(',', ''));
  };
}

function subcommand(program: Command, name: string, description: string): Command {
  return program.commands.find((command) => command.name() === name) ?? program.command(name).description(description);
}

/** period set/show, population set, partnership set/show, member update/remove/move, dataset map-label. */
export function addSettingsCommands(program: Command): void {
  const period = program.command('period').description('the assessment and comparison periods');

  period
    .command('set')
    .description('set the assessment period, and the comparison period (default: as long, just before)')
    .addOption(workspaceOption())
    .requiredOption('--from <YYYY-MM>', 'the first month of the assessment period')
    .requiredOption('--to <YYYY-MM>', 'the last month of the assessment period')
    .option('--comparison-from <YYYY-MM>', 'the first month of the comparison period')
    .option('--comparison-to <YYYY-MM>', 'the last month of the comparison period')
    .addOption(jsonOption())
    .action(async (options: { workspace: string; from: string; to: string; comparisonFrom?: string; comparisonTo?: string; json?: boolean }) => {
      if ((options.comparisonFrom === undefined) !== (options.comparisonTo === undefined)) {
        throw new WorkbenchError('invalid-input', 'Give both --comparison-from and --comparison-to, or neither (the comparison is then the same length just before).');
      }
      const comparison = options.comparisonFrom && options.comparisonTo ? { from: options.comparisonFrom, to: options.comparisonTo } : null;
      const view = await withWorkspace(options.workspace, (host) =>
        call(host, 'analysis/setPeriods', { periods: { current: { from: options.from, to: options.to }, comparison } }),
      );
      if (options.json) printJson(settingsJson(view.settings));
      else printSettings(view.settings);
    });

  period
    .command('show')
    .description('show the periods, the population and the households the analysis uses')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const view = await withWorkspace(options.workspace, (host) => call(host, 'analysis/show', {}));
      if (options.json) printJson(settingsJson(view.settings));
      else printSettings(view.settings);
    });

  program
    .command('population')
    .description('the residents and households rates are worked out from')
    .command('set')
    .description('enter the population and households by hand (none: back to the ONS estimate); a figure left out is kept')
    .addOption(workspaceOption())
    .option('--population <n>', 'the residents of the area', parseDenominator('The population'))
    .option('--households <n>', 'the households in the area', parseDenominator('The number of households'))
    .addOption(jsonOption())
    .action(async (options: { workspace: string; population?: number | 'none'; households?: number | 'none'; json?: boolean }) => {
      if (options.population === undefined && options.households === undefined) {
        throw new WorkbenchError('invalid-input', 'Give --population, --households or both.');
      }
      const view = await withWorkspace(options.workspace, async (host) => {
        const { settings } = await call(host, 'analysis/show', {});
        const figure = (given: number | 'none' | undefined, current: { value: number | null; source: string }) =>
          given === undefined ? (current.source === 'entered by hand' ? current.value : null) : given === 'none' ? null : given;
        return call(host, 'analysis/setDenominators', {
          population: figure(options.population, settings.population),
          households: figure(options.households, settings.households),
        });
      });
      if (options.json) printJson(settingsJson(view.settings));
      else printSettings(view.settings);
    });

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

  const member = subcommand(program, 'member', 'manage the partnership’s members');

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

  const dataset = subcommand(program, 'dataset', 'inspect or remove one dataset');

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
