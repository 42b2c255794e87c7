export interface AppProblem {
  title: string;
  message: string;
}

/**
 * A problem that concerns the whole app rather than one form: the service stopped, or a
 * workspace could not be read. It says what happened and what to do, and stays until dismissed.
 */
export function AppAlert({ problem, onDismiss }: { problem: AppProblem | null; onDismiss(): void }) {
  if (!problem) return null;
  return (
    <div className="error-summary app-alert" role="alert" data-testid="app-alert">
      <h2 className="error-summary-title">{problem.title}</h2>
      <p>{problem.message}</p>
      <button type="button" className="button button-secondary" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
