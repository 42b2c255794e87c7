import type { WorkspaceSession } from '../../workspace-session';
import type { ServiceHandlers } from '../../service-handlers';
import { readDocumentDetails, updateDocumentDetails } from './document-store';

export function createDocumentDetailsHandlers(session: WorkspaceSession): Pick<ServiceHandlers, 'document/show' | 'document/set'> {
  return {
    'document/show': () => readDocumentDetails(session.require()),
    'document/set': (details) => session.write((db) => updateDocumentDetails(db, details)),
  };
}
