/**
 * npm run bench:import — the import's speed and memory, as ratios against baselines measured
 * in the same run on the same files:
 *   CSV:  a 1,000,000-row police.uk street file, against the sqlite3 shell's .import into a
 *         typed table with an index on (crime type, month), which validates nothing.
 *         Bar ≤ 1.5× (goal ≤ 1.0×); peak RSS bar ≤ 400 MB.
 *   XLSX: a 100,000-row workbook, against exceljs's streaming reader merely iterating it.
 *         Bar ≤ 1.2×.
 * The import runs in the built service (out/main/service.js, rebuilt first if stale), in a
 * process of its own under plain Node, as the app runs it; its peak RSS is that process's,
 * reading thread and all.
 * Each pair is measured BENCH_REPEAT times (3 by default), one after another, and the median
 * and the worst of the runs are printed: on a shared machine one run decides nothing.
 *
 * BENCH_IMPORT_ROWS=10000000 instead checks that the import scales: the time for a file of
 * that many rows against ten times (rows ÷ 1,000,000 times) the 1,000,000-row figure
 * measured just before it (bar ≤ 1.1×), and its peak RSS (bar ≤ 400 MB). It takes minutes.
 * Set BENCH_CSV_ROWS / BENCH_XLSX_ROWS for a quicker, smaller run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePoliceUkCsv } from '../tests/fixtures/builders/write-police-uk-csv';
import { writePoliceUkXlsx } from '../tests/fixtures/builders/write-xlsx';
import { BuiltService } from './built-service';
import { median } from './timing';

interface Measurement {
  seconds: number;
  peakRssMb: number;
  rows: number;
  /** Closing the workspace after the import, which waits for the write-ahead log's checkpoint. */
  checkpointSeconds?: number;
  /** Processor time, user and system, over every thread. */
  cpuSeconds: number;
}

const csvRows = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);
const xlsxRows = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const scaleRows = process.env.BENCH_IMPORT_ROWS ? Number(process.env.BENCH_IMPORT_ROWS) : null;

const bars = { csvRatio: 1.5, xlsxRatio: 1.2, peakRssMb: 400, scale: 1.1 };

function iterateXlsx(file: string): Measurement {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'iterate-xlsx.ts'), file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`iterating ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measurement;
}

function sqliteShellImport(dir: string, csv: string, rows: number): { seconds: number; cpuSeconds: number } {
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
  const started = performance.now();
  // bash's `time` adds the shell's processor time, user and system, on the last line of stderr.
  const child = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time sqlite3 "$0" "$1"`, database, `.read '${script}'`], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0 || child.error) {
    throw new Error(`The sqlite3 shell is needed for the baseline (apt-get install sqlite3): ${child.stderr || child.error}`);
  }
  const imported = Number(child.stdout.trim());
  if (imported !== rows) throw new Error(`sqlite3 imported ${imported} rows, expected ${rows}`);
  const [user, system] = child.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(database, { force: true });
  return { seconds, cpuSeconds: user! + system! };
}

/**
 * The workbench's import into a new workspace, through the built service in a process of its
 * own (see built-service.ts): the time and processor time of the import call alone, and the
 * process's peak memory.
 */
