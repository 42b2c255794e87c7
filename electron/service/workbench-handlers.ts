import { basename } from 'node:path';
import { throwIfCancelled } from './operation-context';
import { createAnalysisHandlers } from './features/analysis/analysis-handlers';
import { buildDemoWorkspace } from './features/workspace/demo-workspace';
import { createDocumentDetailsHandlers } from './features/document/document-handlers';
import { createExportHandlers } from './features/export/export-handlers';
import { createDatasetHandlers } from './features/dataset/dataset-handlers';
import * as partnership from './features/partnership/partnership-store';
import { createPriorityHandlers } from './features/priority/priority-handlers';
import { refuseUnconfirmedLeadRemoval } from './features/priority/priority-store';
import type { ServiceHandlers } from './service-handlers';
import { backupWorkspaceFile, createWorkspaceFile, openWorkspaceFile, type WorkspaceDatabase } from './workspace-file';
import { summarise, type WorkspaceSession } from './workspace-session';

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
    'workspace/show': () => (session.current ? summarise(session.current) : null),
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
    'partnership/show': () => partnership.readPartnership(session.require()),
    'partnership/set': (details) =>
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
    'member/move': ({ ids }) => inTransaction((db) => partnership.reorderMembers(db, ids)),
  };
}
