import { utilityProcess } from 'electron';
import type { ProgressEvent } from '../../shared/progress';
import { ServiceClient, type FromService } from '../service/service-protocol';

/** Starts the service in a utility process, so SQLite and file work never block the window. */
export function startServiceProcess(entryPath: string, onProgress: (event: ProgressEvent) => void): ServiceClient {
  const child = utilityProcess.fork(entryPath, [], { serviceName: 'Community Safety Workbench service' });
  const listeners: ((message: FromService) => void)[] = [];
  child.on('message', (message: FromService) => listeners.forEach((listener) => listener(message)));
  const client = new ServiceClient(
    {
      send: (message) => child.postMessage(message),
      listen: (listener) => listeners.push(listener),
    },
    onProgress,
  );
  child.on('exit', (code) => {
    console.error(`[service] stopped with code ${code}`);
    client.serviceStopped();
  });
  return client;
}