async function importInto(dir: string, file: string): Promise<Measurement> {
  const workspace = join(dir, 'workspace.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${workspace}${suffix}`, { force: true });
  const service = new BuiltService();
  try {
    await service.call('workspace/create', { path: workspace, name: 'Benchmark Partnership', area: 'Colchester' });
    const { token } = await service.call<{ token: string }>('dataset/stage', { path: file, partner: 'Essex Police' });
    const cpuBefore = service.figures().cpuSeconds;
    const started = performance.now();
    const result = await service.call<{ dataset: { rowsImported: number } }>('dataset/import', { token, operationId: 'bench-import', partner: 'Essex Police' });
    const seconds = (performance.now() - started) / 1000;
    const { cpuSeconds } = service.figures();
    // The write-ahead log is copied into the database straight after the import has answered;
    // closing the workspace waits for that copy, so the peak memory read after it includes it.
    const closeStarted = performance.now();
    await service.call('workspace/close', {});
    const checkpointSeconds = (performance.now() - closeStarted) / 1000;
    const { peakRssMb } = service.figures();
    return { seconds, peakRssMb, rows: result.dataset.rowsImported, checkpointSeconds, cpuSeconds: cpuSeconds - cpuBefore };
  } finally {
    await service.stop();
  }
}

function line(label: string, value: string, note = ''): void {
  console.log(`${label.padEnd(48)} ${value.padStart(12)}   ${note}`);
}

const seconds = (value: number) => `${value.toFixed(2)} s`;
const times = (value: number) => `${value.toFixed(2)}×`;
const megabytes = (value: number) => `${value.toFixed(0)} MB`;
const verdict = (value: number, bar: number) => (value <= bar ? 'within the bar' : 'OVER THE BAR');

async function ratios(dir: string): Promise<boolean> {
  console.log(`Generating a ${csvRows.toLocaleString('en-GB')}-row police.uk CSV and a ${xlsxRows.toLocaleString('en-GB')}-row xlsx…`);
  const csv = join(dir, 'street.csv');
  const xlsx = join(dir, 'street.xlsx');
  await writePoliceUkCsv(csv, { rows: csvRows, seed: 2018 });
  await writePoliceUkXlsx(xlsx, { rows: xlsxRows, seed: 2018 });
  console.log(`CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB, xlsx ${(statSync(xlsx).size / 1e6).toFixed(1)} MB; ${repeat} run${repeat === 1 ? '' : 's'}\n`);

  const runs: { csvRatio: number; xlsxRatio: number; peakRssMb: number; csvCpuRatio: number; xlsxCpuRatio: number }[] = [];
  for (let run = 1; run <= repeat; run += 1) {
    const baseline = sqliteShellImport(dir, csv, csvRows);
    const ours = await importInto(dir, csv);
    const xlsxBaseline = iterateXlsx(xlsx);
    const xlsxOurs = await importInto(dir, xlsx);
    const result = {
      csvRatio: ours.seconds / baseline.seconds,
      csvCpuRatio: ours.cpuSeconds / baseline.cpuSeconds,
      xlsxCpuRatio: xlsxOurs.cpuSeconds / xlsxBaseline.cpuSeconds,
      xlsxRatio: xlsxOurs.seconds / xlsxBaseline.seconds,
      peakRssMb: Math.max(ours.peakRssMb, xlsxOurs.peakRssMb),
    };
    runs.push(result);
    console.log(`Run ${run} of ${repeat} (${new Date().toISOString().slice(11, 19)} UTC)`);
    line('  sqlite3 shell .import (baseline)', seconds(baseline.seconds), `processor time ${seconds(baseline.cpuSeconds)}`);
    line('  workbench CSV import', seconds(ours.seconds), `${ours.rows.toLocaleString('en-GB')} rows; processor time ${seconds(ours.cpuSeconds)}; then closing the workspace, ${seconds(ours.checkpointSeconds ?? 0)}`);
    line('  CSV import ratio (workbench / sqlite3)', times(result.csvRatio), `processor time ${times(result.csvCpuRatio)}`);
    line('  CSV import peak RSS', megabytes(ours.peakRssMb));
    line('  exceljs streaming iteration (baseline)', seconds(xlsxBaseline.seconds), `processor time ${seconds(xlsxBaseline.cpuSeconds)}`);
    line('  workbench XLSX import', seconds(xlsxOurs.seconds), `${xlsxOurs.rows.toLocaleString('en-GB')} rows, processor time ${seconds(xlsxOurs.cpuSeconds)}, peak RSS ${megabytes(xlsxOurs.peakRssMb)}`);
    line('  XLSX import ratio (workbench / exceljs)', times(result.xlsxRatio), `processor time ${times(result.xlsxCpuRatio)}`);
  }

  const summary = (name: string, values: number[], format: (value: number) => string, bar: number, goal = '') => {
    const worst = Math.max(...values);
    line(name, `${format(median(values))} / ${format(worst)}`, `bar ≤ ${format(bar)}${goal}: ${verdict(worst, bar)}`);
    return worst <= bar;
  };
  console.log(`\nMedian / worst of ${repeat} run${repeat === 1 ? '' : 's'}`);
  const csvOk = summary('CSV import ratio (workbench / sqlite3)', runs.map((run) => run.csvRatio), times, bars.csvRatio, ', goal ≤ 1.00×');
  const xlsxOk = summary('XLSX import ratio (workbench / exceljs)', runs.map((run) => run.xlsxRatio), times, bars.xlsxRatio);
  const rssOk = summary('Import peak RSS', runs.map((run) => run.peakRssMb), megabytes, bars.peakRssMb);
  // Not barred: on a busy machine, elapsed time depends on what else runs; processor time far less.
  line('CSV processor time ratio (not barred)', `${times(median(runs.map((run) => run.csvCpuRatio)))} / ${times(Math.max(...runs.map((run) => run.csvCpuRatio)))}`);
  line('XLSX processor time ratio (not barred)', `${times(median(runs.map((run) => run.xlsxCpuRatio)))} / ${times(Math.max(...runs.map((run) => run.xlsxCpuRatio)))}`);
  return csvOk && xlsxOk && rssOk;
}

async function scale(dir: string, rows: number): Promise<boolean> {
  const base = 1_000_000;
  console.log(`Generating a ${base.toLocaleString('en-GB')}-row and a ${rows.toLocaleString('en-GB')}-row police.uk CSV…`);
  const small = join(dir, 'street-base.csv');
  const large = join(dir, 'street-large.csv');
  await writePoliceUkCsv(small, { rows: base, seed: 2018 });
  await writePoliceUkCsv(large, { rows, seed: 2019 });
  console.log(`${(statSync(small).size / 1e6).toFixed(0)} MB and ${(statSync(large).size / 1e6).toFixed(0)} MB\n`);
  const one = await importInto(dir, small);
  const many = await importInto(dir, large);
  const expected = (one.seconds * rows) / base;
  const ratio = many.seconds / expected;
  line(`workbench import, ${base.toLocaleString('en-GB')} rows`, seconds(one.seconds), `processor time ${seconds(one.cpuSeconds)}, peak RSS ${megabytes(one.peakRssMb)}`);
  line(`workbench import, ${rows.toLocaleString('en-GB')} rows`, seconds(many.seconds), `processor time ${seconds(many.cpuSeconds)}; then closing the workspace, ${seconds(many.checkpointSeconds ?? 0)}`);
  line('processor time ratio (not barred)', times(many.cpuSeconds / ((one.cpuSeconds * rows) / base)));
  line(`time ÷ (${rows / base} × the ${base.toLocaleString('en-GB')}-row time)`, times(ratio), `bar ≤ ${times(bars.scale)}: ${verdict(ratio, bars.scale)}`);
  line('peak RSS', megabytes(many.peakRssMb), `bar ≤ ${megabytes(bars.peakRssMb)}: ${verdict(many.peakRssMb, bars.peakRssMb)}`);
  return ratio <= bars.scale && many.peakRssMb <= bars.peakRssMb;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cswb-bench-'));
  try {
    const within = scaleRows !== null ? await scale(dir, scaleRows) : await ratios(dir);
    if (!within) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
