import { Option, type Command } from 'commander';
import { scoreReport, type MatrixState } from '../../shared/domain/analysis';
import { matrixTemplateIds, type MatrixTemplateId, type SensitivityResult } from '../../shared/matrix';
import { WorkbenchError } from '../../shared/result';
import { describePeriod } from '../../shared/statistics';
import { call, decimal, jsonOption, parseNumber, printJson, printRanking, templateOption, withWorkspace, workspaceOption } from './cli-support';

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

function parseThresholds(value: string): number[] {
  return value.split(',').map((part) => parseNumber('Each threshold')(part.trim()));
}

function printFactors(state: MatrixState): void {
  const { definition, periods } = state;
  console.log(`${definition.name} (${state.template})`);
  console.log(`Assessment ${describePeriod(periods.current)}, compared with ${describePeriod(periods.comparison)}.`);
  for (const factor of definition.factors) {
    const edited = state.edited.includes(factor.id) ? ' (edited)' : '';
    const weight = factor.role === 'beside' ? 'graded beside the score' : `weight ${decimal.format(factor.weight)}`;
    console.log(`  ${factor.id.padEnd(24)} ${factor.kind.padEnd(9)} ${factor.role.padEnd(10)} ${weight}; thresholds ${factor.thresholds.join(', ')}${edited}`);
  }
  const judged = new Set(state.judgements.map((judgement) => judgement.offenceKey));
  console.log(`${state.offences.length} offence types scored; ${state.offences.filter((offence) => judged.has(offence.key)).length} have judgements.`);
}

/**
 * `matrix show --json`: the ranking with each factor's working (the shape `run show --json`
 * shares), and the matrix it was scored with: its definition, the factors edited, the periods.
 */
function matrixJson(state: MatrixState) {
  return {
    ...scoreReport(state.template, state.periods, state.ranking, { method: state.method, peers: state.peers.areas }),
    definition: state.definition,
    edited: state.edited,
    periods: state.periods,
  };
}

function printSensitivity(result: SensitivityResult): void {
  console.log(`${result.draws} draws, weights moved at random by up to ±${percent.format(result.spread)}, seed ${result.seed}.`);
  const width = Math.max(12, ...result.offences.map((offence) => offence.label.length));
  console.log(`${'rank'.padStart(4)}  ${'offence type'.padEnd(width)}  best  worst  median  ${result.topN.map((n) => `top ${n}`.padStart(7)).join('')}`);
  for (const offence of result.offences) {
    const shares = offence.inTop.map((top) => percent.format(top.share).padStart(7)).join('');
    console.log(
      `${String(offence.rank).padStart(4)}  ${offence.label.padEnd(width)}  ${String(offence.bestRank).padStart(4)}  ${String(offence.worstRank).padStart(5)}  ${decimal.format(offence.medianRank).padStart(6)}  ${shares}`,
    );
  }
}

/** The offence an analyst names, by its label ("Violence with injury") or its key. */
function offenceKeyFor(state: MatrixState, offence: string): string {
  const wanted = offence.trim().toLowerCase();
  const match = state.offences.find((candidate) => candidate.key.toLowerCase() === wanted || candidate.label.toLowerCase() === wanted);
  if (!match) {
    const names = state.offences.map((candidate) => candidate.label).join(', ');
    throw new WorkbenchError('not-found', `No scored offence type is called "${offence}". The scored types are: ${names || 'none yet'}.`);
  }
  return match.key;
}

