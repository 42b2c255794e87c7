import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../../../../shared/result';
import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import type { WorkspaceSession } from '../../workspace-session';
import { listBoundarySets, readBoundarySetView, removeBoundarySet } from './boundary-store';
import { importBoundaries, previewBoundaryFile } from './import/import-boundaries';

function stagedPath(session: WorkspaceSession, token: string): string {
  const path = session.stagedBoundaryFiles.get(token);
  if (!path) throw new WorkbenchError('not-found', 'That boundary file is no longer staged for import. Choose it again.');
  return path;
}

/** Boundaries: choose a file and see its properties, import it as a set, list, show and remove sets. */
export function boundariesHandlers({ session, now }: FeatureContext): FeatureHandlers<'boundaries'> {
  const { read, write } = workspaceAccess(session);
  return {
    'boundaries/stage': async ({ path }, context) => {
      const preview = await previewBoundaryFile(session.require(), path, context);
      const token = randomUUID();
      session.stagedBoundaryFiles.set(token, path);
      return { token, preview };
    },
    'boundaries/import': async ({ token, codeField, nameField, level, attribution }, context) => {
      const db = session.require();
      const path = stagedPath(session, token);
      return session.exclusively(() => importBoundaries(db, { path, codeField, nameField, level, attribution }, context, now));
    },
    'boundaries/list': read((db) => listBoundarySets(db)),
    'boundaries/show': read((db, { id }) => readBoundarySetView(db, id)),
    'boundaries/remove': write((db, { id }) => {
      removeBoundarySet(db, id);
      return listBoundarySets(db);
    }),
  };
}
