import type { MatrixDefinition, RankedOffence, SideWorking } from '../../../shared/matrix';
import { DataTable } from '../components/DataTable';
import { formatFactorInput, formatScore, shortLabel } from './matrix-format';

interface WorkingDetailsProps {
  row: RankedOffence;
  definition: MatrixDefinition;
}

/** How one offence type's score was reached: each factor's input, band, score, weight and contribution. */
export function WorkingDetails({ row, definition }: WorkingDetailsProps) {
  const lines = definition.factors.filter((factor) => factor.id in row.factors).map((factor) => ({ factor, working: row.factors[factor.id]! }));
  const contributions = lines.map((line) => line.working.contribution);
  return (
    <div className="matrix-working" data-testid="working">
      <DataTable
        caption={<>How {row.label} scored {formatScore(row.score)}</>}
        captionShown
        compact
        className="matrix-working-table"
        rows={lines}
        rowKey={(line) => line.factor.id}
        columns={[
          {
            id: 'factor',
            header: 'Factor',
            rowHeader: true,
            cell: ({ factor, working }) => (
              <>
                {factor.label}
                {working.note ? <span className="cell-note">{working.note}</span> : null}
              </>
            ),
          },
          { id: 'input', header: 'Input', cell: ({ factor, working }) => formatFactorInput(factor, working.input) },
          { id: 'band', header: 'Band', className: 'wrap', cell: ({ working }) => working.band },
          { id: 'score', header: 'Score', numeric: true, cell: ({ working }) => working.score },
          { id: 'weight', header: 'Weight', numeric: true, cell: ({ working }) => <>× {formatScore(working.weight)}</> },
          {
            id: 'contribution',
            header: 'Contribution',
            numeric: true,
            testId: ({ factor }) => `contribution-${factor.id}`,
            cell: ({ working }) => formatScore(working.contribution),
          },
        ]}
        footer={
          definition.template === 'partnership' ? (
            <tr>
              <th scope="row" colSpan={5}>
                Score: the sum of the contributions, {contributions.map(formatScore).join(' + ')}
              </th>
              <td className="numeric matrix-total" data-testid="working-total">
                {formatScore(row.score)}
              </td>
            </tr>
          ) : null
        }
      />
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
