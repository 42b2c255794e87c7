import type { Ref } from 'react';
import type { OffenceAnalysis } from '../../../shared/domain/analysis';
import { formatPValue } from '../../../shared/statistics/change';
import { harmPricing } from '../../../shared/statistics/harm';
import { OffenceCharts } from './OffenceCharts';
import { formatCount, formatSignedPercent } from '../../../shared/format';
import {
  formatOneDecimal,
  formatRate,
  formatZ,
  harmMethodLabels,
  missingRateReason,
  trendLabels,
} from './analysis-format';

interface OffenceDetailProps {
  offence: OffenceAnalysis;
  offences: readonly OffenceAnalysis[];
  headingRef: Ref<HTMLHeadingElement>;
  onChoose(key: string): void;
}

/** One offence type's figures in words, and its charts. */
export function OffenceDetail({ offence, offences, headingRef, onChoose }: OffenceDetailProps) {
  return (
    <section className="panel" aria-labelledby="offence-detail-heading" data-testid="offence-detail">
      <h2 id="offence-detail-heading" ref={headingRef} tabIndex={-1}>
        {offence.label}
      </h2>
      <div className="field">
        <label htmlFor="offence-detail-choice">Show the figures and charts for</label>
        <select id="offence-detail-choice" value={offence.key} onChange={(event) => onChoose(event.target.value)}>
          {offences.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      <FiguresInWords offence={offence} />
      <h3>Charts</h3>
      <OffenceCharts summary={offence.summary} />
    </section>
  );
}

function periodInWords(figures: OffenceAnalysis['summary']['current']): string {
  if (figures.coverage === 'none') return `No figures for ${figures.label}.`;
  const partial = figures.coverage === 'partial' ? ` (the figures cover only ${figures.monthsCovered} of its ${figures.monthsInPeriod} months)` : '';
  const straddling =
    figures.straddlingCount > 0 ? ` A further ${formatCount(figures.straddlingCount)} fall in source periods that cross its edges and are left out.` : '';
  return `${formatCount(figures.count)} in ${figures.label}${partial}.${straddling}`;
}

function significanceInWords(offence: OffenceAnalysis): string {
  const { change } = offence.summary;
  if (!change) return 'Not tested: there is no comparison.';
  const verdict = change.significant ? 'significant at the 5% level' : 'not significant at the 5% level';
  return `${formatPValue(change.pValue)}: ${verdict} (the exact conditional test of ${formatCount(change.current)} given ${formatCount(change.current + change.previous)} in both periods, two-sided, significant when p is below 0.05). For reference, the Poisson ${formatZ(change.z)}.`;
}

function rateInWords(offence: OffenceAnalysis): string {
  const { summary } = offence;
  const area = `, ${offence.source.where.label}`;
  const { volume } = summary;
  const residents =
    volume.basis === 'per-1000-residents' && volume.value !== null
      ? `${formatRate(volume.value)} per 1,000 residents (of ${formatCount(volume.population!)}${area}), the figure volume is ranked on.`
      : summary.current.coverage === 'complete'
        ? `No population is known, so volume is ranked on the count, ${formatCount(summary.current.count)}.`
        : `${missingRateReason(offence)}.`;
  if (summary.rateBase !== 'households') return residents;
  const households =
    summary.current.ratePer1000 === null
      ? ' No household figure is given, so there is no rate per 1,000 households.'
      : ` ${formatRate(summary.current.ratePer1000)} per 1,000 households (of ${formatCount(summary.denominator!)}), shown only.`;
  return `${residents}${households}`;
}

function harmInWords(offence: OffenceAnalysis): string {
  const { harm } = offence.summary;
  if (harm.method === 'not-applicable') return 'Not applicable: not a crime, so it has no severity weight.';
  if (harm.meanWeight === null) return 'No offences in the assessment period to weigh.';
  const total = harm.totalHarm === null ? '' : `; ${formatCount(harm.totalHarm)} days in all`;
  return `Mean Crime Severity Score weight ${formatOneDecimal(harm.meanWeight)} days per offence, priced by ${harmMethodLabels[harm.method]}${total}. ${harmPricing(harm).text}`;
}

function trendInWords(offence: OffenceAnalysis): string {
  const { trend } = offence.summary;
  if (!trend) return 'No trend: it needs three complete years of figures.';
  const [first, , last] = trend.totals;
  const share = trend.slopePercentOfMean === null ? '' : ` (${formatSignedPercent(trend.slopePercentOfMean)} of the yearly mean)`;
  return `${trendLabels[trend.direction].text}: ${trend.slopePerYear >= 0 ? 'up' : 'down'} ${formatOneDecimal(Math.abs(trend.slopePerYear))}${offence.kind === 'indicator' ? '' : ' offences'} a year${share}, from ${formatCount(first)} to ${formatCount(last)} over three years.`;
}

function sourceInWords(offence: OffenceAnalysis): string {
  const { source } = offence;
  const area = `, for ${source.where.relation === 'partnership' ? source.where.label : `the ${source.where.phrase}`}`;
  const others =
    source.otherDatasets > 0
      ? ` ${source.otherDatasets} other ${source.otherDatasets === 1 ? 'dataset also carries' : 'datasets also carry'} this type and ${source.otherDatasets === 1 ? 'is' : 'are'} not used, so no offence is counted twice.`
      : '';
  return `${source.fileName}, from ${source.partner}${area}.${others}`;
}

function areaInWords(offence: OffenceAnalysis): string {
  const { where, population } = offence.source;
  const residents = population.value === null ? 'no population is known for it' : `its population is ${formatCount(population.value)} (${population.source})`;
  if (where.relation === 'partnership') return `${where.label}, the partnership’s area: ${residents}.`;
  return `The ${where.phrase}: the figures count that whole area, and ${residents}.`;
}

function FiguresInWords({ offence }: { offence: OffenceAnalysis }) {
  const { summary } = offence;
  const rows: [string, string, string][] = [
    ['Assessment period', periodInWords(summary.current), 'detail-current'],
    ['Comparison period', periodInWords(summary.comparison), 'detail-comparison'],
    ['Change', summary.changeSentence, 'detail-change'],
    ['Significance', significanceInWords(offence), 'detail-significance'],
    ['Rate', rateInWords(offence), 'detail-rate'],
    ['Harm', harmInWords(offence), 'detail-harm'],
    ['Three-year trend', trendInWords(offence), 'detail-trend'],
    ['Area', areaInWords(offence), 'detail-area'],
    ['Source', sourceInWords(offence), 'detail-source'],
    ['Scored in the matrix', offence.notScored === null ? 'Yes.' : `No. ${offence.notScored}`, 'detail-scored'],
  ];
  return (
    <dl className="analysis-words">
      {rows.map(([term, words, testId]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd data-testid={testId}>{words}</dd>
        </div>
      ))}
    </dl>
  );
}
