/**
 * npm run bench:import — the import's speed and memory, as ratios against baselines measured
 * in the same run on the same files:
 *   CSV:  a 1,000,000-row police.uk street file, against the sqlite3 shell's .import into a
 *         typed table with an index on (crime type, month), which validates nothing.
 *         Bar ≤ 2.0× (goal ≤ 1.0×); peak RSS bar ≤ 400 MB.
 *   XLSX: a 100,000-row workbook, against exceljs's streaming reader merely iterating it.
 *         Bar ≤ 1.5×.
 * Set BENCH_CSV_ROWS / BENCH_XLSX_ROWS for a quicker, smaller run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePoliceUkCsv } from '../tests/fixtures/builders/write-police-uk-csv';
import { writePoliceUkXlsx } from '../tests/fixtures/builders/write-xlsx';

interface Measurement {
  seconds: number;
  peakRssMb: number;
  rows: number;
}

const csvRows = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);
const xlsxRows = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);

function measure(...args: string[]): Measurement {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'measure-import.ts'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`measure ${args[0]} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measurement;
}

function sqliteShellImport(dir: string, csv: string): number {
  const database = join(dir, 'baseline.sqlite');
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
  const child = spawnSync('sqlite3', [database, `.read '${script}'`], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0 || child.error) {
    throw new Error(`The sqlite3 shell is needed for the baseline (apt-get install sqlite3): ${child.stderr || child.error}`);
  }
  const imported = Number(child.stdout.trim());
  if (imported !== csvRows) throw new Error(`sqlite3 imported ${imported} rows, expected ${csvRows}`);
  return seconds;
}

function line(label: string, value: string, bar: string): void {
  console.log(`${label.padEnd(44)} ${value.padStart(12)}   ${bar}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cswb-bench-'));
  try {
    console.log(`Generating a ${csvRows.toLocaleString('en-GB')}-row police.uk CSV and a ${xlsxRows.toLocaleString('en-GB')}-row xlsx…`);
    const csv = join(dir, 'street.csv');
    const xlsx = join(dir, 'street.xlsx');
    await writePoliceUkCsv(csv, { rows: csvRows, seed: 2018 });
    await writePoliceUkXlsx(xlsx, { rows: xlsxRows, seed: 2018 });
    console.log(`CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB, xlsx ${(statSync(xlsx).size / 1e6).toFixed(1)} MB\n`);

    const baseline = sqliteShellImport(dir, csv);
    const ours = measure('import', join(dir, 'csv-workspace.sqlite'), csv);
    const xlsxBaseline = measure('iterate', xlsx);
    const xlsxOurs = measure('import', join(dir, 'xlsx-workspace.sqlite'), xlsx);

    line('sqlite3 shell .import (baseline)', `${baseline.toFixed(2)} s`, '');
    line('workbench CSV import', `${ours.seconds.toFixed(2)} s`, `${ours.rows.toLocaleString('en-GB')} rows`);
    line('CSV import ratio (workbench / sqlite3)', `${(ours.seconds / baseline).toFixed(2)}×`, 'bar ≤ 2.0×, goal ≤ 1.0×');
    line('CSV import peak RSS', `${ours.peakRssMb.toFixed(0)} MB`, 'bar ≤ 400 MB');
    line('exceljs streaming iteration (baseline)', `${xlsxBaseline.seconds.toFixed(2)} s`, '');
    line('workbench XLSX import', `${xlsxOurs.seconds.toFixed(2)} s`, `${xlsxOurs.rows.toLocaleString('en-GB')} rows`);
    line('XLSX import ratio (workbench / exceljs)', `${(xlsxOurs.seconds / xlsxBaseline.seconds).toFixed(2)}×`, 'bar ≤ 1.5×');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
