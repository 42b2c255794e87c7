import { priorityHeading, priorityName, type Priority } from '../../../shared/domain/priority';
import { formatLongDate } from '../../../shared/format';
import { RemovableRowActions, RowButton } from '../components/RowActions';
import { formatScore } from '../matrix/matrix-format';
import type { OffenceChoice } from './priority-choices';
import { RagStatusBadge } from './RagStatusBadge';


export const moveButtonId = (direction: 'up' | 'down', id: number) => `priority-move-${direction}-${id}`;
export const editButtonId = (id: number) => `priority-edit-${id}`;
export const removeButtonId = (id: number) => `priority-remove-${id}`;

interface PriorityListProps {
  priorities: Priority[];
  choices: OffenceChoice[];
  editingId: number | null;
  confirmingRemoval: number | null;
  onMove(priority: Priority, offset: -1 | 1): void;
  onEdit(priority: Priority): void;
  onAskToRemove(priority: Priority): void;
  onRemove(priority: Priority): void;
  onKeep(priority: Priority): void;
}

/** The priorities in order, each with what it addresses (and where that ranks), its lead, status and measures. */
export function PriorityList({ priorities, choices, editingId, confirmingRemoval, onMove, onEdit, onAskToRemove, onRemove, onKeep }: PriorityListProps) {
  const choiceFor = new Map(choices.map((choice) => [choice.key, choice]));
  if (priorities.length === 0) {
    return (
      <p className="empty-note" data-testid="priorities-empty">
        No priorities yet. Write the first below, choosing the offence types it addresses from the ranking.
      </p>
    );
  }
  return (
    <ol className="priorities-list" data-testid="priorities-list">
      {priorities.map((priority, index) => {
        const name = priorityName(priority.number);
        return (
          <li key={priority.id} className={`priorities-item${editingId === priority.id ? ' priorities-item-editing' : ''}`} data-testid="priority">
            <article aria-labelledby={`priority-heading-${priority.id}`}>
              <div className="priorities-item-top">
                <h3 id={`priority-heading-${priority.id}`} className="priorities-heading">
                  {priorityHeading(priority)}
                </h3>
                <RagStatusBadge status={priority.status} />
              </div>
              <p className="priorities-aim">{priority.aim}</p>
              <dl className="priorities-facts">
                <div>
                  <dt>Addresses</dt>
                  <dd>
                    {priority.offences.length === 0 ? (
                      <span className="muted">No offence types chosen</span>
                    ) : (
                      <ul className="priorities-offence-list" data-testid="priority-offences">
                        {priority.offences.map((offence) => {
                          const choice = choiceFor.get(offence.key);
                          return (
                            <li key={offence.key}>
                              {choice?.rank ? (
                                <span className="priorities-rank">
                                  <span className="visually-hidden">Rank </span>
                                  {choice.rank}
                                </span>
                              ) : null}
                              <span>
                                {offence.label}
                                <span className="muted">{choice?.rank ? ` (score ${formatScore(choice.score ?? 0)})` : ' (not ranked)'}</span>
                              </span>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Lead partner</dt>
                  <dd data-testid="priority-lead">{priority.lead?.name ?? <span className="muted">No lead yet</span>}</dd>
                </div>
                <div>
                  <dt>Review date</dt>
                  <dd>{priority.reviewDate ? formatLongDate(priority.reviewDate) : <span className="muted">Not set</span>}</dd>
                </div>
                <div>
                  <dt>Measures</dt>
                  <dd>
                    {priority.measures.length === 0 ? (
                      <span className="muted">None yet</span>
                    ) : (
                      <ul className="priorities-measures">
                        {priority.measures.map((measure, line) => (
                          <li key={line}>{measure}</li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
              </dl>
              <div className="priorities-actions">
                <RemovableRowActions
                  subject={name}
                  confirming={confirmingRemoval === priority.id}
                  removeId={removeButtonId(priority.id)}
                  onAskToRemove={() => onAskToRemove(priority)}
                  onConfirm={() => onRemove(priority)}
                  onKeep={() => onKeep(priority)}
                >
                  <RowButton id={moveButtonId('up', priority.id)} action="Move up" subject={name} disabled={index === 0} onClick={() => onMove(priority, -1)} />
                  <RowButton
                    id={moveButtonId('down', priority.id)}
                    action="Move down"
                    subject={name}
                    disabled={index === priorities.length - 1}
                    onClick={() => onMove(priority, 1)}
                  />
                  <RowButton id={editButtonId(priority.id)} action="Edit" subject={name} onClick={() => onEdit(priority)} />
                </RemovableRowActions>
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
