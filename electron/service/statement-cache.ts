import type { Statement } from 'better-sqlite3';
import type { WorkspaceDatabase } from './workspace-file';

const caches = new WeakMap<WorkspaceDatabase, Map<string, Statement>>();

/**
 * A prepared statement kept for the life of the connection. Preparing costs more than running
 * the small queries the Analysis makes on every load, so those are prepared once. A statement
 * switched to raw() or pluck() keeps that mode: give each mode its own SQL text.
 */
export function cachedStatement(db: WorkspaceDatabase, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
