import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPartnership } from '../../../../electron/service/migrations/0001-create-partnership';
import { latestSchemaVersion, migrate, migrations, schemaVersionOf } from '../../../../electron/service/migrations';
import type { Migration } from '../../../../electron/service/migrations/migration';
import { memoryDb, tableNames } from './migration-fixtures';

describe('the migration runner', () => {
  it('are numbered upwards in list order, the last being the latest version', () => {
    const versions = migrations.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(latestSchemaVersion).toBe(versions.at(-1));
  });

  it('build every table as STRICT from an empty database', () => {
    const db = memoryDb();
    expect(migrate(db)).toBe(latestSchemaVersion);
    const tables = tableNames(db);
    expect(tables).toEqual(expect.arrayContaining(['dataset', 'member', 'partnership', 'imported_row', 'offence_count']));
    const strict = (db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    expect(strict).toEqual(tables);
  });

  it('runs each migration in its own transaction: a failure keeps the last good version', () => {
    const db = memoryDb();
    const failing: Migration = {
      version: latestSchemaVersion + 1,
      name: 'fails half way',
      up(target) {
        target.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, failing])).toThrow('boom');
    expect(schemaVersionOf(db)).toBe(latestSchemaVersion);
    expect(tableNames(db)).not.toContain('half_done');
  });

  it('is a no-op on an up-to-date workspace', () => {
    const db = memoryDb();
    migrate(db);
    const before = db.prepare("SELECT sql FROM sqlite_schema ORDER BY name").all();
    expect(migrate(db)).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT sql FROM sqlite_schema ORDER BY name").all()).toEqual(before);
  });

  it('rejects a list whose versions repeat or go back', () => {
    const db = memoryDb();
    expect(() => migrate(db, [createPartnership, { ...createPartnership, version: 1 }])).toThrow(/expected a version above 1/);
    expect(() => migrate(db, [{ ...createPartnership, version: 3 }, { ...createPartnership, version: 2 }])).toThrow(/expected a version above 3/);
    expect(() => migrate(db, [{ ...createPartnership, version: 0 }])).toThrow(/expected a version above 0/);
    expect(schemaVersionOf(db)).toBe(0);
  });

  it('are numbered as their files are: each module’s prefix is its version', () => {
    const files = readdirSync('electron/service/migrations').filter((name) => /^\d{4}-.*\.ts$/.test(name));
    expect(files.map((name) => Number(name.slice(0, 4)))).toEqual(migrations.map((migration) => migration.version));
    const tests = readdirSync('tests/unit/service/migrations').filter((name) => /^\d{4}-.*\.test\.ts$/.test(name));
    expect(tests.map((name) => name.replace('.test.ts', '.ts'))).toEqual(files);
  });
});
