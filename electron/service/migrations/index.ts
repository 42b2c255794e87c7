import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';
import { createPartnership } from './0010-create-partnership';
import { createDataset } from './0020-create-dataset';
import { createObservations } from './0030-create-observations';
import { createAnalysis } from './0040-create-analysis';
import { createPriorities } from './0050-create-priorities';
import { createDocumentDetails } from './0060-create-document-details';

export type { Migration } from './migration';

/** The explicit, ordered list: never discovered from the file system. */
export const migrations: readonly Migration[] = [
  createPartnership,
  createDataset,
  createObservations,
  createAnalysis,
  createPriorities,
  createDocumentDetails,
];

export const latestSchemaVersion = migrations.length;

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a workspace up to the newest schema, one transaction per migration, so a failure
 * leaves the file at the last version that completed.
 */
export function migrate(db: Database, list: readonly Migration[] = migrations): number {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`);
    }
  });
  const from = schemaVersionOf(db);
  for (const migration of list.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from the list above.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersionOf(db);
}
