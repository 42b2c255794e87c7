import type { MatrixDefinition, RankedOffence, SideWorking } from '../../../shared/matrix';
import { formatFactorInput, formatScore, shortLabel } from './matrix-format';

interface WorkingDetailsProps {
  row: RankedOffence;
  definition: MatrixDefinition;
}

/** How one offence type's score was reached: each factor's input, band, score, weight and contribution. */
export function WorkingDetails({ row, definition }: WorkingDetailsProps) {
  const scored = definition.factors.filter((factor) => factor.id in row.factors);
  const contributions = scored.map((factor) => row.factors[factor.id]!.contribution);
  return (
    <div className="matrix-working" data-testid="working">
      <table className="table table-compact matrix-working-table">
        <caption className="caption">
          How {row.label} scored {formatScore(row.score)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col">Input</th>
            <th scope="col">Band</th>
            <th scope="col" className="numeric">
              Score
            </th>
            <th scope="col" className="numeric">
              Weight
            </th>
            <th scope="col" className="numeric">
              Contribution
            </th>
          </tr>
        </thead>
        <tbody>
          {scored.map((factor) => {
            const working = row.factors[factor.id]!;
            return (
              <tr key={factor.id}>
                <th scope="row">
                  {factor.label}
                  {working.note ? <span className="cell-note">{working.note}</span> : null}
                </th>
                <td>{formatFactorInput(factor, working.input)}</td>
                <td className="wrap">{working.band}</td>
                <td className="numeric">{working.score}</td>
                <td className="numeric">× {formatScore(working.weight)}</td>
                <td className="numeric" data-testid={`contribution-${factor.id}`}>
                  {formatScore(working.contribution)}
                </td>
              </tr>
            );
          })}
        </tbody>
        {definition.template === 'partnership' ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                Score: the sum of the contributions, {contributions.map(formatScore).join(' + ')}
              </th>
              <td className="numeric matrix-total" data-testid="working-total">
                {formatScore(row.score)}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
      {row.sides ? (
        <ul className="matrix-sides">
          <li>{sideText('Impact', row.sides.impact)}</li>
          <li>{sideText('Likelihood', row.sides.likelihood)}</li>
          <li>
            Score: impact {row.sides.impact.score} × likelihood {row.sides.likelihood.score} = {formatScore(row.score)}
            {row.band ? `, in the ${row.band} band` : ''}.
          </li>
        </ul>
      ) : null}
      {row.beside ? (
        <>
          <p className="matrix-working-heading">Graded beside the score, not counted in it:</p>
          <ul className="matrix-beside">
            {Object.entries(row.beside).map(([id, grade]) => {
              const factor = definition.factors.find((candidate) => candidate.id === id);
              return (
                <li key={id}>
                  {factor ? shortLabel(factor) : id}: {grade.score === null ? 'not graded' : grade.score}, {grade.band}
                  {grade.note ? <span className="cell-note">{grade.note}</span> : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {row.tieBreak ? <p className="matrix-tie-break">{row.tieBreak}</p> : null}
    </div>
  );
}

function sideText(name: string, side: SideWorking): string {
  return `${name}: the weighted mean of its factors, ${formatScore(side.weightedTotal)} ÷ ${formatScore(side.totalWeight)} = ${formatScore(side.mean)}, rounded to ${side.score}.`;
}
