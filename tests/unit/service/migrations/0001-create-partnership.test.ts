import { describe, expect, it } from 'vitest';
import { createPartnership } from '../../../../electron/service/migrations/0001-create-partnership';
import { migrate } from '../../../../electron/service/migrations';
import { memoryDb } from './migration-fixtures';

describe('migration 0001-create-partnership', () => {
  it('0001 enforces one partnership row, valid markings and ordered periods', () => {
    const db = memoryDb();
    migrate(db, [createPartnership]);
    const insert = db.prepare(
      "INSERT INTO partnership (id, name, marking, period_from, period_to, created_at) VALUES (?, 'P', ?, ?, ?, 'now')",
    );
    insert.run(1, 'OFFICIAL', '2018-04', '2019-03');
    expect(() => insert.run(2, 'OFFICIAL', null, null)).toThrow(/CHECK/);
    db.exec('DELETE FROM partnership');
    expect(() => insert.run(1, 'SECRET', null, null)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'OFFICIAL', '2019-04', '2018-03')).toThrow(/CHECK/);
    expect(() => insert.run(1, 'OFFICIAL', '2019-04', null)).toThrow(/CHECK/);
  });

  it('lists members through the position index', () => {
    const db = memoryDb();
    migrate(db);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM member ORDER BY position, id').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('member_by_position');
  });
});
