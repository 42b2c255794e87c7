import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import { readDocumentDetails, updateDocumentDetails } from './document-store';

/** The Partnership Plan's and the board paper's own details. */
export function documentHandlers({ session }: FeatureContext): FeatureHandlers<'document'> {
  const { read, write } = workspaceAccess(session);
  return {
    'document/show': read((db) => readDocumentDetails(db)),
    'document/set': write((db, details) => updateDocumentDetails(db, details)),
  };
}
