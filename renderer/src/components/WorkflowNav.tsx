import { screens, type ScreenId } from '../screens/screens';

interface WorkflowNavProps {
  current: ScreenId;
  hasWorkspace: boolean;
  onSelect(screen: ScreenId): void;
}

export function WorkflowNav({ current, hasWorkspace, onSelect }: WorkflowNavProps) {
  return (
    <nav className="workflow-nav" aria-label="Workflow">
      <ol>
        {screens.map((screen, index) => (
          <li key={screen.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen.id === current ? 'page' : undefined}
              onClick={() => onSelect(screen.id)}
            >
              <span className="nav-step" aria-hidden="true">
                {index + 1}
              </span>
              <span>{screen.title}</span>
            </button>
          </li>
        ))}
      </ol>
      {!hasWorkspace ? <p className="nav-hint">No workspace open</p> : null}
    </nav>
  );
}
