// `npm run workbench -- <command>`: runs the built CLI (out/main/cli.js) with plain Node,
// building it first when it is missing or older than its sources.
import { pathToFileURL } from 'node:url';
import { buildIfStale, builtCli } from './build-if-stale.mjs';

try {
  buildIfStale();
} catch (error) {
  process.stderr.write(`workbench: ${error.message}\n`);
  process.exit(1);
}
// npm runs scripts in the project folder; relative paths mean the folder the command was typed in.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
await import(pathToFileURL(builtCli).href);
