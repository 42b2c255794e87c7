import type { AreaGeometry, BoundaryFormat, BoundarySetSummary, BoundarySetView, GeographyLevel, SourceCrs } from '../../../../shared/domain/boundaries';
import { WorkbenchError } from '../../../../shared/result';
import type { WorkspaceDatabase } from '../../workspace-file';
import type { ReadAreas } from './import/boundary-areas';

const setColumns = `
  s.id, s.source_file_name AS fileName, s.source_sha256 AS sha256, s.source_bytes AS bytes, s.format, s.source_crs AS sourceCrs,
  s.code_field AS codeField, s.name_field AS nameField, s.level, s.attribution, s.imported_at AS importedAt,
  (SELECT count(*) FROM boundary_area a WHERE a.boundary_set_id = s.id) AS areas, s.west, s.south, s.east, s.north`;

type SetRow = Omit<BoundarySetSummary, 'bbox'> & { west: number; south: number; east: number; north: number };

function summaryOf({ west, south, east, north, ...row }: SetRow): BoundarySetSummary {
  return { ...row, bbox: [west, south, east, north] };
}

export function listBoundarySets(db: WorkspaceDatabase): BoundarySetSummary[] {
  return (db.prepare(`SELECT ${setColumns} FROM boundary_set s ORDER BY s.id`).all() as SetRow[]).map(summaryOf);
}

export function readBoundarySet(db: WorkspaceDatabase, id: number): BoundarySetSummary {
  const row = db.prepare(`SELECT ${setColumns} FROM boundary_set s WHERE s.id = ?`).get(id) as SetRow | undefined;
  if (!row) throw new WorkbenchError('not-found', `There is no boundary set ${id} in this workspace.`);
  return summaryOf(row);
}

/** A set with every area, in the file's order, for a map. */
export function readBoundarySetView(db: WorkspaceDatabase, id: number): BoundarySetView {
  const set = readBoundarySet(db, id);
  const rows = db
    .prepare('SELECT code, name, geometry, west, south, east, north FROM boundary_area WHERE boundary_set_id = ? ORDER BY position')
    .all(id) as { code: string; name: string; geometry: string; west: number; south: number; east: number; north: number }[];
  return {
    set,
    areas: rows.map((row) => ({ code: row.code, name: row.name, bbox: [row.west, row.south, row.east, row.north], geometry: JSON.parse(row.geometry) as AreaGeometry })),
  };
}

/** Removes a set and, through the foreign key, its areas. */
export function removeBoundarySet(db: WorkspaceDatabase, id: number): void {
  readBoundarySet(db, id);
  db.prepare('DELETE FROM boundary_set WHERE id = ?').run(id);
}

export function findBoundarySetBySha(db: WorkspaceDatabase, sha256: string): BoundarySetSummary | null {
  const row = db.prepare(`SELECT ${setColumns} FROM boundary_set s WHERE s.source_sha256 = ?`).get(sha256) as SetRow | undefined;
  return row ? summaryOf(row) : null;
}

/** The code and name fields chosen for earlier sets, newest first: offered again for a file that has them. */
export function earlierFieldChoices(db: WorkspaceDatabase): { codeField: string; nameField: string; level: GeographyLevel }[] {
  return db.prepare('SELECT code_field AS codeField, name_field AS nameField, level FROM boundary_set ORDER BY id DESC').all() as {
    codeField: string;
    nameField: string;
    level: GeographyLevel;
  }[];
}

export interface NewBoundarySet {
  fileName: string;
  sha256: string;
  bytes: number;
  format: BoundaryFormat;
  sourceCrs: SourceCrs;
  codeField: string;
  nameField: string;
  level: GeographyLevel;
  attribution: string | null;
  importedAt: string;
}

/** Stores a set and its areas; the caller holds the transaction. */
export function insertBoundarySet(db: WorkspaceDatabase, set: NewBoundarySet, read: ReadAreas): number {
  const [west, south, east, north] = read.bbox;
  const id = Number(
    db
      .prepare(
        `INSERT INTO boundary_set (source_file_name, source_sha256, source_bytes, format, source_crs, code_field, name_field, level, attribution, imported_at, west, south, east, north)
         VALUES (@fileName, @sha256, @bytes, @format, @sourceCrs, @codeField, @nameField, @level, @attribution, @importedAt, @west, @south, @east, @north)`,
      )
      .run({ ...set, west, south, east, north }).lastInsertRowid,
  );
  const insert = db.prepare(
    'INSERT INTO boundary_area (boundary_set_id, code, name, position, geometry, west, south, east, north) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  read.areas.forEach((area, index) => insert.run(id, area.code, area.name, index + 1, area.geometry, ...area.bbox));
  return id;
}
