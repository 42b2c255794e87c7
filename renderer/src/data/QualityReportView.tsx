import { useState } from 'react';
import { importFormatLabels, type QualityReport } from '../../../shared/domain/dataset';
import { offenceChoices } from '../../../shared/domain/offence-key';
import { workbench } from '../api';
import { DataTable } from '../components/DataTable';
import { RowButton } from '../components/RowActions';
import { formatCount, formatShortDate, formatYearMonth } from '../../../shared/format';

const shownRejections = 20;

interface QualityReportViewProps {
  report: QualityReport;
  onReportChange(report: QualityReport): void;
}

/** The data-quality report: every row read accounted for, and what needs the analyst's eye. */
export function QualityReportView({ report, onReportChange }: QualityReportViewProps) {
  const { dataset } = report;
  const [labelChoice, setLabelChoice] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const choices = offenceChoices();

  async function mapLabel(label: string) {
    const offence = labelChoice[label];
    if (!offence) {
      setMessage(`Choose what “${label}” means first.`);
      return;
    }
    const result = await workbench.dataset.mapLabel({ datasetId: dataset.id, label, offence });
    if (result.ok) {
      onReportChange(result.value);
      setMessage(`“${label}” is now counted as ${choices.find((choice) => choice.key === offence)?.label ?? offence}, for every file from ${dataset.partner}.`);
    } else {
      setMessage(result.error.message);
    }
  }

  const accounting = [
    ['Rows read', dataset.rowsRead],
    ['Imported', dataset.rowsImported],
    ['Rejected', dataset.rowsRejected],
    ['Duplicates', dataset.duplicates],
    ['Outside the area', dataset.rowsOutOfArea],
  ] as const;

  return (
    <section className="panel" aria-labelledby={`report-${dataset.id}`} data-testid="quality-report">
      <h2 id={`report-${dataset.id}`}>Data quality: {dataset.fileName}</h2>
      <p>
        {importFormatLabels[dataset.format]}, from {dataset.partner}, imported {formatShortDate(dataset.importedAt)}.
        {dataset.firstMonth && dataset.lastMonth ? ` Covers ${formatYearMonth(dataset.firstMonth)} to ${formatYearMonth(dataset.lastMonth)}.` : ''}
      </p>
      {report.sheetsRead.length > 1 ? (
        <ul data-testid="report-sheets">
          {report.sheetsRead.map((sheet) => (
            <li key={sheet.name}>
              Sheet “{sheet.name}”: {sheet.skipped === null ? `${formatCount(sheet.rowsRead)} ${sheet.rowsRead === 1 ? 'row' : 'rows'} read` : `passed over (${sheet.skipped})`}
            </li>
          ))}
        </ul>
      ) : dataset.sheet ? (
        <p>Read from the sheet “{dataset.sheet}”.</p>
      ) : null}
      <dl className="summary-list accounting">
        {accounting.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={`report-${label.toLowerCase().replace(/\s+/g, '-')}`}>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>

      <ul className="checklist">
        <li data-testid="report-area">
          <span className={report.dataset.where.relation === 'partnership' ? 'check-ok' : 'check-warn'} aria-hidden="true">
            {report.dataset.where.relation === 'partnership' ? '✓' : '!'}
          </span>
          {report.dataset.where.relation === 'partnership'
            ? `The figures are for ${report.dataset.where.label}, the partnership’s area.`
            : `The figures are for the ${report.dataset.where.phrase}: they count that whole area, and the Analysis and every document say so beside them.`}
        </li>
        <li>
          <span className={report.missingMonths.length === 0 ? 'check-ok' : 'check-warn'} aria-hidden="true">
            {report.missingMonths.length === 0 ? '✓' : '!'}
          </span>
          {report.missingMonths.length === 0
            ? 'No missing months in the range covered.'
            : `Months with no rows: ${report.missingMonths.map(formatYearMonth).join(', ')}.`}
        </li>
        {report.mapping.area ? (
          <li>
            <span className={report.blankAreaCodes === 0 ? 'check-ok' : 'check-warn'} aria-hidden="true">
              {report.blankAreaCodes === 0 ? '✓' : '!'}
            </span>
            {report.blankAreaCodes === 0
              ? `Every row has an area (${report.mapping.area}).`
              : `${formatCount(report.blankAreaCodes)} rows have a blank area (${report.mapping.area}).`}
          </li>
        ) : (
          <li>
            <span className="check-info" aria-hidden="true">
              i
            </span>
            The file has no area column, so its rows cannot be checked against the partnership’s area.
          </li>
        )}
        <li>
          <span className={report.unmappedLabels.length === 0 ? 'check-ok' : 'check-warn'} aria-hidden="true">
            {report.unmappedLabels.length === 0 ? '✓' : '!'}
          </span>
          {report.unmappedLabels.length === 0
            ? 'Every offence label maps to the Home Office taxonomy.'
            : `${report.unmappedLabels.length} ${report.unmappedLabels.length === 1 ? 'label needs' : 'labels need'} mapping to an offence (below).`}
        </li>
        {report.otherAreas.length > 0 ? (
          <li>
            <span className="check-info" aria-hidden="true">
              i
            </span>
            {report.otherAreas.some((area) => area.kept) ? 'Kept as comparators' : 'Skipped as outside the area'}:{' '}
            {report.otherAreas
              .slice(0, 8)
              .map((area) => `${area.area} (${formatCount(area.rows)})`)
              .join(', ')}
            {report.otherAreas.length > 8 ? ` and ${report.otherAreas.length - 8} more` : ''}.
          </li>
        ) : null}
        {report.ignoredColumns.length > 0 ? (
          <li>
            <span className="check-info" aria-hidden="true">
              i
            </span>
            Columns not used: {report.ignoredColumns.join(', ')}.
          </li>
        ) : null}
      </ul>

      {report.unmappedLabels.length > 0 ? (
        <div className="subpanel">
          <h3>Labels to map</h3>
          <p className="hint">These rows are kept, but count towards no offence until you say what they mean. Your choice is remembered for {dataset.partner}.</p>
          <DataTable
            caption="Offence labels the workbench does not know"
            rows={report.unmappedLabels}
            rowKey={(label) => label.label}
            columns={[
              { id: 'label', header: 'Label in the file', rowHeader: true, cell: (label) => label.label },
              { id: 'rows', header: 'Rows', numeric: true, cell: (label) => formatCount(label.rows) },
              {
                id: 'means',
                header: 'Means',
                cell: (label, index) => (
                  <>
                    <label className="visually-hidden" htmlFor={`map-label-${index}`}>
                      What “{label.label}” means
                    </label>
                    <select
                      id={`map-label-${index}`}
                      value={labelChoice[label.label] ?? ''}
                      onChange={(event) => setLabelChoice({ ...labelChoice, [label.label]: event.target.value })}
                    >
                      <option value="">Choose…</option>
                      {choices.map((choice) => (
                        <option key={choice.key} value={choice.key}>
                          {choice.label}
                        </option>
                      ))}
                    </select>
                  </>
                ),
              },
              {
                id: 'action',
                header: 'Action',
                headerHidden: true,
                cell: (label) => <RowButton action="Save" subject={`the meaning of ${label.label}`} onClick={() => void mapLabel(label.label)} />,
              },
            ]}
          />
        </div>
      ) : null}

      {report.rejected.length > 0 ? (
        <div className="subpanel">
          <h3>Rejected rows</h3>
          {report.rejectionReasons.length > 1 ? (
            <ul>
              {report.rejectionReasons.map((reason) => (
                <li key={reason.reason}>
                  {formatCount(reason.rows)} × {reason.reason}
                </li>
              ))}
            </ul>
          ) : null}
          <DataTable
            caption="Rejected rows, by row number in the file"
            testId="rejected-rows"
            rows={report.rejected.slice(0, shownRejections)}
            rowKey={(rejection) => `${rejection.sheet ?? ''} ${rejection.row}`}
            columns={[
              // A dataset read from several sheets numbers its rows within each sheet.
              report.rejected.some((rejection) => rejection.sheet) && { id: 'sheet', header: 'Sheet', cell: (rejection) => rejection.sheet ?? '' },
              { id: 'row', header: 'Row', numeric: true, cell: (rejection) => rejection.row },
              { id: 'reason', header: 'Reason', className: 'wrap', cell: (rejection) => rejection.reason },
            ]}
          />
          {dataset.rowsRejected > shownRejections ? (
            <p className="footnote">
              Showing {shownRejections} of {formatCount(dataset.rowsRejected)} rejected rows. The CLI’s <code>dataset report</code> lists up to 1,000.
            </p>
          ) : null}
        </div>
      ) : null}
      <p role="status" className="status-message">
        {message}
      </p>
    </section>
  );
}
