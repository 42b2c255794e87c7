import { Fragment, useState } from 'react';
import type { MatrixState } from '../../../shared/domain/analysis';
import type { RankedOffence } from '../../../shared/matrix';
import { heatLevel } from '../../../shared/charts/risk-grid';
import { columnName, formatScore } from './matrix-format';
import { WorkingDetails } from './WorkingDetails';
import { RankColumnHeads } from '../components/RankColumnHeads';

/** The offence types in rank order, each score with its working a click away. */
export function RankingPanel({ state }: { state: MatrixState }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const scored = state.definition.factors.filter((factor) => factor.role !== 'beside');
  const hasBands = state.definition.scoreBands.length > 0;
  const columns = 4 + scored.length + (hasBands ? 1 : 0);

  function toggle(key: string) {
    setOpen((current) => {
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
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="matrix-ranking-caption">
        <table className="table table-compact matrix-ranking" data-testid="ranking-table">
          <caption id="matrix-ranking-caption" className="caption">
            {state.ranking.length} offence types ranked with the {state.definition.name}, highest priority first
          </caption>
          <thead>
            <tr>
              <RankColumnHeads />
              {hasBands ? <th scope="col">Band</th> : null}
              {scored.map((factor) => (
                <th scope="col" className="numeric matrix-factor-column" key={factor.id} title={factor.label}>
                  {columnName(factor)}
                  <span className="cell-note">
                    × {formatScore(factor.weight)}
                    <span className="visually-hidden"> weight</span>
                  </span>
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Working</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.ranking.map((row) => (
              <RankingRow
                key={row.key}
                row={row}
                state={state}
                scored={scored.map((factor) => factor.id)}
                hasBands={hasBands}
                columns={columns}
                open={open.has(row.key)}
                onToggle={() => toggle(row.key)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface RankingRowProps {
  row: RankedOffence;
  state: MatrixState;
  scored: string[];
  hasBands: boolean;
  columns: number;
  open: boolean;
  onToggle(): void;
}

function RankingRow({ row, state, scored, hasBands, columns, open, onToggle }: RankingRowProps) {
  const workingId = `working-${row.key.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return (
    <Fragment>
      <tr data-testid="ranking-row">
        <td className="numeric" data-testid="rank">
          {row.rank}
        </td>
        <th scope="row" data-testid="offence">
          {row.label}
        </th>
        <td className="numeric matrix-score" data-testid="score">
          {formatScore(row.score)}
        </td>
        {hasBands ? (
          <td>
            <span className={`matrix-band matrix-band-${bandClass(row.band)}`}>{row.band ?? '—'}</span>
          </td>
        ) : null}
        {scored.map((id) => {
          const working = row.factors[id];
          const scale = state.definition.factors.find((factor) => factor.id === id)?.scale ?? 5;
          return (
            <td className={`numeric matrix-heat${working ? ` matrix-heat-${heatLevel(working.score, scale)}` : ''}`} key={id} data-testid={`factor-${id}`}>
              {working?.score ?? '—'}
            </td>
          );
        })}
        <td className="row-actions">
          <button
            type="button"
            className="button-link matrix-toggle"
            aria-expanded={open}
            aria-controls={open ? workingId : undefined}
            onClick={onToggle}
          >
            Show working<span className="visually-hidden"> for {row.label}</span>
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="matrix-working-row" id={workingId}>
          <td colSpan={columns}>
            <WorkingDetails row={row} definition={state.definition} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

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
