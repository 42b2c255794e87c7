import type { Priority } from '../../../shared/domain/priority';
import { numberWord } from '../../../shared/domain/priority';
import type { ScreenId } from '../screens/screens';
import { formatScore } from '../matrix/matrix-format';
import type { OffenceChoice } from './priority-choices';
import { DataTable, rankColumns } from '../components/DataTable';

interface RankingBesideProps {
  choices: OffenceChoice[];
  templateName: string;
  priorities: Priority[];
  onGoTo(screen: ScreenId): void;
}

/**
 * The current ranking beside the priorities, so that the analyst sees why each priority
 * exists: each type's rank and score, and which priorities address it.
 */
export function RankingBeside({ choices, templateName, priorities, onGoTo }: RankingBesideProps) {
  const ranked = choices.filter((choice) => choice.rank !== null);
  const unranked = choices.filter((choice) => choice.rank === null);
  const addressedBy = (key: string) =>
    priorities.filter((priority) => priority.offences.some((offence) => offence.key === key)).map((priority) => priority.number);

  if (ranked.length === 0) {
    return (
      <aside className="priorities-ranking empty-state" aria-labelledby="priorities-ranking-heading" data-testid="priorities-ranking-empty">
        <h2 id="priorities-ranking-heading">Nothing is ranked yet</h2>
        <p>Priorities are chosen from the ranking. Import data on the Data screen, then score the offence types on the Matrix screen.</p>
        <div className="actions">
          <button type="button" className="button" onClick={() => onGoTo('data')}>
            Go to Data
          </button>
          <button type="button" className="button button-secondary" onClick={() => onGoTo('matrix')}>
            Go to Matrix
          </button>
        </div>
      </aside>
    );
  }

  return (
    <aside className="priorities-ranking panel" aria-labelledby="priorities-ranking-heading" tabIndex={0}>
      <h2 id="priorities-ranking-heading">Current ranking</h2>
      <p className="hint">
        Scored with the {templateName}.{' '}
        <button type="button" className="button-link priorities-inline-link" onClick={() => onGoTo('matrix')}>
          See the working on the Matrix screen
        </button>
      </p>
      <DataTable
        caption="The current ranking, highest first, and the priorities that address each type"
        compact
        testId="priorities-ranking"
        rows={[...ranked, ...unranked]}
        rowKey={(choice) => choice.key}
        rowTestId="priorities-ranking-row"
        rowClassName={(choice) => (addressedBy(choice.key).length > 0 ? 'priorities-addressed' : undefined)}
        columns={[
          ...rankColumns<OffenceChoice>({
            rank: { cell: (choice) => choice.rank ?? <span className="muted">–</span> },
            offence: {
              cell: (choice) => (
                <>
                  {choice.label}
                  {choice.rank === null ? <span className="cell-note">Not ranked</span> : null}
                </>
              ),
            },
            score: { cell: (choice) => (choice.score === null ? <span className="muted">–</span> : formatScore(choice.score)) },
          }),
          {
            id: 'priorities',
            header: 'Priorities',
            testId: 'addressed-by',
            cell: (choice) => {
              const numbers = addressedBy(choice.key);
              return numbers.length > 0 ? (
                numbers.map((number) => numberWord(number)).join(', ')
              ) : (
                <span className="muted">
                  <span aria-hidden="true">–</span>
                  <span className="visually-hidden">None</span>
                </span>
              );
            },
          },
        ]}
      />
    </aside>
  );
}
