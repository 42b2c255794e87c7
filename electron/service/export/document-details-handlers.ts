import type { WorkspaceSession } from '../workspace-session';
import type { ServiceHandlers } from '../service-handlers';
import { readDocumentDetails, updateDocumentDetails } from './document-details-store';

export function createDocumentDetailsHandlers(session: WorkspaceSession): Pick<ServiceHandlers, 'document/details' | 'document/setDetails'> {
  return {
    'document/details': () => readDocumentDetails(session.require()),
    'document/setDetails': (details) => session.write((db) => updateDocumentDetails(db, details)),
  };
}
