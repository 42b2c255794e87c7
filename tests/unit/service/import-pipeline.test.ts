import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { importDataset, type ImportRequest } from '../../../electron/service/features/dataset/import/import-dataset';
import { startSourceWorker } from '../../../electron/service/features/dataset/import/pipeline/source-pipeline';
import type { SourceWorkerData } from '../../../electron/service/features/dataset/import/pipeline/source-worker-protocol';
import type { OperationContext } from '../../../electron/service/operation-context';
import { openWorkspaceFile, type WorkspaceDatabase } from '../../../electron/service/workspace-file';
import type { ProgressEvent } from '../../../shared/progress';
import { WorkbenchError } from '../../../shared/result';
import { writePoliceUkCsv } from '../../fixtures/builders/write-police-uk-csv';
import { writePoliceUkXlsx } from '../../fixtures/builders/write-xlsx';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

type Progress = Omit<ProgressEvent, 'operationId' | 'elapsedMs'>;

/** A reading thread that works normally, then throws outside any handler once it has sent `batches` batches. */
function throwingWorker(batches: number) {
  return (data: SourceWorkerData) => {
    const readSource = join(__dirname, '../../../electron/service/features/dataset/import/pipeline/read-source.ts');
    const code = `
      require(${JSON.stringify(require.resolve('tsx/cjs'))});
      const { parentPort, workerData } = require('node:worker_threads');
      const { readSource } = require(${JSON.stringify(readSource)});
      let sent = 0;
      const port = {
        postMessage(message, transfer) {
          parentPort.postMessage(message, transfer);
          if (message.type === 'batch' && ++sent === ${batches}) setImmediate(() => { throw new Error('The reader broke on purpose.'); });
        },
        on: (event, listener) => parentPort.on(event, listener),
        off: (event, listener) => parentPort.off(event, listener),
      };
      void readSource(workerData, port);
    `;
    return new Worker(code, { eval: true, workerData: data });
  };
}

/** Descriptors this process holds on a file (Linux), to show that the reader let it go. */
function descriptorsOpenOn(path: string): number {
  if (process.platform !== 'linux') return 0;
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

describe('the pipelined import', () => {
  const tempDir = useTempDir();
  let db: WorkspaceDatabase | undefined;
  afterEach(() => db?.close());

  async function setUp(rows = 60_000, kind: 'csv' | 'xlsx' = 'csv') {
    const dir = tempDir();
    const workbench = new TestWorkbench(dir);
    await workbench.create();
    workbench.dispose();
    const file = join(dir, `street.${kind}`);
    if (kind === 'csv') await writePoliceUkCsv(file, { rows, seed: 11 });
    else await writePoliceUkXlsx(file, { rows, seed: 11 });
    db = openWorkspaceFile(workbench.path);
    const request: ImportRequest = {
      path: file,
      partner: 'Essex Police',
      format: 'auto',
      mapping: null,
      labels: {},
      sheet: null,
      area: null,
      keepComparators: false,
      sharingAgreement: null,
    };
    return { workspace: workbench.path, file, request, before: workspaceFingerprint(workbench.path) };
  }

  function contextThat(onProgress: (event: Progress, controller: AbortController) => void, controller = new AbortController()): OperationContext {
    return { signal: controller.signal, progress: (event) => onProgress(event, controller) };
  }

  async function failure(work: Promise<unknown>): Promise<WorkbenchError> {
    try {
      await work;
    } catch (error) {
      if (error instanceof WorkbenchError) return error;
      throw error;
    }
    throw new Error('expected the import to fail');
  }

  it('imports a file on two threads, with progress in rows and bytes', async () => {
    const { file, request } = await setUp(30_000);
    const events: Progress[] = [];
    const report = await importDataset(db!, request, contextThat((event) => events.push(event)));
    expect(report.dataset).toMatchObject({ rowsRead: 30_000, rowsImported: 30_000 - report.dataset.duplicates, rowsRejected: 0 });
    const rows = events.filter((event) => event.stage.startsWith('Importing')).map((event) => event.rows ?? 0);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ stage: 'Saving street.csv', unit: 'bytes', rows: 30_000 });
    expect(descriptorsOpenOn(file)).toBe(0);
  });

  it('fails cleanly, naming the file, when the reading thread throws', async () => {
    const { workspace, file, request, before } = await setUp();
    const error = await failure(importDataset(db!, request, contextThat(() => undefined), undefined, { startWorker: throwingWorker(3) }));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('“street.csv”');
    expect(error.message).toContain('The reader broke on purpose.');
    expect(error.message).toContain('Nothing was imported');
    expect(db!.inTransaction).toBe(false);
    db!.close();
    db = undefined;
    expect(workspaceFingerprint(workspace)).toBe(before);
    expect(descriptorsOpenOn(file)).toBe(0);
  });

  it('fails cleanly, naming the file, when the reading thread is killed mid-import', async () => {
    const { workspace, request, before } = await setUp();
    let worker: Worker | undefined;
    const start = (data: SourceWorkerData) => (worker = startSourceWorker(data));
    const context = contextThat((event) => {
      if ((event.rows ?? 0) > 0) void worker?.terminate();
    });
    const error = await failure(importDataset(db!, request, context, undefined, { startWorker: start }));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^The import of “street\.csv” stopped because the workbench's file reader failed/);
    db!.close();
    db = undefined;
    expect(workspaceFingerprint(workspace)).toBe(before);
  });

  it('cancels before the work starts, without starting a reader', async () => {
    const { workspace, request, before } = await setUp(100);
    const controller = new AbortController();
    controller.abort();
    let started = false;
    const start = (data: SourceWorkerData) => {
      started = true;
      return startSourceWorker(data);
    };
    const error = await failure(importDataset(db!, request, contextThat(() => undefined, controller), undefined, { startWorker: start }));
    expect(error).toMatchObject({ code: 'cancelled', message: 'Cancelled. Nothing was changed.' });
    expect(started).toBe(false);
    db!.close();
    db = undefined;
    expect(workspaceFingerprint(workspace)).toBe(before);
  });

  it.each([
    { stage: 'opening and recognising the file', kind: 'csv', when: (event: Progress) => event.stage.startsWith('Reading') },
    { stage: 'reading the rows of a CSV file', kind: 'csv', when: (event: Progress) => (event.rows ?? 0) >= 10_000 },
    { stage: 'reading the rows of a workbook', kind: 'xlsx', when: (event: Progress) => (event.rows ?? 0) >= 5_000 },
    { stage: 'saving the aggregates and the report', kind: 'csv', when: (event: Progress) => event.stage.startsWith('Saving') },
  ] as const)('cancels while $stage, leaving no trace and releasing the file', async ({ kind, when }) => {
    const { workspace, file, request, before } = await setUp(kind === 'xlsx' ? 20_000 : 60_000, kind);
    const seen: Progress[] = [];
    const context = contextThat((event, controller) => {
      seen.push(event);
      if (when(event)) controller.abort();
    });
    const error = await failure(importDataset(db!, request, context));
    expect(error).toMatchObject({ code: 'cancelled', message: 'Cancelled. Nothing was changed.' });
    expect(seen.some(when)).toBe(true);
    expect(db!.inTransaction).toBe(false);
    db!.close();
    db = undefined;
    expect(workspaceFingerprint(workspace)).toBe(before);
    for (let attempt = 0; attempt < 50 && descriptorsOpenOn(file) > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(descriptorsOpenOn(file)).toBe(0);
  });
});
