import type { Command } from 'commander';
import { call, jsonOption, printJson, withWorkspace, workspaceOption } from './cli-support';

/** peers set, show: the comparator areas (Most Similar Group) the peer factor reads. */
export function addPeersCommands(program: Command): void {
  const peers = program.command('peers').description('choose the comparator areas (Most Similar Group) for the peer factor');
  peers
    .command('set')
    .description('replace the comparator areas; each must be an area a multi-area dataset keeps')
    .addOption(workspaceOption())
    .requiredOption('--areas <a,b,c>', 'the areas, comma-separated, e.g. "Kent,Hampshire,Sussex"; "" for none')
    .option('--note <text>', 'a note shown with the peers, e.g. that they are illustrative')
    .addOption(jsonOption())
    .action(async (options: { workspace: string; areas: string; note?: string; json?: boolean }) => {
      const areas = options.areas.split(',').map((area) => area.trim()).filter((area) => area !== '');
      const state = await withWorkspace(options.workspace, (host) => call(host, 'peers/set', { areas, note: options.note ?? null }));
      if (options.json) printJson({ areas: state.peers.areas, note: state.peers.note });
      else console.log(state.peers.areas.length === 0 ? 'No peers: the peer factor scores every type as in line.' : `Peers: ${state.peers.areas.join(', ')}.`);
    });
  peers
    .command('show')
    .description('the chosen comparator areas, and the areas that can be chosen')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const selection = await withWorkspace(options.workspace, (host) => call(host, 'peers/show', {}));
      if (options.json) {
        printJson(selection);
        return;
      }
      console.log(selection.areas.length === 0 ? 'No peers chosen.' : `Peers: ${selection.areas.join(', ')}.`);
      if (selection.note) console.log(selection.note);
      console.log(
        selection.candidates.length === 0
          ? 'No dataset keeps other areas: import a multi-area table with `dataset import --keep-comparators`.'
          : `Areas that can be chosen (${selection.candidates.length}): ${selection.candidates.map((candidate) => candidate.area).join(', ')}.`,
      );
    });
}
