import {
  maxPriorities,
  priorityHeading,
  priorityOffence,
  type ParsedPriorityInput,
  type Priority,
} from '../../../../shared/domain/priority';
import { WorkbenchError } from '../../../../shared/result';
import type { WorkspaceDatabase } from '../../workspace-file';

interface PriorityRow {
  id: number;
  title: string;
  aim: string;
  lead_member_id: number | null;
  lead_name: string | null;
  status: Priority['status'];
  review_date: string | null;
}

/** Every priority in order, numbered 1, 2, 3… by its place, with its offence types, lead and measures. */
export function listPriorities(db: WorkspaceDatabase): Priority[] {
  const rows = db
    .prepare(
      `SELECT priority.id, title, aim, lead_member_id, member.name AS lead_name, status, review_date
       FROM priority LEFT JOIN member ON member.id = priority.lead_member_id
       ORDER BY priority.position`,
    )
    .all() as PriorityRow[];
  const offences = new Map<number, string[]>();
  for (const row of db.prepare('SELECT priority_id, offence_key FROM priority_offence ORDER BY priority_id, position').all() as {
    priority_id: number;
    offence_key: string;
  }[]) {
    offences.set(row.priority_id, [...(offences.get(row.priority_id) ?? []), row.offence_key]);
  }
  const measures = new Map<number, string[]>();
  for (const row of db.prepare('SELECT priority_id, text FROM priority_measure ORDER BY priority_id, position').all() as {
    priority_id: number;
    text: string;
  }[]) {
    measures.set(row.priority_id, [...(measures.get(row.priority_id) ?? []), row.text]);
  }
  return rows.map((row, index) => ({
    id: row.id,
    number: index + 1,
    title: row.title,
    aim: row.aim,
    offences: (offences.get(row.id) ?? []).map(priorityOffence),
    lead: row.lead_member_id !== null && row.lead_name !== null ? { id: row.lead_member_id, name: row.lead_name } : null,
    measures: measures.get(row.id) ?? [],
    status: row.status,
    reviewDate: row.review_date,
  }));
}

function requirePriority(db: WorkspaceDatabase, id: number): void {
  if (!db.prepare('SELECT 1 FROM priority WHERE id = ?').get(id)) {
    throw new WorkbenchError('not-found', 'That priority is no longer in the workspace. The list has been refreshed.');
  }
}

function requireLead(db: WorkspaceDatabase, lead: number | null): void {
  if (lead !== null && !db.prepare('SELECT 1 FROM member WHERE id = ?').get(lead)) {
    throw new WorkbenchError('not-found', 'The lead partner chosen is no longer a member of the partnership. Choose another.');
  }
}

function writeDetails(db: WorkspaceDatabase, id: number, input: ParsedPriorityInput): void {
  db.prepare('DELETE FROM priority_offence WHERE priority_id = ?').run(id);
  db.prepare('DELETE FROM priority_measure WHERE priority_id = ?').run(id);
  const offence = db.prepare('INSERT INTO priority_offence (priority_id, position, offence_key) VALUES (?, ?, ?)');
  input.offences.forEach((key, index) => offence.run(id, index + 1, key));
  const measure = db.prepare('INSERT INTO priority_measure (priority_id, position, text) VALUES (?, ?, ?)');
  input.measures.forEach((text, index) => measure.run(id, index + 1, text));
}

/** Adds a priority at the end of the order. */
export function addPriority(db: WorkspaceDatabase, input: ParsedPriorityInput, now: Date): Priority[] {
  const count = (db.prepare('SELECT count(*) AS n FROM priority').get() as { n: number }).n;
  if (count >= maxPriorities) {
    throw new WorkbenchError('invalid-input', `A plan can hold at most ${maxPriorities} priorities. Remove one before adding another.`);
  }
  requireLead(db, input.lead);
  const id = Number(
    db
      .prepare(
        `INSERT INTO priority (position, title, aim, lead_member_id, status, review_date, updated_at)
         VALUES ((SELECT coalesce(max(position), 0) + 1 FROM priority), @title, @aim, @lead, @status, @reviewDate, @updatedAt)`,
      )
      .run({ ...priorityColumns(input), updatedAt: now.toISOString() }).lastInsertRowid,
  );
  writeDetails(db, id, input);
  return listPriorities(db);
}

export function updatePriority(db: WorkspaceDatabase, id: number, input: ParsedPriorityInput, now: Date): Priority[] {
  requirePriority(db, id);
  requireLead(db, input.lead);
  db.prepare(
    `UPDATE priority SET title = @title, aim = @aim, lead_member_id = @lead, status = @status, review_date = @reviewDate,
       updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...priorityColumns(input), updatedAt: now.toISOString(), id });
  writeDetails(db, id, input);
  return listPriorities(db);
}

function priorityColumns(input: ParsedPriorityInput) {
  return { title: input.title, aim: input.aim, lead: input.lead, status: input.status, reviewDate: input.reviewDate };
}

/** Removes a priority; those after it move up one place, and so take the next lower number. */
export function removePriority(db: WorkspaceDatabase, id: number): Priority[] {
  requirePriority(db, id);
  db.prepare('DELETE FROM priority WHERE id = ?').run(id);
  renumber(db, listPriorities(db).map((priority) => priority.id));
  return listPriorities(db);
}

/** Takes the whole new order, so that a stale screen cannot silently drop or duplicate a priority. */
export function reorderPriorities(db: WorkspaceDatabase, ids: readonly number[]): Priority[] {
  const current = listPriorities(db).map((priority) => priority.id);
  const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b).join();
  if (current.length !== ids.length || sorted(current) !== sorted(ids)) {
    throw new WorkbenchError('invalid-input', 'The priorities changed while you were reordering them. The list has been refreshed; please try again.');
  }
  renumber(db, ids);
  return listPriorities(db);
}

/** Positions are unique, so they move out of the way (negative) before taking their new places. */
function renumber(db: WorkspaceDatabase, ids: readonly number[]): void {
  db.prepare('UPDATE priority SET position = -position').run();
  const setPosition = db.prepare('UPDATE priority SET position = ? WHERE id = ?');
  ids.forEach((id, index) => setPosition.run(index + 1, id));
}

/** The priorities a member leads, in order. */
export function prioritiesLedBy(db: WorkspaceDatabase, memberId: number): Priority[] {
  return listPriorities(db).filter((priority) => priority.lead?.id === memberId);
}

/**
 * Removing a member that leads priorities leaves them without a lead, so the analyst is asked
 * first and told which. Unless confirmed, the removal is refused with 'needs-confirmation'.
 */
export function refuseUnconfirmedLeadRemoval(db: WorkspaceDatabase, memberId: number, confirmed: boolean): void {
  if (confirmed) return;
  const led = prioritiesLedBy(db, memberId);
  if (led.length === 0) return;
  const member = db.prepare('SELECT name FROM member WHERE id = ?').get(memberId) as { name: string } | undefined;
  if (!member) return;
  // A title's own full stop would clash with the sentence's punctuation.
  const names = led.map((priority) => `“${priorityHeading(priority).replace(/\.$/, '')}”`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const them = led.length === 1 ? 'that priority' : `those ${led.length} priorities`;
  throw new WorkbenchError(
    'needs-confirmation',
    `${member.name} leads ${list}. Removing ${member.name} leaves ${them} without a lead partner.`,
  );
}
