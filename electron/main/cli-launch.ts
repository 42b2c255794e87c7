import { app } from 'electron';
import { join } from 'node:path';

interface CliModule {
  main(args: string[]): Promise<number>;
  cliArguments(argv: readonly string[], inElectron: boolean): string[];
}

/** The installed app is also the CLI: `workbench …` runs the app's executable with `--cli …`. */
export function isCliLaunch(argv: readonly string[]): boolean {
  return argv.includes('--cli');
}

/**
 * Runs the CLI (out/main/cli.js, built beside this file) in the main process, before any window
 * or protocol exists, and quits with its exit code. RunAsNode stays off: this is the only way
 * the installed executable runs anything but the app.
 */
export function runCliInApp(argv: readonly string[], cliPath = join(__dirname, 'cli.js')): Promise<number> {
  // Loaded only for a command line, so opening the window never pays for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require(cliPath) as CliModule;
  return cli.main(cli.cliArguments(argv, true)).then(
    (code) => {
      app.exit(code);
      return code;
    },
    () => {
      app.exit(1);
      return 1;
    },
  );
}
