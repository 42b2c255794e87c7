import { Option, type Command } from 'commander';
import { priorityHeading, priorityReport, ragStatusLabels, type FrozenPriority } from '../../shared/domain/priority';
import { scoreReport, type MatrixState, type NamedRunComparison, type StoredRun } from '../../shared/domain/analysis';
import { matrixTemplateIds, type MatrixTemplateId, type RankedOffence, type SensitivityResult } from '../../shared/matrix';
import { WorkbenchError } from '../../shared/result';
import { describePeriod } from '../../shared/statistics';
import { call, jsonOption, parseId, printJson, withWorkspace, workspaceOption } from './cli-support';

const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

const templateOption = () => new Option('--template <template>', 'the matrix to score with (default: the workspace’s)').choices(matrixTemplateIds);

function parseNumber(name: string) {
  return (value: string): number => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) throw new WorkbenchError('invalid-input', `${name} must be a number, not "${value}".`);
    return number;
  };
}

function parseThresholds(value: string): number[] {
  return value.split(',').map((part) => parseNumber('Each threshold')(part.trim()));
}

function printRanking(template: MatrixTemplateId, ranking: readonly RankedOffence[]): void {
  if (ranking.length === 0) {
    console.log('No offence type has figures for the whole assessment period, so nothing is scored.');
    return;
  }
  const width = Math.max(12, ...ranking.map((row) => row.label.length));
  console.log(`${template} matrix`);
  for (const row of ranking) {
    const factors = Object.entries(row.factors)
      .map(([id, working]) => `${id} ${working.score}×${decimal.format(working.weight)}`)
      .join(', ');
    const band = row.band ? ` ${row.band}` : '';
    console.log(`${String(row.rank).padStart(3)}  ${row.label.padEnd(width)}  ${decimal.format(row.score).padStart(6)}${band}  (${factors})`);
  }
}

