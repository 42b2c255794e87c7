import { describe, expect, it } from 'vitest';
import { createPartnership } from '../../../../electron/service/migrations/0001-create-partnership';
import { createDataset } from '../../../../electron/service/migrations/0002-create-dataset';
import { migrate, schemaVersionOf } from '../../../../electron/service/migrations';
import { memoryDb } from './migration-fixtures';

describe('migration 0002-create-dataset', () => {
  it('0002 migrates a seeded version-1 workspace and keeps its members', () => {
    const db = memoryDb();
    migrate(db, [createPartnership]);
    db.exec(`
      INSERT INTO partnership (id, name, area, marking, created_at) VALUES (1, 'Safer Colchester Partnership', 'Colchester', 'OFFICIAL', '2026-11-27');
      INSERT INTO member (name, statutory, contact, position) VALUES ('Essex Police', 1, NULL, 1), ('CCVS', 0, 'Office', 2);
    `);
    expect(schemaVersionOf(db)).toBe(1);

    expect(migrate(db, [createPartnership, createDataset])).toBe(2);

    expect(db.prepare('SELECT name, statutory, contact FROM member ORDER BY position').all()).toEqual([
      { name: 'Essex Police', statutory: 1, contact: null },
      { name: 'CCVS', statutory: 0, contact: 'Office' },
    ]);
    db.prepare(
      `INSERT INTO dataset (partner_member_id, partner_name, source_file_name, source_sha256, source_bytes, format, imported_at, rows_read, rows_imported, rows_rejected)
       VALUES (1, 'Essex Police', 'street.csv', ?, 100, 'police-uk-street', '2026-11-27', 10, 9, 1)`,
    ).run('a'.repeat(64));
    // Removing a partner keeps the provenance of what it shared.
    db.exec('DELETE FROM member WHERE id = 1');
    expect(db.prepare('SELECT partner_member_id, partner_name FROM dataset').get()).toEqual({
      partner_member_id: null,
      partner_name: 'Essex Police',
    });
  });
});
