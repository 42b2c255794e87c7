import { useMemo, useState } from 'react';
import type { OffenceAnalysis, OffenceKind } from '../../../shared/domain/analysis';
import type { AssessmentPeriods } from '../../../shared/statistics/periods';
import { describePeriod } from '../../../shared/statistics/periods';
import { RowButton } from '../components/RowActions';
import { changeTestMethod, formatPValue } from '../../../shared/statistics/change';
import { harmPricing } from '../../../shared/statistics/harm';
import {
  formatOneDecimal,
  formatRate,
  formatSignedCount,
  formatSignedPercent,
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

  const header = (column: SortColumnId, heading: string, numeric = false) => (
    <SortableHeader column={column} heading={heading} numeric={numeric} sort={sort} onSort={sortBy} />
  );

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
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of figures, which scrolls sideways">
        <table className="table table-compact analysis-table" data-testid="analysis-table" aria-describedby="offence-table-periods">
          <caption className="visually-hidden">Figures for each offence type</caption>
          <thead>
            <tr>
              {header('label', 'Offence type')}
              <th scope="col">
                <span className="visually-hidden">Charts</span>
              </th>
              {header('current', 'Assessment period', true)}
              {header('comparison', 'Comparison period', true)}
              {header('change', 'Change', true)}
              {header('percent', '% change', true)}
              {header('significance', 'Significance (exact test)')}
              {header('rate', 'Rate per 1,000 residents', true)}
              {header('harm', 'Harm (mean CSS weight)', true)}
              {header('trend', 'Three-year trend')}
              {showing('source') ? <th scope="col">Source</th> : null}
              {showing('scored') ? <th scope="col">Scored</th> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((offence) => (
              <OffenceRow key={offence.key} offence={offence} selected={offence.key === selectedKey} onShowCharts={onShowCharts} extra={extra} />
            ))}
          </tbody>
        </table>
      </div>
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

interface SortableHeaderProps {
  column: SortColumnId;
  heading: string;
  numeric: boolean;
  sort: SortState | null;
  onSort(column: SortColumnId): void;
}

function SortableHeader({ column, heading, numeric, sort, onSort }: SortableHeaderProps) {
  const direction = sort?.column === column ? sort.direction : undefined;
  return (
    <th scope="col" aria-sort={direction} className={numeric ? 'numeric' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)} data-testid={`sort-${column}`}>
        {heading}
        <span className="sort-indicator" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '⇅'}
        </span>
      </button>
    </th>
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

interface OffenceRowProps {
  offence: OffenceAnalysis;
  selected: boolean;
  extra: ReadonlySet<ExtraColumn>;
  onShowCharts(key: string): void;
}

function OffenceRow({ offence, selected, extra, onShowCharts }: OffenceRowProps) {
  const { summary } = offence;
  const { change, trend, harm } = summary;
  const current = periodCount(summary.current);
  const comparison = periodCount(summary.comparison);
  const significance = significanceOf(change);
  const rate = residentsRate(offence);
  return (
    <tr data-testid="analysis-row" aria-current={selected ? 'true' : undefined}>
      <th scope="row" data-testid="offence-label">
        {offence.label}
      </th>
      <td>
        <RowButton action="Show charts" subject={`for ${offence.label}`} onClick={() => onShowCharts(offence.key)} />
      </td>
      <td className="numeric" data-testid="current-count">
        {current.text}
        {current.note ? <Note>{current.note}</Note> : null}
      </td>
      <td className="numeric" data-testid="comparison-count">
        {comparison.text}
        {comparison.note ? <Note>{comparison.note}</Note> : null}
      </td>
      <td className="numeric" data-testid="change">
        {change ? formatSignedCount(change.change) : <NotAvailable reason="No comparison" />}
      </td>
      <td className="numeric" data-testid="percent-change">
        {change === null ? (
          <NotAvailable reason="No comparison" />
        ) : change.percentChange === null ? (
          <>
            No %<Note>none before</Note>
          </>
        ) : (
          formatSignedPercent(change.percentChange)
        )}
      </td>
      <td data-testid="significance">
        <span className={`significance significance-${significance.tone}`}>
          <span className="significance-symbol" aria-hidden="true">
            {significance.symbol}
          </span>{' '}
          {significance.text}
        </span>
        {change ? <Note>{formatPValue(change.pValue)}</Note> : null}
        {change ? <Note>{`Poisson ${formatZ(change.z)}`}</Note> : null}
      </td>
      <td className="numeric" data-testid="rate">
        {rate === null ? <NotAvailable reason={missingRateReason(offence)} /> : formatRate(rate)}
        {summary.rateBase === 'households' && summary.current.ratePer1000 !== null ? (
          <Note>{`${formatRate(summary.current.ratePer1000)} per 1,000 households`}</Note>
        ) : null}
      </td>
      <td className="numeric" data-testid="harm">
        {harm.method === 'not-applicable' ? (
          'Not applicable'
        ) : harm.meanWeight === null ? (
          <NotAvailable reason="No offences to weigh" />
        ) : (
          <>
            {formatOneDecimal(harm.meanWeight)}
            <Note>{harmPricingShort[harmPricing(harm).basis]}</Note>
          </>
        )}
      </td>
      <td data-testid="trend">
        {trend ? (
          <>
            <span aria-hidden="true">{trendLabels[trend.direction].symbol}</span> {trendLabels[trend.direction].text}
            {trend.slopePercentOfMean !== null ? <Note>{`${formatSignedPercent(trend.slopePercentOfMean)} a year`}</Note> : null}
          </>
        ) : (
          <>
            No trend<Note>needs three complete years</Note>
          </>
        )}
      </td>
      {extra.has('source') ? (
        <td data-testid="source" className="analysis-source">
          {offence.source.fileName}
          <Note>{offence.source.partner}</Note>
        </td>
      ) : null}
      {extra.has('scored') ? <td data-testid="scored">{scoredShort(offence)}</td> : null}
    </tr>
  );
}
