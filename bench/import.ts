/**
 * npm run bench:import — the import's speed and memory, each as a whole process from start to
 * exit, against a baseline measured in the same run on the same file:
 *
 *   CSV: the workbench's CLI (`node out/main/cli.js dataset import FILE …`: start-up, workspace checks,
 *        the preview, the import on two threads, and closing the workspace, which copies the
 *        write-ahead log into it) against the sqlite3 shell's `.import` of the same
 *        1,000,000-row police.uk file into a typed table with an index on (crime type, month),
 *        which validates nothing. The two alternate, BENCH_REPEAT times each (5 by default),
 *        so that a busy spell on a shared machine falls on both; the fastest and the median of
 *        each are printed, with the baseline's own spread, which says how busy the machine was.
 *        Bars on the fastest runs: wall time ≤ 1.0×, processor time ≤ 1.5×, peak RSS ≤ 250 MB.
 *   ODS: the CLI importing a Home Office CSP table of 1,000,000 rows (one sheet, about 1.2 GB of
 *        XML, written as LibreOffice writes it; every area kept, as for peer comparison)
 *        against LibreOffice's own headless conversion of it to CSV (`soffice --headless
 *        --convert-to csv`). Bars: ≤ 0.5× LibreOffice, under 60 s, peak RSS ≤ 300 MB.
 *   XLSX: a 100,000-row workbook through the built service, against exceljs's streaming reader
 *        merely iterating it (bar ≤ 1.2×).
 *
 * Processor time is user and system time of every thread of the process, from GNU time (or
 * bash's `time` for the sqlite3 shell); peak RSS is the process's high-water mark. Set
 * BENCH_IMPORT_ROWS for the CSV's size (10,000,000 checks that memory stays flat; it takes
 * minutes), BENCH_ODS_ROWS and BENCH_XLSX_ROWS for the others (0 leaves one out).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, builtCli } from '../scripts/build-if-stale.mjs';
import { writeHomeOfficeOds } from '../tests/fixtures/builders/write-ods';
import { writePoliceUkCsv } from '../tests/fixtures/builders/write-police-uk-csv';
import { writePoliceUkXlsx } from '../tests/fixtures/builders/write-xlsx';
import { BuiltService } from './built-service';
import { median } from './timing';

const csvRows = Number(process.env.BENCH_IMPORT_ROWS ?? process.env.BENCH_CSV_ROWS ?? 1_000_000);
const odsRows = Number(process.env.BENCH_ODS_ROWS ?? 1_000_000);
const xlsxRows = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 5));

const bars = { csvWall: 1.0, csvCpu: 1.5, csvRssMb: 250, odsVsLibreOffice: 0.5, odsSeconds: 60, odsRssMb: 300, xlsxRatio: 1.2 };

interface Run {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
}

const gnuTime = '/usr/bin/time';

/** Runs a program to its end under GNU time: elapsed and processor time, and peak memory. */
function timed(command: string, args: string[], what: string, options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Run {
  if (!existsSync(gnuTime)) throw new Error('GNU time is needed to measure whole processes (apt-get install time).');
  const dir = mkdtempSync(join(tmpdir(), 'cswb-time-'));
  const report = join(dir, 'time');
  try {
    const child = spawnSync(gnuTime, ['-f', '%e %U %S %M', '-o', report, command, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 3_600_000,
    });
    if (child.status !== 0 || child.error) throw new Error(`${what} failed (${child.status}): ${child.stderr || child.error}`);
    const [seconds, user, system, peakKb] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { seconds: seconds!, cpuSeconds: user! + system!, peakRssMb: peakKb! / 1024, stdout: child.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The environment without NODE_OPTIONS, so that nothing of tsx reaches the CLI. */
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS'));

function sqliteShellImport(dir: string, csv: string, rows: number): Run {
  const database = join(dir, 'baseline.sqlite');
  rmSync(database, { force: true });
  const script = join(dir, 'baseline.sql');
  writeFileSync(
    script,
    [
      'CREATE TABLE street (crime_id TEXT, month TEXT, reported_by TEXT, falls_within TEXT, longitude REAL, latitude REAL,',
      '  location TEXT, lsoa_code TEXT, lsoa_name TEXT, crime_type TEXT, last_outcome_category TEXT, context TEXT);',
      'CREATE INDEX street_by_type_month ON street (crime_type, month);',
      '.mode csv',
      `.import --skip 1 '${csv}' street`,
      'SELECT count(*) FROM street;',
    ].join('\n'),
  );
  const run = timed('sqlite3', [database, `.read '${script}'`], 'The sqlite3 shell (apt-get install sqlite3)');
  const imported = Number(run.stdout.trim());
  if (imported !== rows) throw new Error(`sqlite3 imported ${imported} rows, expected ${rows}`);
  rmSync(database, { force: true });
  return run;
}

/** A new workspace (not timed), then the CLI's import of the file into it, as a whole process. */
function cliImport(dir: string, file: string, args: string[], expectedRows: number): Run {
  const workspace = join(dir, 'workspace.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${workspace}${suffix}`, { force: true });
  const init = spawnSync(process.execPath, [builtCli, 'workspace', 'create', '--workspace', workspace, '--name', 'Benchmark Partnership', '--area', 'Colchester'], { env: plainEnv, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const run = timed(process.execPath, [builtCli, 'dataset', 'import', file, '--workspace', workspace, '--json', ...args], 'The workbench CLI', { env: plainEnv });
  const { dataset } = JSON.parse(run.stdout) as { dataset: { rowsRead: number; rowsImported: number } };
  if (dataset.rowsRead !== expectedRows) throw new Error(`the workbench read ${dataset.rowsRead} rows, expected ${expectedRows}`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${workspace}${suffix}`, { force: true });
  return run;
}

function libreOfficeToCsv(dir: string, ods: string): Run {
  const profile = mkdtempSync(join(tmpdir(), 'cswb-lo-bench-'));
  try {
    const run = timed(
      process.env.SOFFICE_PATH ?? 'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', dir, ods],
      'LibreOffice (libreoffice-calc-nogui)',
    );
    const csv = join(dir, 'csp.csv');
    if (!existsSync(csv)) throw new Error('LibreOffice wrote no CSV.');
    rmSync(csv, { force: true });
    return run;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The XLSX baseline, in a process of its own: exceljs's streaming reader merely iterating the rows. */
function iterateXlsx(file: string): { seconds: number; cpuSeconds: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'iterate-xlsx.ts'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`iterating ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; cpuSeconds: number };
}

/** The workbench's import of a workbook through the built service, the import call alone (as the app answers it). */
async function serviceImport(dir: string, file: string): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number; rows: number }> {
  const workspace = join(dir, 'service-workspace.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${workspace}${suffix}`, { force: true });
  const service = new BuiltService();
  try {
    await service.call('workspace/create', { path: workspace, name: 'Benchmark Partnership', area: 'Colchester' });
    const { token } = await service.call<{ token: string }>('dataset/stage', { path: file, partner: 'Essex Police' });
    const cpuBefore = service.figures().cpuSeconds;
    const started = performance.now();
    const result = await service.call<{ dataset: { rowsImported: number } }>('dataset/import', { token, operationId: 'bench-import', partner: 'Essex Police' });
    const seconds = (performance.now() - started) / 1000;
    const { cpuSeconds, peakRssMb } = service.figures();
    await service.call('workspace/close', {});
    return { seconds, cpuSeconds: cpuSeconds - cpuBefore, peakRssMb, rows: result.dataset.rowsImported };
  } finally {
    await service.stop();
  }
}

function line(label: string, value: string, note = ''): void {
  console.log(`${label.padEnd(50)} ${value.padStart(16)}   ${note}`);
}

const seconds = (value: number) => `${value.toFixed(2)} s`;
const times = (value: number) => `${value.toFixed(2)}×`;
const megabytes = (value: number) => `${value.toFixed(0)} MB`;
const verdict = (value: number, bar: number) => (value <= bar ? 'within the bar' : 'OVER THE BAR');
const fastest = (runs: Run[], pick: (run: Run) => number) => Math.min(...runs.map(pick));
const middle = (runs: Run[], pick: (run: Run) => number) => median(runs.map(pick));
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function csvBench(dir: string, csv: string): boolean {
  const baseline: Run[] = [];
  const ours: Run[] = [];
  for (let run = 1; run <= repeat; run += 1) {
    // Alternating, and starting with the other side every other time, so neither always follows the other.
    const order = run % 2 === 1 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const);
    for (const side of order) {
      if (side === 'baseline') baseline.push(sqliteShellImport(dir, csv, csvRows));
      else ours.push(cliImport(dir, csv, ['--partner', 'Essex Police'], csvRows));
    }
    const [b, o] = [baseline.at(-1)!, ours.at(-1)!];
    console.log(
      `Run ${run} of ${repeat} (${new Date().toISOString().slice(11, 19)} UTC, load ${load()}): sqlite3 ${seconds(b.seconds)} (processor ${seconds(b.cpuSeconds)}), ` +
        `workbench ${seconds(o.seconds)} (processor ${seconds(o.cpuSeconds)}, peak RSS ${megabytes(o.peakRssMb)})`,
    );
  }
  const wall = fastest(ours, (run) => run.seconds) / fastest(baseline, (run) => run.seconds);
  const cpu = fastest(ours, (run) => run.cpuSeconds) / fastest(baseline, (run) => run.cpuSeconds);
  const rss = Math.max(...ours.map((run) => run.peakRssMb));
  const baselineFastest = fastest(baseline, (run) => run.seconds);
  const baselineSlowest = Math.max(...baseline.map((run) => run.seconds));
  console.log(`\nCSV, ${csvRows.toLocaleString('en-GB')} rows: fastest / median of ${repeat} runs each`);
  line('  sqlite3 shell .import, wall time', `${seconds(baselineFastest)} / ${seconds(middle(baseline, (run) => run.seconds))}`, `spread ${seconds(baselineFastest)}–${seconds(baselineSlowest)} (slowest ${times(baselineSlowest / baselineFastest)} the fastest)`);
  line('  sqlite3 shell .import, processor time', `${seconds(fastest(baseline, (run) => run.cpuSeconds))} / ${seconds(middle(baseline, (run) => run.cpuSeconds))}`);
  line('  workbench CLI import, wall time', `${seconds(fastest(ours, (run) => run.seconds))} / ${seconds(middle(ours, (run) => run.seconds))}`);
  line('  workbench CLI import, processor time', `${seconds(fastest(ours, (run) => run.cpuSeconds))} / ${seconds(middle(ours, (run) => run.cpuSeconds))}`);
  line('  wall time ratio, fastest (median)', `${times(wall)} (${times(middle(ours, (run) => run.seconds) / middle(baseline, (run) => run.seconds))})`, `bar ≤ ${times(bars.csvWall)}: ${verdict(wall, bars.csvWall)}`);
  line('  processor time ratio, fastest (median)', `${times(cpu)} (${times(middle(ours, (run) => run.cpuSeconds) / middle(baseline, (run) => run.cpuSeconds))})`, `bar ≤ ${times(bars.csvCpu)}: ${verdict(cpu, bars.csvCpu)}`);
  line('  peak RSS of the workbench process, highest', megabytes(rss), `bar ≤ ${megabytes(bars.csvRssMb)}: ${verdict(rss, bars.csvRssMb)}`);
  return wall <= bars.csvWall && cpu <= bars.csvCpu && rss <= bars.csvRssMb;
}

async function odsBench(dir: string): Promise<boolean> {
  const ods = join(dir, 'csp.ods');
  // One sheet, since LibreOffice converts only the first sheet to CSV.
  const { bytesOfXml } = await writeHomeOfficeOds(ods, { rows: odsRows, years: ['2024_25'], notes: false });
  console.log(`\nODS, ${odsRows.toLocaleString('en-GB')} rows: ${(statSync(ods).size / 1e6).toFixed(0)} MB, ${(bytesOfXml / 1e9).toFixed(2)} GB of XML (load ${load()})`);
  const libreOffice = libreOfficeToCsv(dir, ods);
  line('  LibreOffice --convert-to csv', seconds(libreOffice.seconds), `processor ${seconds(libreOffice.cpuSeconds)}, peak RSS ${megabytes(libreOffice.peakRssMb)}`);
  const ours: Run[] = [];
  for (let run = 1; run <= 2; run += 1) {
    ours.push(cliImport(dir, ods, ['--partner', 'Home Office', '--keep-comparators'], odsRows));
    line(`  workbench CLI import, run ${run}`, seconds(ours.at(-1)!.seconds), `processor ${seconds(ours.at(-1)!.cpuSeconds)}, peak RSS ${megabytes(ours.at(-1)!.peakRssMb)} (load ${load()})`);
  }
  const best = fastest(ours, (run) => run.seconds);
  const ratio = best / libreOffice.seconds;
  const rss = Math.max(...ours.map((run) => run.peakRssMb));
  line('  workbench / LibreOffice, wall time', times(ratio), `bar ≤ ${times(bars.odsVsLibreOffice)}: ${verdict(ratio, bars.odsVsLibreOffice)}`);
  line('  workbench import, fastest', seconds(best), `bar < ${seconds(bars.odsSeconds)}: ${verdict(best, bars.odsSeconds)}`);
  line('  peak RSS of the workbench process, highest', megabytes(rss), `bar ≤ ${megabytes(bars.odsRssMb)}: ${verdict(rss, bars.odsRssMb)}`);
  rmSync(ods, { force: true });
  return ratio <= bars.odsVsLibreOffice && best < bars.odsSeconds && rss <= bars.odsRssMb;
}

async function xlsxBench(dir: string): Promise<boolean> {
  const xlsx = join(dir, 'street.xlsx');
  await writePoliceUkXlsx(xlsx, { rows: xlsxRows, seed: 2018 });
  const ratios: number[] = [];
  console.log(`\nXLSX, ${xlsxRows.toLocaleString('en-GB')} rows (${(statSync(xlsx).size / 1e6).toFixed(1)} MB), the import call in the built service against exceljs iterating`);
  for (let run = 1; run <= 3; run += 1) {
    const baseline = iterateXlsx(xlsx);
    const ours = await serviceImport(dir, xlsx);
    ratios.push(ours.seconds / baseline.seconds);
    line(`  run ${run}: exceljs / workbench`, `${seconds(baseline.seconds)} / ${seconds(ours.seconds)}`, `ratio ${times(ratios.at(-1)!)}; processor ${seconds(baseline.cpuSeconds)} / ${seconds(ours.cpuSeconds)}`);
  }
  const best = Math.min(...ratios);
  line('  ratio, fastest (median)', `${times(best)} (${times(median(ratios))})`, `bar ≤ ${times(bars.xlsxRatio)}: ${verdict(best, bars.xlsxRatio)}`);
  return best <= bars.xlsxRatio;
}

async function main(): Promise<void> {
  buildIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'cswb-bench-'));
  try {
    console.log(`Generating a ${csvRows.toLocaleString('en-GB')}-row police.uk CSV… (load ${load()})`);
    const csv = join(dir, 'street.csv');
    await writePoliceUkCsv(csv, { rows: csvRows, seed: 2018 });
    console.log(`${(statSync(csv).size / 1e6).toFixed(0)} MB; ${repeat} runs each, alternating\n`);
    let within = csvBench(dir, csv);
    rmSync(csv, { force: true });
    if (odsRows > 0) within = (await odsBench(dir)) && within;
    if (xlsxRows > 0) within = (await xlsxBench(dir)) && within;
    if (!within) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
