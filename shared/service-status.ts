/**
 * What main tells the window about the service process itself, pushed on serviceStatusChannel
 * when it stops unexpectedly: restarted (with or without the workspace), or given up on.
 */
export type ServiceStatus =
  | { state: 'restarted'; workspaceReopened: boolean; message: string }
  | { state: 'stopped'; message: string };

export type ServiceStatusListener = (status: ServiceStatus) => void;
