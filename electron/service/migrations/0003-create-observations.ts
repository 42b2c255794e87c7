import type { Migration } from './migration';

/**
 * Imported rows, their per-offence aggregates, and the data-quality record of each import.
 * Analysis reads offence_count only; observation keeps every imported row so that a dataset
 * can be inspected, de-duplicated against later files, and removed whole.
 */
export const createObservations: Migration = {
  version: 3,
  name: 'create observations, aggregates and import quality records',
  up(db) {
    db.exec(`
      CREATE TABLE observation (
        id INTEGER PRIMARY KEY,
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        row_number INTEGER NOT NULL,
        crime_id TEXT,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        area_code TEXT,
        area_name TEXT,
        in_area INTEGER NOT NULL CHECK (in_area IN (0, 1)),
        source_label TEXT NOT NULL,
        offence_code TEXT,
        count INTEGER NOT NULL CHECK (count >= 0)
      ) STRICT;
      CREATE INDEX observation_by_dataset ON observation (dataset_id);

      -- A 64-bit key per crime identifier (see crime-id-set.ts), read whole at the start of
      -- an import to find duplicates of earlier datasets: far cheaper than an index on the
      -- identifiers themselves, which would double the cost of every import.
      CREATE TABLE crime_key (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        high INTEGER NOT NULL,
        low INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX crime_key_by_dataset ON crime_key (dataset_id);

      -- Precomputed at import, per source label, Home Office code, period and area. offence_key
      -- is the taxonomy entry the label maps to (null until the analyst maps an unknown label);
      -- offence_code is kept where the source gives it, for code-level severity weights.
      CREATE TABLE offence_count (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        source_label TEXT NOT NULL,
        offence_key TEXT,
        offence_code TEXT,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        area_code TEXT,
        area_name TEXT,
        in_area INTEGER NOT NULL CHECK (in_area IN (0, 1)),
        count INTEGER NOT NULL CHECK (count >= 0)
      ) STRICT;
      CREATE INDEX offence_count_by_dataset ON offence_count (dataset_id, source_label);
      CREATE INDEX offence_count_by_offence ON offence_count (offence_key, period_from);

      CREATE TABLE dataset_mapping (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        field TEXT NOT NULL CHECK (field IN ('offence', 'period', 'count', 'area', 'identifier')),
        source_column TEXT NOT NULL,
        PRIMARY KEY (dataset_id, field)
      ) STRICT;

      CREATE TABLE dataset_rejection (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        row_number INTEGER NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dataset_rejection_by_dataset ON dataset_rejection (dataset_id, row_number);

      CREATE TABLE dataset_rejection_reason (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        rows INTEGER NOT NULL CHECK (rows > 0),
        PRIMARY KEY (dataset_id, reason)
      ) STRICT;

      CREATE TABLE dataset_ignored_column (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        column_name TEXT NOT NULL,
        PRIMARY KEY (dataset_id, column_name)
      ) STRICT;

      CREATE TABLE dataset_other_area (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        area TEXT NOT NULL,
        rows INTEGER NOT NULL CHECK (rows > 0),
        kept INTEGER NOT NULL CHECK (kept IN (0, 1)),
        PRIMARY KEY (dataset_id, area)
      ) STRICT;

      -- The analyst's mappings, remembered per partner and offered again next time.
      CREATE TABLE partner_label_mapping (
        partner_name TEXT NOT NULL,
        source_label TEXT NOT NULL,
        offence_key TEXT NOT NULL,
        PRIMARY KEY (partner_name, source_label)
      ) STRICT;

      CREATE TABLE partner_column_mapping (
        partner_name TEXT NOT NULL,
        field TEXT NOT NULL CHECK (field IN ('offence', 'period', 'count', 'area', 'identifier')),
        source_column TEXT NOT NULL,
        PRIMARY KEY (partner_name, field)
      ) STRICT;

      -- Population denominators, e.g. ONS mid-year estimates for the partnership's area.
      CREATE TABLE area_population (
        area_name TEXT NOT NULL,
        mid_year INTEGER NOT NULL CHECK (mid_year BETWEEN 1900 AND 2200),
        population INTEGER NOT NULL CHECK (population > 0),
        source TEXT NOT NULL,
        PRIMARY KEY (area_name, mid_year)
      ) STRICT;
    `);
  },
};
