import type { Partnership, PartnershipDetails } from '../../../../shared/domain/partnership';
import { listMembers } from '../member/member-store';
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

export function countDatasets(db: WorkspaceDatabase): number {
  return (db.prepare('SELECT count(*) AS n FROM dataset').get() as { n: number }).n;
}
