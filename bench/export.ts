/**
 * npx tsx bench/export.ts — how fast the exports are, each against a baseline measured in the
 * same run:
 *   demo workbook: the evidence workbook of the demo workspace (median of several exports);
 *   PDF documents: the demo's Partnership Plan and board paper, each through the whole pipeline,
 *             against reading the export model alone (pdf-documents.ts). Bar: under 2 s each;
 *   raw data: the evidence workbook with a 1,000,000-row raw-data sheet, against exceljs's
 *             streaming writer merely writing the same rows from the same query. Bar ≤ 1.3×
 *             that time and ≤ 500 MB peak RSS.
 * Each large job runs in a child process of its own, so that its peak RSS is its own.
 * BENCH_RAW_ROWS makes a smaller, quicker run. Further documents add an entry to `benchmarks`.
 * Not part of npm test: timings do not belong in tests.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceHost } from '../electron/service/service-host';
import { measurePdfDocuments, printPdfDocumentTimes } from './pdf-documents';
import { median } from './timing';

const rawRows = Number(process.env.BENCH_RAW_ROWS ?? 1_000_000);
const rawRatioBar = 1.3;
const rssBarMb = 500;

interface Measured {
  ms: number;
  peakRssMb: number;
  bytes: number;
}

async function call(host: ServiceHost, channel: Parameters<ServiceHost['call']>[0], input: unknown): Promise<unknown> {
  const result = await host.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

async function buildDemo(dir: string): Promise<string> {
  const host = new ServiceHost();
  const path = join(dir, 'demo.sqlite');
  await call(host, 'workspace/demo', { path, operationId: 'bench-demo-0001' });
  host.dispose();
  return path;
}

/**
 * The demo workspace with `rows` in-area imported rows in all: the rest synthetic police.uk-like
 * rows of a dataset of their own, each counted in an aggregate, as an import would count them.
 */
function addRawRows(workspace: string, rows: number): void {
  const db = new Database(workspace);
  const existing = (db.prepare('SELECT count(*) AS rows FROM observation WHERE in_area = 1').get() as { rows: number }).rows;
  const extra = Math.max(0, rows - existing);
  if (extra === 0) {
    db.close();
    return;
  }
  db.transaction(() => {
    const dataset = Number(
      db
        .prepare(
          `INSERT INTO dataset (partner_name, source_file_name, source_sha256, source_bytes, format, area, imported_at, rows_read, rows_imported, rows_rejected)
           VALUES ('Essex Police', 'synthetic-raw-rows.csv', ?, 0, 'police-uk-street', 'Colchester', '2026-12-01T00:00:00.000Z', ?, ?, 0)`,
        )
        .run('b'.repeat(64), extra, extra).lastInsertRowid,
    );
    const firstAggregate = db.prepare('SELECT ifnull(max(id), 0) + 1 FROM offence_count').pluck().get() as number;
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4499)
       INSERT INTO offence_count (id, dataset_id, source_label, offence_key, offence_code, period_from, period_to, area_code, area_name, in_area, count, rows)
       SELECT ? + i, ?, CASE i % 5 WHEN 0 THEN 'Violence and sexual offences' WHEN 1 THEN 'Anti-social behaviour' WHEN 2 THEN 'Shoplifting' WHEN 3 THEN 'Criminal damage and arson' ELSE 'Other theft' END,
              NULL, NULL, '2018-01', '2018-01', 'E01021' || (i / 5), 'Colchester ' || printf('%03d', i / 5) || 'A', 1, 0, 0
       FROM n`,
    ).run(firstAggregate, dataset);
    const firstRow = db.prepare('SELECT ifnull(max(id), 0) + 1 FROM imported_row').pluck().get() as number;
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO imported_row (row_number, offence_count_id, count) SELECT 1 + i, ? + (i % 4500), 1 FROM n`,
    ).run(extra, firstAggregate);
    db.exec('CREATE TEMP TABLE added (id INTEGER PRIMARY KEY, rows INTEGER NOT NULL)');
    db.prepare('INSERT INTO added SELECT offence_count_id, count(*) FROM imported_row WHERE id >= ? GROUP BY offence_count_id').run(firstRow);
    db.exec('UPDATE offence_count SET count = (SELECT rows FROM added WHERE added.id = offence_count.id), rows = (SELECT rows FROM added WHERE added.id = offence_count.id) WHERE id IN (SELECT id FROM added)');
    db.exec('DROP TABLE added');
    db.prepare('UPDATE dataset SET imported_rows_from = ?, imported_rows_to = ? WHERE id = ?').run(firstRow, firstRow + extra - 1, dataset);
  })();
  db.close();
}

