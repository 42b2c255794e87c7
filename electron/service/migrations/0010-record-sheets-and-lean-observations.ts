import type { Migration } from './migration';

/**
 * Two changes to how imported rows are kept.
 *
 * A workbook can be imported with every sheet that shares a header as one dataset (a Home
 * Office table has a sheet per financial year), so the sheets a dataset was read from are
 * recorded in dataset_sheet: one row for a single sheet; for all sheets, the ones passed over
 * too, with the reason.
 *
 * And an imported row keeps only what is its own: its row number in the file and its count,
 * and the id of its aggregate in offence_count, whose key (label, code, period, area) it no
 * longer repeats as text. A dataset's rows are written in one transaction, so they take
 * consecutive ids: the range is kept with the dataset (and with each of its sheets, which is
 * how a row's sheet is recorded), and removing a dataset removes its range, by a trigger. So
 * the rows need neither a dataset column nor an index on one, nor a foreign key (which would
 * need that index): a million-row import wrote about 85 MB of rows and an index, and spent most
 * of its time in SQLite; it now writes about a fifth of that, with no index to keep.
 *
 * offence_count gets an explicit INTEGER PRIMARY KEY, which (unlike a bare rowid) VACUUM INTO
 * keeps, so the references survive a backup; and each aggregate counts its rows, so that
 * rows are counted (for the data-quality report and the raw-data sheet) without reading them.
 *
 * Both tables are rebuilt (SQLite cannot add a primary key or drop columns in place) with
 * foreign keys off, the documented procedure, as migration 0006 rebuilt dataset. Existing rows are
 * renumbered dataset by dataset, in their order, so that each dataset's rows form one range.
 */
export const recordSheetsAndLeanObservations: Migration = {
  version: 10,
  name: 'record the sheets of each dataset; imported rows refer to their aggregates',
  foreignKeysOff: true,
  up(db) {
    // A workspace already in this form, whose version number was set back (by hand, or by a
    // test of an earlier migration), is left as it is: rebuilding it again would fail half-way.
    const observationColumns = (db.prepare("SELECT name FROM pragma_table_info('observation')").pluck().all() as string[]);
    if (observationColumns.includes('offence_count_id')) return;
    // Indexes other migrations made on offence_count come back unchanged after the rebuild.
    const companions = db
      .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'offence_count' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
      .pluck()
      .all() as string[];
    db.exec(`
      ALTER TABLE dataset ADD COLUMN observations_from INTEGER;
      ALTER TABLE dataset ADD COLUMN observations_to INTEGER;

      CREATE TABLE dataset_sheet (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        sheet_position INTEGER NOT NULL CHECK (sheet_position > 0),
        name TEXT NOT NULL,
        header_row INTEGER CHECK (header_row > 0),
        rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
        skipped_reason TEXT,
        -- The ids of the sheet's imported rows (none for a sheet passed over, or with none imported).
        observations_from INTEGER,
        observations_to INTEGER CHECK (observations_to >= observations_from),
        PRIMARY KEY (dataset_id, sheet_position)
      ) STRICT;

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
        row_number INTEGER NOT NULL,
        -- offence_count.id of the row's offence, period and area (in its own dataset).
        offence_count_id INTEGER NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0)
      ) STRICT;
    `);
    for (const sql of companions) db.exec(sql);
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
      CREATE TEMP TABLE observation_renumbered AS
        SELECT row_number() OVER (ORDER BY o.dataset_id, o.id) AS id, o.dataset_id, o.row_number,
               (SELECT c.id FROM offence_count c WHERE ${sameKey} ORDER BY c.id LIMIT 1) AS offence_count_id, o.count
        FROM observation o;
      INSERT INTO observation_rebuilt (id, row_number, offence_count_id, count)
        SELECT id, row_number, offence_count_id, count FROM observation_renumbered ORDER BY id;
      CREATE TEMP TABLE dataset_range AS
        SELECT dataset_id, min(id) AS first, max(id) AS last FROM observation_renumbered GROUP BY dataset_id;
      UPDATE dataset SET observations_from = (SELECT first FROM dataset_range WHERE dataset_id = dataset.id),
                         observations_to = (SELECT last FROM dataset_range WHERE dataset_id = dataset.id);
      CREATE TEMP TABLE aggregate_rows (id INTEGER PRIMARY KEY, rows INTEGER NOT NULL);
      INSERT INTO aggregate_rows SELECT offence_count_id, count(*) FROM observation_renumbered GROUP BY offence_count_id;
      UPDATE offence_count SET rows = (SELECT rows FROM aggregate_rows WHERE aggregate_rows.id = offence_count.id)
        WHERE id IN (SELECT id FROM aggregate_rows);
      DROP TABLE observation_renumbered;
      DROP TABLE dataset_range;
      DROP TABLE aggregate_rows;

      DROP TABLE observation;
      ALTER TABLE observation_rebuilt RENAME TO observation;

      INSERT INTO dataset_sheet (dataset_id, sheet_position, name, rows_read, observations_from, observations_to)
        SELECT id, 1, sheet, rows_read, observations_from, observations_to FROM dataset WHERE sheet IS NOT NULL;
      ALTER TABLE dataset_rejection ADD COLUMN sheet_position INTEGER;

      CREATE TRIGGER dataset_removes_its_rows AFTER DELETE ON dataset
      BEGIN
        DELETE FROM observation WHERE id BETWEEN OLD.observations_from AND OLD.observations_to;
      END;
    `);
  },
};
