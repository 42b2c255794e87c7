import type { Migration } from './migration';

export const createPartnership: Migration = {
  version: 1,
  name: 'create partnership and members',
  up(db) {
    db.exec(`
      CREATE TABLE partnership (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        area TEXT,
        marking TEXT NOT NULL CHECK (marking IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
        period_from TEXT CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        period_to TEXT CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        created_at TEXT NOT NULL,
        CHECK ((period_from IS NULL) = (period_to IS NULL)),
        CHECK (period_from IS NULL OR period_from <= period_to)
      ) STRICT;

      CREATE TABLE member (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        statutory INTEGER NOT NULL CHECK (statutory IN (0, 1)),
        contact TEXT,
        position INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX member_by_position ON member (position);
    `);
  },
};
