import type { Database } from 'better-sqlite3';

/**
 * A schema step. Migrations are append-only: once a version has shipped its module is never
 * edited, because workspaces in the field were built by it.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
