import { z } from 'zod';
import type { Channel } from '../../shared/channels';
import { operationNames, operations, type Operations, type PathOperation } from '../../shared/operations';

const FilePath = z.string().min(1, 'A file path is required.').max(4096);

/**
 * The operations for which main (or the CLI, or the test harness) chooses a file before
 * calling the service, from the operations table. The renderer never supplies a path itself.
 */
export type PathChannel = PathOperation;
export const pathChannels = operationNames.filter((name): name is PathChannel => 'path' in operations[name]);

type WithPath<Input> = Input extends z.ZodObject<infer Shape> ? z.ZodObject<Shape & { path: typeof FilePath }> : never;

type ServiceContract = {
  [C in Channel]: C extends PathChannel ? WithPath<Operations[C]['input']> : Operations[C]['input'];
};

/**
 * What the service accepts: the renderer's inputs, with a path where a file is involved.
 * 'workspace/open' takes the path alone.
 */
export const serviceContract = Object.fromEntries(
  operationNames.map((name) => {
    const { input } = operations[name];
    if (!(pathChannels as Channel[]).includes(name)) return [name, input];
    return [name, (input as unknown as z.ZodObject<z.ZodRawShape>).extend({ path: FilePath })];
  }),
) as unknown as ServiceContract;

export type ServiceInputOf<C extends Channel> = z.output<ServiceContract[C]>;
export type ServiceRawInputOf<C extends Channel> = z.input<ServiceContract[C]>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (operationNames as readonly string[]).includes(value);
}

export function isPathChannel(channel: Channel): channel is PathChannel {
  return (pathChannels as Channel[]).includes(channel);
}
