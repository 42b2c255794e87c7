import type { Migration } from './migration';

/**
 * A priority can be "not started": agreed, but with no delivery yet to rate red, amber or green.
 *
 * SQLite cannot change a column's CHECK constraint, so priority is rebuilt, with foreign keys
 * off (the documented procedure, as 0060 rebuilt dataset), from its own stored definition:
 * only the status constraint changes. Its measures and offence types refer to it by name and
 * keep their rows, since nothing cascades while foreign keys are off.
 */
export const addNotStartedPriorityStatus: Migration = {
  version: 9,
  name: 'add the not-started priority status',
  foreignKeysOff: true,
  up(db) {
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'priority'").pluck().get() as string;
    const check = /status\s+TEXT\s+CHECK\s*\(\s*status\s+IN\s*\(\s*'red',\s*'amber',\s*'green'\s*\)\s*\)/i;
    if (!check.test(table)) throw new Error('The priority table does not have the definition this migration expects.');
    const companions = db
      .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'priority' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
      .pluck()
      .all() as string[];
    db.exec(
      table
        .replace(check, "status TEXT CHECK (status IN ('not-started', 'red', 'amber', 'green'))")
        .replace(/^CREATE TABLE\s+"?priority"?/i, 'CREATE TABLE priority_rebuilt'),
    );
    db.exec('INSERT INTO priority_rebuilt SELECT * FROM priority');
    db.exec('DROP TABLE priority');
    db.exec('ALTER TABLE priority_rebuilt RENAME TO priority');
    for (const sql of companions) db.exec(sql);
  },
};
