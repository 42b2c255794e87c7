import { useMemo, useState } from 'react';
import type { OffenceAnalysis, OffenceKind } from '../../../shared/domain/analysis';
import type { AssessmentPeriods } from '../../../shared/statistics/periods';
import type { PeriodFigures } from '../../../shared/statistics/offence-summary';
import { describePeriod } from '../../../shared/statistics/periods';
import { DataTable, type Column } from '../components/DataTable';
import { RowButton } from '../components/RowActions';
import { changeTestMethod, formatPValue } from '../../../shared/statistics/change';
import { harmPricing } from '../../../shared/statistics/harm';
import { formatSignedCount, formatSignedPercent } from '../../../shared/format';
import {
  formatOneDecimal,
  formatRate,
  formatZ,
  harmPricingShort,
  kindLabels,
  missingRateReason,
  periodCount,
  residentsRate,
  scoredShort,
  significanceOf,
  trendLabels,
} from './analysis-format';
import { firstDirection, sortOffences, type SortColumnId, type SortState } from './offence-sorting';

interface OffenceTableProps {
  offences: readonly OffenceAnalysis[];
  periods: AssessmentPeriods;
  selectedKey: string | null;
  onShowCharts(key: string): void;
}

const kindOrder: OffenceKind[] = ['subgroup', 'group', 'police-uk', 'indicator', 'total'];

