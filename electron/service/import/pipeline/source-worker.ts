/**
 * The import's reading thread (node:worker_threads): see read-source.ts. Built as its own
 * entry (out/main/import-worker.js), beside the service.
 */
import { parentPort } from 'node:worker_threads';
import { readSource } from './read-source';
import type { SourceWorkerPort, ToSourceWorker } from './source-worker-protocol';

if (!parentPort) throw new Error('The import reader runs as a worker thread of the workbench service.');
const port = parentPort;
// Started ahead of time, the thread has its modules loaded when the file to read arrives.
port.once('message', (message: ToSourceWorker) => {
  if (message.type !== 'start') return;
  void readSource(message.data, port as unknown as SourceWorkerPort).finally(() => {
    // Nothing more to hear: the thread ends by itself once the file's handles have closed,
    // which ending it from outside could cut short.
    port.removeAllListeners('message');
    port.unref();
  });
});
