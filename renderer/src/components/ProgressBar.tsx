import type { ProgressEvent } from '../../../shared/progress';
import { formatCount } from '../format';

/** A labelled progress bar with a Cancel button, for any long operation. */
export function ProgressBar({ event, onCancel }: { event: ProgressEvent; onCancel(): void }) {
  const known = event.total !== null && event.total > 0;
  const percent = known ? Math.min(100, Math.round((event.done / event.total!) * 100)) : null;
  const detail = known ? `${formatCount(event.done)} of ${formatCount(event.total!)} ${event.unit}` : '';
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-label" id={`progress-${event.operationId}`}>
        {event.stage}
        {detail ? <span className="muted"> — {detail}</span> : null}
      </div>
      <progress
        aria-labelledby={`progress-${event.operationId}`}
        max={100}
        value={percent ?? undefined}
      />
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
