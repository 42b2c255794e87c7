import { useCallback, useEffect, useState } from 'react';
import type { DatasetSummary, QualityReport } from '../../../shared/domain/dataset';
import type { Member } from '../../../shared/domain/partnership';
import { workbench } from '../api';
import { DatasetList } from './DatasetList';
import { ImportPanel } from './ImportPanel';
import { QualityReportView } from './QualityReportView';

/** Import files, see every dataset's provenance, and read its data-quality report. */
export function DataScreen({ onDatasetsChanged }: { onDatasetsChanged(): void }) {
  const [datasets, setDatasets] = useState<DatasetSummary[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [report, setReport] = useState<QualityReport | null>(null);
  const [message, setMessage] = useState('');

  const refresh = useCallback(async () => {
    const list = await workbench.dataset.list();
    if (list.ok) setDatasets(list.value);
    else setMessage(`The list of datasets could not be read: ${list.error.message}`);
  }, []);

  useEffect(() => {
    void workbench.dataset.list().then((list) => {
      if (list.ok) setDatasets(list.value);
      else setMessage(`The list of datasets could not be read: ${list.error.message}`);
    });
    void workbench.partnership.show().then((result) => {
      if (result.ok) setMembers(result.value.members);
      else setMessage(`The partnership's members could not be read: ${result.error.message}`);
    });
  }, []);

  async function showReport(id: number) {
    const result = await workbench.dataset.report({ id });
    if (result.ok) setReport(result.value);
    else setMessage(result.error.message);
  }

  async function remove(id: number) {
    const removed = datasets.find((dataset) => dataset.id === id);
    const result = await workbench.dataset.remove({ id });
    if (!result.ok) {
      setMessage(result.error.message);
      return;
    }
    setDatasets(result.value);
    if (report?.dataset.id === id) setReport(null);
    setMessage(`Removed ${removed?.fileName ?? `dataset ${id}`} and every row it brought.`);
    onDatasetsChanged();
  }

  return (
    <div className="stack">
      <ImportPanel
        members={members}
        onImported={(imported) => {
          setReport(imported);
          setMessage(`Imported ${imported.dataset.fileName}.`);
          void refresh();
          onDatasetsChanged();
        }}
      />
      <section className="panel" aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">Datasets</h2>
        <DatasetList datasets={datasets} selected={report?.dataset.id ?? null} onShowReport={(id) => void showReport(id)} onRemove={(id) => void remove(id)} />
        <p role="status" className="status-message">
          {message}
        </p>
      </section>
      {report ? <QualityReportView report={report} onReportChange={setReport} /> : null}
    </div>
  );
}
