import type { MatrixState } from '../../../shared/domain/analysis';
import { riskGrid } from '../../../shared/charts/risk-grid';

/**
 * The impact × likelihood grid of the MoRiLE-style and 4×4 matrices: every offence type in the
 * cell of its two side scores. A table, so that each cell's band and types are read in order
 * by a screen reader; the band is written in the cell as well as coloured.
 */
export function RiskGridPanel({ state }: { state: MatrixState }) {
  const entries = state.ranking.flatMap((row) =>
    row.sides ? [{ key: row.key, label: row.label, rank: row.rank, impact: row.sides.impact.score, likelihood: row.sides.likelihood.score }] : [],
  );
  if (entries.length === 0) return null;
  const scale = state.definition.template === 'grid-4x4' ? 4 : 5;
  const spec = riskGrid(entries, scale, state.definition.scoreBands);
  const rows = Array.from({ length: scale }, (_, index) => spec.cells.slice(index * scale, (index + 1) * scale));

  return (
    <section className="panel" aria-labelledby="matrix-grid-heading" data-testid="risk-grid">
      <h2 id="matrix-grid-heading">Impact × likelihood</h2>
      <p>
        Each offence type sits in the cell of its impact and likelihood scores; the number in a cell is their product, the score it ranks on. Legend:{' '}
        {spec.legend.map((band, index) => (
          <span key={band.label}>
            {index > 0 ? ', ' : ''}
            <span className={`matrix-band matrix-grid-${band.label.replace(/[^a-z]+/g, '-')}`}>{band.label}</span> {band.range}
          </span>
        ))}
        .
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="matrix-grid-caption">
        <table className={`matrix-risk-grid matrix-risk-grid-${scale}`}>
          <caption id="matrix-grid-caption" className="caption">
            {entries.length} offence types by impact (rows, highest first) and likelihood (columns)
          </caption>
          <thead>
            <tr>
              <td className="matrix-grid-corner">
                <span aria-hidden="true">Impact ↓ / Likelihood →</span>
              </td>
              {spec.likelihoodTicks.map((tick) => (
                <th scope="col" key={tick.value}>
                  Likelihood {tick.value}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells) => (
              <tr key={cells[0]!.impact}>
                <th scope="row">Impact {cells[0]!.impact}</th>
                {cells.map((cell) => (
                  <td
                    key={cell.likelihood}
                    className={`matrix-grid-cell matrix-grid-${(cell.band ?? 'none').replace(/[^a-z]+/g, '-')}`}
                    data-testid="risk-grid-cell"
                    data-impact={cell.impact}
                    data-likelihood={cell.likelihood}
                  >
                    <span className="matrix-grid-product">
                      {cell.product}
                      {cell.band ? <span className="matrix-grid-band"> {cell.band}</span> : null}
                    </span>
                    {cell.entries.length > 0 ? (
                      <ul>
                        {cell.entries.map((entry) => (
                          <li key={entry.key} data-testid="risk-grid-entry">
                            <span className="matrix-grid-rank">{entry.rank}</span> {entry.label}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
