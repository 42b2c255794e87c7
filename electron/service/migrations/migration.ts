import type { Database } from 'better-sqlite3';

/**
 * A schema step. Migrations are append-only: once a version has shipped its module is never
 * edited, because workspaces in the field were built by it.
 */
export interface Migration {
  version: number;
  name: string;
  /**
   * Runs with foreign keys off, for a migration that rebuilds a table other tables refer to
   * (dropping it with them on would delete every row that refers to it). The references are
   * checked before the migration commits.
   */
  foreignKeysOff?: boolean;
  up(db: Database): void;
}
