import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createPartnership } from '../../../electron/service/migrations/0010-create-partnership';
import { createDataset } from '../../../electron/service/migrations/0020-create-dataset';
import { createObservations } from '../../../electron/service/migrations/0030-create-observations';
import { createPriorities } from '../../../electron/service/migrations/0050-create-priorities';
import { createAnalysis } from '../../../electron/service/migrations/0040-create-analysis';
import { createPeers } from '../../../electron/service/migrations/0070-create-peers';
import { latestSchemaVersion, migrate, migrations, schemaVersionOf } from '../../../electron/service/migrations';
import { identifyImportsByFileAndSheet } from '../../../electron/service/migrations/0060-identify-imports-by-file-and-sheet';
import { addNotStartedPriorityStatus } from '../../../electron/service/migrations/0090-add-not-started-priority-status';
import { recordSheetsAndLeanObservations } from '../../../electron/service/migrations/0100-record-sheets-and-lean-observations';
import type { Migration } from '../../../electron/service/migrations/migration';

function memoryDb() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… in list order', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('build every table as STRICT from an empty database', () => {
    const db = memoryDb();
    expect(migrate(db)).toBe(latestSchemaVersion);
    const tables = tableNames(db);
    expect(tables).toEqual(expect.arrayContaining(['dataset', 'member', 'partnership', 'observation', 'offence_count']));
    const strict = (db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    expect(strict).toEqual(tables);
  });

  it('0010 enforces one partnership row, valid markings and ordered periods', () => {
    const db = memoryDb();
    migrate(db, [createPartnership]);
    const insert = db.prepare(
      "INSERT INTO partnership (id, name, marking, period_from, period_to, created_at) VALUES (?, 'P', ?, ?, ?, 'now')",
    );
    insert.run(1, 'OFFICIAL', '2018-04', '2019-03');
    expect(() => insert.run(2, 'OFFICIAL', null, null)).toThrow(/CHECK/);
    db.exec('DELETE FROM partnership');
    expect(() => insert.run(1, 'SECRET', null, null)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'OFFICIAL', '2019-04', '2018-03')).toThrow(/CHECK/);
    expect(() => insert.run(1, 'OFFICIAL', '2019-04', null)).toThrow(/CHECK/);
  });

  it('0020 migrates a seeded version-1 workspace and keeps its members', () => {
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

  it('0030 migrates a seeded version-2 workspace, and removing a dataset takes its rows with it', () => {
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

  it('0040 migrates a seeded version-3 workspace: in-area totals are built from its aggregates, and runs are read-only', () => {
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

  it('0050 migrates a seeded workspace to priorities: positions are unique, removing a lead clears it, details go with their priority', () => {
    const db = memoryDb();
    const before = migrations.slice(0, migrations.indexOf(createPriorities));
    migrate(db, before);
    db.exec(`
      INSERT INTO member (name, statutory, contact, position) VALUES ('Essex Police', 1, NULL, 1), ('CCVS', 0, NULL, 2);
      INSERT INTO judgement VALUES ('concern', 'subgroup:violence-with-injury', 5, 'Residents name it first', '2026-11-28');
    `);

    expect(migrate(db, migrations.slice(0, migrations.indexOf(createPriorities) + 1))).toBe(createPriorities.version);

    expect(db.prepare('SELECT name FROM member ORDER BY position').all()).toEqual([{ name: 'Essex Police' }, { name: 'CCVS' }]);
    expect(db.prepare('SELECT count(*) AS n FROM judgement').get()).toEqual({ n: 1 });
    const insert = db.prepare(
      "INSERT INTO priority (position, title, aim, lead_member_id, status, review_date, updated_at) VALUES (?, ?, 'An aim', ?, ?, ?, '2026-11-30')",
    );
    insert.run(1, 'Reduce violent crime', 1, 'red', '2019-03-31');
    insert.run(2, 'Tackle ASB', 2, null, null);
    expect(() => insert.run(2, 'Same place', null, null, null)).toThrow(/UNIQUE/);
    expect(() => insert.run(3, '  ', null, null, null)).toThrow(/CHECK/);
    expect(() => insert.run(3, 'Pink', null, 'pink', null)).toThrow(/CHECK/);
    expect(() => insert.run(3, 'No such day', null, null, '2019-02-30')).toThrow(/CHECK/);
    expect(() => insert.run(3, 'Not a date', null, null, '31/03/2019')).toThrow(/CHECK/);
    expect(() => insert.run(3, 'No such member', 99, null, null)).toThrow(/FOREIGN KEY/);
    db.exec(`
      INSERT INTO priority_offence (priority_id, position, offence_key) VALUES (1, 1, 'subgroup:violence-with-injury'), (1, 2, 'group:sexual-offences');
      INSERT INTO priority_measure (priority_id, position, text) VALUES (1, 1, 'Fewer assaults'), (1, 2, 'More reports');
    `);
    expect(() => db.exec("INSERT INTO priority_offence (priority_id, position, offence_key) VALUES (1, 3, 'group:sexual-offences')")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO priority_measure (priority_id, position, text) VALUES (1, 3, ' ')")).toThrow(/CHECK/);

    db.exec('DELETE FROM member WHERE id = 1');
    expect(db.prepare('SELECT title, lead_member_id FROM priority ORDER BY position').all()).toEqual([
      { title: 'Reduce violent crime', lead_member_id: null },
      { title: 'Tackle ASB', lead_member_id: 2 },
    ]);
    db.exec('DELETE FROM priority WHERE id = 1');
    for (const table of ['priority_offence', 'priority_measure']) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
  });

  it('0060 migrates a seeded workspace: its datasets and rows stay, each sheet of a file is a dataset of its own, and rows keep no crime ID', () => {
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

  it('0100 records each dataset’s sheet, and turns each imported row into a reference to its aggregate, keeping every row', () => {
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
    expect(db.prepare('SELECT id, row_number, offence_count_id, count FROM observation ORDER BY id').all()).toEqual([
      { id: 1, row_number: 2, offence_count_id: 1, count: 1 },
      { id: 2, row_number: 3, offence_count_id: 1, count: 1 },
      { id: 3, row_number: 5, offence_count_id: 2, count: 1 },
      { id: 4, row_number: 2, offence_count_id: 3, count: 30 },
      { id: 5, row_number: 3, offence_count_id: 4, count: 90 },
    ]);
    expect(db.prepare('SELECT id, observations_from, observations_to FROM dataset ORDER BY id').all()).toEqual([
      { id: 1, observations_from: 1, observations_to: 3 },
      { id: 2, observations_from: 4, observations_to: 5 },
    ]);
    const observationColumns = (db.prepare('PRAGMA table_info(observation)').all() as { name: string }[]).map((column) => column.name);
    expect(observationColumns).toEqual(['id', 'row_number', 'offence_count_id', 'count']);
    // A dataset read from one sheet records it, with its rows; a CSV has none.
    expect(db.prepare('SELECT dataset_id, sheet_position, name, rows_read, skipped_reason, observations_from, observations_to FROM dataset_sheet').all()).toEqual([
      { dataset_id: 2, sheet_position: 1, name: '2018_19', rows_read: 2, skipped_reason: null, observations_from: 4, observations_to: 5 },
    ]);
    expect(db.prepare('SELECT row_number, sheet_position FROM dataset_rejection').all()).toEqual([{ row_number: 4, sheet_position: null }]);
    for (const table of ['observation', 'offence_count', 'dataset_sheet', 'dataset']) {
      expect(db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').pluck().get(table), table).toBe(1);
    }
    expect(db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'temp' AND name NOT LIKE 'sqlite_%'").all()).toEqual([]);
    // The indexes other migrations made came back.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((step) => step.detail).join(' ');
    expect(plan("SELECT area_name FROM offence_count WHERE in_area = 0 AND area_name = 'Kent'")).toContain('offence_count_by_other_area');
    expect(plan('SELECT * FROM offence_count WHERE dataset_id = 1')).toContain('offence_count_by_dataset');
    // Run again on a workspace already in this form (its version set back), it changes nothing.
    const everything = () => ['observation', 'offence_count', 'dataset_sheet', 'dataset'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
    const migrated = everything();
    db.pragma(`user_version = ${recordSheetsAndLeanObservations.version - 1}`);
    expect(migrate(db, [...before, recordSheetsAndLeanObservations])).toBe(recordSheetsAndLeanObservations.version);
    expect(everything()).toEqual(migrated);
    // Removing a dataset removes its rows, by their range, and leaves the others'.
    expect(plan('DELETE FROM observation WHERE id BETWEEN 1 AND 3')).toMatch(/USING INTEGER PRIMARY KEY/);
    db.exec('DELETE FROM dataset WHERE id = 1');
    for (const table of ['offence_count', 'dataset_rejection']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE dataset_id = 1`).pluck().get(), table).toBe(0);
    }
    expect(db.prepare('SELECT id FROM observation ORDER BY id').pluck().all()).toEqual([4, 5]);
  });

  it('0100 refuses, changing nothing, a workspace with an imported row that no aggregate counts', () => {
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
  });

  it('reads aggregates by offence and removes datasets through indexes', () => {
    const db = memoryDb();
    migrate(db);
    const detail = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((step) => step.detail).join(' ');
    expect(detail("SELECT sum(count) FROM offence_count WHERE offence_key = 'x' AND period_from >= '2018-01'")).toContain('offence_count_by_offence');
    // A dataset's rows are a range of ids, and each reaches its aggregate by its key.
    expect(detail('DELETE FROM observation WHERE id BETWEEN 1 AND 9')).toMatch(/USING INTEGER PRIMARY KEY/);
    expect(detail('SELECT c.source_label FROM observation o JOIN offence_count c ON c.id = o.offence_count_id')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(detail('DELETE FROM crime_key_block WHERE dataset_id = 1')).toContain('crime_key_block_by_dataset');
  });

  it('lists members through the position index', () => {
    const db = memoryDb();
    migrate(db);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM member ORDER BY position, id').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('member_by_position');
  });

  it('0070 adds the chosen peers, empty, to a workspace of the version before', () => {
    const db = memoryDb();
    const upToPeers = migrations.slice(0, migrations.indexOf(createPeers) + 1);
    migrate(db, upToPeers.slice(0, -1));
    expect(migrate(db, upToPeers)).toBe(createPeers.version);
    expect(db.prepare('SELECT count(*) FROM peer_area').pluck().get()).toBe(0);
    expect(db.prepare('SELECT note FROM peer_setting WHERE id = 1').pluck().get()).toBeNull();
    db.prepare('INSERT INTO peer_area (position, area_name) VALUES (1, ?)').run('Kent');
    // One entry per area, whatever its case.
    expect(() => db.prepare('INSERT INTO peer_area (position, area_name) VALUES (2, ?)').run('KENT')).toThrow(/UNIQUE/);
  });

  it('0090 lets a priority be not started, keeping every priority with its offence types, measures and lead', () => {
    const db = memoryDb();
    const before = migrations.slice(0, addNotStartedPriorityStatus.version - 1);
    migrate(db, before);
    db.exec(`
      INSERT INTO member (name, statutory, contact, position) VALUES ('Essex Police', 1, NULL, 1), ('CCVS', 0, NULL, 2);
      INSERT INTO priority (position, title, aim, lead_member_id, status, review_date, updated_at)
      VALUES (1, 'Reduce violent crime', 'Fewer victims', 1, 'red', '2019-03-31', '2026-11-30'),
             (2, 'Tackle ASB', 'Safer streets', 2, NULL, NULL, '2026-11-30');
      INSERT INTO priority_offence (priority_id, position, offence_key) VALUES (1, 1, 'subgroup:violence-with-injury'), (2, 1, 'indicator:asb-incidents');
      INSERT INTO priority_measure (priority_id, position, text) VALUES (1, 1, 'Fewer assaults'), (1, 2, 'More reports'), (2, 1, 'Fewer calls');
    `);
    expect(() => db.exec("UPDATE priority SET status = 'not-started' WHERE id = 2")).toThrow(/CHECK/);

    expect(migrate(db, [...before, addNotStartedPriorityStatus])).toBe(addNotStartedPriorityStatus.version);

    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT id, position, title, lead_member_id, status, review_date FROM priority ORDER BY position').all()).toEqual([
      { id: 1, position: 1, title: 'Reduce violent crime', lead_member_id: 1, status: 'red', review_date: '2019-03-31' },
      { id: 2, position: 2, title: 'Tackle ASB', lead_member_id: 2, status: null, review_date: null },
    ]);
    expect(db.prepare('SELECT priority_id, offence_key FROM priority_offence ORDER BY priority_id').all()).toEqual([
      { priority_id: 1, offence_key: 'subgroup:violence-with-injury' },
      { priority_id: 2, offence_key: 'indicator:asb-incidents' },
    ]);
    expect(db.prepare('SELECT count(*) FROM priority_measure').pluck().get()).toBe(3);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'priority'").pluck().get()).toBe(1);

    // The new status is taken; anything else is still refused, as are the other constraints.
    db.exec("UPDATE priority SET status = 'not-started' WHERE id = 2");
    expect(db.prepare('SELECT status FROM priority WHERE id = 2').pluck().get()).toBe('not-started');
    expect(() => db.exec("UPDATE priority SET status = 'grey' WHERE id = 2")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE priority SET review_date = '2019-02-30' WHERE id = 2")).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE priority SET position = 1 WHERE id = 2')).toThrow(/UNIQUE/);
    expect(() => db.exec('UPDATE priority SET lead_member_id = 99 WHERE id = 2')).toThrow(/FOREIGN KEY/);
    // The lead index came back, and the references still hold both ways.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM priority WHERE lead_member_id = 1').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('priority_by_lead');
    db.exec('DELETE FROM member WHERE id = 1');
    expect(db.prepare('SELECT lead_member_id FROM priority WHERE id = 1').pluck().get()).toBeNull();
    db.exec('DELETE FROM priority WHERE id = 1');
    expect(db.prepare('SELECT count(*) FROM priority_measure').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM priority_offence').pluck().get()).toBe(1);
  });

  it('runs each migration in its own transaction: a failure keeps the last good version', () => {
    const db = memoryDb();
    const failing: Migration = {
      version: latestSchemaVersion + 1,
      name: 'fails half way',
      up(target) {
        target.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, failing])).toThrow('boom');
    expect(schemaVersionOf(db)).toBe(latestSchemaVersion);
    expect(tableNames(db)).not.toContain('half_done');
  });

  it('is a no-op on an up-to-date workspace', () => {
    const db = memoryDb();
    migrate(db);
    const before = db.prepare("SELECT sql FROM sqlite_schema ORDER BY name").all();
    expect(migrate(db)).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT sql FROM sqlite_schema ORDER BY name").all()).toEqual(before);
  });

  it('rejects a list with a gap in its versions', () => {
    const db = memoryDb();
    expect(() => migrate(db, [{ ...createPartnership, version: 2 }])).toThrow(/expected 1/);
  });
});
