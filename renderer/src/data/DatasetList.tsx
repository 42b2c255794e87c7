import { useState } from 'react';
import type { DatasetSummary } from '../../../shared/domain/dataset';
import { RemovableRowActions, RowButton } from '../components/RowActions';
import { formatCount, formatDate, formatYearMonth } from '../format';

interface DatasetListProps {
  datasets: DatasetSummary[];
  selected: number | null;
  onShowReport(id: number): void;
  onRemove(id: number): void;
}

/** Every dataset with its provenance, at a glance. */
export function DatasetList({ datasets, selected, onShowReport, onRemove }: DatasetListProps) {
  const [confirming, setConfirming] = useState<number | null>(null);
  if (datasets.length === 0) {
    return <p className="empty-note">No datasets yet. Import a file, or build the demo workspace to see how it works.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table" data-testid="dataset-table">
        <caption className="visually-hidden">Datasets in this workspace</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Partner</th>
            <th scope="col">Covers</th>
            <th scope="col" className="numeric">
              Imported
            </th>
            <th scope="col" className="numeric">
              Rejected
            </th>
            <th scope="col" className="numeric">
              Duplicates
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <tr key={dataset.id} data-testid="dataset-row" aria-current={dataset.id === selected ? 'true' : undefined}>
              <th scope="row" className="wrap">
                {dataset.fileName}
                <span className="cell-note">Imported {formatDate(dataset.importedAt)}</span>
              </th>
              <td className="wrap">{dataset.partner}</td>
              <td>{dataset.firstMonth && dataset.lastMonth ? `${formatYearMonth(dataset.firstMonth)} – ${formatYearMonth(dataset.lastMonth)}` : '—'}</td>
              <td className="numeric">
                {formatCount(dataset.rowsImported)} of {formatCount(dataset.rowsRead)}
              </td>
              <td className="numeric">{formatCount(dataset.rowsRejected)}</td>
              <td className="numeric">{formatCount(dataset.duplicates)}</td>
              <td className="row-actions">
                <RemovableRowActions
                  subject={dataset.fileName}
                  confirming={confirming === dataset.id}
                  onAskToRemove={() => setConfirming(dataset.id)}
                  onConfirm={() => {
                    setConfirming(null);
                    onRemove(dataset.id);
                  }}
                  onKeep={() => setConfirming(null)}
                >
                  <RowButton action="Data quality" subject={`of ${dataset.fileName}`} onClick={() => onShowReport(dataset.id)} />
                </RemovableRowActions>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
