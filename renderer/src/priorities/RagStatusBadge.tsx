import { ragStatusLabels, type RagStatus } from '../../../shared/domain/priority';

/** A status (not started, red, amber or green) as a shape and words, so that colour never carries it alone. */
export function RagStatusBadge({ status }: { status: RagStatus | null }) {
  if (!status) return <span className="muted">Status not set</span>;
  return (
    <span className={`rag rag-${status}`} data-testid="rag-status">
      <span className="rag-shape" aria-hidden="true" />
      {ragStatusLabels[status]}
    </span>
  );
}
