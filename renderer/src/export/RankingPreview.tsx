import type { RankingChartRow } from '../../../shared/charts/ranking-chart';
import type { RankedOffence } from '../../../shared/matrix';
import type { Result } from '../../../shared/result';
import { workbench } from '../api';
import { RankingChart } from '../charts/RankingChart';
import { useQuery } from '../data-access/useQuery';

const charted = 10;

/** The ranking of the current scoring, or of a frozen run (which never changes once frozen). */
async function rankingOf(runId: number | null): Promise<Result<RankedOffence[]>> {
  if (runId === null) {
    const matrix = await workbench.matrix.show({});
    return matrix.ok ? { ok: true, value: matrix.value.ranking } : matrix;
  }
  const run = await workbench.run.show({ id: runId });
  return run.ok ? { ok: true, value: run.value.run.ranking } : run;
}

/** The ranking chart the plan and the board paper print, from the scoring chosen for them. */
export function RankingPreview({ runId }: { runId: number | null }) {
  const ranking = useQuery(['matrix'], () => rankingOf(runId), { params: [runId] });
  // A ranking that could not be read shows no chart, as one with nothing ranked.
  const rows: RankingChartRow[] | null =
    ranking.error === null && ranking.data ? ranking.data.slice(0, charted).map((row) => ({ key: row.key, label: row.label, rank: row.rank, score: row.score })) : null;

  if (!rows || rows.length === 0) return null;
  return <RankingChart id="export-ranking" rows={rows} caption={`The ${rows.length} highest-scoring offence types, as the documents show them; the top four are in bold, above the dashed line`} />;
}
