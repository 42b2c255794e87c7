/**
 * Stands in for 'electron' when electron/service and electron/cli are type-checked
 * (tsconfig.electron.json). The service and the CLI run on plain Node; importing Electron there
 * fails to compile with "…no-electron-in-service has no exported member".
 */
export {};
