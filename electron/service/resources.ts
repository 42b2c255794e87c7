import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The folder of files shipped with the app (reference data, bundled open data, fonts).
 * Packaged, it sits in Electron's resources folder; from a checkout (the CLI, the tests, a
 * development build) it is the repository's resources/ folder.
 */
export function resourcesDir(): string {
  const override = process.env.WORKBENCH_RESOURCES;
  if (override) return resolve(override);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'resources', 'data'))) return join(packaged, 'resources');
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'data'))) return candidate;
  }
  throw new Error('The workbench cannot find its resources folder.');
}

export function bundledDataFile(name: string): string {
  return join(resourcesDir(), 'data', name);
}
