import { app, utilityProcess } from 'electron';
import type { ProgressEvent } from '../../shared/progress';
import type { ServiceStatus } from '../../shared/service-status';
import type { FromService } from '../service/service-protocol';
import { ServiceSupervisor, type ServiceProcess } from './service-supervisor';

/** One service in a utility process, so SQLite and file work never block the window. */
function forkService(entryPath: string): ServiceProcess {
  const child = utilityProcess.fork(entryPath, [], {
    serviceName: 'Community Safety Workbench service',
    // Unexpected failures are written in full to the app's logs folder (see error-log.ts).
    env: { ...process.env, WORKBENCH_LOG_DIR: app.getPath('logs') },
  });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromService) => listener(message)),
    onExit: (listener) => child.on('exit', listener),
    kill: () => child.kill(),
  };
}

/** Starts the service, and starts it again if it dies (see ServiceSupervisor). */
export function startServiceProcess(
  entryPath: string,
  onProgress: (event: ProgressEvent) => void,
  onStatus: (status: ServiceStatus) => void,
): ServiceSupervisor {
  return new ServiceSupervisor(() => forkService(entryPath), { onProgress, onStatus });
}
