import { cachedStatement } from './statement-cache';
import type { WorkspaceDatabase } from './workspace-file';

/**
 * A value that changes whenever the workspace's contents may have changed, for keeping what is
 * worked out from them between reads: this connection's running count of rows inserted,
 * updated or deleted (SQLite's total_changes()), and SQLite's data_version, which moves when
 * another connection commits. Null inside a transaction, whose changes may yet be rolled back
 * without moving either, so that nothing read there is kept.
 */
export function workspaceRevision(db: WorkspaceDatabase): string | null {
  if (db.inTransaction) return null;
  const dataVersion = cachedStatement(db, 'PRAGMA data_version').pluck().get() as number;
  const changes = cachedStatement(db, 'SELECT total_changes()').pluck().get() as number;
  return `${dataVersion}:${changes}`;
}
