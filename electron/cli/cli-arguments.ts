/** The command's own arguments: after `--cli` in the app's executable, after the script under Node. */
export function cliArguments(argv: readonly string[], inElectron: boolean): string[] {
  const marker = inElectron ? argv.indexOf('--cli') : -1;
  return marker >= 0 ? argv.slice(marker + 1) : argv.slice(2);
}
