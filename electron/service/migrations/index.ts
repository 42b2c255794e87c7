import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';
import { createPartnership } from './0001-create-partnership';
import { createDataset } from './0002-create-dataset';
import { createObservations } from './0003-create-observations';
import { createAnalysis } from './0004-create-analysis';
import { createPriorities } from './0005-create-priorities';
import { identifyImportsByFileAndSheet } from './0006-identify-imports-by-file-and-sheet';
import { createPeers } from './0007-create-peers';
import { createDocumentDetails } from './0008-create-document-details';
import { addNotStartedPriorityStatus } from './0009-add-not-started-priority-status';
import { recordSheetsAndLeanObservations } from './0010-record-sheets-and-lean-observations';
import { createBoundaries } from './0011-create-boundaries';

export type { Migration } from './migration';

/** The explicit, ordered list: never discovered from the file system. */
export const migrations: readonly Migration[] = [
  createPartnership,
  createDataset,
  createObservations,
  createAnalysis,
  createPriorities,
  identifyImportsByFileAndSheet,
  createPeers,
  createDocumentDetails,
  addNotStartedPriorityStatus,
  recordSheetsAndLeanObservations,
  createBoundaries,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a workspace up to the newest schema, one transaction per migration, so a failure
 * leaves the file at the last version that completed.
 */
export function migrate(db: Database, list: readonly Migration[] = migrations): number {
  // Versions rise through the list, each above the one before. A version may be missing while
  // branches that each add one are merged (10 is not in this list yet); none may repeat or go back.
  list.forEach((migration, index) => {
    const before = index === 0 ? 0 : list[index - 1]!.version;
    if (!Number.isInteger(migration.version) || migration.version <= before) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected a version above ${before}.`);
    }
  });
  const from = schemaVersionOf(db);
  for (const migration of list.filter((candidate) => candidate.version > from)) {
    // Outside the transaction: SQLite ignores a change of foreign_keys inside one.
    const switchOff = migration.foreignKeysOff === true && db.pragma('foreign_keys', { simple: true }) === 1;
    if (switchOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.foreignKeysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`Migration "${migration.name}" left rows whose references are broken.`);
        }
        // PRAGMA takes no bound parameters; the version is an integer from the list above.
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (switchOff) db.pragma('foreign_keys = ON');
    }
  }
  return schemaVersionOf(db);
}
