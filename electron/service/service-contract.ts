import { z } from 'zod';
import { channels, type Channel } from '../../shared/channels';
import { contract } from '../../shared/contract';

const FilePath = z.string().min(1, 'A file path is required.').max(4096);

/**
 * The operations for which main (or the CLI, or the test harness) chooses a file before
 * calling the service. The renderer never supplies a path itself.
 */
const pathInputs = {
  'workspace/create': contract['workspace/create'].input.extend({ path: FilePath }),
  'workspace/open': z.object({ path: FilePath }).strict(),
  'workspace/backup': contract['workspace/backup'].input.extend({ path: FilePath }),
  'workspace/demo': contract['workspace/demo'].input.extend({ path: FilePath }),
  'dataset/choose': contract['dataset/choose'].input.extend({ path: FilePath }),
  'export/workbook': contract['export/workbook'].input.extend({ path: FilePath }),
  'export/pdf': contract['export/pdf'].input.extend({ path: FilePath }),
};

export type PathChannel = keyof typeof pathInputs;
export const pathChannels = Object.keys(pathInputs) as PathChannel[];

type ServiceContract = {
  [C in Channel]: C extends PathChannel ? (typeof pathInputs)[C] : (typeof contract)[C]['input'];
};

/** What the service accepts: the renderer's contract, with a path where a file is involved. */
export const serviceContract = {
  ...Object.fromEntries(channels.map((channel) => [channel, contract[channel].input])),
  ...pathInputs,
} as ServiceContract;

export type ServiceInputOf<C extends Channel> = z.output<ServiceContract[C]>;
export type ServiceRawInputOf<C extends Channel> = z.input<ServiceContract[C]>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value);
}

export function isPathChannel(channel: Channel): channel is PathChannel {
  return (pathChannels as Channel[]).includes(channel);
}
