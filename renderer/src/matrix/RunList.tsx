import type { RunSummary } from '../../../shared/domain/analysis';
import { RowButton } from '../components/RowActions';
import { formatDateTime, templateName } from './matrix-format';

interface RunListProps {
  runs: RunSummary[];
  shown: number | null;
  onShow(id: number): void;
}

/** Every frozen run with its four highest-ranked types. */
export function RunList({ runs, shown, onShow }: RunListProps) {
  if (runs.length === 0) return <p className="empty-note">No frozen runs yet. Freeze the scoring when it is ready to report.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="run-list-caption">
      <table className="table table-compact" data-testid="run-table">
        <caption id="run-list-caption" className="caption">
          Frozen runs, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Frozen</th>
            <th scope="col">Template</th>
            <th scope="col">Top four</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid="run-row" aria-current={run.id === shown ? 'true' : undefined}>
              <th scope="row">{run.name}</th>
              <td>{formatDateTime(run.createdAt)}</td>
              <td className="wrap">{templateName(run.template)}</td>
              <td className="wrap">
                <ol className="matrix-top-list">
                  {run.top.map((label) => (
                    <li key={label}>{label}</li>
                  ))}
                </ol>
              </td>
              <td className="row-actions">
                <RowButton action="Show" subject={run.name} onClick={() => onShow(run.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
