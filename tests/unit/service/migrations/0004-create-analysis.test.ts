import { describe, expect, it } from 'vitest';
import { createPartnership } from '../../../../electron/service/migrations/0001-create-partnership';
import { createDataset } from '../../../../electron/service/migrations/0002-create-dataset';
import { createObservations } from '../../../../electron/service/migrations/0003-create-observations';
import { createAnalysis } from '../../../../electron/service/migrations/0004-create-analysis';
import { migrate } from '../../../../electron/service/migrations';
import { memoryDb } from './migration-fixtures';

describe('migration 0004-create-analysis', () => {
  it('0004 migrates a seeded version-3 workspace: in-area totals are built from its aggregates, and runs are read-only', () => {
    const db = memoryDb();
    migrate(db, [createPartnership, createDataset, createObservations]);
    db.prepare(
      `INSERT INTO dataset (partner_name, source_file_name, source_sha256, source_bytes, format, imported_at, rows_read, rows_imported, rows_rejected)
       VALUES ('Essex Police', 'street.csv', ?, 100, 'police-uk-street', '2026-11-27', 6, 6, 0)`,
    ).run('c'.repeat(64));
    db.exec(`
      INSERT INTO offence_count (dataset_id, source_label, offence_key, period_from, period_to, area_code, in_area, count) VALUES
        (1, 'Burglary', 'police-uk:burglary', '2018-01', '2018-01', 'E01021661', 1, 2),
        (1, 'Burglary', 'police-uk:burglary', '2018-01', '2018-01', 'E01021670', 1, 3),
        (1, 'Burglary', 'police-uk:burglary', '2018-01', '2018-01', 'E01000001', 0, 7),
        (1, 'Mystery', NULL, '2018-02', '2018-02', 'E01021661', 1, 1);
    `);

    expect(migrate(db, [createPartnership, createDataset, createObservations, createAnalysis])).toBe(createAnalysis.version);

    expect(db.prepare('SELECT offence_key, period_from, count FROM offence_total ORDER BY period_from').all()).toEqual([
      { offence_key: 'police-uk:burglary', period_from: '2018-01', count: 5 },
      { offence_key: null, period_from: '2018-02', count: 1 },
    ]);
    expect(db.prepare('SELECT comparison_from, population, matrix_template FROM analysis_settings').get()).toEqual({
      comparison_from: null,
      population: null,
      matrix_template: 'partnership',
    });
    db.prepare(
      `INSERT INTO scoring_run (name, created_at, template, current_from, current_to, comparison_from, comparison_to, offences, top_labels, document, document_sha256)
       VALUES ('Final', '2026-11-28', 'partnership', '2018-10', '2019-09', '2017-10', '2018-09', 0, '[]', '{}', ?)`,
    ).run('d'.repeat(64));
    expect(() => db.exec("UPDATE scoring_run SET name = 'Edited'")).toThrow('A frozen run cannot be changed.');
    expect(() => db.exec("INSERT INTO judgement VALUES ('concern', 'x', 6, 'Too high', '2026-11-28')")).toThrow(/CHECK/);
    db.exec('DELETE FROM dataset WHERE id = 1');
    expect(db.prepare('SELECT count(*) AS n FROM offence_total').get()).toEqual({ n: 0 });
  });
});
