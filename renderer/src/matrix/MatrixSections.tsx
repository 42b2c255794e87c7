import type { MatrixState } from '../../../shared/domain/analysis';
import { formatScore } from './matrix-format';
import type { RankedOffence } from '../../../shared/matrix';
import { DataTable, rankColumns } from '../components/DataTable';

export const matrixSections = [
  { id: 'factors', label: 'Template and factors' },
  { id: 'ranking', label: 'Ranking' },
  { id: 'judgements', label: 'Judgements' },
  { id: 'sensitivity', label: 'Sensitivity' },
  { id: 'runs', label: 'Runs' },
] as const;
export type MatrixSectionId = (typeof matrixSections)[number]['id'];

/** The Matrix screen's parts, one shown at a time, so the analyst jumps rather than scrolls. */
export function MatrixSectionNav({ current, onChoose }: { current: MatrixSectionId; onChoose(section: MatrixSectionId): void }) {
  return (
    <nav className="matrix-sections" aria-label="Matrix sections">
      <ul>
        {matrixSections.map((section) => (
          <li key={section.id}>
            <button
              type="button"
              className="matrix-section-button"
              aria-current={section.id === current ? 'true' : undefined}
              onClick={() => onChoose(section.id)}
            >
              {section.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The ranking in brief, kept in view beside the weights and judgements as they are edited. */
export function SideRanking({ state }: { state: MatrixState }) {
  const hasBands = state.definition.scoreBands.length > 0;
  return (
    <aside className="panel matrix-side" aria-labelledby="matrix-side-heading" data-testid="side-ranking" tabIndex={0}>
      <h2 id="matrix-side-heading">Ranking now</h2>
      <DataTable
        caption="The ranking as it stands, re-scored with every edit"
        compact
        rows={state.ranking}
        rowKey={(row) => row.key}
        rowTestId="side-ranking-row"
        columns={rankColumns<RankedOffence>({
          rank: { cell: (row) => row.rank },
          offence: { cell: (row) => row.label },
          score: {
            cell: (row) => (
              <>
                {formatScore(row.score)}
                {hasBands && row.band ? <span className="cell-note">{row.band}</span> : null}
              </>
            ),
          },
        })}
      />
    </aside>
  );
}
