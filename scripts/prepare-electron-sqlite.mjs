// Prepares better-sqlite3 for Electron, once, beside the Node build that the tests use:
// node_modules/.electron-sqlite/<platform>-<arch>/ is a copy of node_modules/better-sqlite3 whose
// binary is Electron's (a prebuilt download, or a compile against Electron's headers). The
// service chooses it under Electron (electron/service/sqlite-binding.ts); packaging ships it.
//
//   node scripts/prepare-electron-sqlite.mjs [--platform linux|win32|darwin] [--arch x64|arm64]
//
// Needs the internet the first time. npm exports the nodedir setting (`npm_config_nodedir=/usr`
// on some machines) to scripts; it is removed here, because node-gyp would otherwise quietly
// compile against Node's headers and produce a module Electron cannot load. The result is
// checked for Electron's ABI either way.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './build-if-stale.mjs';

const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' } } });
const platform = values.platform ?? process.platform;
const arch = values.arch ?? process.arch;

const modules = join(projectRoot, 'node_modules');
const electronVersion = JSON.parse(readFileSync(join(modules, 'electron', 'package.json'), 'utf8')).version;
const electronAbi = readFileSync(join(modules, 'electron', 'abi_version'), 'utf8').trim();
const target = join(modules, '.electron-sqlite', `${platform}-${arch}`);
const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
const stamp = join(target, 'electron-version.txt');

/** A V8 addon names its ABI in its registration symbol: node_register_module_v<ABI>. */
function builtFor(path, abi) {
  return existsSync(path) && readFileSync(path).includes(`node_register_module_v${abi}`);
}

if (builtFor(binary, electronAbi) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === electronVersion) {
  process.exit(0);
}

console.error(`Preparing better-sqlite3 for Electron ${electronVersion} (ABI ${electronAbi}, ${platform}-${arch}) in ${target}`);
rmSync(target, { recursive: true, force: true });
cpSync(join(modules, 'better-sqlite3'), target, { recursive: true, filter: (source) => !source.startsWith(join(modules, 'better-sqlite3', 'build')) });

const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_(nodedir|runtime|target|disturl|arch|platform)$/i.test(name)));
const run = (script, args) => spawnSync(process.execPath, [join(modules, ...script), ...args], { cwd: target, env, stdio: ['ignore', 2, 2] }).status === 0;

const prebuilt = run(['prebuild-install', 'bin.js'], ['--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch, '--verbose']);
const compiled =
  prebuilt ||
  (platform === process.platform &&
    run(['node-gyp', 'bin', 'node-gyp.js'], ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers']));

if (!compiled || !builtFor(binary, electronAbi)) {
  rmSync(target, { recursive: true, force: true });
  console.error(
    `\nbetter-sqlite3 could not be prepared for Electron ${electronVersion}: neither a prebuilt binary nor Electron's headers could be downloaded.\n` +
      'The app cannot start without it. Everything else (the CLI under Node, the tests, the benchmarks) works without it; see README.md.',
  );
  process.exit(1);
}
writeFileSync(stamp, `${electronVersion}\n`);
console.error(`Prepared ${binary}`);
