import type { Priority } from '../../../shared/domain/priority';
import { numberWord } from '../../../shared/domain/priority';
import type { ScreenId } from '../screens/screens';
import { formatScore } from '../matrix/matrix-format';
import type { OffenceChoice } from './priority-choices';
import { RankColumnHeads } from '../components/RankColumnHeads';

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
      <table className="table table-compact" data-testid="priorities-ranking">
        <caption className="visually-hidden">The current ranking, highest first, and the priorities that address each type</caption>
        <thead>
          <tr>
            <RankColumnHeads />
            <th scope="col">Priorities</th>
          </tr>
        </thead>
        <tbody>
          {[...ranked, ...unranked].map((choice) => {
            const numbers = addressedBy(choice.key);
            return (
              <tr key={choice.key} data-testid="priorities-ranking-row" className={numbers.length > 0 ? 'priorities-addressed' : undefined}>
                <td className="numeric">{choice.rank ?? <span className="muted">–</span>}</td>
                <th scope="row">
                  {choice.label}
                  {choice.rank === null ? <span className="cell-note">Not ranked</span> : null}
                </th>
                <td className="numeric">{choice.score === null ? <span className="muted">–</span> : formatScore(choice.score)}</td>
                <td data-testid="addressed-by">
                  {numbers.length > 0 ? (
                    numbers.map((number) => numberWord(number)).join(', ')
                  ) : (
                    <span className="muted">
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">None</span>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </aside>
  );
}
