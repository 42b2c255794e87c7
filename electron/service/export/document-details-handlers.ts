import type { WorkspaceSession } from '../workspace-session';
import type { ServiceHandlers } from '../workbench-handlers';
import { readDocumentDetails, updateDocumentDetails } from './document-details-store';

export function createDocumentDetailsHandlers(session: WorkspaceSession): Pick<ServiceHandlers, 'documentDetails/get' | 'documentDetails/update'> {
  return {
    'documentDetails/get': () => readDocumentDetails(session.require()),
    'documentDetails/update': (details) => session.write((db) => updateDocumentDetails(db, details)),
  };
}
