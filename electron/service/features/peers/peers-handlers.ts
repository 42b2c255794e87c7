import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import { readMatrixState } from '../matrix/matrix-state';
import { readPeers, savePeers } from './peer-store';

/** The comparator areas the peer factor reads. */
export function peersHandlers({ session, now }: FeatureContext): FeatureHandlers<'peers'> {
  const { read, write } = workspaceAccess(session);
  return {
    'peers/show': read((db) => readPeers(db)),
    'peers/set': write((db, input) => {
      savePeers(db, input);
      return readMatrixState(db, now());
    }),
  };
}