/** Every offence type and indicator with its figures, sortable by any figure and filtered by kind. */
export function OffenceTable({ offences, periods, selectedKey, onShowCharts }: OffenceTableProps) {
  const [sort, setSort] = useState<SortState | null>(null);
  const [kind, setKind] = useState<OffenceKind | 'all'>('all');
  // Less important columns are the analyst's choice, so the table fits a 1,366-pixel laptop screen.
  const [extra, setExtra] = useState<ReadonlySet<ExtraColumn>>(new Set());
  const showing = (column: ExtraColumn) => extra.has(column);
  function toggleExtra(column: ExtraColumn) {
    setExtra((current) => {
      const next = new Set(current);
      if (!next.delete(column)) next.add(column);
      return next;
    });
  }
  const kinds = kindOrder.filter((candidate) => offences.some((offence) => offence.kind === candidate));
  const shown = useMemo(
    () => sortOffences(kind === 'all' ? offences : offences.filter((offence) => offence.kind === kind), sort),
    [offences, kind, sort],
  );

  function sortBy(column: SortColumnId) {
    setSort((previous) =>
      previous?.column === column
        ? { column, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: firstDirection(column) },
    );
  }

  return (
    <section className="panel" aria-labelledby="offence-table-heading">
      <h2 id="offence-table-heading">Figures for each offence type</h2>
      <div className="field analysis-filter">
        <label htmlFor="analysis-kind">Show</label>
        <select id="analysis-kind" value={kind} onChange={(event) => setKind(event.target.value as OffenceKind | 'all')}>
          <option value="all">All offence types and indicators ({offences.length})</option>
          {kinds.map((entry) => (
            <option key={entry} value={entry}>
              {kindLabels[entry]} ({offences.filter((offence) => offence.kind === entry).length})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="analysis-columns">
        <legend>Also show</legend>
        {extraColumns.map((column) => (
          <span className="analysis-column-choice" key={column.id}>
            <input type="checkbox" id={`analysis-column-${column.id}`} checked={showing(column.id)} onChange={() => toggleExtra(column.id)} />
            <label htmlFor={`analysis-column-${column.id}`}>{column.label}</label>
          </span>
        ))}
      </fieldset>
      <p className="hint" id="offence-table-periods">
        {describePeriod(periods.current)} (the assessment period) against {describePeriod(periods.comparison)} (the comparison period). Select a column
        heading to sort by it; select it again to reverse the order.
      </p>
      <DataTable
        caption="Figures for each offence type"
        scroll={{ label: 'Table of figures, which scrolls sideways' }}
        compact
        className="analysis-table"
        testId="analysis-table"
        describedBy="offence-table-periods"
        rows={shown}
        rowKey={(offence) => offence.key}
        rowTestId="analysis-row"
        isCurrent={(offence) => offence.key === selectedKey}
        sort={{ state: sort, onSort: sortBy }}
        columns={offenceColumns(extra, onShowCharts)}
      />
      <p className="footnote">
        Rates are per 1,000 residents of the area each type’s source covers, the figure the matrix ranks volume on; residential burglary also shows its rate per
        1,000 households where the household figure is given. Significance: {changeTestMethod}{' '}
        Harm is the mean ONS Crime Severity Score weight, in days of imprisonment per offence: from the source’s own Home Office codes, or the
        subgroup’s codes weighted by another dataset’s code-level counts for the same area; marked “unweighted mean: may overstate” where neither exists,
        as rare, grave codes then count as much as common ones.
      </p>
    </section>
  );
}

/** A blank cell says why it is blank to screen readers, and shows a dash. */
function NotAvailable({ reason }: { reason: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{reason}</span>
    </>
  );
}

function Note({ children }: { children: string }) {
  return <span className="cell-note">{children}</span>;
}

type ExtraColumn = 'source' | 'scored';
const extraColumns: { id: ExtraColumn; label: string }[] = [
  { id: 'source', label: 'Source of the figures' },
  { id: 'scored', label: 'Whether the matrix scores the type' },
];

/** The table's columns: the figures, then the extra columns chosen. */
function offenceColumns(extra: ReadonlySet<ExtraColumn>, onShowCharts: (key: string) => void): (Column<OffenceAnalysis, SortColumnId> | false)[] {
  return [
    { id: 'label', header: 'Offence type', sortKey: 'label', rowHeader: true, testId: 'offence-label', cell: (offence) => offence.label },
    {
      id: 'charts',
      header: 'Charts',
      headerHidden: true,
      cell: (offence) => <RowButton action="Show charts" subject={`for ${offence.label}`} onClick={() => onShowCharts(offence.key)} />,
    },
    { id: 'current', header: 'Assessment period', sortKey: 'current', numeric: true, testId: 'current-count', cell: (offence) => <PeriodCount figures={offence.summary.current} /> },
    {
      id: 'comparison',
      header: 'Comparison period',
      sortKey: 'comparison',
      numeric: true,
      testId: 'comparison-count',
      cell: (offence) => <PeriodCount figures={offence.summary.comparison} />,
    },
    {
      id: 'change',
      header: 'Change',
      sortKey: 'change',
      numeric: true,
      testId: 'change',
      cell: ({ summary: { change } }) => (change ? formatSignedCount(change.change) : <NotAvailable reason="No comparison" />),
    },
    {
      id: 'percent',
      header: '% change',
      sortKey: 'percent',
      numeric: true,
      testId: 'percent-change',
      cell: ({ summary: { change } }) =>
        change === null ? (
          <NotAvailable reason="No comparison" />
        ) : change.percentChange === null ? (
          <>
            No %<Note>none before</Note>
          </>
        ) : (
          formatSignedPercent(change.percentChange)
        ),
    },
    {
      id: 'significance',
      header: 'Significance (exact test)',
      sortKey: 'significance',
      testId: 'significance',
      cell: ({ summary: { change } }) => {
        const significance = significanceOf(change);
        return (
          <>
            <span className={`significance significance-${significance.tone}`}>
              <span className="significance-symbol" aria-hidden="true">
                {significance.symbol}
              </span>{' '}
              {significance.text}
            </span>
            {change ? <Note>{formatPValue(change.pValue)}</Note> : null}
            {change ? <Note>{`Poisson ${formatZ(change.z)}`}</Note> : null}
          </>
        );
      },
    },
    {
      id: 'rate',
      header: 'Rate per 1,000 residents',
      sortKey: 'rate',
      numeric: true,
      testId: 'rate',
      cell: (offence) => {
        const { summary } = offence;
        const rate = residentsRate(offence);
        return (
          <>
            {rate === null ? <NotAvailable reason={missingRateReason(offence)} /> : formatRate(rate)}
            {summary.rateBase === 'households' && summary.current.ratePer1000 !== null ? (
              <Note>{`${formatRate(summary.current.ratePer1000)} per 1,000 households`}</Note>
            ) : null}
          </>
        );
      },
    },
    {
      id: 'harm',
      header: 'Harm (mean CSS weight)',
      sortKey: 'harm',
      numeric: true,
      testId: 'harm',
      cell: ({ summary: { harm } }) =>
        harm.method === 'not-applicable' ? (
          'Not applicable'
        ) : harm.meanWeight === null ? (
          <NotAvailable reason="No offences to weigh" />
        ) : (
          <>
            {formatOneDecimal(harm.meanWeight)}
            <Note>{harmPricingShort[harmPricing(harm).basis]}</Note>
          </>
        ),
    },
    {
      id: 'trend',
      header: 'Three-year trend',
      sortKey: 'trend',
      testId: 'trend',
      cell: ({ summary: { trend } }) =>
        trend ? (
          <>
            <span aria-hidden="true">{trendLabels[trend.direction].symbol}</span> {trendLabels[trend.direction].text}
            {trend.slopePercentOfMean !== null ? <Note>{`${formatSignedPercent(trend.slopePercentOfMean)} a year`}</Note> : null}
          </>
        ) : (
          <>
            No trend<Note>needs three complete years</Note>
          </>
        ),
    },
    extra.has('source') && {
      id: 'source',
      header: 'Source',
      testId: 'source',
      className: 'analysis-source',
      cell: (offence) => (
        <>
          {offence.source.fileName}
          <Note>{offence.source.partner}</Note>
        </>
      ),
    },
    extra.has('scored') && { id: 'scored', header: 'Scored', testId: 'scored', cell: (offence) => scoredShort(offence) },
  ];
}

function PeriodCount({ figures }: { figures: PeriodFigures }) {
  const count = periodCount(figures);
  return (
    <>
      {count.text}
      {count.note ? <Note>{count.note}</Note> : null}
    </>
  );
}
