import { basename } from 'node:path';
import type { WorkspaceSummary } from '../../shared/domain/partnership';
import { WorkbenchError } from '../../shared/result';
import { schemaVersionOf } from './migrations';
import { countDatasets, readPartnershipDetails } from './features/partnership/partnership-store';
import type { WorkspaceDatabase } from './workspace-file';

/** One open workspace per service: the app opens one document per window. */
export class WorkspaceSession {
  private db: WorkspaceDatabase | null = null;
  private exclusiveWork = false;
  /** Files chosen for import, by token, so that paths never travel to the page. */
  readonly stagedFiles = new Map<string, string>();

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

  /**
   * Closes the workspace. When the service itself is shutting down (force), an import still
   * running loses its connection, and SQLite rolls its transaction back.
   */
  close({ force = false }: { force?: boolean } = {}): void {
    if (!force) this.refuseWhileBusy();
    this.db?.close();
    this.db = null;
    this.stagedFiles.clear();
  }

  /**
   * Long work that holds its own transaction (an import) runs alone: a write arriving
   * meanwhile would otherwise join that transaction and share its fate.
   */
  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    this.refuseWhileBusy();
    this.exclusiveWork = true;
    try {
      return await work();
    } finally {
      this.exclusiveWork = false;
    }
  }

  /** A short write in its own transaction. */
  write<T>(work: (db: WorkspaceDatabase) => T): T {
    this.refuseWhileBusy();
    const db = this.require();
    return db.transaction(() => work(db))();
  }

  refuseWhileBusy(): void {
    if (this.exclusiveWork) {
      throw new WorkbenchError('busy', 'An import is running. Wait for it to finish, or cancel it, and try again.');
    }
  }
}

export function summarise(db: WorkspaceDatabase): WorkspaceSummary {
  const details = readPartnershipDetails(db);
  return {
    fileName: basename(db.name),
    name: details.name,
    area: details.area,
    marking: details.marking,
    schemaVersion: schemaVersionOf(db),
    datasets: countDatasets(db),
  };
}

