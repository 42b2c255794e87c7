import { describe, expect, it } from 'vitest';
import { createPeers } from '../../../../electron/service/migrations/0007-create-peers';
import { migrate, migrations } from '../../../../electron/service/migrations';
import { memoryDb } from './migration-fixtures';

describe('migration 0007-create-peers', () => {
  it('0007 adds the chosen peers, empty, to a workspace of the version before', () => {
    const db = memoryDb();
    const upToPeers = migrations.slice(0, migrations.indexOf(createPeers) + 1);
    migrate(db, upToPeers.slice(0, -1));
    expect(migrate(db, upToPeers)).toBe(createPeers.version);
    expect(db.prepare('SELECT count(*) FROM peer_area').pluck().get()).toBe(0);
    expect(db.prepare('SELECT note FROM peer_setting WHERE id = 1').pluck().get()).toBeNull();
    db.prepare('INSERT INTO peer_area (position, area_name) VALUES (1, ?)').run('Kent');
    // One entry per area, whatever its case.
    expect(() => db.prepare('INSERT INTO peer_area (position, area_name) VALUES (2, ?)').run('KENT')).toThrow(/UNIQUE/);
  });
});
