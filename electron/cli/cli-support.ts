import { Option } from 'commander';
import { resolve } from 'node:path';
import type { Channel } from '../../shared/channels';
import type { OutputOf } from '../../shared/contract';
import { matrixTemplateIds, type MatrixTemplateId, type RankedOffence } from '../../shared/matrix';
import type { ProgressEvent } from '../../shared/progress';
import { formatCount } from '../../shared/format-count';
import { WorkbenchError } from '../../shared/result';
import type { ServiceRawInputOf } from '../service/service-contract';
import { ServiceHost } from '../service/service-host';

/** Calls the service and turns a failure back into an error for the command to report. */
export async function call<C extends Channel>(host: ServiceHost, channel: C, input: ServiceRawInputOf<C>): Promise<OutputOf<C>> {
  const result = await host.call(channel, input);
  if (!result.ok) throw new WorkbenchError(result.error.code, result.error.message);
  return result.value as OutputOf<C>;
}


/** Progress on stderr, and only on a terminal, so that scripts and --json stay clean. */
export function progressToStderr(event: ProgressEvent): void {
  if (!process.stderr.isTTY) return;
  const share = event.total ? ` ${Math.floor((event.done / event.total) * 100)}%` : '';
  const rows = event.rows !== undefined ? ` (${formatCount(event.rows)} rows)` : '';
  process.stderr.write(`\r${event.stage}${share}${rows}   `);
  if (event.total !== null && event.done >= event.total) process.stderr.write('\n');
}

/**
 * Opens the workspace, runs the work, and always closes the file again. Ctrl+C cancels a
 * running operation, which rolls back cleanly instead of leaving the file mid-write.
 */
export async function withWorkspace<T>(path: string, work: (host: ServiceHost) => Promise<T>): Promise<T> {
  const host = new ServiceHost(progressToStderr);
  try {
    await call(host, 'workspace/open', { path: resolve(path) });
    return await work(host);
  } finally {
    host.dispose();
  }
}

/** Runs a cancellable operation; Ctrl+C asks the service to cancel it. */
export async function cancellable<T>(host: ServiceHost, run: (operationId: string) => Promise<T>): Promise<T> {
  const operationId = `cli-${process.pid}-${Date.now()}`;
  const cancel = () => void host.call('operation/cancel', { operationId });
  process.once('SIGINT', cancel);
  try {
    return await run(operationId);
  } finally {
    process.removeListener('SIGINT', cancel);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export const workspaceOption = () => new Option('--workspace <file>', 'the workspace file').makeOptionMandatory();
export const jsonOption = () => new Option('--json', 'print JSON only, for scripts');

export { formatCount };

/** Scores, weights and ratios as the CLI prints them: up to two decimal places. */
export const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** `--template`: the matrix to score with, for `matrix` and `run freeze`. */
export const templateOption = () => new Option('--template <template>', 'the matrix to score with (default: the workspace’s)').choices(matrixTemplateIds);

/** A number on the command line, or a one-line reason why it is not one. */
export function parseNumber(name: string) {
  return (value: string): number => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) throw new WorkbenchError('invalid-input', `${name} must be a number, not "${value}".`);
    return number;
  };
}

/** A ranking with each factor's working, as `matrix show` and `run show` print it. */
export function printRanking(template: MatrixTemplateId, ranking: readonly RankedOffence[]): void {
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

/**
 * A strict parser for an id on the command line: digits only, so that "2,1" or "2abc" is an
 * error rather than dataset 2 (parseInt would quietly read the leading digits).
 */
export function parseId(what: string) {
  return (value: string): number => {
    const trimmed = value.trim();
    if (!/^[1-9][0-9]{0,9}$/.test(trimmed)) throw new WorkbenchError('invalid-input', `${what} is a whole number such as 3, not "${value}".`);
    return Number(trimmed);
  };
}
