import { createHash } from 'node:crypto';
import type { MatrixState, NamedRunComparison, RunSource, RunSummary, StoredRun } from '../../../../shared/domain/analysis';
import type { FrozenPriority } from '../../../../shared/domain/priority';
import { compareRuns, freezeRun, methodOfRun, replayFrozenRun, type FrozenRun, type MatrixTemplateId, type RunPeers } from '../../../../shared/matrix';
import { WorkbenchError } from '../../../../shared/result';
import type { WorkspaceDatabase } from '../../workspace-file';

interface RunRow {
  id: number;
  name: string;
  created_at: string;
  template: MatrixTemplateId;
  current_from: string;
  current_to: string;
  comparison_from: string;
  comparison_to: string;
  offences: number;
  top_labels: string;
  document: string;
  document_sha256: string;
}

/**
 * What a run stores beside the frozen scoring: where each type's figures came from, and the
 * priorities set when it was frozen. Runs frozen before priorities were recorded have no
 * priorities field; their documents, and so their SHA-256, are left exactly as they were.
 */
interface RunDocument {
  frozen: FrozenRun;
  sources: RunSource[];
  priorities?: FrozenPriority[];
}

const topCount = 4;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function summaryOf(row: RunRow): RunSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    template: row.template,
    periods: { current: { from: row.current_from, to: row.current_to }, comparison: { from: row.comparison_from, to: row.comparison_to } },
    offences: row.offences,
    top: JSON.parse(row.top_labels) as string[],
  };
}

export function freezeScoringRun(
  db: WorkspaceDatabase,
  name: string,
  state: MatrixState,
  sources: RunSource[],
  priorities: FrozenPriority[],
  now: Date,
  peers: RunPeers,
): RunSummary {
  if (state.offences.length === 0) {
    throw new WorkbenchError('invalid-input', 'There is nothing to freeze: no offence type has figures for the whole assessment period.');
  }
  const frozen = freezeRun(state.definition, state.offences, state.judgements, peers);
  const document = JSON.stringify({ frozen, sources, priorities } satisfies RunDocument);
  const { periods } = state;
  const id = db
    .prepare(
      `INSERT INTO scoring_run (name, created_at, template, current_from, current_to, comparison_from, comparison_to, offences, top_labels, document, document_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      name,
      now.toISOString(),
      state.template,
      periods.current.from,
      periods.current.to,
      periods.comparison.from,
      periods.comparison.to,
      frozen.ranking.length,
      JSON.stringify(frozen.ranking.slice(0, topCount).map((row) => row.label)),
      document,
      sha256(document),
    ).lastInsertRowid;
  return readRunSummary(db, Number(id));
}

function readRow(db: WorkspaceDatabase, id: number): RunRow {
  const row = db.prepare('SELECT * FROM scoring_run WHERE id = ?').get(id) as RunRow | undefined;
  if (!row) throw new WorkbenchError('not-found', `There is no frozen run ${id} in this workspace. "run list" shows the runs.`);
  return row;
}

function readRunSummary(db: WorkspaceDatabase, id: number): RunSummary {
  return summaryOf(readRow(db, id));
}

export function listRuns(db: WorkspaceDatabase): RunSummary[] {
  return (db.prepare('SELECT * FROM scoring_run ORDER BY id').all() as RunRow[]).map(summaryOf);
}

/**
 * A stored run exactly as frozen. The replay re-scores its stored inputs as a check: a file
 * edited outside the app, or a change to the scoring code, shows up as a difference here.
 */
export function readRun(db: WorkspaceDatabase, id: number): StoredRun {
  const row = readRow(db, id);
  if (sha256(row.document) !== row.document_sha256) {
    throw new WorkbenchError('invalid-file', `Frozen run ${id} ("${row.name}") has been altered since it was frozen; it cannot be trusted.`);
  }
  const document = JSON.parse(row.document) as RunDocument;
  const replay = replayFrozenRun(document.frozen);
  return {
    ...summaryOf(row),
    run: document.frozen,
    sources: document.sources,
    priorities: document.priorities ?? null,
    identical: replay.identical,
    differences: replay.differences,
  };
}

export function compareStoredRuns(db: WorkspaceDatabase, beforeId: number, afterId: number): NamedRunComparison {
  const before = readRun(db, beforeId);
  const after = readRun(db, afterId);
  return {
    ...compareRuns(
      { definition: before.run.definition, ranking: before.run.ranking, method: methodOfRun(before.run), peers: before.run.peers?.areas ?? [] },
      { definition: after.run.definition, ranking: after.run.ranking, method: methodOfRun(after.run), peers: after.run.peers?.areas ?? [] },
    ),
    before: summaryOf(readRow(db, beforeId)),
    after: summaryOf(readRow(db, afterId)),
  };
}
