import { basename } from 'node:path';
import type { Channel } from '../../shared/channels';
import type { OutputOf } from '../../shared/contract';
import type { WorkspaceSummary } from '../../shared/domain/partnership';
import { WorkbenchError } from '../../shared/result';
import { schemaVersionOf } from './migrations';
import { throwIfCancelled, type OperationContext } from './operation-context';
import * as partnership from './partnership-store';
import type { ServiceInputOf } from './service-contract';
import {
  backupWorkspaceFile,
  createWorkspaceFile,
  openWorkspaceFile,
  type WorkspaceDatabase,
} from './workspace-file';

export type HandledChannel = Exclude<Channel, 'operation/cancel'>;

export type ServiceHandlers = {
  [C in HandledChannel]: (input: ServiceInputOf<C>, context: OperationContext) => OutputOf<C> | Promise<OutputOf<C>>;
};

/** One open workspace per service: the app opens one document per window. */
export class WorkspaceSession {
  private db: WorkspaceDatabase | null = null;

  get current(): WorkspaceDatabase | null {
    return this.db;
  }

  require(): WorkspaceDatabase {
    if (!this.db) throw new WorkbenchError('no-workspace', 'No workspace is open. Create or open one first.');
    return this.db;
  }

  replace(db: WorkspaceDatabase): void {
    this.close();
    this.db = db;
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

export function summarise(db: WorkspaceDatabase): WorkspaceSummary {
  const details = partnership.readPartnershipDetails(db);
  return {
    fileName: basename(db.name),
    name: details.name,
    area: details.area,
    marking: details.marking,
    schemaVersion: schemaVersionOf(db),
    datasets: partnership.countDatasets(db),
  };
}

export function createWorkbenchHandlers(session: WorkspaceSession, now: () => Date = () => new Date()): ServiceHandlers {
  const inTransaction = <T>(work: (db: WorkspaceDatabase) => T): T => {
    const db = session.require();
    return db.transaction(() => work(db))();
  };

  return {
    'workspace/create': ({ path, name, area, marking }) => {
      const db = createWorkspaceFile(path, (fresh) =>
        partnership.insertPartnership(fresh, { name, area: area ?? null, marking, period: null }, now()),
      );
      session.replace(db);
      return summarise(db);
    },
    'workspace/open': ({ path }) => {
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
    'partnership/get': () => partnership.readPartnership(session.require()),
    'partnership/update': (details) =>
      inTransaction((db) => {
        partnership.updatePartnershipDetails(db, details);
        return partnership.readPartnership(db);
      }),
    'member/add': (member) => inTransaction((db) => partnership.addMember(db, member)),
    'member/update': ({ id, ...member }) => inTransaction((db) => partnership.updateMember(db, id, member)),
    'member/remove': ({ id }) => inTransaction((db) => partnership.removeMember(db, id)),
    'member/reorder': ({ ids }) => inTransaction((db) => partnership.reorderMembers(db, ids)),
  };
}
