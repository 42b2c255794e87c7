import { existsSync, readFileSync } from 'node:fs';
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

/** A bundled boundary file (resources/boundaries/), beside the licence it is published under. */
export function bundledBoundaryFile(name: string): string {
  return join(resourcesDir(), 'boundaries', name);
}

/** The attribution statement of the bundled boundaries (their LICENCE.txt), in one paragraph, without its rule of dashes. */
export function bundledBoundaryAttribution(): string {
  return readFileSync(bundledBoundaryFile('LICENCE.txt'), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^-+$/.test(line))
    .join(' ');
}
