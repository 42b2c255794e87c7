import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../../electron/service/service-host';
import type { ServiceRawInputOf } from '../../../electron/service/service-contract';
import type { Channel } from '../../../shared/channels';
import type { OutputOf } from '../../../shared/contract';
import type { ProgressEvent } from '../../../shared/progress';
import type { Result } from '../../../shared/result';
import { readWorkbook, shownValue, tableColumns } from '../../fixtures/libreoffice';
import { useTempDir } from '../../fixtures/temp-dir';
import { valueOf } from '../../fixtures/workbench-host';

/** The export pipeline: a whole file or none, one snapshot, a clear message when it cannot write. */
describe('the export pipeline', () => {
  const tempDir = useTempDir();
  let dir: string;
  let workspace: string;
  let host: ServiceHost;
  let onProgress: (event: ProgressEvent) => void;

  beforeEach(async () => {
    dir = tempDir();
    workspace = join(dir, 'demo.sqlite');
    onProgress = () => {};
    host = new ServiceHost((event) => onProgress(event));
    valueOf(await host.call('workspace/demo', { path: workspace, operationId: 'demo-pipeline-01' }));
  });
  afterEach(() => host.dispose());

  const call = <C extends Channel>(channel: C, input: ServiceRawInputOf<C>) => host.call(channel, input) as Promise<Result<OutputOf<C>>>;
  const exported = (path: string, extra: Partial<ServiceRawInputOf<'export/workbook'>> = {}) =>
    call('export/workbook', { path, operationId: 'export-test-0001', ...extra });
  const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.partial'));

  it('says which folder is missing, or that the name is a folder, and writes nothing', async () => {
    const missing = await exported(join(dir, 'no such folder', 'evidence.xlsx'));
    expect(missing).toEqual({ ok: false, error: { code: 'file-not-found', message: `The folder “${join(dir, 'no such folder')}” does not exist. Choose another place to save “evidence.xlsx”.` } });
    mkdirSync(join(dir, 'taken.xlsx'));
    const folder = await exported(join(dir, 'taken.xlsx'));
    expect(folder.ok).toBe(false);
    if (!folder.ok) expect(folder.error.message).toBe(`“${join(dir, 'taken.xlsx')}” is a folder. Choose a file name to save to.`);
    expect(leftovers(dir)).toEqual([]);
  });

  it('leaves no file, and the old file untouched, when an export fails or is cancelled part-way', async () => {
    const destination = join(dir, 'evidence.xlsx');
    writeFileSync(destination, 'the previous export');
    const refused = await exported(destination, { publication: true, rawData: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/raw-data sheet lists individual records/);

    onProgress = (event) => {
      if (event.stage === 'Writing the Offences sheet') void host.call('operation/cancel', { operationId: event.operationId });
    };
    const cancelled = await exported(destination);
    expect(cancelled).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled. Nothing was changed.' } });
    expect(readFileSync(destination, 'utf8')).toBe('the previous export');
    expect(leftovers(dir)).toEqual([]);

    const fresh = join(dir, 'fresh.xlsx');
    expect((await exported(fresh, { operationId: 'export-test-0002' })).ok).toBe(false);
    expect(existsSync(fresh)).toBe(false);
  });

  it('leaves no file at the destination when the process writing it is killed', { timeout: 60_000 }, async () => {
    host.dispose();
    const destination = join(dir, 'killed.xlsx');
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../fixtures/export-and-stall.ts'), workspace, destination], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('stalled') ? resolve() : undefined));
      child.on('exit', () => reject(new Error('the export finished before it could be killed')));
    });
    // Mid-write: the temporary file exists beside the destination, the destination does not.
    expect(leftovers(dir)).toHaveLength(1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(destination)).toBe(false);
  });

  it('reads one snapshot: a dataset removed while the raw data is written is still whole in the file', async () => {
    const datasets = valueOf(await call('dataset/list', {}));
    const police = datasets.find((dataset) => dataset.format === 'police-uk-street')!;
    const reader = new Database(workspace, { readonly: true });
    const inArea = (reader.prepare('SELECT count(*) AS rows FROM observation WHERE in_area = 1').get() as { rows: number }).rows;
    reader.close();
    const destination = join(dir, 'raw.xlsx');
    let removal: Promise<unknown> | null = null;
    onProgress = (event) => {
      if (event.stage === 'Writing the Cover sheet' && !removal) removal = host.call('dataset/remove', { id: police.id });
    };
    valueOf(await exported(destination, { rawData: true }));
    expect(valueOf((await removal!) as never)).toBeDefined();
    expect(valueOf(await call('dataset/list', {})).map((dataset) => dataset.id)).not.toContain(police.id);

    const book = await readWorkbook(destination);
    const raw = book.getWorksheet('Raw data')!;
    const { headerRow } = tableColumns(raw, 'Dataset');
    let rows = 0;
    for (let row = headerRow + 1; shownValue(raw.getRow(row).getCell(1)) !== null && shownValue(raw.getRow(row).getCell(1)) !== undefined; row += 1) rows += 1;
    expect(rows).toBe(inArea);
    expect(rows).toBeGreaterThan(1000);
    const datasetSheet = book.getWorksheet('Datasets')!;
    const listed: unknown[] = [];
    datasetSheet.eachRow((row) => listed.push(shownValue(row.getCell(3))));
    expect(listed).toContain(police.fileName);
  });

  it('exports a frozen run as frozen, and says so', async () => {
    const run = valueOf(await call('run/freeze', { name: 'Board draft' }));
    valueOf(await host.call('matrix/set', { template: 'partnership', factor: 'harm', weight: 5 }));
    const destination = join(dir, 'run.xlsx');
    const result = valueOf(await exported(destination, { source: { kind: 'run', runId: run.id } }));
    expect(result.source).toMatch(/^Frozen run 1, “Board draft”, frozen /);
    const book = await readWorkbook(destination);
    const cover = book.getWorksheet('Cover')!;
    const scoring: unknown[] = [];
    cover.eachRow((row) => (shownValue(row.getCell(1)) === 'Scoring' ? scoring.push(shownValue(row.getCell(2))) : undefined));
    expect(scoring).toEqual([result.source]);
    const matrix = book.getWorksheet('Matrix')!;
    const { headerRow, columns } = tableColumns(matrix, 'Factor');
    let harmWeight: unknown = null;
    for (let row = headerRow + 1; shownValue(matrix.getRow(row).getCell(1)); row += 1) {
      if (shownValue(matrix.getRow(row).getCell(2)) === 'harm') harmWeight = shownValue(matrix.getRow(row).getCell(columns.get('Weight')!));
    }
    expect(harmWeight).toBe(2);
    const missing = await exported(join(dir, 'none.xlsx'), { operationId: 'export-test-0003', source: { kind: 'run', runId: 99 } });
    expect(missing.ok).toBe(false);
    expect(existsSync(join(dir, 'none.xlsx'))).toBe(false);
  });
});
