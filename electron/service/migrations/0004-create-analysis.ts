import type { Migration } from './migration';

/**
 * The Analysis and Matrix steps: the comparison period and denominators, the analyst's edits
 * to each matrix template, judgements with their rationale, frozen runs, and offence_total,
 * the in-area totals per offence, code and period that the Analysis reads instead of the
 * per-area aggregates (a few hundred rows however many millions were imported).
 */
export const createAnalysis: Migration = {
  version: 4,
  name: 'create analysis settings, matrix edits, judgements, frozen runs and offence totals',
  up(db) {
    db.exec(`
      -- One row. The assessment period itself is partnership.period_from/to; null columns mean
      -- "the default": the latest 12 complete months and the 12 before, and the ONS estimates.
      CREATE TABLE analysis_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        comparison_from TEXT,
        comparison_to TEXT,
        population INTEGER CHECK (population > 0),
        households INTEGER CHECK (households > 0),
        matrix_template TEXT NOT NULL DEFAULT 'partnership'
          CHECK (matrix_template IN ('partnership', 'morile-style', 'grid-4x4')),
        CHECK ((comparison_from IS NULL) = (comparison_to IS NULL))
      ) STRICT;
      INSERT INTO analysis_settings (id) VALUES (1);

      -- The analyst's changes to a shipped template: stored as edits, so the template's own
      -- labels and descriptions stay the product's. Null columns keep the template's value.
      CREATE TABLE matrix_factor_setting (
        template TEXT NOT NULL CHECK (template IN ('partnership', 'morile-style', 'grid-4x4')),
        factor_id TEXT NOT NULL,
        weight REAL CHECK (weight >= 0),
        threshold_1 REAL,
        threshold_2 REAL,
        threshold_3 REAL,
        threshold_4 REAL,
        PRIMARY KEY (template, factor_id)
      ) STRICT;

      -- One judgement per factor and offence type, shared by every template with that factor.
      CREATE TABLE judgement (
        factor_id TEXT NOT NULL,
        offence_key TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        rationale TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (factor_id, offence_key)
      ) STRICT;

      -- A frozen run is a document: the inputs, matrix, judgements and results as scored,
      -- kept whole so that showing it later cannot depend on anything edited since.
      CREATE TABLE scoring_run (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        created_at TEXT NOT NULL,
        template TEXT NOT NULL,
        current_from TEXT NOT NULL,
        current_to TEXT NOT NULL,
        comparison_from TEXT NOT NULL,
        comparison_to TEXT NOT NULL,
        offences INTEGER NOT NULL,
        top_labels TEXT NOT NULL,
        document TEXT NOT NULL,
        document_sha256 TEXT NOT NULL CHECK (length(document_sha256) = 64)
      ) STRICT;
      CREATE TRIGGER scoring_run_is_read_only BEFORE UPDATE ON scoring_run
      BEGIN
        SELECT RAISE(ABORT, 'A frozen run cannot be changed.');
      END;

      CREATE TABLE offence_total (
        dataset_id INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
        offence_key TEXT,
        offence_code TEXT,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0)
      ) STRICT;
      CREATE INDEX offence_total_by_dataset ON offence_total (dataset_id);

      INSERT INTO offence_total (dataset_id, offence_key, offence_code, period_from, period_to, count)
        SELECT dataset_id, offence_key, offence_code, period_from, period_to, sum(count)
        FROM offence_count WHERE in_area = 1
        GROUP BY dataset_id, offence_key, offence_code, period_from, period_to;
    `);
  },
};
