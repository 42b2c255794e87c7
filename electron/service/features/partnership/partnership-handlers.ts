import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import { readPartnership, updatePartnershipDetails } from './partnership-store';

/** The partnership's own details: name, area, protective marking and assessment period. */
export function partnershipHandlers({ session }: FeatureContext): FeatureHandlers<'partnership'> {
  const { read, write } = workspaceAccess(session);
  return {
    'partnership/show': read((db) => readPartnership(db)),
    'partnership/set': write((db, details) => {
      updatePartnershipDetails(db, details);
      return readPartnership(db);
    }),
  };
}
