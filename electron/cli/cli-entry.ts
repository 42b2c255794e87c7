/**
 * The CLI's entry, built to out/main/cli.js. It runs with plain Node in a checkout
 * (`npm run workbench -- <command>`, or `node out/main/cli.js <command>`), and in the installed
 * app as `workbench <command>`: a wrapper for the app's executable with `--cli`, which
 * electron/main dispatches here before any window opens.
 */
import { cliArguments } from './cli-arguments';
import { main } from './workbench';

export { cliArguments, main };

// Under plain Node this file is the program; in Electron, main calls `main` itself.
if (!process.versions.electron) {
  void main(cliArguments(process.argv, false)).then((code) => {
    process.exitCode = code;
  });
}
