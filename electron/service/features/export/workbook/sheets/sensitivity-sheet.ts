import { formatCount } from '../../../../../../shared/format/index';
import { formats, type ColumnSpec } from '../sheet-layout';
import { simpleSheet, type WorkbookContext } from '../workbook-context';

/** The Sensitivity sheet: how stable each rank is when the weights move at random. */

export function writeSensitivity(context: WorkbookContext): void {
  const { sensitivity } = context.model;
  const topColumns = sensitivity.topN.map((n): ColumnSpec => ({ header: `Share of draws in the top ${n}`, width: 10, numFmt: formats.share }));
  simpleSheet(
    context,
    'Sensitivity',
    'Sensitivity',
    [
      `Each of ${formatCount(sensitivity.draws)} draws moves every weight at random by up to ±${Math.round(sensitivity.spread * 100)}% (seed ${sensitivity.seed}) and ranks again. A type whose rank barely moves is a robust priority.`,
    ],
    'Sensitivity',
    [
      { header: 'Rank', width: 7, numFmt: formats.count },
      { header: 'Offence type', width: 40, wrap: true },
      { header: 'Score', width: 9, numFmt: formats.total },
      { header: 'Best rank', width: 8, numFmt: formats.count },
      { header: 'Worst rank', width: 8, numFmt: formats.count },
      { header: 'Median rank', width: 8, numFmt: '0.#' },
      ...topColumns,
    ],
    sensitivity.offences.map((offence) => [
      offence.rank,
      offence.label,
      offence.score,
      offence.bestRank,
      offence.worstRank,
      offence.medianRank,
      ...offence.inTop.map((top) => top.share),
    ]),
  );
}
