import type { RunSummary } from '../../../shared/domain/analysis';
import { DataTable } from '../components/DataTable';
import { RowButton } from '../components/RowActions';
import { formatDateTime } from '../../../shared/format';
import { templateName } from './matrix-format';

interface RunListProps {
  runs: RunSummary[];
  shown: number | null;
  onShow(id: number): void;
}

/** Every frozen run with its four highest-ranked types. */
export function RunList({ runs, shown, onShow }: RunListProps) {
  if (runs.length === 0) return <p className="empty-note">No frozen runs yet. Freeze the scoring when it is ready to report.</p>;
  return (
    <DataTable
      caption="Frozen runs, oldest first"
      captionShown
      scroll
      compact
      testId="run-table"
      rows={runs}
      rowKey={(run) => run.id}
      rowTestId="run-row"
      isCurrent={(run) => run.id === shown}
      columns={[
        { id: 'name', header: 'Name', rowHeader: true, cell: (run) => run.name },
        { id: 'frozen', header: 'Frozen', cell: (run) => formatDateTime(run.createdAt) },
        { id: 'template', header: 'Template', className: 'wrap', cell: (run) => templateName(run.template) },
        {
          id: 'top',
          header: 'Top four',
          className: 'wrap',
          cell: (run) => (
            <ol className="matrix-top-list">
              {run.top.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ol>
          ),
        },
        { id: 'actions', header: 'Actions', headerHidden: true, className: 'row-actions', cell: (run) => <RowButton action="Show" subject={run.name} onClick={() => onShow(run.id)} /> },
      ]}
    />
  );
}
