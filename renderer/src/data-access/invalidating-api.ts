import type { Channel } from '../../../shared/channels';
import type { WorkbenchApi } from '../../../shared/contract';
import type { QueryKey } from './invalidations';
import type { QueryBus } from './query-bus';

type Operation = (input?: unknown) => Promise<unknown>;

function succeeded(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true;
}

/**
 * window.workbench with every operation wrapped: once one that changes data succeeds, the bus
 * tells the queries that read what it changed. Every write the renderer makes goes through here,
 * so no screen has to remember which others to refresh.
 */
export function withInvalidation(api: WorkbenchApi, changes: Readonly<Record<Channel, readonly QueryKey[]>>, bus: QueryBus): WorkbenchApi {
  const wrapped: Record<string, unknown> = { ...api };
  const domains = api as unknown as Record<string, Record<string, Operation>>;
  for (const [channel, keys] of Object.entries(changes) as [Channel, readonly QueryKey[]][]) {
    const [domain, verb] = channel.split('/') as [string, string];
    const original = domains[domain]?.[verb];
    if (!original) continue;
    const group = (wrapped[domain] = { ...(wrapped[domain] as Record<string, Operation>) });
    group[verb] =
      keys.length === 0
        ? original
        : async (input?: unknown) => {
            const result = await original(input);
            if (succeeded(result)) bus.invalidate(keys);
            return result;
          };
  }
  return wrapped as WorkbenchApi;
}
