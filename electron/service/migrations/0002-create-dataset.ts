import type { Migration } from './migration';

/**
 * Provenance of each imported file, as the Crime and Disorder (Prescribed Information)
 * Regulations 2007 and UK GDPR record-keeping expect: who shared it, which file, under which
 * agreement, and what happened to every row read.
 */
export const createDataset: Migration = {
  version: 2,
  name: 'create dataset provenance',
  up(db) {
    db.exec(`
      CREATE TABLE dataset (
        id INTEGER PRIMARY KEY,
        partner_member_id INTEGER REFERENCES member (id) ON DELETE SET NULL,
        partner_name TEXT NOT NULL,
        source_file_name TEXT NOT NULL,
        source_sha256 TEXT NOT NULL UNIQUE CHECK (length(source_sha256) = 64),
        source_bytes INTEGER NOT NULL CHECK (source_bytes >= 0),
        format TEXT NOT NULL,
        sheet TEXT,
        area TEXT,
        imported_at TEXT NOT NULL,
        rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
        rows_imported INTEGER NOT NULL CHECK (rows_imported >= 0),
        rows_rejected INTEGER NOT NULL CHECK (rows_rejected >= 0),
        rows_duplicate INTEGER NOT NULL DEFAULT 0 CHECK (rows_duplicate >= 0),
        rows_out_of_area INTEGER NOT NULL DEFAULT 0 CHECK (rows_out_of_area >= 0),
        rows_blank_area INTEGER NOT NULL DEFAULT 0 CHECK (rows_blank_area >= 0),
        first_month TEXT,
        last_month TEXT,
        sharing_agreement TEXT
      ) STRICT;

      CREATE INDEX dataset_by_partner ON dataset (partner_member_id);
    `);
  },
};
