import { suppressedMarker } from '../../../../../../shared/export/suppression';
import { formats, type CellContent } from '../sheet-layout';
import { hiddenFigures, simpleSheet, totalWithSuppressedPart, yesNo, type WorkbookContext } from '../workbook-context';

/** The Offences sheet: counts, rates, change, significance and harm for every offence type. */

export function writeOffences(context: WorkbookContext): void {
  const { model } = context;
  const shown = (value: number | null, hidden: boolean): CellContent => (hidden ? suppressedMarker : value);
  simpleSheet(
    context,
    'Offences',
    'Offences',
    [
      `Assessment period ${model.periodLabels.current}, compared with ${model.periodLabels.comparison}.` +
        (context.options.publication ? ` ${suppressedMarker}: suppressed for publication (see Notes).` : ''),
    ],
    'Offences',
    [
      { header: 'Offence type', width: 28, wrap: true },
      { header: 'Figures for', width: 18, wrap: true },
      { header: 'Scored in the matrix', width: 8, centre: true },
      { header: 'Offences (assessment period)', width: 11, numFmt: formats.count },
      { header: 'Offences (comparison period)', width: 11, numFmt: formats.count },
      { header: 'Change', width: 8, numFmt: '+#,##0;−#,##0;0' },
      { header: 'Change (%)', width: 8, numFmt: formats.percentChange },
      { header: 'Significance', width: 14, wrap: true },
      { header: 'Exact test p-value', width: 8, numFmt: '0.0000' },
      { header: 'Poisson Z (reference only)', width: 9, numFmt: '+0.00;−0.00;0.00' },
      { header: 'Rate per 1,000 (assessment period)', width: 10, numFmt: formats.rate },
      { header: 'Rate per 1,000 (comparison period)', width: 10, numFmt: formats.rate },
      { header: 'Rate per 1,000 of', width: 10 },
      { header: 'Mean severity weight', width: 9, numFmt: formats.decimal },
      { header: 'Total harm', width: 12, numFmt: formats.count },
      { header: 'How harm was priced', width: 32, wrap: true },
      { header: 'Source', width: 24, wrap: true },
      { header: 'Why it is not scored', width: 26, wrap: true },
      { header: 'Caveats', width: 24, wrap: true },
    ],
    model.offences.map((row) => {
      const hidden = hiddenFigures(context, row.key);
      const changeHidden = hidden.change || hidden.current || hidden.comparison;
      const weightHidden = totalWithSuppressedPart(context, row.key);
      return [
        row.label,
        row.where.phrase,
        yesNo(row.scored),
        shown(row.currentCount, hidden.current),
        shown(row.comparisonCount, hidden.comparison),
        shown(row.change, changeHidden),
        shown(row.percentChange, changeHidden),
        changeHidden ? suppressedMarker : row.verdict,
        shown(row.pValue, changeHidden),
        shown(row.z, changeHidden),
        shown(row.currentRatePer1000, hidden.current),
        shown(row.comparisonRatePer1000, hidden.comparison),
        row.rateBase,
        shown(row.meanHarmWeight, weightHidden),
        shown(row.totalHarm, hidden.current || weightHidden),
        row.harmPricing,
        row.source,
        row.notScored ?? 'Scored',
        // The sentences are in Notes; the cell names each caveat as the PDFs' Notes column does.
        row.caveats.map((caveat) => caveat.short).join('; ') || 'None',
      ];
    }),
  );
}
