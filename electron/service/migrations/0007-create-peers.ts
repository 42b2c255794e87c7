import type { Migration } from './migration';

/**
 * The comparator areas (a Most Similar Group) the analyst chose for the peer factor, from the
 * areas that multi-area datasets keep (ONS force tables and Home Office open data imported
 * with their comparators), and an index to read those areas' counts quickly.
 */
export const createPeers: Migration = {
  version: 7,
  name: 'create the chosen comparator areas',
  up(db) {
    db.exec(`
      -- In the analyst's order; the peer factor divides the area's rate by their mean rate.
      CREATE TABLE peer_area (
        position INTEGER PRIMARY KEY CHECK (position >= 1),
        area_name TEXT NOT NULL UNIQUE COLLATE NOCASE
      ) STRICT;

      -- One row: a note shown with the peers, e.g. that the demo's are illustrative.
      CREATE TABLE peer_setting (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        note TEXT
      ) STRICT;
      INSERT INTO peer_setting (id, note) VALUES (1, NULL);

      -- Comparator rows are read by area; the in-area rows are read through offence_total.
      CREATE INDEX offence_count_by_other_area ON offence_count (area_name, offence_key) WHERE in_area = 0;
    `);
  },
};
