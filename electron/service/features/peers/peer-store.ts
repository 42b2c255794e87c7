import type { PeerArea, PeerSelection, PeersInput } from '../../../../shared/domain/peers';
import { WorkbenchError } from '../../../../shared/result';
import type { WorkspaceDatabase } from '../../workspace-file';

/**
 * The comparator areas (Most Similar Group) the analyst chose, from the areas multi-area
 * datasets keep: an ONS force table or Home Office open data imported with --keep-comparators
 * keeps every other area's rows, marked out of area.
 */

/** The areas a peer can be chosen from, with the datasets that hold them. */
export function peerCandidates(db: WorkspaceDatabase): PeerArea[] {
  const rows = db
    .prepare(
      `SELECT o.area AS area, group_concat(d.source_file_name, ', ') AS datasets
       FROM dataset_other_area o JOIN dataset d ON d.id = o.dataset_id
       WHERE o.kept = 1
       GROUP BY lower(o.area) ORDER BY lower(o.area)`,
    )
    .all() as { area: string; datasets: string }[];
  return rows.map((row) => ({ area: row.area, datasets: row.datasets }));
}

export function readPeers(db: WorkspaceDatabase): PeerSelection {
  const areas = db.prepare('SELECT area_name FROM peer_area ORDER BY position').pluck().all() as string[];
  const note = db.prepare('SELECT note FROM peer_setting WHERE id = 1').pluck().get() as string | null;
  return { areas, note, candidates: peerCandidates(db) };
}

/**
 * Replaces the chosen peers. Every area must be one a dataset keeps, so that its rate can be
 * worked out; the names are stored as the dataset spells them.
 */
export function savePeers(db: WorkspaceDatabase, input: PeersInput): void {
  const candidates = peerCandidates(db);
  const byName = new Map(candidates.map((candidate) => [candidate.area.toLowerCase(), candidate.area]));
  const unknown = input.areas.filter((area) => !byName.has(area.trim().toLowerCase()));
  if (unknown.length > 0) {
    const hint =
      candidates.length === 0
        ? 'No dataset in the workspace keeps other areas: import a multi-area table (an ONS force table, Home Office open data) with its comparators kept.'
        : `The areas to choose from are: ${candidates.map((candidate) => candidate.area).join(', ')}.`;
    throw new WorkbenchError('invalid-input', `No dataset keeps figures for ${unknown.map((area) => `"${area}"`).join(', ')}. ${hint}`);
  }
  const areas = [...new Set(input.areas.map((area) => byName.get(area.trim().toLowerCase())!))];
  db.prepare('DELETE FROM peer_area').run();
  const insert = db.prepare('INSERT INTO peer_area (position, area_name) VALUES (?, ?)');
  areas.forEach((area, index) => insert.run(index + 1, area));
  db.prepare('UPDATE peer_setting SET note = ? WHERE id = 1').run(input.note ?? null);
}
