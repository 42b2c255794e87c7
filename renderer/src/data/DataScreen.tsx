import { useState } from 'react';
import type { QualityReport } from '../../../shared/domain/dataset';
import { workbench } from '../api';
import { useQuery } from '../data-access/useQuery';
import { DatasetList } from './DatasetList';
import { ImportPanel } from './ImportPanel';
import { QualityReportView } from './QualityReportView';

/** Import files, see every dataset's provenance, and read its data-quality report. */
export function DataScreen() {
  const [report, setReport] = useState<QualityReport | null>(null);
  const [message, setMessage] = useState('');
  // Loaded again after an import (data-access/invalidations.ts); a removal answers with the list.
  const datasets = useQuery(['datasets'], () => workbench.dataset.list(), {
    onError: (error) => setMessage(`The list of datasets could not be read: ${error}`),
  });
  const partnership = useQuery(['partnership'], () => workbench.partnership.show(), {
    onError: (error) => setMessage(`The partnership's members could not be read: ${error}`),
  });
  const list = datasets.data ?? [];

  async function showReport(id: number) {
    const result = await workbench.dataset.report({ id });
    if (result.ok) setReport(result.value);
    else setMessage(result.error.message);
  }

  async function remove(id: number) {
    const removed = list.find((dataset) => dataset.id === id);
    const result = await workbench.dataset.remove({ id });
    if (!result.ok) {
      setMessage(result.error.message);
      return;
    }
    datasets.set(result.value);
    if (report?.dataset.id === id) setReport(null);
    setMessage(`Removed ${removed?.fileName ?? `dataset ${id}`} and every row it brought.`);
  }

  return (
    <div className="stack">
      <ImportPanel
        members={partnership.data?.members ?? []}
        onImported={(imported) => {
          setReport(imported);
          setMessage(`Imported ${imported.dataset.fileName}.`);
        }}
      />
      <section className="panel" aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">Datasets</h2>
        <DatasetList datasets={list} selected={report?.dataset.id ?? null} onShowReport={(id) => void showReport(id)} onRemove={(id) => void remove(id)} />
        <p role="status" className="status-message">
          {message}
        </p>
      </section>
      {report ? <QualityReportView report={report} onReportChange={setReport} /> : null}
    </div>
  );
}
