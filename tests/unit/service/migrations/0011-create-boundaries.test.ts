import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../../electron/service/migrations';
import { createBoundaries } from '../../../../electron/service/migrations/0011-create-boundaries';
import { memoryDb, tableNames } from './migration-fixtures';

const square = JSON.stringify({ type: 'Polygon', coordinates: [[[0.9, 51.8], [0.91, 51.8], [0.91, 51.81], [0.9, 51.81], [0.9, 51.8]]] });

function insertSet(db: ReturnType<typeof memoryDb>, sha: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO boundary_set (source_file_name, source_sha256, source_bytes, format, source_crs, code_field, name_field, level, attribution, imported_at, west, south, east, north)
         VALUES ('lsoa.geojson', ?, 100, 'geojson', 'EPSG:4326', 'LSOA11CD', 'LSOA11NM', 'lsoa', 'Contains OS data © Crown copyright', '2026-12-08T00:00:00.000Z', 0.9, 51.8, 0.91, 51.81)`,
      )
      .run(sha).lastInsertRowid,
  );
}

const insertArea = (db: ReturnType<typeof memoryDb>, setId: number, code: string, position: number, geometry = square) =>
  db
    .prepare('INSERT INTO boundary_area (boundary_set_id, code, name, position, geometry, west, south, east, north) VALUES (?, ?, ?, ?, ?, 0.9, 51.8, 0.91, 51.81)')
    .run(setId, code, `Area ${code}`, position, geometry);

describe('migration 0011-create-boundaries', () => {
  it('0011 adds boundary sets and areas, empty, keeping what a workspace of the version before holds', () => {
    const db = memoryDb();
    const before = migrations.filter((migration) => migration.version < createBoundaries.version);
    migrate(db, before);
    db.exec("INSERT INTO member (name, statutory, contact, position) VALUES ('Essex Police', 1, NULL, 1)");
    expect(tableNames(db)).not.toContain('boundary_set');

    expect(migrate(db, [...before, createBoundaries])).toBe(11);

    expect(db.prepare('SELECT name FROM member').pluck().all()).toEqual(['Essex Police']);
    expect(db.prepare('SELECT count(*) FROM boundary_set').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM boundary_area').pluck().get()).toBe(0);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE name LIKE 'boundary_%' AND strict = 1 ORDER BY name").pluck().all();
    expect(strict).toEqual(['boundary_area', 'boundary_set']);
  });

  it('keeps each code once per set, each file once, only polygons, and removes a set’s areas with it', () => {
    const db = memoryDb();
    migrate(db);
    const first = insertSet(db, 'a'.repeat(64));
    insertArea(db, first, 'E01021637', 1);
    expect(() => insertArea(db, first, 'E01021637', 2)).toThrow(/UNIQUE/);
    expect(() => insertSet(db, 'a'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => insertSet(db, 'not a hash')).toThrow(/CHECK/);
    expect(() => insertArea(db, first, 'E01021638', 2, JSON.stringify({ type: 'Point', coordinates: [0.9, 51.8] }))).toThrow(/CHECK/);
    expect(() => insertArea(db, first, 'E01021638', 2, '{not json')).toThrow(/CHECK|malformed/);
    expect(() => insertArea(db, 99, 'E01021638', 1)).toThrow(/FOREIGN KEY/);

    // The same code may be in two sets (an LSOA set and its successor, say).
    const second = insertSet(db, 'b'.repeat(64));
    insertArea(db, second, 'E01021637', 1);
    db.prepare('DELETE FROM boundary_set WHERE id = ?').run(first);
    expect(db.prepare('SELECT boundary_set_id, code FROM boundary_area').all()).toEqual([{ boundary_set_id: second, code: 'E01021637' }]);
  });

  it('finds areas by code through an index, and a set’s areas in order through its key', () => {
    const db = memoryDb();
    migrate(db);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; ');
    expect(plan("SELECT boundary_set_id FROM boundary_area WHERE code = 'E01021637'")).toMatch(/USING (COVERING )?INDEX boundary_area_by_code/);
    expect(plan('SELECT code, geometry FROM boundary_area WHERE boundary_set_id = 1 ORDER BY position')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_boundary_area_2/);
  });
});
