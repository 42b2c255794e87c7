import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseSqliteBinding, electronBindingCandidates, openSqlite, sqliteBinding, type BindingPlaces } from '../../../electron/service/sqlite-binding';

const root = join(__dirname, '../../..');
const nodeBuild = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const electronAbi = readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim();

function places(existing: string[], overrides: Partial<BindingPlaces> = {}): BindingPlaces {
  return { searchFrom: '/work/app/out/main', platform: 'linux', arch: 'x64', exists: (path) => existing.includes(path), ...overrides };
}

/** A V8 addon names its ABI in its registration symbol. */
function registersAbi(binary: string, abi: string): boolean {
  return readFileSync(binary).includes(`node_register_module_v${abi}`);
}

describe('the choice of SQLite binary', () => {
  const checkoutBuild = '/work/app/node_modules/.electron-sqlite/linux-x64/build/Release/better_sqlite3.node';
  const installedBuild = '/opt/cswb/resources/native/better_sqlite3.node';

  it('is the module’s own (Node) build under Node, whatever else exists', () => {
    expect(chooseSqliteBinding({ node: '20.20.2' }, places([checkoutBuild, installedBuild], { resourcesPath: '/opt/cswb/resources' }))).toBeUndefined();
  });

  it('is the installed app’s native build under Electron, before any checkout’s', () => {
    const versions = { node: '22.20.0', electron: '45.5.0' };
    expect(chooseSqliteBinding(versions, places([checkoutBuild, installedBuild], { resourcesPath: '/opt/cswb/resources' }))).toBe(installedBuild);
    expect(chooseSqliteBinding(versions, places([checkoutBuild]))).toBe(checkoutBuild);
  });

  it('looks for the prepared build for this platform and architecture in every folder up from the app', () => {
    const candidates = electronBindingCandidates(places([], { platform: 'win32', arch: 'arm64' }));
    expect(candidates).toContain('/work/app/node_modules/.electron-sqlite/win32-arm64/build/Release/better_sqlite3.node');
    expect(candidates).toContain('/work/node_modules/.electron-sqlite/win32-arm64/build/Release/better_sqlite3.node');
  });

  it('under Electron without a prepared build, says what to do instead of failing on the ABI', () => {
    expect(() => chooseSqliteBinding({ node: '22.20.0', electron: '45.5.0' }, places([]))).toThrow(
      /has not been built for Electron 45\.5\.0\. In a checkout, run `npm start` on a machine with internet once/,
    );
  });

  it('loads the Node build here, which is built for this Node’s ABI and not for Electron’s', () => {
    expect(sqliteBinding()).toBeUndefined();
    const db = openSqlite(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS version').get()).toMatchObject({ version: expect.stringMatching(/^3\./) });
    db.close();
    expect(registersAbi(nodeBuild, process.versions.modules)).toBe(true);
    expect(registersAbi(nodeBuild, electronAbi)).toBe(false);
  });

  it('the prepared Electron build, where it could be made, is built for Electron’s ABI', (context) => {
    const prepared = join(root, `node_modules/.electron-sqlite/${process.platform}-${process.arch}/build/Release/better_sqlite3.node`);
    // Preparing it needs the internet (scripts/prepare-electron-sqlite.mjs); without it there is nothing to check.
    if (!existsSync(prepared)) context.skip();
    expect(registersAbi(prepared, electronAbi)).toBe(true);
    expect(registersAbi(prepared, process.versions.modules)).toBe(false);
  });
});
