import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliArguments } from '../../../electron/cli/cli-arguments';
import { useTempDir } from '../../fixtures/temp-dir';

const world = vi.hoisted(() => ({ calls: [] as string[], exitCodes: [] as number[] }));

vi.mock('electron', () => ({
  app: {
    exit: (code: number) => world.exitCodes.push(code),
    enableSandbox: () => world.calls.push('enableSandbox'),
    on: (name: string) => world.calls.push(`app.on:${name}`),
    whenReady: () => {
      world.calls.push('whenReady');
      return new Promise(() => {});
    },
  },
  protocol: { registerSchemesAsPrivileged: () => world.calls.push('registerSchemesAsPrivileged') },
  BrowserWindow: {},
  ipcMain: {},
  dialog: {},
  session: {},
  utilityProcess: {},
}));

const builtCli = join(__dirname, '../../../out/main/cli.js');
const nodeBinding = join(__dirname, '../../../node_modules/better-sqlite3/build/Release/better_sqlite3.node');

describe('the CLI in the installed app (the executable with --cli)', () => {
  const tempDir = useTempDir();
  const savedArgv = process.argv;
  afterEach(() => {
    process.argv = savedArgv;
  });

  it('takes the command after --cli in Electron, and after the script under Node', () => {
    expect(cliArguments(['/opt/cswb/community-safety-workbench', '--cli', 'info', '--workspace', 'w.sqlite'], true)).toEqual(['info', '--workspace', 'w.sqlite']);
    expect(cliArguments(['electron', '.', '--cli', 'demo', '--out', 'd'], true)).toEqual(['demo', '--out', 'd']);
    expect(cliArguments(['node', 'out/main/cli.js', 'init', '--name', '--cli'], false)).toEqual(['init', '--name', '--cli']);
  });

  it('is dispatched before anything of the window: no sandbox switch, no scheme, no ready handler', async () => {
    process.argv = ['/opt/cswb/community-safety-workbench', '--cli', '--help'];
    vi.resetModules();
    vi.doMock('../../../electron/main/cli-launch', () => ({
      isCliLaunch: (argv: string[]) => argv.includes('--cli'),
      runCliInApp: async () => world.calls.push('runCliInApp'),
    }));
    await import('../../../electron/main/index');
    expect(world.calls).toEqual(['runCliInApp']);
    vi.doUnmock('../../../electron/main/cli-launch');
  });

  it('runs the built CLI in the main process with the Electron build of SQLite, and quits with its exit code', async () => {
    const { runCliInApp } = await import('../../../electron/main/cli-launch');
    const runtime = process as { resourcesPath?: string };
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // In Electron the built CLI waits to be called (under Node it would run itself on load), and
    // the service must load a binary built for Electron, never node_modules' Node build.
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
    try {
      const dir = tempDir();
      const workspace = join(dir, 'app.sqlite');
      const app = ['/opt/cswb/community-safety-workbench', '--cli'];

      expect(await runCliInApp([...app, 'workspace', 'create', '--workspace', workspace, '--name', 'App Partnership'], builtCli)).toBe(1);
      expect(String(stderr.mock.calls.at(-1)?.[0])).toContain("The workbench's SQLite module has not been built for Electron 45.5.0.");
      expect(existsSync(workspace)).toBe(false);

      // The installed app's layout: resources/native/better_sqlite3.node. Here it holds the
      // Node build, which this runtime can load, so the command succeeds only through it.
      runtime.resourcesPath = join(dir, 'resources');
      mkdirSync(join(runtime.resourcesPath, 'native'), { recursive: true });
      copyFileSync(nodeBinding, join(runtime.resourcesPath, 'native', 'better_sqlite3.node'));
      expect(await runCliInApp([...app, 'workspace', 'create', '--workspace', workspace, '--name', 'App Partnership'], builtCli)).toBe(0);
      expect(existsSync(workspace)).toBe(true);
      expect(await runCliInApp([...app, 'workspace', 'create', '--workspace', workspace, '--name', 'Again'], builtCli)).toBe(1);
      expect(world.exitCodes).toEqual([1, 0, 1]);
    } finally {
      delete (process.versions as Record<string, string | undefined>).electron;
      delete runtime.resourcesPath;
      stderr.mockRestore();
    }
  });
});
