import type { ScreenId, ScreenInfo } from './screens';

interface UpcomingScreenProps {
  screen: ScreenInfo;
  hasWorkspace: boolean;
  onGoTo(screen: ScreenId): void;
}

/** The empty state for an area of the workflow: what it is for and what to do first. */
export function UpcomingScreen({ screen, hasWorkspace, onGoTo }: UpcomingScreenProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{hasWorkspace ? 'Nothing here yet' : 'Start with a workspace'}</h2>
      {hasWorkspace ? (
        <p>{screen.next}</p>
      ) : (
        <>
          <p>Every assessment lives in a workspace file. Create one, or open one you already have.</p>
          <button type="button" className="button" onClick={() => onGoTo('partnership')}>
            Go to Partnership
          </button>
        </>
      )}
    </section>
  );
}
