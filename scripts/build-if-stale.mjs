// Builds the app (electron-vite build) when out/main/cli.js is missing or older than its
// sources. Used by `npm run workbench` and by the unit tests, which run the built CLI. The
// build's output goes to stderr, so that the CLI's stdout stays its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const builtCli = join(projectRoot, 'out', 'main', 'cli.js');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function buildIfStale() {
  const sources = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'].map((name) => join(projectRoot, name));
  if (existsSync(builtCli) && Math.max(...sources.map(newest)) <= statSync(builtCli).mtimeMs) return;
  const build = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) throw new Error(`The build failed (exit code ${build.status}).`);
}
