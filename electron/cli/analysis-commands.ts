import type { Command } from 'commander';
import type { AnalysisSettings } from '../../shared/domain/analysis';
import { WorkbenchError } from '../../shared/result';
import { describePeriod } from '../../shared/statistics';
import { call, formatCount, jsonOption, printJson, withWorkspace, workspaceOption } from './cli-support';

/**
 * What the Analysis screen sets, for scripted refreshes: the periods, the population and the
 * households. Each goes through the same service call as the screen, so the validation and
 * the messages are the screen's.
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

/** `--population 185000`, or `--population none` to go back to the ONS estimate. */
function parseDenominator(what: string) {
  // 'none', not null: commander turns an option parsed to null into an empty string.
  return (value: string): number | 'none' => {
    if (value.trim().toLowerCase() === 'none') return 'none';
    if (!/^[0-9][0-9,]*$/.test(value.trim())) throw new WorkbenchError('invalid-input', `${what} is a whole number such as 185000, or none, not "${value}".`);
    return Number(value.trim().replaceAll(',', ''));
  };
}

/** analysis show, set-periods, set-denominators. */
export function addAnalysisCommands(program: Command): void {
  const analysis = program.command('analysis').description('the assessment and comparison periods, and the population and households rates are worked out from');

  analysis
    .command('show')
    .description('show the periods, the population and the households the analysis uses')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const view = await withWorkspace(options.workspace, (host) => call(host, 'analysis/show', {}));
      if (options.json) printJson(settingsJson(view.settings));
      else printSettings(view.settings);
    });

  analysis
    .command('set-periods')
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

  analysis
    .command('set-denominators')
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
}
