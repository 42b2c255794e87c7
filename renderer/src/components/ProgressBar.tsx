import type { ProgressEvent } from '../../../shared/progress';
import { formatBytes, formatCount, formatDuration } from '../../../shared/format';

function describeAmount(event: ProgressEvent): string {
  if (event.total === null) return event.rows !== undefined ? `${formatCount(event.rows)} rows` : '';
  const amount =
    event.unit === 'bytes'
      ? `${formatBytes(event.done)} of ${formatBytes(event.total)}`
      : `${formatCount(event.done)} of ${formatCount(event.total)} ${event.unit}`;
  return event.rows !== undefined ? `${formatCount(event.rows)} rows, ${amount}` : amount;
}

/** A labelled progress bar with the amount done, the time left and a Cancel button. */
export function ProgressBar({ event, onCancel }: { event: ProgressEvent; onCancel(): void }) {
  const known = event.total !== null && event.total > 0;
  const fraction = known ? Math.min(1, event.done / event.total!) : null;
  const elapsed = (event.elapsedMs ?? 0) / 1000;
  const remaining = fraction && fraction > 0.02 && elapsed > 1 ? (elapsed / fraction) * (1 - fraction) : null;
  const detail = [describeAmount(event), remaining !== null ? `about ${formatDuration(remaining)} left` : ''].filter(Boolean).join(' — ');
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-label" id={`progress-${event.operationId}`}>
        {event.stage}
        {detail ? <span className="muted"> — {detail}</span> : null}
      </div>
      <progress aria-labelledby={`progress-${event.operationId}`} max={100} value={fraction === null ? undefined : Math.round(fraction * 100)} />
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
