import type { Migration } from './migration';

/**
 * The partnership's priorities (brief §5): what each addresses, who leads it, how progress is
 * measured and how it stands. A priority's number is its place in the order ("Priority One"),
 * never stored text, so reordering cannot leave two priorities called the same.
 */
export const createPriorities: Migration = {
  version: 5,
  name: 'create priorities with their offence types, leads and measures',
  up(db) {
    db.exec(`
      CREATE TABLE priority (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL UNIQUE,
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
        aim TEXT NOT NULL CHECK (length(trim(aim)) BETWEEN 1 AND 4000),
        -- A member removed from the partnership leaves its priorities without a lead; the
        -- service asks the analyst first.
        lead_member_id INTEGER REFERENCES member (id) ON DELETE SET NULL,
        status TEXT CHECK (status IN ('red', 'amber', 'green')),
        review_date TEXT CHECK (review_date IS NULL OR (review_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(review_date) = review_date)),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX priority_by_lead ON priority (lead_member_id);

      -- The offence types and indicators a priority addresses, by the keys the analysis and
      -- the ranking use ('subgroup:violence-with-injury', 'indicator:asb-incidents'), in the
      -- order the analyst listed them.
      CREATE TABLE priority_offence (
        priority_id INTEGER NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        offence_key TEXT NOT NULL CHECK (length(offence_key) BETWEEN 1 AND 120),
        PRIMARY KEY (priority_id, offence_key),
        UNIQUE (priority_id, position)
      ) STRICT;

      -- How progress is measured: free text lines, in order.
      CREATE TABLE priority_measure (
        priority_id INTEGER NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 500),
        PRIMARY KEY (priority_id, position)
      ) STRICT;
    `);
  },
};
