import type { Migration } from './migration';

/**
 * A dataset is identified by its file's SHA-256 and the sheet read, so each sheet of a
 * workbook can be imported once (a CSV has no sheet). And imported rows no longer keep the
 * crime identifier as text: duplicates are found through crime_key, and the row number with
 * the file's SHA-256 still leads back to the record in the file.
 *
 * SQLite cannot drop a column's UNIQUE constraint, so dataset is rebuilt, with foreign keys
 * off (the documented procedure), from its own stored definition: columns that other
 * migrations added come along unchanged.
 */
export const identifyImportsByFileAndSheet: Migration = {
  version: 5,
  name: 'identify imports by file and sheet; leaner observation rows',
  foreignKeysOff: true,
  up(db) {
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'dataset'").pluck().get() as string;
    const unique = /(source_sha256\s+TEXT\s+NOT\s+NULL)\s+UNIQUE/i;
    if (!unique.test(table)) throw new Error('The dataset table does not have the definition this migration expects.');
    const companions = db
      .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'dataset' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
      .pluck()
      .all() as string[];
    db.exec(table.replace(unique, '$1').replace(/^CREATE TABLE\s+"?dataset"?/i, 'CREATE TABLE dataset_rebuilt'));
    db.exec('INSERT INTO dataset_rebuilt SELECT * FROM dataset');
    db.exec('DROP TABLE dataset');
    db.exec('ALTER TABLE dataset_rebuilt RENAME TO dataset');
    for (const sql of companions) db.exec(sql);
    db.exec(`
      CREATE UNIQUE INDEX dataset_by_source ON dataset (source_sha256, ifnull(sheet, ''));
      ALTER TABLE observation DROP COLUMN crime_id;
    `);
  },
};
