import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../../electron/service/migrations';
import { addNotStartedPriorityStatus } from '../../../../electron/service/migrations/0009-add-not-started-priority-status';
import { memoryDb } from './migration-fixtures';

describe('migration 0009-add-not-started-priority-status', () => {
  it('0009 lets a priority be not started, keeping every priority with its offence types, measures and lead', () => {
    const db = memoryDb();
    const before = migrations.slice(0, addNotStartedPriorityStatus.version - 1);
    migrate(db, before);
    db.exec(`
      INSERT INTO member (name, statutory, contact, position) VALUES ('Essex Police', 1, NULL, 1), ('CCVS', 0, NULL, 2);
      INSERT INTO priority (position, title, aim, lead_member_id, status, review_date, updated_at)
      VALUES (1, 'Reduce violent crime', 'Fewer victims', 1, 'red', '2019-03-31', '2026-11-30'),
             (2, 'Tackle ASB', 'Safer streets', 2, NULL, NULL, '2026-11-30');
      INSERT INTO priority_offence (priority_id, position, offence_key) VALUES (1, 1, 'subgroup:violence-with-injury'), (2, 1, 'indicator:asb-incidents');
      INSERT INTO priority_measure (priority_id, position, text) VALUES (1, 1, 'Fewer assaults'), (1, 2, 'More reports'), (2, 1, 'Fewer calls');
    `);
    expect(() => db.exec("UPDATE priority SET status = 'not-started' WHERE id = 2")).toThrow(/CHECK/);

    expect(migrate(db, [...before, addNotStartedPriorityStatus])).toBe(addNotStartedPriorityStatus.version);

    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT id, position, title, lead_member_id, status, review_date FROM priority ORDER BY position').all()).toEqual([
      { id: 1, position: 1, title: 'Reduce violent crime', lead_member_id: 1, status: 'red', review_date: '2019-03-31' },
      { id: 2, position: 2, title: 'Tackle ASB', lead_member_id: 2, status: null, review_date: null },
    ]);
    expect(db.prepare('SELECT priority_id, offence_key FROM priority_offence ORDER BY priority_id').all()).toEqual([
      { priority_id: 1, offence_key: 'subgroup:violence-with-injury' },
      { priority_id: 2, offence_key: 'indicator:asb-incidents' },
    ]);
    expect(db.prepare('SELECT count(*) FROM priority_measure').pluck().get()).toBe(3);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'priority'").pluck().get()).toBe(1);

    // The new status is taken; anything else is still refused, as are the other constraints.
    db.exec("UPDATE priority SET status = 'not-started' WHERE id = 2");
    expect(db.prepare('SELECT status FROM priority WHERE id = 2').pluck().get()).toBe('not-started');
    expect(() => db.exec("UPDATE priority SET status = 'grey' WHERE id = 2")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE priority SET review_date = '2019-02-30' WHERE id = 2")).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE priority SET position = 1 WHERE id = 2')).toThrow(/UNIQUE/);
    expect(() => db.exec('UPDATE priority SET lead_member_id = 99 WHERE id = 2')).toThrow(/FOREIGN KEY/);
    // The lead index came back, and the references still hold both ways.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM priority WHERE lead_member_id = 1').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('priority_by_lead');
    db.exec('DELETE FROM member WHERE id = 1');
    expect(db.prepare('SELECT lead_member_id FROM priority WHERE id = 1').pluck().get()).toBeNull();
    db.exec('DELETE FROM priority WHERE id = 1');
    expect(db.prepare('SELECT count(*) FROM priority_measure').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM priority_offence').pluck().get()).toBe(1);
  });
});
