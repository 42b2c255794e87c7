import type { Migration } from './migration';

/**
 * Two changes to how imported rows are kept.
 *
 * A workbook can be imported with every sheet that shares a header as one dataset (a Home
 * Office table has a sheet per financial year), so the sheets a dataset was read from are
 * recorded in dataset_sheet (one row for a single sheet; for all sheets, the ones skipped too,
 * with the reason), and each imported row and rejection of such a dataset names its sheet by
 * position. A row of a one-sheet dataset is from dataset.sheet, as before.
 *
 * And an imported row no longer repeats its offence, period and area as text: those are the
 * key of its aggregate in offence_count, which the row now refers to by id. A million-row
 * import wrote about 85 MB of rows and spent most of its time in SQLite; it now writes about
 * a fifth of that. offence_count gets an explicit INTEGER PRIMARY KEY, which (unlike a bare
 * rowid) VACUUM INTO keeps, so the references survive a backup. The reference carries no
 * foreign key: both tables go with their dataset through its own cascade, and a foreign key
 * would need an index on every imported row, which is the cost taken out here. Each
 * aggregate also counts its rows, so that rows are counted (for the data-quality report and
 * the raw-data sheet) without reading them.
 *
 * Both tables are rebuilt (SQLite cannot add a primary key or drop columns in place) with
 * foreign keys off, the documented procedure, as 0060 rebuilt dataset.
 */
export const recordSheetsAndLeanObservations: Migration = {
  version: 10,
  name: 'record the sheets of each dataset; imported rows refer to their aggregates',
  foreignKeysOff: true,
  up(db) {
    // Indexes other migrations made on the two tables come back unchanged after the rebuild.
    const companions = db
      .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name IN ('offence_count', 'observation') AND type IN ('index', 'trigger') AND sql IS NOT NULL")
      .pluck()
      .all() as string[];
    db.exec(`
      CREATE TABLE dataset_sheet (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        sheet_position INTEGER NOT NULL CHECK (sheet_position > 0),
        name TEXT NOT NULL,
        header_row INTEGER CHECK (header_row > 0),
        rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
        skipped_reason TEXT,
        PRIMARY KEY (dataset_id, sheet_position)
      ) STRICT;

      INSERT INTO dataset_sheet (dataset_id, sheet_position, name, rows_read)
        SELECT id, 1, sheet, rows_read FROM dataset WHERE sheet IS NOT NULL;

      CREATE TABLE offence_count_rebuilt (
        id INTEGER PRIMARY KEY,
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        source_label TEXT NOT NULL,
        offence_key TEXT,
        offence_code TEXT,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        area_code TEXT,
        area_name TEXT,
        in_area INTEGER NOT NULL CHECK (in_area IN (0, 1)),
        count INTEGER NOT NULL CHECK (count >= 0),
        -- The imported rows counted in it, so that rows are counted without reading them.
        rows INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0)
      ) STRICT;
      INSERT INTO offence_count_rebuilt (id, dataset_id, source_label, offence_key, offence_code, period_from, period_to, area_code, area_name, in_area, count)
        SELECT rowid, dataset_id, source_label, offence_key, offence_code, period_from, period_to, area_code, area_name, in_area, count FROM offence_count;
      DROP TABLE offence_count;
      ALTER TABLE offence_count_rebuilt RENAME TO offence_count;

      CREATE TABLE observation_rebuilt (
        id INTEGER PRIMARY KEY,
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        row_number INTEGER NOT NULL,
        -- The sheet's position in dataset_sheet, for a dataset read from several sheets.
        sheet_position INTEGER,
        -- offence_count.id of the row's offence, period and area, in the same dataset.
        offence_count_id INTEGER NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0)
      ) STRICT;
    `);
    // An aggregate's key is the row's label, code, period and area as the import kept them
    // (a missing code or area and an empty one are one key there, so here too).
    const sameKey = `c.dataset_id = o.dataset_id AND c.source_label = o.source_label
      AND ifnull(c.offence_code, '') = ifnull(o.offence_code, '')
      AND c.period_from = o.period_from AND c.period_to = o.period_to
      AND ifnull(c.area_code, '') = ifnull(o.area_code, '') AND ifnull(c.area_name, '') = ifnull(o.area_name, '')`;
    const orphans = db.prepare(`SELECT count(*) FROM observation o WHERE NOT EXISTS (SELECT 1 FROM offence_count c WHERE ${sameKey})`).pluck().get() as number;
    // Every imported row was counted into an aggregate as it was written; one without is not
    // the workbench's, and dropping it silently would change what the workspace holds.
    if (orphans > 0) {
      throw new Error(
        `${orphans} imported rows have no matching aggregate, so the workspace cannot be brought up to date. It has not been changed; restore it from a backup, or import its files again into a new workspace.`,
      );
    }
    db.exec(`
      INSERT INTO observation_rebuilt (id, dataset_id, row_number, offence_count_id, count)
        SELECT o.id, o.dataset_id, o.row_number, (SELECT c.id FROM offence_count c WHERE ${sameKey} ORDER BY c.id LIMIT 1), o.count
        FROM observation o;
      UPDATE offence_count SET rows = (SELECT count(*) FROM observation_rebuilt o WHERE o.offence_count_id = offence_count.id)
        WHERE id IN (SELECT offence_count_id FROM observation_rebuilt);
    `);
    db.exec(`
      DROP TABLE observation;
      ALTER TABLE observation_rebuilt RENAME TO observation;
      ALTER TABLE dataset_rejection ADD COLUMN sheet_position INTEGER;
    `);
    for (const sql of companions) db.exec(sql);
  },
};
