import { priorityHeading, type FrozenPriority } from '../../../shared/domain/priority';
import type { RankedOffence } from '../../../shared/matrix';
import { RagStatusBadge } from './RagStatusBadge';

/** The priorities a frozen run recorded, with the ranks their types had in that run. */
export function FrozenPriorities({ priorities, ranking }: { priorities: FrozenPriority[] | null; ranking: RankedOffence[] }) {
  if (priorities === null) {
    return <p className="muted">This run was frozen before the workbench recorded priorities with a run.</p>;
  }
  if (priorities.length === 0) return <p className="muted">No priorities were set when this run was frozen.</p>;
  const rankOf = new Map(ranking.map((row) => [row.key, row.rank]));
  return (
    <div data-testid="frozen-priorities">
      <h4 className="frozen-priorities-heading">Priorities set when it was frozen</h4>
      <ul className="frozen-priorities">
        {priorities.map((priority) => (
          <li key={priority.number}>
            <strong>{priorityHeading(priority)}</strong> <RagStatusBadge status={priority.status} />
            <br />
            <span className="muted">
              Addresses{' '}
              {priority.offences.length === 0
                ? 'no offence types'
                : priority.offences
                    .map((offence) => (rankOf.has(offence.key) ? `${offence.label} (rank ${rankOf.get(offence.key)})` : `${offence.label} (not ranked)`))
                    .join(', ')}
              ; lead: {priority.lead ?? 'none'}.
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
