import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import { refuseUnconfirmedLeadRemoval } from '../priority/priority-store';
import { addMember, listMembers, removeMember, reorderMembers, updateMember } from './member-store';

/** The partnership's members: each change answered with the whole list, in order. */
export function memberHandlers({ session }: FeatureContext): FeatureHandlers<'member'> {
  const { read, write } = workspaceAccess(session);
  return {
    'member/list': read((db) => listMembers(db)),
    'member/add': write((db, member) => addMember(db, member)),
    'member/update': write((db, { id, ...member }) => updateMember(db, id, member)),
    'member/remove': write((db, { id, confirmLeadRemoval }) => {
      refuseUnconfirmedLeadRemoval(db, id, confirmLeadRemoval);
      // The schema clears the lead of the priorities it led (ON DELETE SET NULL).
      return removeMember(db, id);
    }),
    'member/move': write((db, { ids }) => reorderMembers(db, ids)),
  };
}
