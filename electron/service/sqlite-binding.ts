import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WorkbenchError } from '../../shared/result';

/**
 * better-sqlite3 is a native module, built for one runtime's ABI. node_modules holds the Node
 * build (for the CLI under Node, the tests and the benchmarks); Electron (the app's service
 * process, and the CLI inside the installed app) needs a build for Electron's ABI, which
 * `npm start` and `npm run package` prepare beside it (scripts/prepare-electron-sqlite.mjs).
 */
export interface RuntimeVersions {
  readonly node: string;
  readonly electron?: string;
}

export interface BindingPlaces {
  /** Electron's resources folder in an installed app (process.resourcesPath). */
  readonly resourcesPath?: string;
  /** Where to start looking for a checkout's node_modules (this module's folder). */
  readonly searchFrom: string;
  readonly platform: string;
  readonly arch: string;
  readonly exists: (path: string) => boolean;
}

export const electronBindingFolder = '.electron-sqlite';
const bindingFile = 'better_sqlite3.node';

/** The places an Electron build may be, in order: the installed app's, then a checkout's. */
export function electronBindingCandidates(places: BindingPlaces): string[] {
  const candidates: string[] = [];
  if (places.resourcesPath) candidates.push(join(places.resourcesPath, 'native', bindingFile));
  for (let dir = places.searchFrom; dir !== dirname(dir); dir = dirname(dir)) {
    candidates.push(join(dir, 'node_modules', electronBindingFolder, `${places.platform}-${places.arch}`, 'build', 'Release', bindingFile));
  }
  return candidates;
}

/**
 * The nativeBinding option for this runtime: undefined under Node (the module's own build),
 * the prepared Electron build under Electron. Never the Node build under Electron, which would
 * fail with an unreadable NODE_MODULE_VERSION error.
 */
export function chooseSqliteBinding(versions: RuntimeVersions, places: BindingPlaces): string | undefined {
  if (!versions.electron) return undefined;
  const found = electronBindingCandidates(places).find((candidate) => places.exists(candidate));
  if (found) return found;
  throw new WorkbenchError(
    'internal',
    `The workbench's SQLite module has not been built for Electron ${versions.electron}. In a checkout, run \`npm start\` on a machine with internet once (it prepares that build); an installed app must be reinstalled.`,
  );
}

let chosen: { binding: string | undefined } | undefined;

/** The binding for the runtime this process is in, found once. */
export function sqliteBinding(): string | undefined {
  chosen ??= {
    binding: chooseSqliteBinding(process.versions, {
      resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
      searchFrom: __dirname,
      platform: process.platform,
      arch: process.arch,
      exists: existsSync,
    }),
  };
  return chosen.binding;
}

/** Every SQLite connection the service makes goes through here, with the runtime's binding. */
export function openSqlite(path: string, options: Database.Options = {}): Database.Database {
  const binding = sqliteBinding();
  return new Database(path, binding === undefined ? options : { ...options, nativeBinding: binding });
}
