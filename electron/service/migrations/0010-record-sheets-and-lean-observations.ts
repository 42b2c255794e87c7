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
 * longer repeats as text. The rows move to imported_row; `observation` becomes a view that
 * joins each row to its aggregate, so whatever read the rows whole (the raw-data sheet, the
 * tests) reads the same columns as before. A million-row import wrote about 85 MB of rows and
 * an index, and spent most of its time in SQLite; it now writes about a fifth of that, with no
 * index to keep.
 *
 * A dataset's rows are written in one transaction, so they take consecutive ids: the range is
 * kept with the dataset (and with each of its sheets, which is how a row's sheet is recorded),
 * and removing a dataset removes its range, by a trigger. The row's reference to its aggregate
 * is deliberately not a declared foreign key: SQLite would need an index on
 * imported_row (offence_count_id) to remove an aggregate, and keeping that index costs more
 * than the rest of the import's writing (about 5 s a million rows, measured). Its integrity is
 * kept instead, and documented in docs/architecture.md, by:
 *   - one writer (dataset-writer.ts), which gives every aggregate its id before its rows refer
 *     to it and writes both in the import's transaction;
 *   - triggers: an aggregate goes only with its dataset, and keeps its id and dataset; an
 *     imported row is never changed; a dataset's range, once set, is never moved; removing a
 *     dataset removes its range;
 *   - this migration, which refuses a workspace with a row no aggregate counts.
 *
 * offence_count gets an explicit INTEGER PRIMARY KEY, which (unlike a bare rowid) VACUUM INTO
 * keeps, so the references survive a backup; and each aggregate counts its rows, so that
 * rows are counted (for the data-quality report and the raw-data sheet) without reading them.
 *
 * offence_count is rebuilt (SQLite cannot add a primary key in place) with foreign keys off,
 * the documented procedure, as migration 0006 rebuilt dataset. Existing rows are renumbered
 * dataset by dataset, in their order, so that each dataset's rows form one range.
 */
export const recordSheetsAndLeanObservations: Migration = {
  version: 10,
  name: 'record the sheets of each dataset; imported rows refer to their aggregates',
  foreignKeysOff: true,
  up(db) {
    // A workspace already in this form, whose version number was set back (by hand, or by a
    // test of an earlier migration), is left as it is: rebuilding it again would fail half-way.
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'imported_row'").get()) return;
    // Indexes other migrations made on offence_count come back unchanged after the rebuild.
    const companions = db
      .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'offence_count' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
      .pluck()
      .all() as string[];
    db.exec(`
      -- The ids of the dataset's imported rows, first and last (none when none were imported).
      ALTER TABLE dataset ADD COLUMN imported_rows_from INTEGER;
      ALTER TABLE dataset ADD COLUMN imported_rows_to INTEGER;

      CREATE TABLE dataset_sheet (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        sheet_position INTEGER NOT NULL CHECK (sheet_position > 0),
        name TEXT NOT NULL,
        header_row INTEGER CHECK (header_row > 0),
        rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
        skipped_reason TEXT,
        -- The ids of the sheet's imported rows (none for a sheet passed over, or with none imported).
        imported_rows_from INTEGER,
        imported_rows_to INTEGER CHECK (imported_rows_to >= imported_rows_from),
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

      CREATE TABLE imported_row (
        id INTEGER PRIMARY KEY,
        row_number INTEGER NOT NULL,
        -- offence_count.id of the row's offence, period and area, in its own dataset: not a
        -- declared foreign key, for the reason above; the triggers below keep it whole.
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
      INSERT INTO imported_row (id, row_number, offence_count_id, count)
        SELECT id, row_number, offence_count_id, count FROM observation_renumbered ORDER BY id;
      CREATE TEMP TABLE dataset_range AS
        SELECT dataset_id, min(id) AS first, max(id) AS last FROM observation_renumbered GROUP BY dataset_id;
      UPDATE dataset SET imported_rows_from = (SELECT first FROM dataset_range WHERE dataset_id = dataset.id),
                         imported_rows_to = (SELECT last FROM dataset_range WHERE dataset_id = dataset.id);
      CREATE TEMP TABLE aggregate_rows (id INTEGER PRIMARY KEY, rows INTEGER NOT NULL);
      INSERT INTO aggregate_rows SELECT offence_count_id, count(*) FROM observation_renumbered GROUP BY offence_count_id;
      UPDATE offence_count SET rows = (SELECT rows FROM aggregate_rows WHERE aggregate_rows.id = offence_count.id)
        WHERE id IN (SELECT id FROM aggregate_rows);
      DROP TABLE observation_renumbered;
      DROP TABLE dataset_range;
      DROP TABLE aggregate_rows;

      DROP TABLE observation;
      -- Each imported row as it was kept before: what its aggregate says, and its own figures.
      CREATE VIEW observation AS
        SELECT r.id, c.dataset_id, r.row_number, c.period_from, c.period_to, c.area_code, c.area_name, c.in_area,
               c.source_label, c.offence_code, r.count
        FROM imported_row r JOIN offence_count c ON c.id = r.offence_count_id;

      INSERT INTO dataset_sheet (dataset_id, sheet_position, name, rows_read, imported_rows_from, imported_rows_to)
        SELECT id, 1, sheet, rows_read, imported_rows_from, imported_rows_to FROM dataset WHERE sheet IS NOT NULL;
      ALTER TABLE dataset_rejection ADD COLUMN sheet_position INTEGER;

      -- What a foreign key from imported_row would have done, and what it would have refused.
      CREATE TRIGGER dataset_removes_its_rows AFTER DELETE ON dataset
      BEGIN
        DELETE FROM imported_row WHERE id BETWEEN OLD.imported_rows_from AND OLD.imported_rows_to;
      END;
      CREATE TRIGGER dataset_keeps_its_rows BEFORE UPDATE OF imported_rows_from, imported_rows_to ON dataset
        WHEN OLD.imported_rows_from IS NOT NULL
          AND (NEW.imported_rows_from IS NOT OLD.imported_rows_from OR NEW.imported_rows_to IS NOT OLD.imported_rows_to)
      BEGIN
        SELECT RAISE(ABORT, 'A dataset''s imported rows stay where they were written.');
      END;
      -- Removing a dataset removes its aggregates (by their foreign key) after the dataset itself.
      CREATE TRIGGER offence_count_goes_with_its_dataset BEFORE DELETE ON offence_count
        WHEN EXISTS (SELECT 1 FROM dataset WHERE id = OLD.dataset_id)
      BEGIN
        SELECT RAISE(ABORT, 'An aggregate is removed only with its dataset: its imported rows refer to it.');
      END;
      CREATE TRIGGER offence_count_keeps_its_id BEFORE UPDATE OF id, dataset_id ON offence_count
      BEGIN
        SELECT RAISE(ABORT, 'An aggregate keeps its id and its dataset: its imported rows refer to it.');
      END;
      CREATE TRIGGER imported_row_is_kept_as_written BEFORE UPDATE ON imported_row
      BEGIN
        SELECT RAISE(ABORT, 'An imported row is kept as it was written.');
      END;
    `);
  },
};
