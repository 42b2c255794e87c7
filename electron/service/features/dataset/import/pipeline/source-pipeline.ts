import { Worker } from 'node:worker_threads';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError, errorCodes, type ErrorCode } from '../../../../../../shared/result';
import { cancelled, quotedFileName } from '../readers/reader-messages';
import type { SourceTable } from '../readers/source-types';
import type { ReaderLimits } from '../readers/reader-limits';
import { transferablesOf, type RecordBatch } from './record-batch';
import type { FromSourceWorker, SourceWorkerData, ToSourceWorker } from './source-worker-protocol';

/** Batches the reader may send ahead of the writer: enough to keep both threads busy, few enough to keep memory flat. */
const creditsAhead = 4;
/** How long a reader asked to stop may take to release the file before its thread is ended. */
const stopGraceMs = 2000;

/**
 * The reading thread's nursery, for objects just made. A cell's text lives only until its
 * batch is sent (and a batch of police.uk rows is small, its Crime IDs sent as keys), yet
 * V8's default (48 MB) lets so much build up between collections that a 10-million-row
 * file's import peaked about 40 MB higher, for no gain in speed. At 4 MB, though, the chunk
 * being split was often still alive at its second collection and moved to the old
 * generation, which on a busy machine (its collector's helper threads short of processor
 * time) then grew to some 30 MB of dead chunks; at 8 MB the reader's heap stays near 16 MB
 * busy or not. The old generation is left unbounded: a workbook's shared strings live there,
 * and a limit would end a large one's import.
 */
const readerHeap = { maxYoungGenerationSizeMb: 8 };

/**
 * A reading thread. Built, it is import-worker.js in out/main/, beside the service and the CLI
 * (code they share sits in out/main/chunks/); from the TypeScript sources (tests, tsx) it is
 * source-worker.ts, loaded through tsx. It loads its modules, then waits for the file to read.
 */
function launchSourceWorker(): Worker {
  // Code the service and the CLI share is bundled into out/main/chunks/, one folder below.
  const bundleDir = basename(__dirname) === 'chunks' ? dirname(__dirname) : __dirname;
  if (!__filename.endsWith('.ts')) return new Worker(join(bundleDir, 'import-worker.js'), { resourceLimits: readerHeap });
  const tsx = require.resolve('tsx/cjs');
  const entry = join(__dirname, 'source-worker.ts');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits: readerHeap });
}

/** A reading thread waiting for the next import, and how long it may wait unused. */
let spare: Worker | undefined;
const spareIdleMs = 5 * 60_000;

/** Keeps an idle reading thread for the next import (one at most); it never keeps the process alive. */
function keepAsSpare(worker: Worker): void {
  worker.removeAllListeners();
  if (spare) {
    void worker.terminate();
    return;
  }
  const forget = () => {
    clearTimeout(idle);
    if (spare === worker) spare = undefined;
  };
  const idle = setTimeout(() => {
    forget();
    void worker.terminate();
  }, spareIdleMs);
  idle.unref();
  worker.unref();
  worker.on('error', forget);
  worker.on('exit', forget);
  spare = worker;
}

/**
 * Starts a reading thread while the analyst looks at the preview, so that the import does
 * not wait for one to load, and has it load what a file of the kind expected needs (exceljs,
 * for a workbook). A thread that has read a file is kept for the next one too.
 */
export function prestartSourceWorker(expected: SourceTable['kind']): void {
  if (!spare) keepAsSpare(launchSourceWorker());
  spare?.postMessage({ type: 'prepare', kind: expected } satisfies ToSourceWorker);
}

/** A reading thread for one file: the one waiting, if there is one. */
export function startSourceWorker(data: SourceWorkerData): Worker {
  const worker = spare ?? launchSourceWorker();
  spare = undefined;
  worker.removeAllListeners();
  worker.ref();
  worker.postMessage({ type: 'start', data } satisfies ToSourceWorker);
  return worker;
}

export interface SourcePipelineOptions {
  fileName: string;
  sheet: string | null;
  allSheets: boolean;
  signal: AbortSignal;
  headRows: number;
  rowsPerBatch: number;
  limits?: Partial<ReaderLimits>;
  /** Starts the reading thread; tests pass one that fails on purpose. */
  start?: (data: SourceWorkerData) => Worker;
}

type Event = FromSourceWorker | { type: 'died'; detail: string } | { type: 'cancelled' };

/**
 * The writing thread's end of the pipeline: the reading thread's messages as a queue the
 * import awaits batch by batch. A reader that fails, throws or dies, and a Cancel, all end
 * the wait with an error naming the file; close() always releases the file and the thread.
 */
export class SourcePipeline {
  kind: SourceTable['kind'] = 'csv';
  details: SourceTable['details'] = {};
  bytesTotal = 0;
  bytesRead = 0;
  sha256: string | null = null;
  private readonly events: Event[] = [];
  private wake: (() => void) | undefined;
  private closed = false;
  private released = false;
  private taken = 0;
  private planned = false;
  private readonly exited: Promise<unknown>;
  /** Settles when the reader has released the file and can take another. */
  private readonly ready: Promise<void>;
  private onReady: () => void = () => undefined;
  private isReady = false;
  private finished = false;
  private readonly onAbort = () => this.push({ type: 'cancelled' });

