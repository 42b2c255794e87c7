import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBindingFolder } from '../../../electron/service/sqlite-binding';

const root = join(__dirname, '../../..');

interface FileSet {
  from: string;
  to: string;
}

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  npmRebuild?: boolean;
  win: { extraFiles?: FileSet[]; extraResources?: FileSet[] };
  linux: { extraFiles?: FileSet[]; extraResources?: FileSet[]; executableName?: string };
}

/** electron-builder's own loader and schema check, on the real electron-builder.yml. */
async function packagingConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as unknown as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = (await import('builder-util')) as unknown as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('the packaging configuration (electron-builder.yml)', () => {
  it('sets every hardening fuse', async () => {
    const { electronFuses } = await packagingConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('installs the workbench wrappers beside the executable, and they run it with --cli', async () => {
    const { win, linux } = await packagingConfig();
    expect(win.extraFiles).toContainEqual({ from: 'resources/cli/workbench.cmd', to: 'workbench.cmd' });
    expect(linux.extraFiles).toContainEqual({ from: 'resources/cli/workbench', to: 'workbench' });
    const shell = readFileSync(join(root, 'resources/cli/workbench'), 'utf8');
    expect(shell).toContain(`"$here/${linux.executableName}" --cli "$@"`);
    expect(statSync(join(root, 'resources/cli/workbench')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(root, 'resources/cli/workbench.cmd'), 'utf8')).toContain('"%~dp0Community Safety Workbench.exe" --cli %*');
  });

  it('ships the Electron build of better-sqlite3 that the service chooses, and never rebuilds node_modules in place', async () => {
    const config = await packagingConfig();
    expect(config.npmRebuild).toBe(false);
    for (const [platform, resources] of [['win32', config.win.extraResources], ['linux', config.linux.extraResources]] as const) {
      expect(resources).toContainEqual({
        from: `node_modules/${electronBindingFolder}/${platform}-\${arch}/build/Release/better_sqlite3.node`,
        to: 'native/better_sqlite3.node',
      });
    }
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.package).toMatch(/prepare-electron-sqlite\.mjs --platform linux .*prepare-electron-sqlite\.mjs --platform win32 .*electron-builder/);
    expect(scripts.start).toMatch(/prepare-electron-sqlite\.mjs && electron \./);
    expect(existsSync(join(root, 'scripts/prepare-electron-sqlite.mjs'))).toBe(true);
  });
});
