import type { SensitivityResult } from '../../../shared/matrix';
import { formatShare } from './matrix-format';

const rankFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** The rank-range chart's figures, one row per offence type: the chart's text alternative. */
export function SensitivityTable({ result }: { result: SensitivityResult }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="sensitivity-table-caption">
      <table className="table table-compact" data-testid="sensitivity-table">
        <caption id="sensitivity-table-caption" className="caption">
          Best, median and worst rank of each offence type over the draws, and how often it ranked in the top {result.topN.join(' and top ')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Rank as weighted
            </th>
            <th scope="col">Offence type</th>
            <th scope="col" className="numeric">
              Best
            </th>
            <th scope="col" className="numeric">
              Median
            </th>
            <th scope="col" className="numeric">
              Worst
            </th>
            {result.topN.map((n) => (
              <th scope="col" className="numeric" key={n}>
                In top {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.offences.map((row) => (
            <tr key={row.key} data-testid="sensitivity-row">
              <td className="numeric">{row.rank}</td>
              <th scope="row">{row.label}</th>
              <td className="numeric">{row.bestRank}</td>
              <td className="numeric">{rankFormat.format(row.medianRank)}</td>
              <td className="numeric">{row.worstRank}</td>
              {row.inTop.map((share) => (
                <td className="numeric" key={share.n}>
                  {formatShare(share.share)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
