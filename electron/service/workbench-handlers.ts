import { basename } from 'node:path';
import type { Channel } from '../../shared/channels';
import type { OutputOf } from '../../shared/contract';
import type { Operations } from '../../shared/operations';
import { throwIfCancelled, type OperationContext } from './operation-context';
import { createAnalysisHandlers } from './analysis/analysis-handlers';
import { buildDemoWorkspace } from './demo-workspace';
import { createDocumentDetailsHandlers } from './export/document-details-handlers';
import { createExportHandlers } from './export/export-handlers';
import { createDatasetHandlers } from './import/dataset-handlers';
import * as partnership from './partnership-store';
import { createPriorityHandlers } from './priorities/priority-handlers';
import { refuseUnconfirmedLeadRemoval } from './priorities/priority-store';
import type { ServiceInputOf } from './service-contract';
import { backupWorkspaceFile, createWorkspaceFile, openWorkspaceFile, type WorkspaceDatabase } from './workspace-file';
import { summarise, type WorkspaceSession } from './workspace-session';

/** The operations a feature's handler answers (the table's owner 'service'); main's and the host's are their own. */
export type HandledChannel = { [C in Channel]: Operations[C]['owner'] extends 'service' ? C : never }[Channel];

export type ServiceHandlers = {
  [C in HandledChannel]: (input: ServiceInputOf<C>, context: OperationContext) => OutputOf<C> | Promise<OutputOf<C>>;
};

export function createWorkbenchHandlers(session: WorkspaceSession, now: () => Date = () => new Date()): ServiceHandlers {
  const inTransaction = <T>(work: (db: WorkspaceDatabase) => T): T => session.write(work);

  return {
    ...createDatasetHandlers(session),
    ...createAnalysisHandlers(session, now),
    ...createExportHandlers(session, now),
    ...createPriorityHandlers(session, now),
    ...createDocumentDetailsHandlers(session),
    'workspace/create': ({ path, name, area, marking }) => {
      session.refuseWhileBusy();
      const db = createWorkspaceFile(path, (fresh) =>
        partnership.insertPartnership(fresh, { name, area: area ?? null, marking, period: null }, now()),
      );
      session.replace(db);
      return summarise(db);
    },
    'workspace/open': ({ path }) => {
      session.refuseWhileBusy();
      const db = openWorkspaceFile(path);
      session.replace(db);
      return summarise(db);
    },
    'workspace/current': () => (session.current ? summarise(session.current) : null),
    'workspace/close': () => {
      session.close();
      return null;
    },
    'workspace/backup': ({ path }, context) => {
      const db = session.require();
      throwIfCancelled(context);
      context.progress({ stage: 'Copying the workspace', done: 0, total: 1, unit: 'steps' });
      const { bytes } = backupWorkspaceFile(db, path);
      context.progress({ stage: 'Copying the workspace', done: 1, total: 1, unit: 'steps' });
      return { fileName: basename(path), bytes };
    },
    'workspace/demo': ({ path }, context) => buildDemoWorkspace(session, path, context),
    'partnership/get': () => partnership.readPartnership(session.require()),
    'partnership/update': (details) =>
      inTransaction((db) => {
        partnership.updatePartnershipDetails(db, details);
        return partnership.readPartnership(db);
      }),
    'member/add': (member) => inTransaction((db) => partnership.addMember(db, member)),
    'member/update': ({ id, ...member }) => inTransaction((db) => partnership.updateMember(db, id, member)),
    'member/remove': ({ id, confirmLeadRemoval }) =>
      inTransaction((db) => {
        refuseUnconfirmedLeadRemoval(db, id, confirmLeadRemoval);
        // The schema clears the lead of the priorities it led (ON DELETE SET NULL).
        return partnership.removeMember(db, id);
      }),
    'member/reorder': ({ ids }) => inTransaction((db) => partnership.reorderMembers(db, ids)),
  };
}
