import type { RefObject } from 'react';
import type { StoredRun } from '../../../shared/domain/analysis';
import { methodOfRun, scoringMethod, type RankedOffence } from '../../../shared/matrix';
import { describePeriod } from '../../../shared/statistics';
import { FrozenPriorities } from '../priorities/FrozenPriorities';
import '../priorities/priorities.css';
import { formatDateTime } from '../../../shared/format';
import { formatScore, shortLabel, templateName } from './matrix-format';
import { DataTable, rankColumns } from '../components/DataTable';

/** A frozen run's ranking exactly as stored, never re-scored for display. */
export function FrozenRunView({ run, headingRef }: { run: StoredRun; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const stored = run.run;
  const hasBands = stored.definition.scoreBands.length > 0;
  const weighted = stored.definition.factors.filter((factor) => factor.role !== 'beside');
  return (
    <div className="subpanel" data-testid="frozen-run">
      <h3 ref={headingRef} tabIndex={-1}>
        Frozen run: {run.name}
      </h3>
      <p>
        Frozen {formatDateTime(run.createdAt)} with the {templateName(run.template)}, for {describePeriod(run.periods.current)} against{' '}
        {describePeriod(run.periods.comparison)}. Weights: {weighted.map((factor) => `${shortLabel(factor)} ${formatScore(factor.weight)}`).join(', ')}.
      </p>
      <p data-testid="frozen-method">
        Scoring method {methodOfRun(stored)}: significance by the {scoringMethod(methodOfRun(stored)).aspects.significance}.{' '}
        {stored.peers && stored.peers.areas.length > 0 ? `Peers: ${stored.peers.areas.join(', ')}.` : 'No peers.'}
      </p>
      {run.identical ? (
        <p className="matrix-check">Re-scoring its stored inputs gives exactly this ranking.</p>
      ) : (
        <div className="matrix-notice" role="note">
          <p>Re-scoring this run's stored inputs does not give the stored ranking, which is shown as frozen:</p>
          <ul>
            {run.differences.map((difference) => (
              <li key={difference}>{difference}</li>
            ))}
          </ul>
        </div>
      )}
      <DataTable
        caption={<>Ranking frozen in “{run.name}”</>}
        captionShown
        scroll
        compact
        testId="frozen-ranking"
        rows={stored.ranking}
        rowKey={(row) => row.key}
        rowTestId="frozen-row"
        columns={[
          ...rankColumns<RankedOffence>({
            rank: { cell: (row) => row.rank },
            offence: { cell: (row) => row.label },
            score: { cell: (row) => formatScore(row.score) },
          }),
          hasBands && { id: 'band', header: 'Band', cell: (row) => row.band ?? '—' },
        ]}
      />
      <FrozenPriorities priorities={run.priorities} ranking={stored.ranking} />
    </div>
  );
}
