import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import { addPriority, listPriorities, removePriority, reorderPriorities, updatePriority } from './priority-store';

/** The partnership's priorities: each write in its own transaction, answered with the whole new list. */
export function priorityHandlers({ session, now }: FeatureContext): FeatureHandlers<'priority'> {
  const { read, write } = workspaceAccess(session);
  return {
    'priority/list': read((db) => listPriorities(db)),
    'priority/add': write((db, input) => addPriority(db, input, now())),
    'priority/update': write((db, { id, ...input }) => updatePriority(db, id, input, now())),
    'priority/remove': write((db, { id }) => removePriority(db, id)),
    'priority/move': write((db, { ids }) => reorderPriorities(db, ids)),
  };
}
