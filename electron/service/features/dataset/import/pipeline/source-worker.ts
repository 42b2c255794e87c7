/**
 * The import's reading thread (node:worker_threads): see read-source.ts. Built as its own
 * entry (out/main/import-worker.js), beside the service.
 */
import { parentPort } from 'node:worker_threads';
import { loadExcelJs } from '../../../../lazy-libraries';
import { readSource } from './read-source';
import type { SourceWorkerPort, ToSourceWorker } from './source-worker-protocol';

if (!parentPort) throw new Error('The import reader runs as a worker thread of the workbench service.');
const port = parentPort;
// Started ahead of time, the thread has its modules loaded when the first file arrives; it
// then reads one file after another, saying when it is ready for the next.
port.on('message', (message: ToSourceWorker) => {
  if (message.type === 'prepare' && message.kind === 'xlsx') {
    try {
      loadExcelJs();
    } catch {
      // It fails again, with the file's name in the message, when the workbook is opened.
    }
  }
  if (message.type !== 'start') return;
  void readSource(message.data, port as unknown as SourceWorkerPort).finally(() => port.postMessage({ type: 'ready' }));
});
