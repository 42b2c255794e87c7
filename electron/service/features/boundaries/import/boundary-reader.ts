import { Worker } from 'node:worker_threads';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError, errorCodes, type ErrorCode } from '../../../../../shared/result';
import { cancelled, quotedFileName } from '../../dataset/import/readers/reader-messages';
import { boundaryFileProblem } from './boundary-messages';
import type { BoundaryReadRequest, FromBoundaryReader } from './boundary-reader-protocol';

/**
 * Reads a boundary file on a thread of its own, as the dataset import reads its files
 * (dataset/import/pipeline/source-pipeline.ts): parsing a large GeoJSON, decoding a shapefile
 * and reprojecting millions of points take seconds, in which the service keeps answering (and
 * hears a Cancel). Built, the thread is boundary-worker.js in out/main/; from the TypeScript
 * sources (tests, tsx) it is boundary-worker.ts, loaded through tsx.
 */
function launchBoundaryWorker(): Worker {
  // Code the service and the CLI share is bundled into out/main/chunks/, one folder below.
  const bundleDir = basename(__dirname) === 'chunks' ? dirname(__dirname) : __dirname;
  if (!__filename.endsWith('.ts')) return new Worker(join(bundleDir, 'boundary-worker.js'), { resourceLimits: readerHeap });
  const tsx = require.resolve('tsx/cjs');
  const entry = join(__dirname, 'boundary-worker.ts');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits: readerHeap });
}

/**
 * The reading thread's heap, bounded: a file that parses into more than this (a GeoJSON of
 * hundreds of megabytes) ends the thread alone, with a message, rather than the service.
 */
const readerHeap = { maxOldGenerationSizeMb: 3072 };

type Answer<Kind extends FromBoundaryReader['type']> = Extract<FromBoundaryReader, { type: Kind }>;

/** Runs one request on a new thread; a Cancel ends the thread at once, since nothing has been written. */
export function readOnBoundaryThread(request: BoundaryReadRequest & { fields: null }, signal: AbortSignal): Promise<Answer<'described'>>;
export function readOnBoundaryThread(request: BoundaryReadRequest & { fields: NonNullable<BoundaryReadRequest['fields']> }, signal: AbortSignal): Promise<Answer<'read'>>;
export function readOnBoundaryThread(request: BoundaryReadRequest, signal: AbortSignal): Promise<FromBoundaryReader> {
  if (signal.aborted) return Promise.reject(cancelled());
  const worker = launchBoundaryWorker();
  return new Promise<FromBoundaryReader>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      signal.removeEventListener('abort', onAbort);
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(cancelled()));
    signal.addEventListener('abort', onAbort);
    worker.once('message', (answer: FromBoundaryReader) => finish(() => (answer.type === 'failed' ? reject(failure(answer, request.fileName)) : resolve(answer))));
    worker.once('error', (error: Error) =>
      finish(() => reject((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(request.fileName) : failure({ type: 'failed', code: null, message: error.message }, request.fileName))),
    );
    worker.once('exit', (code) => finish(() => reject(failure({ type: 'failed', code: null, message: `the reader stopped with code ${code}` }, request.fileName))));
    worker.postMessage(request);
  });
}

function outOfMemory(fileName: string): WorkbenchError {
  return boundaryFileProblem(
    fileName,
    'holds more than the workbench can read at once: reading it used all the memory set aside for a boundary file.',
    'Use the ONS’s generalised (“BGC”) boundaries rather than the full-resolution ones, or clip the file to your area in QGIS, and import that.',
  );
}

function failure(answer: Answer<'failed'>, fileName: string): WorkbenchError {
  if (answer.code !== null && (errorCodes as readonly string[]).includes(answer.code)) return new WorkbenchError(answer.code as ErrorCode, answer.message);
  return new WorkbenchError(
    'internal',
    `The import of ${quotedFileName(fileName)} stopped because the workbench's boundary reader failed (${answer.message}). Nothing was imported and the workspace is unchanged. Try again; if it fails again, restart the workbench.`,
  );
}
