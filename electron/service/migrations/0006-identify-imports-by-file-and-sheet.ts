import type { Migration } from './migration';

/** As crime-id-set.ts packs them; fixed here, since a migration never changes once shipped. */
const keysPerBlock = 65_536;

/**
 * A dataset is identified by its file's SHA-256 and the sheet read, so each sheet of a
 * workbook can be imported once (a CSV has no sheet).
 *
 * And the import does less work per row. Imported rows no longer keep the crime identifier
 * as text, which nothing read: duplicates are found through the 64-bit crime keys, and the
 * row number with the file's SHA-256 still leads back to the record in the file. The keys
 * move from one row per crime (crime_key) to packed blocks of up to 65,536 (see
 * crime-id-set.ts), read whole at the start of each import.
 *
 * SQLite cannot drop a column's UNIQUE constraint, so dataset is rebuilt, with foreign keys
 * off (the documented procedure), from its own stored definition: columns that other
 * migrations added come along unchanged.
 */
export const identifyImportsByFileAndSheet: Migration = {
  version: 6,
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
      CREATE TABLE crime_key_block (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        keys BLOB NOT NULL CHECK (length(keys) % 8 = 0)
      ) STRICT;
      CREATE INDEX crime_key_block_by_dataset ON crime_key_block (dataset_id);
    `);
    const insertBlock = db.prepare('INSERT INTO crime_key_block (dataset_id, keys) VALUES (?, ?)');
    let block: number[] = [];
    let blockDataset = 0;
    const writeBlock = () => {
      if (block.length > 0) insertBlock.run(blockDataset, Buffer.from(Int32Array.from(block).buffer));
      block = [];
    };
    for (const [datasetId, high, low] of db.prepare('SELECT dataset_id, high, low FROM crime_key ORDER BY dataset_id, rowid').raw().iterate() as Iterable<
      [number, number, number]
    >) {
      if (datasetId !== blockDataset || block.length === keysPerBlock * 2) writeBlock();
      blockDataset = datasetId;
      block.push(high, low);
    }
    writeBlock();
    db.exec('DROP TABLE crime_key');
  },
};
