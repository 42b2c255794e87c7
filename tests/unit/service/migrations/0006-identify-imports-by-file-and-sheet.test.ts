import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../../electron/service/migrations';
import { identifyImportsByFileAndSheet } from '../../../../electron/service/migrations/0006-identify-imports-by-file-and-sheet';
import { memoryDb, tableNames } from './migration-fixtures';

describe('migration 0006-identify-imports-by-file-and-sheet', () => {
  it('0006 migrates a seeded workspace: its datasets and rows stay, each sheet of a file is a dataset of its own, and rows keep no crime ID', () => {
    const db = memoryDb();
    const before = migrations.slice(0, identifyImportsByFileAndSheet.version - 1);
    migrate(db, before);
    const insertDataset = db.prepare(
      `INSERT INTO dataset (partner_name, source_file_name, source_sha256, source_bytes, format, sheet, imported_at, rows_read, rows_imported, rows_rejected)
       VALUES ('Essex Police', ?, ?, 100, 'police-uk-street', ?, '2026-11-27', 1, 1, 0)`,
    );
    insertDataset.run('street.csv', 'e'.repeat(64), null);
    insertDataset.run('book.xlsx', 'f'.repeat(64), 'January');
    db.exec(`
      INSERT INTO observation (dataset_id, row_number, crime_id, period_from, period_to, in_area, source_label, count)
      VALUES (1, 2, 'abc', '2018-01', '2018-01', 1, 'Burglary', 1), (2, 2, NULL, '2018-01', '2018-01', 1, 'Drugs', 1);
      INSERT INTO crime_key (dataset_id, high, low) VALUES (1, 7, 9);
      INSERT INTO offence_count (dataset_id, source_label, offence_key, period_from, period_to, in_area, count)
      VALUES (1, 'Burglary', 'police-uk:burglary', '2018-01', '2018-01', 1, 1);
    `);

    expect(migrate(db, [...before, identifyImportsByFileAndSheet])).toBe(identifyImportsByFileAndSheet.version);

    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT id, source_file_name, sheet FROM dataset ORDER BY id').all()).toEqual([
      { id: 1, source_file_name: 'street.csv', sheet: null },
      { id: 2, source_file_name: 'book.xlsx', sheet: 'January' },
    ]);
    expect(db.prepare('SELECT dataset_id, source_label FROM observation ORDER BY dataset_id').all()).toEqual([
      { dataset_id: 1, source_label: 'Burglary' },
      { dataset_id: 2, source_label: 'Drugs' },
    ]);
    const observationColumns = (db.prepare('PRAGMA table_info(observation)').all() as { name: string }[]).map((column) => column.name);
    expect(observationColumns).not.toContain('crime_id');
    // The crime keys move to packed blocks, one per dataset here.
    expect(tableNames(db)).not.toContain('crime_key');
    const block = db.prepare('SELECT dataset_id, keys FROM crime_key_block').all() as { dataset_id: number; keys: Buffer }[];
    expect(block.map((row) => [row.dataset_id, [...new Int32Array(new Uint8Array(row.keys).buffer)]])).toEqual([[1, [7, 9]]]);
    // Another sheet of the same workbook is a dataset of its own; the same sheet, or the same CSV, is not.
    insertDataset.run('book.xlsx', 'f'.repeat(64), 'February');
    expect(() => insertDataset.run('book.xlsx', 'f'.repeat(64), 'January')).toThrow(/UNIQUE/);
    expect(() => insertDataset.run('street-renamed.csv', 'e'.repeat(64), null)).toThrow(/UNIQUE/);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'dataset'").pluck().get()).toBe(1);
    // The references still hold: removing a dataset takes its rows with it.
    db.exec('DELETE FROM dataset WHERE id = 1');
    for (const table of ['observation', 'crime_key_block', 'offence_count']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE dataset_id = 1`).pluck().get(), table).toBe(0);
    }
    expect(db.prepare('SELECT count(*) FROM observation').pluck().get()).toBe(1);
  });
});
