import { useState } from 'react';
import type { DatasetSummary } from '../../../shared/domain/dataset';
import { DataTable } from '../components/DataTable';
import { RemovableRowActions, RowButton } from '../components/RowActions';
import { formatCount, formatShortDate, formatYearMonth } from '../../../shared/format';

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
    <DataTable
      caption="Datasets in this workspace"
      scroll
      testId="dataset-table"
      rows={datasets}
      rowKey={(dataset) => dataset.id}
      rowTestId="dataset-row"
      isCurrent={(dataset) => dataset.id === selected}
      columns={[
        {
          id: 'file',
          header: 'File',
          rowHeader: true,
          className: 'wrap',
          cell: (dataset) => (
            <>
              {dataset.fileName}
              <span className="cell-note">Imported {formatShortDate(dataset.importedAt)}</span>
            </>
          ),
        },
        { id: 'partner', header: 'Partner', className: 'wrap', cell: (dataset) => dataset.partner },
        {
          id: 'covers',
          header: 'Covers',
          cell: (dataset) => (dataset.firstMonth && dataset.lastMonth ? `${formatYearMonth(dataset.firstMonth)} – ${formatYearMonth(dataset.lastMonth)}` : '—'),
        },
        {
          id: 'imported',
          header: 'Imported',
          numeric: true,
          cell: (dataset) => (
            <>
              {formatCount(dataset.rowsImported)} of {formatCount(dataset.rowsRead)}
            </>
          ),
        },
        { id: 'rejected', header: 'Rejected', numeric: true, cell: (dataset) => formatCount(dataset.rowsRejected) },
        { id: 'duplicates', header: 'Duplicates', numeric: true, cell: (dataset) => formatCount(dataset.duplicates) },
        {
          id: 'actions',
          header: 'Actions',
          headerHidden: true,
          className: 'row-actions',
          cell: (dataset) => (
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
          ),
        },
      ]}
    />
  );
}
