import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../../electron/service/migrations';
import { createDocumentDetails } from '../../../../electron/service/migrations/0008-create-document-details';

describe('migration 0008-create-document-details', () => {
  it('0008 keeps one row, a status of draft or final, dates as YYYY-MM-DD, and a workspace migrated with it', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, migrations.indexOf(createDocumentDetails) + 1));
    expect(db.prepare('SELECT status, title FROM document_details').all()).toEqual([{ status: 'draft', title: null }]);
    expect(() => db.prepare("INSERT INTO document_details (id) VALUES (2)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE document_details SET status = 'published'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE document_details SET document_date = '31/03/2019'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE document_details SET title = ''").run()).toThrow(/CHECK/);
  });
});
