import { describe, expect, it } from 'vitest';
import { createPartnership } from '../../../../electron/service/migrations/0001-create-partnership';
import { createDataset } from '../../../../electron/service/migrations/0002-create-dataset';
import { createObservations } from '../../../../electron/service/migrations/0003-create-observations';
import { migrate } from '../../../../electron/service/migrations';
import { memoryDb } from './migration-fixtures';

describe('migration 0003-create-observations', () => {
  it('0003 migrates a seeded version-2 workspace, and removing a dataset takes its rows with it', () => {
    const db = memoryDb();
    migrate(db, [createPartnership, createDataset]);
    db.prepare(
      `INSERT INTO dataset (partner_name, source_file_name, source_sha256, source_bytes, format, imported_at, rows_read, rows_imported, rows_rejected)
       VALUES ('Essex Police', 'street.csv', ?, 100, 'police-uk-street', '2026-11-27', 2, 2, 0)`,
    ).run('b'.repeat(64));

    expect(migrate(db, [createPartnership, createDataset, createObservations])).toBe(3);

    expect(db.prepare('SELECT source_file_name FROM dataset').all()).toEqual([{ source_file_name: 'street.csv' }]);
    db.exec(`
      INSERT INTO observation (dataset_id, row_number, crime_id, period_from, period_to, in_area, source_label, count)
      VALUES (1, 2, 'abc', '2018-01', '2018-01', 1, 'Burglary', 1), (1, 3, NULL, '2018-01', '2018-01', 1, 'Anti-social behaviour', 1);
      INSERT INTO offence_count (dataset_id, source_label, offence_key, period_from, period_to, in_area, count)
      VALUES (1, 'Burglary', 'police-uk:burglary', '2018-01', '2018-01', 1, 1);
      INSERT INTO dataset_rejection (dataset_id, row_number, reason) VALUES (1, 4, 'No month');
    `);
    db.exec('DELETE FROM dataset WHERE id = 1');
    for (const table of ['observation', 'offence_count', 'dataset_rejection']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
  });

  it('reads aggregates by offence and finds a dataset’s rows through indexes', () => {
    const db = memoryDb();
    migrate(db, [createPartnership, createDataset, createObservations]);
    const detail = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((step) => step.detail).join(' ');
    expect(detail("SELECT sum(count) FROM offence_count WHERE offence_key = 'x' AND period_from >= '2018-01'")).toContain('offence_count_by_offence');
    expect(detail('SELECT id FROM observation WHERE dataset_id = 1')).toContain('observation_by_dataset');
  });
});
