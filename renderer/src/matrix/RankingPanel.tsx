import { useState } from 'react';
import type { MatrixState } from '../../../shared/domain/analysis';
import type { RankedOffence } from '../../../shared/matrix';
import { heatLevel } from '../../../shared/charts/risk-grid';
import { columnName, formatScore } from './matrix-format';
import { WorkingDetails } from './WorkingDetails';
import { DataTable, rankColumns, type Column } from '../components/DataTable';

/** The offence types in rank order, each score with its working a click away. */
export function RankingPanel({ state }: { state: MatrixState }) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const scored = state.definition.factors.filter((factor) => factor.role !== 'beside');
  const hasBands = state.definition.scoreBands.length > 0;

  function toggle(key: string) {
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }

  return (
    <section className="panel" aria-labelledby="matrix-ranking-heading">
      <h2 id="matrix-ranking-heading">Ranking</h2>
      <p>{howScored(state)}</p>
      <p className="hint matrix-heat-legend" id="matrix-heat-legend">
        Factor scores are shaded from low to high:{' '}
        {[1, 2, 3, 4, 5].map((level) => (
          <span key={level} className={`matrix-heat matrix-heat-${level}`}>
            {level}
          </span>
        ))}{' '}
        (the 4×4 grid’s 1–4 use the same shades, from the lowest to the highest). The number is always shown.
      </p>
      <DataTable
        caption={<>{state.ranking.length} offence types ranked with the {state.definition.name}, highest priority first</>}
        captionShown
        scroll
        compact
        className="matrix-ranking"
        testId="ranking-table"
        rows={state.ranking}
        rowKey={(row) => row.key}
        rowTestId="ranking-row"
        columns={[
          ...rankColumns<RankedOffence>({
            rank: { testId: 'rank', cell: (row) => row.rank },
            offence: { testId: 'offence', cell: (row) => row.label },
            score: { testId: 'score', className: 'matrix-score', cell: (row) => formatScore(row.score) },
          }),
          hasBands && { id: 'band', header: 'Band', cell: (row) => <span className={`matrix-band matrix-band-${bandClass(row.band)}`}>{row.band ?? '—'}</span> },
          ...scored.map(
            (factor): Column<RankedOffence> => ({
              id: factor.id,
              header: (
                <>
                  {columnName(factor)}
                  <span className="cell-note">
                    × {formatScore(factor.weight)}
                    <span className="visually-hidden"> weight</span>
                  </span>
                </>
              ),
              headerTitle: factor.label,
              headerClassName: 'matrix-factor-column',
              numeric: true,
              testId: `factor-${factor.id}`,
              className: (row) => {
                const working = row.factors[factor.id];
                return `matrix-heat${working ? ` matrix-heat-${heatLevel(working.score, factor.scale)}` : ''}`;
              },
              cell: (row) => row.factors[factor.id]?.score ?? '—',
            }),
          ),
          {
            id: 'working',
            header: 'Working',
            headerHidden: true,
            className: 'row-actions',
            cell: (row) => {
              const open = opened.has(row.key);
              return (
                <button
                  type="button"
                  className="button-link matrix-toggle"
                  aria-expanded={open}
                  aria-controls={open ? workingId(row) : undefined}
                  onClick={() => toggle(row.key)}
                >
                  Show working<span className="visually-hidden"> for {row.label}</span>
                </button>
              );
            },
          },
        ]}
        expansion={(row) =>
          opened.has(row.key)
            ? { className: 'matrix-working-row', id: workingId(row), content: <WorkingDetails row={row} definition={state.definition} /> }
            : null
        }
      />
    </section>
  );
}

const workingId = (row: RankedOffence) => `working-${row.key.replace(/[^A-Za-z0-9-]/g, '-')}`;

const bandClass = (band: string | undefined) => (band ?? 'none').replace(/[^a-z]+/g, '-');

function howScored(state: MatrixState): string {
  const { definition } = state;
  const bands = definition.scoreBands.map((band) => `${band.label} from ${formatScore(band.minimum)}`).join(', ');
  switch (definition.template) {
    case 'partnership':
      return 'Each score is the sum of every factor’s score × its weight. Ties are broken on total harm, then volume, then name; the working says when.';
    case 'morile-style':
      return `Each score is impact × likelihood, each side the weighted mean of its factors rounded to 1–5, so scores run 1–25. Bands: ${bands}.`;
    case 'grid-4x4':
      return `Each score is impact × likelihood on a 4×4 grid, each side rounded to 1–4, so scores run 1–16. Bands: ${bands}.`;
    default:
      return '';
  }
}
