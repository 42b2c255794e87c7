/**
 * The boundary import's reading thread (node:worker_threads): see boundary-reader.ts. Built as
 * its own entry (out/main/boundary-worker.js), beside the service.
 */
import { parentPort } from 'node:worker_threads';
import type { BoundaryReadRequest } from './boundary-reader-protocol';
import { readBoundaryFile } from './read-boundary-file';

if (!parentPort) throw new Error('The boundary reader runs as a worker thread of the workbench service.');
const port = parentPort;
port.once('message', (request: BoundaryReadRequest) => {
  void readBoundaryFile(request).then((answer) => port.postMessage(answer));
});
