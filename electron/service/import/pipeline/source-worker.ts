/**
 * The import's reading thread (node:worker_threads): see read-source.ts. Built as its own
 * entry (out/main/import-worker.js), beside the service.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSource } from './read-source';
import type { SourceWorkerData, SourceWorkerPort } from './source-worker-protocol';

if (!parentPort) throw new Error('The import reader runs as a worker thread of the workbench service.');
void readSource(workerData as SourceWorkerData, parentPort as unknown as SourceWorkerPort);
