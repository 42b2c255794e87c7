import type { WorkspaceDatabase } from '../../workspace-file';

/**
 * Rebuilds offence_total, the in-area totals per offence key, code and source period, for the
 * given datasets from their per-area aggregates. Called in the same transaction as whatever
 * changed the aggregates (an import, a label mapped), so the two tables never disagree.
 */
export function refreshOffenceTotals(db: WorkspaceDatabase, datasetIds: readonly number[]): void {
  const remove = db.prepare('DELETE FROM offence_total WHERE dataset_id = ?');
  const insert = db.prepare(
    `INSERT INTO offence_total (dataset_id, offence_key, offence_code, period_from, period_to, count)
     SELECT dataset_id, offence_key, offence_code, period_from, period_to, sum(count)
     FROM offence_count WHERE dataset_id = ? AND in_area = 1
     GROUP BY offence_key, offence_code, period_from, period_to`,
  );
  for (const id of datasetIds) {
    remove.run(id);
    insert.run(id);
  }
}
