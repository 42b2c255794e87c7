import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * The last line of defence for the page: anything a screen throws while drawing shows this
 * instead of a blank window, with a way back. Reloading the page keeps the workspace open: it
 * lives in the service, not in the page.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The screen failed to draw:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="app-main crash-screen" id="main">
        <div className="error-summary" role="alert">
          <h1 className="error-summary-title">This screen stopped working</h1>
          <p>
            Something went wrong while showing this screen. Your workspace is safe: every step that finished is saved in the
            workspace file. Reload the window to carry on.
          </p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the window
          </button>
        </div>
      </main>
    );
  }
}