function printMatrix(state: MatrixState): void {
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

function printComparison(comparison: NamedRunComparison): void {
  console.log(`From run ${comparison.before.id} ("${comparison.before.name}") to run ${comparison.after.id} ("${comparison.after.name}"):`);
  if (!comparison.sameTemplate) console.log('  The runs used different matrices, so their scores are on different scales.');
  for (const change of comparison.definitionChanges) {
    if (change.kind === 'weight') console.log(`  Weight of ${change.label}: ${decimal.format(change.before)} → ${decimal.format(change.after)}`);
    else if (change.kind === 'thresholds') console.log(`  Thresholds of ${change.label}: ${change.before.join(', ')} → ${change.after.join(', ')}`);
    else if (change.kind === 'template') console.log(`  Matrix: ${change.before} → ${change.after}`);
    else if (change.kind === 'score-bands') console.log('  The score bands changed.');
    else if (change.kind === 'method') {
      console.log(`  Scoring method ${change.before} → ${change.after}, which can move every type:`);
      for (const aspect of change.aspects) console.log(`    ${aspect.label}: ${aspect.before} → ${aspect.after}`);
    } else if (change.kind === 'peers') {
      console.log(`  Peers: ${change.before.join(', ') || 'none'} → ${change.after.join(', ') || 'none'}`);
    }
    else console.log(`  Factor ${change.kind === 'factor-added' ? 'added' : 'removed'}: ${change.label}`);
  }
  for (const movement of comparison.movements) {
    if (movement.rankChange === 0 && Math.abs(movement.scoreChange) < 1e-9) continue;
    const direction = movement.rankChange > 0 ? `up ${movement.rankChange}` : movement.rankChange < 0 ? `down ${-movement.rankChange}` : 'same rank';
    const drivers = movement.drivers
      .slice(0, 3)
      .map((driver) => `${driver.label} ${driver.delta > 0 ? '+' : ''}${decimal.format(driver.delta)}`)
      .join(', ');
    console.log(
      `  ${movement.label}: rank ${movement.rankBefore} → ${movement.rankAfter} (${direction}), score ${decimal.format(movement.scoreBefore)} → ${decimal.format(movement.scoreAfter)}${drivers ? `; moved by ${drivers}` : ''}`,
    );
  }
  for (const added of comparison.added) console.log(`  New in the later run: ${added.label} (rank ${added.rank})`);
  for (const removed of comparison.removed) console.log(`  Not in the later run: ${removed.label} (was rank ${removed.rank})`);
}

function printFrozenPriorities(priorities: readonly FrozenPriority[]): void {
  if (priorities.length === 0) {
    console.log('No priorities were set when the run was frozen.');
    return;
  }
  console.log('Priorities set when the run was frozen:');
  for (const priority of priorities) {
    const status = priority.status ? `; ${ragStatusLabels[priority.status]}` : '';
    console.log(`  ${priorityHeading(priority)} (lead: ${priority.lead ?? 'none'}${status})`);
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

const runId = parseId('A run id');

/** Scoring, the matrix, judgements, sensitivity and frozen runs (brief §4). */
export function addAnalysisCommands(program: Command): void {
  program
    .command('score')
    .description('rank the offence types with the risk matrix, showing each factor’s working')
    .addOption(workspaceOption())
    .addOption(templateOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; template?: MatrixTemplateId; json?: boolean }) => {
      const state = await withWorkspace(options.workspace, (host) => call(host, 'matrix/show', { template: options.template }));
      if (options.json) printJson(scoreReport(state.template, state.periods, state.ranking, { method: state.method, peers: state.peers.areas }));
      else printRanking(state.template, state.ranking);
    });

  const matrix = program.command('matrix').description('show or edit the risk matrix');
  matrix
    .command('show')
    .description('the factors, their weights and thresholds')
    .addOption(workspaceOption())
    .addOption(templateOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; template?: MatrixTemplateId; json?: boolean }) => {
      const state = await withWorkspace(options.workspace, (host) => call(host, 'matrix/show', { template: options.template }));
      if (options.json) printJson({ template: state.template, definition: state.definition, edited: state.edited, periods: state.periods });
      else printMatrix(state);
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

  program
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

  program
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

  const run = program.command('run').description('freeze, list, show and compare scoring runs');
  run
    .command('freeze')
    .description('store the current scoring, with its inputs, matrix and judgements, read-only')
    .addOption(workspaceOption())
    .addOption(templateOption())
    .requiredOption('--name <name>', 'a name for the run, e.g. "Strategic Assessment 2019 final"')
    .addOption(jsonOption())
    .action(async (options: { workspace: string; template?: MatrixTemplateId; name: string; json?: boolean }) => {
      const summary = await withWorkspace(options.workspace, (host) => call(host, 'run/freeze', { name: options.name, template: options.template }));
      if (options.json) printJson(summary);
      else console.log(`Froze run ${summary.id} ("${summary.name}"): ${summary.offences} offence types; top ${summary.top.length}: ${summary.top.join(', ')}.`);
    });
  run
    .command('list')
    .description('the frozen runs')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const runs = await withWorkspace(options.workspace, (host) => call(host, 'run/list', {}));
      if (options.json) printJson(runs);
      else if (runs.length === 0) console.log('No frozen runs yet.');
      else for (const entry of runs) console.log(`${String(entry.id).padStart(3)}  ${entry.createdAt}  ${entry.template.padEnd(12)}  ${entry.name}`);
    });
  run
    .command('show')
    .description('a frozen run’s ranking, exactly as it was frozen')
    .argument('<id>', 'the run number', runId)
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (id: number, options: { workspace: string; json?: boolean }) => {
      const stored: StoredRun = await withWorkspace(options.workspace, (host) => call(host, 'run/show', { id }));
      if (options.json) {
        const { method, peers } = stored.run;
        // A run frozen before priorities (or scoring methods) were recorded prints exactly as it always did.
        const priorities = stored.priorities ? priorityReport(stored.priorities, stored.run.ranking) : {};
        printJson({
          ...scoreReport(stored.template, stored.periods, stored.run.ranking, method !== undefined ? { method, peers: peers?.areas ?? [] } : undefined),
          ...priorities,
        });
        return;
      }
      console.log(`Run ${stored.id} ("${stored.name}"), frozen ${stored.createdAt}.`);
      printRanking(stored.template, stored.run.ranking);
      if (stored.priorities) printFrozenPriorities(stored.priorities);
      if (!stored.identical) console.log(`Warning: re-scoring the stored inputs differs: ${stored.differences.join(' ')}`);
    });
  const peers = program.command('peers').description('choose the comparator areas (Most Similar Group) for the peer factor');
  peers
    .command('set')
    .description('replace the comparator areas; each must be an area a multi-area dataset keeps')
    .addOption(workspaceOption())
    .requiredOption('--areas <a,b,c>', 'the areas, comma-separated, e.g. "Kent,Hampshire,Sussex"; "" for none')
    .option('--note <text>', 'a note shown with the peers, e.g. that they are illustrative')
    .addOption(jsonOption())
    .action(async (options: { workspace: string; areas: string; note?: string; json?: boolean }) => {
      const areas = options.areas.split(',').map((area) => area.trim()).filter((area) => area !== '');
      const state = await withWorkspace(options.workspace, (host) => call(host, 'peers/set', { areas, note: options.note ?? null }));
      if (options.json) printJson({ areas: state.peers.areas, note: state.peers.note });
      else console.log(state.peers.areas.length === 0 ? 'No peers: the peer factor scores every type as in line.' : `Peers: ${state.peers.areas.join(', ')}.`);
    });
  peers
    .command('show')
    .description('the chosen comparator areas, and the areas that can be chosen')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const selection = await withWorkspace(options.workspace, (host) => call(host, 'peers/show', {}));
      if (options.json) {
        printJson(selection);
        return;
      }
      console.log(selection.areas.length === 0 ? 'No peers chosen.' : `Peers: ${selection.areas.join(', ')}.`);
      if (selection.note) console.log(selection.note);
      console.log(
        selection.candidates.length === 0
          ? 'No dataset keeps other areas: import a multi-area table with --keep-comparators.'
          : `Areas that can be chosen (${selection.candidates.length}): ${selection.candidates.map((candidate) => candidate.area).join(', ')}.`,
      );
    });

  run
    .command('compare')
    .description('what moved between two runs, and which factors moved it')
    .argument('<before>', 'the earlier run', runId)
    .argument('<after>', 'the later run', runId)
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (before: number, after: number, options: { workspace: string; json?: boolean }) => {
      const comparison = await withWorkspace(options.workspace, (host) => call(host, 'run/compare', { before, after }));
      if (options.json) printJson(comparison);
      else printComparison(comparison);
    });
}
