/**
 * The CLI's entry, built to out/main/cli.js. It runs with plain Node in a checkout
 * (`npm run workbench -- <command>`, or `node out/main/cli.js <command>`), and in the installed
 * app as `workbench <command>`: a wrapper for the app's executable with `--cli`, which
 * electron/main dispatches here before any window opens.
 */
import { cliArguments } from './cli-arguments';
import { main } from './workbench';

export { cliArguments, main };

// Output piped into a program that stops reading (`| head`) ends the CLI quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Under plain Node this file is the program; in Electron, main calls `main` itself.
if (!process.versions.electron) {
  void main(cliArguments(process.argv, false)).then((code) => {
    process.exitCode = code;
  });
}
