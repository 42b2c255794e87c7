import type { Migration } from './migration';

/**
 * The Partnership Plan's and board paper's own details (shared/domain/document-details.ts).
 * One row; a null column means "the default", which follows the partnership's name, area and
 * period, so a renamed partnership is not left with a stale title.
 */
export const createDocumentDetails: Migration = {
  version: 8,
  name: 'create document details',
  up(db) {
    db.exec(`
      CREATE TABLE document_details (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        title TEXT CHECK (length(title) BETWEEN 1 AND 200),
        plan_period TEXT CHECK (length(plan_period) <= 100),
        owner TEXT CHECK (length(owner) BETWEEN 1 AND 200),
        version TEXT CHECK (length(version) BETWEEN 1 AND 20),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
        document_date TEXT CHECK (document_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        distribution TEXT CHECK (length(distribution) <= 300),
        contact TEXT CHECK (length(contact) <= 500),
        introduction TEXT CHECK (length(introduction) BETWEEN 1 AND 5000),
        statutory_basis TEXT CHECK (length(statutory_basis) BETWEEN 1 AND 5000)
      ) STRICT;
      INSERT INTO document_details (id) VALUES (1);
    `);
  },
};
