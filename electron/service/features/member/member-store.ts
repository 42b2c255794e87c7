import type { Member } from '../../../../shared/domain/partnership';
import { WorkbenchError } from '../../../../shared/result';
import type { WorkspaceDatabase } from '../../workspace-file';

/** The partnership's members, in the partnership's own order. */

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