  private constructor(
    private readonly worker: Worker,
    private readonly options: SourcePipelineOptions,
  ) {
    this.ready = new Promise((resolve) => (this.onReady = resolve));
    worker.on('message', (message: FromSourceWorker) => {
      if (message.type === 'ready') this.onReady();
      else this.push(message);
    });
    worker.on('error', (error: Error) => this.push({ type: 'died', detail: error.message }));
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.on('exit', (code) => {
      this.released = true;
      this.push({ type: 'died', detail: `the reader stopped with code ${code}` });
    });
    options.signal.addEventListener('abort', this.onAbort);
  }

  /** Starts reading; resolves once the file is open and recognised. */
  static async open(path: string, options: SourcePipelineOptions): Promise<SourcePipeline> {
    if (options.signal.aborted) throw cancelled();
    const data: SourceWorkerData = {
      path,
      sheet: options.sheet,
      allSheets: options.allSheets,
      headRows: options.headRows,
      rowsPerBatch: options.rowsPerBatch,
      ...(options.limits ? { limits: options.limits } : {}),
    };
    const pipeline = new SourcePipeline((options.start ?? startSourceWorker)(data), options);
    try {
      const opened = await pipeline.nextEvent();
      if (opened.type !== 'opened') throw pipeline.failure(opened);
      pipeline.kind = opened.kind;
      pipeline.details = opened.details;
      pipeline.bytesTotal = opened.bytesTotal;
      return pipeline;
    } catch (error) {
      await pipeline.close();
      throw error;
    }
  }

  /** The next batch, or null once the whole file has been read (sha256 is then set). */
  async next(): Promise<RecordBatch | null> {
    if (this.finished) return null;
    const event = await this.nextEvent();
    if (event.type === 'batch') {
      this.bytesRead = event.batch.bytesRead;
      return event.batch;
    }
    if (event.type === 'done') {
      this.sha256 = event.sha256;
      this.bytesRead = event.bytesRead;
      this.finished = true;
      return null;
    }
    throw this.failure(event);
  }

  /**
   * After a head batch: the columns to send of its sheet from now on (and the one to send as
   * crime keys), or that the rest of the sheet is to be passed over. After the first, the
   * reader may go ahead.
   */
  plan(columns: number[] | null, options: { skipSheet?: boolean; identifierColumn?: number | undefined } = {}): void {
    this.send({ type: 'plan', columns, identifierColumn: options.identifierColumn ?? null, credits: this.planned ? 0 : creditsAhead, skipSheet: options.skipSheet === true });
    this.planned = true;
  }

  /** The writer has taken a batch: the reader may send one more (told two at a time, halving the messages). */
  credit(): void {
    this.taken += 1;
    if (this.taken === 2) {
      this.taken = 0;
      this.send({ type: 'credit', count: 2 });
    }
  }

  /** The writer has read the batch: its buffers go back to the reader, to be written into again. */
  recycle(batch: RecordBatch): void {
    const buffers = transferablesOf(batch).filter((buffer) => buffer.byteLength > 0);
    if (!this.released && !this.closed && buffers.length > 0) this.worker.postMessage({ type: 'buffers', buffers } satisfies ToSourceWorker, buffers);
  }

  /** Stops the reader if it is still going, waits for it to release the file, and ends the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.options.signal.removeEventListener('abort', this.onAbort);
    if (!this.released) {
      // Asked to stop (or already done), the reader releases the file and says it is ready.
      this.send({ type: 'stop' });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.ready.then(() => (this.isReady = true)),
        this.exited,
        new Promise((resolve) => (timer = setTimeout(resolve, stopGraceMs))),
      ]);
      clearTimeout(timer);
    }
    // A thread of our own that is ready reads the next file; any other is ended.
    if (this.isReady && !this.released && !this.options.start) keepAsSpare(this.worker);
    else await this.worker.terminate();
  }

  private send(message: ToSourceWorker): void {
    if (!this.released) this.worker.postMessage(message);
  }

  private push(event: Event): void {
    this.events.push(event);
    this.wake?.();
  }

  private async nextEvent(): Promise<Event> {
    for (;;) {
      const event = this.events.shift();
      if (event !== undefined) return event;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private failure(event: Event): Error {
    if (event.type === 'cancelled' || this.options.signal.aborted) return cancelled();
    if (event.type === 'failed' && event.code !== null && (errorCodes as readonly string[]).includes(event.code)) {
      return new WorkbenchError(event.code as ErrorCode, event.message);
    }
    const detail = event.type === 'failed' ? event.message : event.type === 'died' ? event.detail : `an unexpected “${event.type}” message`;
    return new WorkbenchError(
      'internal',
      `The import of ${quotedFileName(this.options.fileName)} stopped because the workbench's file reader failed (${detail}). Nothing was imported and the workspace is unchanged. Try again; if it fails again, restart the workbench.`,
    );
  }
}
