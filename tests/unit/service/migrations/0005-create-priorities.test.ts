import { describe, expect, it } from 'vitest';
import { createPriorities } from '../../../../electron/service/migrations/0005-create-priorities';
import { migrate, migrations } from '../../../../electron/service/migrations';
import { memoryDb } from './migration-fixtures';

describe('migration 0005-create-priorities', () => {
  it('0005 migrates a seeded workspace to priorities: positions are unique, removing a lead clears it, details go with their priority', () => {
    const db = memoryDb();
    const before = migrations.slice(0, migrations.indexOf(createPriorities));
    migrate(db, before);
    db.exec(`
      INSERT INTO member (name, statutory, contact, position) VALUES ('Essex Police', 1, NULL, 1), ('CCVS', 0, NULL, 2);
      INSERT INTO judgement VALUES ('concern', 'subgroup:violence-with-injury', 5, 'Residents name it first', '2026-11-28');
    `);

    expect(migrate(db, migrations.slice(0, migrations.indexOf(createPriorities) + 1))).toBe(createPriorities.version);

    expect(db.prepare('SELECT name FROM member ORDER BY position').all()).toEqual([{ name: 'Essex Police' }, { name: 'CCVS' }]);
    expect(db.prepare('SELECT count(*) AS n FROM judgement').get()).toEqual({ n: 1 });
    const insert = db.prepare(
      "INSERT INTO priority (position, title, aim, lead_member_id, status, review_date, updated_at) VALUES (?, ?, 'An aim', ?, ?, ?, '2026-11-30')",
    );
    insert.run(1, 'Reduce violent crime', 1, 'red', '2019-03-31');
    insert.run(2, 'Tackle ASB', 2, null, null);
    expect(() => insert.run(2, 'Same place', null, null, null)).toThrow(/UNIQUE/);
    expect(() => insert.run(3, '  ', null, null, null)).toThrow(/CHECK/);
    expect(() => insert.run(3, 'Pink', null, 'pink', null)).toThrow(/CHECK/);
    expect(() => insert.run(3, 'No such day', null, null, '2019-02-30')).toThrow(/CHECK/);
    expect(() => insert.run(3, 'Not a date', null, null, '31/03/2019')).toThrow(/CHECK/);
    expect(() => insert.run(3, 'No such member', 99, null, null)).toThrow(/FOREIGN KEY/);
    db.exec(`
      INSERT INTO priority_offence (priority_id, position, offence_key) VALUES (1, 1, 'subgroup:violence-with-injury'), (1, 2, 'group:sexual-offences');
      INSERT INTO priority_measure (priority_id, position, text) VALUES (1, 1, 'Fewer assaults'), (1, 2, 'More reports');
    `);
    expect(() => db.exec("INSERT INTO priority_offence (priority_id, position, offence_key) VALUES (1, 3, 'group:sexual-offences')")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO priority_measure (priority_id, position, text) VALUES (1, 3, ' ')")).toThrow(/CHECK/);

    db.exec('DELETE FROM member WHERE id = 1');
    expect(db.prepare('SELECT title, lead_member_id FROM priority ORDER BY position').all()).toEqual([
      { title: 'Reduce violent crime', lead_member_id: null },
      { title: 'Tackle ASB', lead_member_id: 2 },
    ]);
    db.exec('DELETE FROM priority WHERE id = 1');
    for (const table of ['priority_offence', 'priority_measure']) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
  });
});
