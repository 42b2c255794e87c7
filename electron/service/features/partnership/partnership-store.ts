import type { Member, Partnership, PartnershipDetails } from '../../../../shared/domain/partnership';
import { WorkbenchError } from '../../../../shared/result';
import type { WorkspaceDatabase } from '../../workspace-file';
import { cachedStatement } from '../../statement-cache';

interface PartnershipRow {
  name: string;
  area: string | null;
  marking: PartnershipDetails['marking'];
  period_from: string | null;
  period_to: string | null;
}

interface MemberRow {
  id: number;
  name: string;
  statutory: number;
  contact: string | null;
}

export interface NewMember {
  name: string;
  statutory: boolean;
  contact: string | null;
}

export function insertPartnership(db: WorkspaceDatabase, details: PartnershipDetails, createdAt: Date): void {
  db.prepare(
    `INSERT INTO partnership (id, name, area, marking, period_from, period_to, created_at)
     VALUES (1, @name, @area, @marking, @periodFrom, @periodTo, @createdAt)`,
  ).run({
    name: details.name,
    area: details.area,
    marking: details.marking,
    periodFrom: details.period?.from ?? null,
    periodTo: details.period?.to ?? null,
    createdAt: createdAt.toISOString(),
  });
}

export function readPartnershipDetails(db: WorkspaceDatabase): PartnershipDetails {
  const row = cachedStatement(db, 'SELECT name, area, marking, period_from, period_to FROM partnership WHERE id = 1')
    .get() as PartnershipRow | undefined;
  if (!row) throw new WorkbenchError('not-a-workspace', 'This workspace has no partnership details. It may be damaged.');
  return {
    name: row.name,
    area: row.area,
    marking: row.marking,
    period: row.period_from && row.period_to ? { from: row.period_from, to: row.period_to } : null,
  };
}

export function readPartnership(db: WorkspaceDatabase): Partnership {
  return { ...readPartnershipDetails(db), members: listMembers(db) };
}

export function updatePartnershipDetails(db: WorkspaceDatabase, details: PartnershipDetails): void {
  db.prepare(
    `UPDATE partnership SET name = @name, area = @area, marking = @marking,
       period_from = @periodFrom, period_to = @periodTo WHERE id = 1`,
  ).run({
    name: details.name,
    area: details.area,
    marking: details.marking,
    periodFrom: details.period?.from ?? null,
    periodTo: details.period?.to ?? null,
  });
}

export function listMembers(db: WorkspaceDatabase): Member[] {
  const rows = db
    .prepare('SELECT id, name, statutory, contact FROM member ORDER BY position, id')
    .all() as MemberRow[];
  return rows.map((row) => ({ id: row.id, name: row.name, statutory: row.statutory === 1, contact: row.contact }));
}

function requireMember(db: WorkspaceDatabase, id: number): void {
  if (!db.prepare('SELECT 1 FROM member WHERE id = ?').get(id)) {
    throw new WorkbenchError('not-found', 'That member is no longer in the partnership. The list has been refreshed.');
  }
}

export function addMember(db: WorkspaceDatabase, member: NewMember): Member[] {
  db.prepare(
    `INSERT INTO member (name, statutory, contact, position)
     VALUES (@name, @statutory, @contact, (SELECT coalesce(max(position), 0) + 1 FROM member))`,
  ).run({ name: member.name, statutory: member.statutory ? 1 : 0, contact: member.contact });
  return listMembers(db);
}

export function updateMember(db: WorkspaceDatabase, id: number, member: NewMember): Member[] {
  requireMember(db, id);
  db.prepare('UPDATE member SET name = @name, statutory = @statutory, contact = @contact WHERE id = @id').run({
    id,
    name: member.name,
    statutory: member.statutory ? 1 : 0,
    contact: member.contact,
  });
  return listMembers(db);
}

export function removeMember(db: WorkspaceDatabase, id: number): Member[] {
  requireMember(db, id);
  db.prepare('DELETE FROM member WHERE id = ?').run(id);
  return listMembers(db);
}

/** Takes the whole new order, so a stale screen cannot silently drop or duplicate members. */
export function reorderMembers(db: WorkspaceDatabase, ids: readonly number[]): Member[] {
  const current = listMembers(db).map((member) => member.id);
  const same = current.length === ids.length && [...current].sort((a, b) => a - b).join() === [...ids].sort((a, b) => a - b).join();
  if (!same) {
    throw new WorkbenchError('invalid-input', 'The member list changed while you were reordering it. Please try again.');
  }
  const setPosition = db.prepare('UPDATE member SET position = ? WHERE id = ?');
  ids.forEach((id, index) => setPosition.run(index + 1, id));
  return listMembers(db);
}

export function countDatasets(db: WorkspaceDatabase): number {
  return (db.prepare('SELECT count(*) AS n FROM dataset').get() as { n: number }).n;
}
