import type { Command } from 'commander';
import { priorityHeading, priorityReport, ragStatusLabels, type FrozenPriority } from '../../shared/domain/priority';
import { scoreReport, type NamedRunComparison, type StoredRun } from '../../shared/domain/analysis';
import type { MatrixTemplateId } from '../../shared/matrix';
import { call, decimal, jsonOption, parseId, printJson, printRanking, templateOption, withWorkspace, workspaceOption } from './cli-support';

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

const runId = parseId('A run id');

/** run freeze, list, show, compare: scoring runs frozen read-only, and what moved between them. */
export function addRunCommands(program: Command): void {
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