/** One export in this process, timed. */
async function exportOnce(workspace: string, out: string, rawData: boolean): Promise<number> {
  const host = new ServiceHost();
  await call(host, 'workspace/open', { path: workspace });
  const start = performance.now();
  await call(host, 'export/workbook', { path: out, operationId: 'bench-export-01', rawData });
  const ms = performance.now() - start;
  host.dispose();
  return ms;
}

/** The baseline: exceljs's streaming writer writing the same rows from the same query, and nothing else. */
async function baselineOnce(workspace: string, out: string): Promise<number> {
  const db = new Database(workspace, { readonly: true });
  const start = performance.now();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out });
  const sheet = writer.addWorksheet('Raw data');
  const rows = db
    .prepare(
      `SELECT dataset_id, row_number, period_from, period_to, area_code, area_name, source_label, offence_code, count
       FROM observation WHERE in_area = 1 ORDER BY id`,
    )
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
  for (const values of rows) sheet.addRow(values).commit();
  sheet.commit();
  await writer.commit();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/** Runs one job in a child process and reads back its time and peak RSS. */
function inChild(job: 'export-raw' | 'baseline-raw', workspace: string, out: string): Measured {
  const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, job, workspace, out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${job} failed: ${result.stderr}`);
  const { ms, peakRssMb } = JSON.parse(result.stdout.trim().split('\n').pop()!) as { ms: number; peakRssMb: number };
  return { ms, peakRssMb, bytes: statSync(out).size };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Benchmark {
  name: string;
  run(dir: string, demo: string): Promise<void>;
}

const benchmarks: Benchmark[] = [
  {
    name: 'demo evidence workbook',
    async run(dir, demo) {
      await exportOnce(demo, join(dir, 'warm-up.xlsx'), false);
      const times: number[] = [];
      for (let run = 0; run < 5; run += 1) times.push(await exportOnce(demo, join(dir, `demo-${run}.xlsx`), false));
      console.log(`Demo evidence workbook: ${Math.round(median(times))} ms (median of 5; ${megabytes(statSync(join(dir, 'demo-0.xlsx')).size)}).`);
    },
  },
  {
    name: 'PDF documents',
    async run() {
      printPdfDocumentTimes(await measurePdfDocuments());
    },
  },
  {
    name: 'raw data',
    async run(dir, demo) {
      const workspace = join(dir, 'raw.sqlite');
      const source = new Database(demo, { readonly: true });
      await source.backup(workspace);
      source.close();
      addRawRows(workspace, rawRows);
      const baseline = inChild('baseline-raw', workspace, join(dir, 'baseline.xlsx'));
      const full = inChild('export-raw', workspace, join(dir, 'raw.xlsx'));
      const ratio = full.ms / baseline.ms;
      console.log(`Raw data, ${rawRows.toLocaleString('en-GB')} rows:`);
      console.log(`  exceljs streaming writer alone: ${seconds(baseline.ms)}, peak RSS ${Math.round(baseline.peakRssMb)} MB (${megabytes(baseline.bytes)})`);
      console.log(`  evidence workbook with raw data: ${seconds(full.ms)}, peak RSS ${Math.round(full.peakRssMb)} MB (${megabytes(full.bytes)})`);
      console.log(
        `  ratio ${ratio.toFixed(2)}× (bar ≤ ${rawRatioBar}×: ${ratio <= rawRatioBar ? 'within' : 'OVER'}); peak RSS bar ≤ ${rssBarMb} MB: ${full.peakRssMb <= rssBarMb ? 'within' : 'OVER'}`,
      );
    },
  },
];

async function main(): Promise<void> {
  const [job, workspace, out] = process.argv.slice(2);
  if (job === 'export-raw' || job === 'baseline-raw') {
    const ms = job === 'export-raw' ? await exportOnce(workspace!, out!, true) : await baselineOnce(workspace!, out!);
    process.stdout.write(`${JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cswb-bench-export-'));
  try {
    const demo = await buildDemo(dir);
    for (const benchmark of benchmarks) await benchmark.run(dir, demo);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
