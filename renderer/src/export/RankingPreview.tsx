import { useEffect, useState } from 'react';
import type { RankingChartRow } from '../../../shared/charts/ranking-chart';
import { workbench } from '../api';
import { RankingChart } from '../charts/RankingChart';

const charted = 10;

/** The ranking chart the plan and the board paper print, from the scoring chosen for them. */
export function RankingPreview({ runId }: { runId: number | null }) {
  const [rows, setRows] = useState<RankingChartRow[] | null>(null);

  useEffect(() => {
    let current = true;
    const ranking = runId === null ? workbench.matrix.show({}).then((result) => (result.ok ? result.value.ranking : null)) : workbench.run.show({ id: runId }).then((result) => (result.ok ? result.value.run.ranking : null));
    void ranking.then((ranked) => {
      if (current) setRows(ranked ? ranked.slice(0, charted).map((row) => ({ key: row.key, label: row.label, rank: row.rank, score: row.score })) : null);
    });
    return () => {
      current = false;
    };
  }, [runId]);

  if (!rows || rows.length === 0) return null;
  return <RankingChart id="export-ranking" rows={rows} caption={`The ${rows.length} highest-scoring offence types, as the documents show them; the top four are in bold, above the dashed line`} />;
}
