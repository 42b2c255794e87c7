/**
 * The service process: Electron starts it with utilityProcess.fork, so database and file work
 * never blocks the window. It also runs under plain Node with child_process.fork.
 */
import { ServiceHost } from './service-host';
import { serveOverPipe, type FromService, type MessagePipe, type ToService } from './service-protocol';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function parentPipe(): MessagePipe<ToService, FromService> {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      listen: (listener) => parentPort.on('message', (event) => listener(event.data as ToService)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The workbench service must be started by the app, not run directly.');
  return {
    send: (message) => send(message),
    listen: (listener) => process.on('message', (message) => listener(message as ToService)),
  };
}

const pipe = parentPipe();
const host = new ServiceHost((event) => pipe.send({ type: 'progress', event }));
serveOverPipe(host, pipe);
process.on('exit', () => host.dispose());
