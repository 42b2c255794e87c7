import type { ServiceHandlers } from '../../service-handlers';
import type { WorkspaceSession } from '../../workspace-session';
import { addPriority, listPriorities, removePriority, reorderPriorities, updatePriority } from './priority-store';

type PriorityChannel = Extract<keyof ServiceHandlers, `priority/${string}`>;

/** The partnership's priorities: each write in its own transaction, answered with the whole new list. */
export function createPriorityHandlers(session: WorkspaceSession, now: () => Date): Pick<ServiceHandlers, PriorityChannel> {
  return {
    'priority/list': () => listPriorities(session.require()),
    'priority/add': (input) => session.write((db) => addPriority(db, input, now())),
    'priority/update': ({ id, ...input }) => session.write((db) => updatePriority(db, id, input, now())),
    'priority/remove': ({ id }) => session.write((db) => removePriority(db, id)),
    'priority/move': ({ ids }) => session.write((db) => reorderPriorities(db, ids)),
  };
}
