import type { RefObject } from 'react';
import type { NamedRunComparison } from '../../../shared/domain/analysis';
import { DataTable } from '../components/DataTable';
import { describeDefinitionChange, describeDriver, describeRankChange, describeScoreChange, formatScore } from './matrix-format';

interface RunComparisonViewProps {
  comparison: NamedRunComparison;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** What moved between two frozen runs, and why, in words. */
export function RunComparisonView({ comparison, headingRef }: RunComparisonViewProps) {
  const { before, after } = comparison;
  return (
    <div className="subpanel" data-testid="run-comparison">
      <h3 ref={headingRef} tabIndex={-1}>
        From “{before.name}” to “{after.name}”
      </h3>
      {!comparison.sameTemplate ? (
        <p className="matrix-notice">The two runs use different templates, so their scores are on different scales: compare the ranks, not the scores.</p>
      ) : null}
      <h4>Changes to the matrix</h4>
      {comparison.definitionChanges.length === 0 ? (
        <p>None: the same factors, weights and thresholds.</p>
      ) : (
        <ul data-testid="definition-changes">
          {comparison.definitionChanges.map((change, index) => (
            <li key={index}>{describeDefinitionChange(change)}</li>
          ))}
        </ul>
      )}
      <DataTable
        caption="Each offence type's change of rank and score, in the later run's order, with the factors that moved it"
        captionShown
        scroll
        compact
        testId="movement-table"
        rows={comparison.movements}
        rowKey={(movement) => movement.key}
        rowTestId="movement-row"
        columns={[
          { id: 'offence', header: 'Offence type', rowHeader: true, cell: (movement) => movement.label },
          { id: 'rank', header: 'Rank', cell: describeRankChange },
          { id: 'score', header: 'Score', cell: describeScoreChange },
          {
            id: 'drivers',
            header: 'What moved it',
            className: 'wrap',
            cell: (movement) =>
              movement.drivers.length === 0 ? (
                <span className="muted">No factor changed</span>
              ) : (
                <ul className="matrix-drivers">
                  {movement.drivers.map((driver) => (
                    <li key={driver.factor}>{describeDriver(driver)}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {comparison.added.length > 0 ? (
        <p>
          Only in the later run: {comparison.added.map((entry) => `${entry.label} (ranked ${entry.rank}, score ${formatScore(entry.score)})`).join('; ')}.
        </p>
      ) : null}
      {comparison.removed.length > 0 ? (
        <p>
          Only in the earlier run: {comparison.removed.map((entry) => `${entry.label} (ranked ${entry.rank}, score ${formatScore(entry.score)})`).join('; ')}.
        </p>
      ) : null}
    </div>
  );
}
