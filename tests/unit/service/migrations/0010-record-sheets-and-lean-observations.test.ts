import { describe, expect, it } from 'vitest';
import { migrate, migrations, schemaVersionOf } from '../../../../electron/service/migrations';
import { recordSheetsAndLeanObservations } from '../../../../electron/service/migrations/0010-record-sheets-and-lean-observations';
import { memoryDb, tableNames } from './migration-fixtures';

describe('migration 0010-record-sheets-and-lean-observations', () => {
  it('0010 records each dataset’s sheet, and turns each imported row into a reference to its aggregate, keeping every row', () => {
    const db = memoryDb();
    const before = migrations.slice(0, recordSheetsAndLeanObservations.version - 1);
    migrate(db, before);
    const insertDataset = db.prepare(
      `INSERT INTO dataset (partner_name, source_file_name, source_sha256, source_bytes, format, sheet, imported_at, rows_read, rows_imported, rows_rejected)
       VALUES (?, ?, ?, 100, ?, ?, '2026-11-27', ?, ?, 0)`,
    );
    insertDataset.run('Essex Police', 'street.csv', 'e'.repeat(64), 'police-uk-street', null, 3, 3);
    insertDataset.run('Home Office', 'tables.xlsx', 'f'.repeat(64), 'ho-open-data', '2018_19', 2, 2);
    db.exec(`
      INSERT INTO offence_count (dataset_id, source_label, offence_key, offence_code, period_from, period_to, area_code, area_name, in_area, count)
      VALUES (1, 'Burglary', 'police-uk:burglary', NULL, '2018-01', '2018-01', 'E01021655', 'Colchester 001A', 1, 2),
             (1, 'Drugs', NULL, NULL, '2018-01', '2018-01', NULL, NULL, 1, 1),
             (2, 'Assault with injury', 'subgroup:violence-with-injury', '8N', '2018-04', '2018-06', NULL, 'Colchester', 1, 30),
             (2, 'Assault with injury', 'subgroup:violence-with-injury', '8N', '2018-04', '2018-06', NULL, 'Kent', 0, 90);
      INSERT INTO observation (dataset_id, row_number, period_from, period_to, area_code, area_name, in_area, source_label, offence_code, count)
      VALUES (1, 2, '2018-01', '2018-01', 'E01021655', 'Colchester 001A', 1, 'Burglary', NULL, 1),
             (1, 3, '2018-01', '2018-01', 'E01021655', 'Colchester 001A', 1, 'Burglary', NULL, 1),
             (1, 5, '2018-01', '2018-01', NULL, NULL, 1, 'Drugs', NULL, 1),
             (2, 2, '2018-04', '2018-06', NULL, 'Colchester', 1, 'Assault with injury', '8N', 30),
             (2, 3, '2018-04', '2018-06', NULL, 'Kent', 0, 'Assault with injury', '8N', 90);
      INSERT INTO dataset_rejection (dataset_id, row_number, reason) VALUES (1, 4, 'The crime type is blank.');
    `);
    const aggregatesBefore = db.prepare('SELECT rowid, * FROM offence_count ORDER BY rowid').all();
    const rowsBefore = db
      .prepare('SELECT id, dataset_id, row_number, period_from, period_to, area_code, area_name, in_area, source_label, offence_code, count FROM observation ORDER BY id')
      .all();

    expect(migrate(db, [...before, recordSheetsAndLeanObservations])).toBe(recordSheetsAndLeanObservations.version);

    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Aggregates keep their ids (as explicit keys now) and learn how many rows they count.
    expect(db.prepare('SELECT id, dataset_id, source_label, offence_key, offence_code, period_from, period_to, area_code, area_name, in_area, count FROM offence_count ORDER BY id').all()).toEqual(
      (aggregatesBefore as { rowid: number }[]).map(({ rowid, ...rest }) => ({ id: rowid, ...rest })),
    );
    expect(db.prepare('SELECT id, rows FROM offence_count ORDER BY id').all()).toEqual([
      { id: 1, rows: 2 },
      { id: 2, rows: 1 },
      { id: 3, rows: 1 },
      { id: 4, rows: 1 },
    ]);
    // Every row is kept, with its row number, referring to its aggregate; none repeats its text,
    // and each dataset's rows are one range of ids.
    expect(db.prepare('SELECT id, row_number, offence_count_id, count FROM imported_row ORDER BY id').all()).toEqual([
      { id: 1, row_number: 2, offence_count_id: 1, count: 1 },
      { id: 2, row_number: 3, offence_count_id: 1, count: 1 },
      { id: 3, row_number: 5, offence_count_id: 2, count: 1 },
      { id: 4, row_number: 2, offence_count_id: 3, count: 30 },
      { id: 5, row_number: 3, offence_count_id: 4, count: 90 },
    ]);
    expect(db.prepare('SELECT id, imported_rows_from, imported_rows_to FROM dataset ORDER BY id').all()).toEqual([
      { id: 1, imported_rows_from: 1, imported_rows_to: 3 },
      { id: 2, imported_rows_from: 4, imported_rows_to: 5 },
    ]);
    const columnsOf = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
    expect(columnsOf('imported_row')).toEqual(['id', 'row_number', 'offence_count_id', 'count']);
    // The observation view shows every row as it was kept before, text and all.
    expect(db.prepare("SELECT type FROM sqlite_schema WHERE name = 'observation'").pluck().get()).toBe('view');
    expect(columnsOf('observation')).toEqual(['id', 'dataset_id', 'row_number', 'period_from', 'period_to', 'area_code', 'area_name', 'in_area', 'source_label', 'offence_code', 'count']);
    expect(db.prepare('SELECT * FROM observation ORDER BY id').all()).toEqual(rowsBefore);
    // A dataset read from one sheet records it, with its rows; a CSV has none.
    expect(db.prepare('SELECT dataset_id, sheet_position, name, rows_read, skipped_reason, imported_rows_from, imported_rows_to FROM dataset_sheet').all()).toEqual([
      { dataset_id: 2, sheet_position: 1, name: '2018_19', rows_read: 2, skipped_reason: null, imported_rows_from: 4, imported_rows_to: 5 },
    ]);
    expect(db.prepare('SELECT row_number, sheet_position FROM dataset_rejection').all()).toEqual([{ row_number: 4, sheet_position: null }]);
    for (const table of ['imported_row', 'offence_count', 'dataset_sheet', 'dataset']) {
      expect(db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').pluck().get(table), table).toBe(1);
    }
    expect(db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'temp' AND name NOT LIKE 'sqlite_%'").all()).toEqual([]);
    // The indexes other migrations made came back.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((step) => step.detail).join(' ');
    expect(plan("SELECT area_name FROM offence_count WHERE in_area = 0 AND area_name = 'Kent'")).toContain('offence_count_by_other_area');
    expect(plan('SELECT * FROM offence_count WHERE dataset_id = 1')).toContain('offence_count_by_dataset');
    // Run again on a workspace already in this form (its version set back), it changes nothing.
    const everything = () => ['imported_row', 'offence_count', 'dataset_sheet', 'dataset'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
    const migrated = everything();
    db.pragma(`user_version = ${recordSheetsAndLeanObservations.version - 1}`);
    expect(migrate(db, [...before, recordSheetsAndLeanObservations])).toBe(recordSheetsAndLeanObservations.version);
    expect(everything()).toEqual(migrated);
    // Removing a dataset removes its rows, by their range, and leaves the others'.
    expect(plan('DELETE FROM imported_row WHERE id BETWEEN 1 AND 3')).toMatch(/USING INTEGER PRIMARY KEY/);
    db.exec('DELETE FROM dataset WHERE id = 1');
    for (const table of ['offence_count', 'dataset_rejection']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE dataset_id = 1`).pluck().get(), table).toBe(0);
    }
    expect(db.prepare('SELECT id FROM imported_row ORDER BY id').pluck().all()).toEqual([4, 5]);
  });

  it('0010 refuses, changing nothing, a workspace with an imported row that no aggregate counts', () => {
    const db = memoryDb();
    const before = migrations.slice(0, recordSheetsAndLeanObservations.version - 1);
    migrate(db, before);
    db.exec(`
      INSERT INTO dataset (partner_name, source_file_name, source_sha256, source_bytes, format, imported_at, rows_read, rows_imported, rows_rejected)
      VALUES ('Essex Police', 'street.csv', '${'e'.repeat(64)}', 100, 'police-uk-street', '2026-11-27', 1, 1, 0);
      INSERT INTO observation (dataset_id, row_number, period_from, period_to, in_area, source_label, count) VALUES (1, 2, '2018-01', '2018-01', 1, 'Burglary', 1);
    `);
    expect(() => migrate(db, [...before, recordSheetsAndLeanObservations])).toThrow(/1 imported rows have no matching aggregate/);
    expect(schemaVersionOf(db)).toBe(recordSheetsAndLeanObservations.version - 1);
    expect(db.prepare('SELECT source_label FROM observation').pluck().all()).toEqual(['Burglary']);
    expect(tableNames(db)).not.toContain('dataset_sheet');
    expect(tableNames(db)).not.toContain('imported_row');
  });

  it('0010 keeps each row’s reference to its aggregate whole without a declared foreign key', () => {
    const db = memoryDb();
    migrate(db, migrations.slice(0, recordSheetsAndLeanObservations.version));
    db.exec(`
      INSERT INTO dataset (partner_name, source_file_name, source_sha256, source_bytes, format, imported_at, rows_read, rows_imported, rows_rejected, imported_rows_from, imported_rows_to)
      VALUES ('Essex Police', 'a.csv', '${'a'.repeat(64)}', 1, 'police-uk-street', '2026-12-01', 2, 2, 0, 1, 2),
             ('Essex Police', 'b.csv', '${'b'.repeat(64)}', 1, 'police-uk-street', '2026-12-01', 1, 1, 0, 3, 3);
      INSERT INTO offence_count (id, dataset_id, source_label, period_from, period_to, in_area, count, rows)
      VALUES (1, 1, 'Burglary', '2018-01', '2018-01', 1, 2, 2), (2, 2, 'Drugs', '2018-02', '2018-02', 1, 1, 1);
      INSERT INTO imported_row (id, row_number, offence_count_id, count) VALUES (1, 2, 1, 1), (2, 3, 1, 1), (3, 2, 2, 1);
    `);
    // What a foreign key would refuse: an aggregate removed, or moved, under its rows; a row repointed.
    expect(() => db.exec('DELETE FROM offence_count WHERE id = 1')).toThrow(/removed only with its dataset/);
    expect(() => db.exec('UPDATE offence_count SET id = 9 WHERE id = 1')).toThrow(/keeps its id and its dataset/);
    expect(() => db.exec('UPDATE offence_count SET dataset_id = 2 WHERE id = 1')).toThrow(/keeps its id and its dataset/);
    expect(() => db.exec('UPDATE imported_row SET offence_count_id = 2 WHERE id = 1')).toThrow(/kept as it was written/);
    expect(() => db.exec('UPDATE dataset SET imported_rows_to = 3 WHERE id = 1')).toThrow(/stay where they were written/);
    // An aggregate's other columns still change (a label mapped to an offence), as does a dataset's report.
    db.exec("UPDATE offence_count SET offence_key = 'police-uk:burglary' WHERE id = 1");
    db.exec('UPDATE dataset SET rows_read = 3 WHERE id = 1');
    // What it would do: removing a dataset takes its rows and its aggregates, and no other's.
    db.exec('DELETE FROM dataset WHERE id = 1');
    expect(db.prepare('SELECT id FROM imported_row').pluck().all()).toEqual([3]);
    expect(db.prepare('SELECT id FROM offence_count').pluck().all()).toEqual([2]);
    expect(db.prepare('SELECT count(*) FROM imported_row r LEFT JOIN offence_count c ON c.id = r.offence_count_id WHERE c.id IS NULL').pluck().get()).toBe(0);
  });

  it('0010 keeps no index on the imported rows: a dataset’s rows are a range of ids, and each reaches its aggregate by its key', () => {
    const db = memoryDb();
    migrate(db, migrations.slice(0, recordSheetsAndLeanObservations.version));
    const detail = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((step) => step.detail).join(' ');
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'imported_row'").all()).toEqual([]);
    expect(detail('DELETE FROM imported_row WHERE id BETWEEN 1 AND 9')).toMatch(/USING INTEGER PRIMARY KEY/);
    // The raw-data sheet reads the rows in order through the view, each aggregate by its key.
    const rawRows = detail('SELECT dataset_id, row_number, source_label, count FROM observation WHERE in_area = 1 ORDER BY id');
    expect(rawRows).toMatch(/SCAN r/);
    expect(rawRows).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(rawRows).not.toMatch(/TEMP B-TREE/);
    expect(detail("SELECT sum(count) FROM offence_count WHERE offence_key = 'x' AND period_from >= '2018-01'")).toContain('offence_count_by_offence');
    expect(detail('DELETE FROM crime_key_block WHERE dataset_id = 1')).toContain('crime_key_block_by_dataset');
  });
});