/** matrix show, set, use, judge, sensitivity: the risk matrix, its scoring and judgements (brief §4). */
export function addMatrixCommands(program: Command): void {
  const matrix = program.command('matrix').description('score with the risk matrix, edit it, record judgements and test the ranking’s stability');

  matrix
    .command('show')
    .description('the factors, their weights and thresholds, then the ranking of the offence types with each factor’s working')
    .addOption(workspaceOption())
    .addOption(templateOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; template?: MatrixTemplateId; json?: boolean }) => {
      const state = await withWorkspace(options.workspace, (host) => call(host, 'matrix/show', { template: options.template }));
      if (options.json) {
        printJson(matrixJson(state));
        return;
      }
      printFactors(state);
      printRanking(state.template, state.ranking);
    });

  matrix
    .command('set')
    .description('change a factor’s weight or band thresholds; the workspace keeps the change')
    .addOption(workspaceOption())
    .addOption(templateOption())
    .requiredOption('--factor <id>', 'the factor, e.g. harm')
    .option('--weight <w>', 'the new weight, 0 or more', parseNumber('The weight'))
    .option('--thresholds <a,b,c,d>', 'the new band thresholds, lowest first', parseThresholds)
    .option('--use', 'also make this the matrix the workspace scores with', false)
    .action(async (options: { workspace: string; template?: MatrixTemplateId; factor: string; weight?: number; thresholds?: number[]; use: boolean }) => {
      if (options.weight === undefined && options.thresholds === undefined) {
        throw new WorkbenchError('invalid-input', 'Give --weight, --thresholds or both.');
      }
      const state = await withWorkspace(options.workspace, async (host) => {
        const template = options.template ?? (await call(host, 'matrix/show', {})).template;
        if (options.use) await call(host, 'matrix/use', { template });
        return call(host, 'matrix/set', { template, factor: options.factor, weight: options.weight, thresholds: options.thresholds });
      });
      const factor = state.definition.factors.find((candidate) => candidate.id === options.factor)!;
      console.log(`${factor.label}: weight ${decimal.format(factor.weight)}, thresholds ${factor.thresholds.join(', ')}.`);
    });

  matrix
    .command('use')
    .description('choose the matrix the workspace scores with')
    .addOption(workspaceOption())
    .addOption(new Option('--template <template>', 'the matrix').choices(matrixTemplateIds).makeOptionMandatory())
    .action(async (options: { workspace: string; template: MatrixTemplateId }) => {
      const state = await withWorkspace(options.workspace, (host) => call(host, 'matrix/use', { template: options.template }));
      console.log(`The workspace now scores with the ${state.definition.name}.`);
    });

  matrix
    .command('judge')
    .description('record the analyst’s 1–5 judgement of a factor for an offence type, with the rationale')
    .addOption(workspaceOption())
    .requiredOption('--factor <id>', 'vulnerability, concern, organisational-position or confidence')
    .requiredOption('--offence <label>', 'the offence type, e.g. "Violence with injury"')
    .requiredOption('--score <1-5>', 'the judgement, 1 (lowest) to 5 (highest)', parseNumber('The score'))
    .requiredOption('--rationale <text>', 'why: the evidence behind the judgement')
    .action(async (options: { workspace: string; factor: string; offence: string; score: number; rationale: string }) => {
      if (![1, 2, 3, 4, 5].includes(options.score)) throw new WorkbenchError('invalid-input', `A judgement is a whole number from 1 to 5, not ${options.score}.`);
      const state = await withWorkspace(options.workspace, async (host) => {
        const offenceKey = offenceKeyFor(await call(host, 'matrix/show', {}), options.offence);
        return call(host, 'matrix/judge', {
          factor: options.factor,
          offenceKey,
          score: options.score as 1 | 2 | 3 | 4 | 5,
          rationale: options.rationale,
        });
      });
      const row = state.ranking.find((candidate) => candidate.label.toLowerCase() === options.offence.trim().toLowerCase() || candidate.key === options.offence.trim());
      console.log(`Recorded ${options.factor} ${options.score} for ${row?.label ?? options.offence}${row ? `: now rank ${row.rank}, score ${decimal.format(row.score)}` : ''}.`);
    });

  matrix
    .command('sensitivity')
    .description('how stable each rank is when every weight moves at random')
    .addOption(workspaceOption())
    .addOption(templateOption())
    .option('--draws <n>', 'how many random weightings', parseNumber('The number of draws'), 2000)
    .option('--spread <fraction>', 'the largest relative change of a weight, e.g. 0.25 for ±25%', parseNumber('The spread'), 0.25)
    .option('--seed <n>', 'the random seed: the same seed repeats the result', parseNumber('The seed'), 1998)
    .addOption(jsonOption())
    .action(async (options: { workspace: string; template?: MatrixTemplateId; draws: number; spread: number; seed: number; json?: boolean }) => {
      const result = await withWorkspace(options.workspace, (host) =>
        call(host, 'matrix/sensitivity', { template: options.template, draws: options.draws, spread: options.spread, seed: options.seed }),
      );
      if (options.json) printJson(result);
      else printSensitivity(result);
    });
}
