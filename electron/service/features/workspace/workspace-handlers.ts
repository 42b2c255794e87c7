import { basename } from 'node:path';
import type { FeatureContext, FeatureHandlers } from '../../feature-handlers';
import { throwIfCancelled } from '../../operation-context';
import { backupWorkspaceFile, createWorkspaceFile, openWorkspaceFile } from '../../workspace-file';
import { summarise } from '../../workspace-session';
import { insertPartnership } from '../partnership/partnership-store';
import { buildDemoWorkspace } from './demo-workspace';

/** Creating, opening, closing and backing up the workspace file, and building the demo. */
export function workspaceHandlers({ session, now }: FeatureContext): FeatureHandlers<'workspace'> {
  return {
    'workspace/create': ({ path, name, area, marking }) => {
      session.refuseWhileBusy();
      const db = createWorkspaceFile(path, (fresh) => insertPartnership(fresh, { name, area: area ?? null, marking, period: null }, now()));
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
  };
}
