import { importFormatLabels } from '../../../../../../shared/domain/dataset';
import { suppressedMarker, suppressionRuleText } from '../../../../../../shared/export/suppression';
import { formatCount, formatUkDateTime, typographicQuotes } from '../../../../../../shared/format/index';
import { tieBreakRuleInFull } from '../../../../../../shared/matrix/index';
import { changeTestMethod } from '../../../../../../shared/statistics/index';
import { openGovernmentLicenceAttribution } from '../../../../../../shared/taxonomy/attribution';
import { notAvailable } from '../sheet-layout';
import { hiddenFigures, simpleSheet, type WorkbookContext } from '../workbook-context';
import { judgementNotes, thresholdText, tieExample, weightText } from './method-text';

/** The Notes sheet: definitions, sources, the method and the formula choices, one topic a row. */

export function writeNotes(context: WorkbookContext, layout: { matrixRows: number }): void {
  const { model, options } = context;
  const { definition } = model.matrix;
  const publication = options.publication;
  const assumed = publication ? publication.threshold - 1 : 0;
  const { population, households } = model.denominators;
  const notes: [string, string][] = [
    ...(publication
      ? ([
          ['For publication', 'This workbook is for publication, with small numbers suppressed: the marker [c] stands for every figure held back (see the next notes).'],
          ['Suppression', suppressionRuleText(publication.threshold, { bothCounts: true })],
        ] as [string, string][])
      : []),
    ['Protective marking', `${model.partnership.marking}. Handle this workbook under your organisation’s rules for that marking.`],
    ['Scoring', `${model.source.description}, with the ${definition.name}. ${model.matrix.edited.length > 0 ? `Edited from the shipped template: ${model.matrix.edited.join(', ')}.` : 'The shipped template, unedited.'}`],
    ['Periods', `Assessment period ${model.periodLabels.current}; comparison period ${model.periodLabels.comparison}.`],
    [
      'Denominators',
      `Residents: ${population === null ? notAvailable : formatCount(population)} (${model.denominators.populationSource}). Households: ${households === null ? notAvailable : formatCount(households)} (${model.denominators.householdsSource}).`,
    ],
    [notAvailable, 'No figure: the data does not cover the whole period, or the figure does not apply. In the Matrix a missing input scores the factor’s “score when missing”.'],
    ...(publication
      ? ([
          [
            suppressedMarker,
            `Suppressed for publication. Besides counts from 1 to ${assumed}, these are suppressed wherever they would reveal one: the same type’s other count and its change, a second part of a total, the type’s rates, change (%), significance and total harm, the total harm and mean severity weight of a total whose parts include it, and the rows read and imported on the Data quality sheet (a file’s rows add up to the counts).`,
          ],
          [
            'Suppressed figures in the Matrix',
            `Every score, total, band and rank is a live formula. Where the workbench read a score from a suppressed figure, the Matrix carries that score (never the figure) in the column “… score from the workbench (count suppressed)”, and the score’s formula takes it from there: weight edits move the totals, bands and ranks as the workbench would, but an edited threshold of the volume, trend or peer factor does not move those types’ own scores. Each shown type’s volume percentile rank counts the suppressed types below it from the column “Volume: suppressed types below (a tie counts half)”.`,
          ],
        ] as [string, string][])
      : []),
    [
      'Offences: caveats',
      'The Caveats column names what a reader must know beside a figure, as the Partnership Plan and the board paper print it. “Figures for … not …”: the source covers a wider area than the partnership’s, and its rates use that area’s population. “Harm may be overstated”: harm is priced at the plain average of the severity weights of the type’s offence codes, because no data in the workspace gives counts by code, so rare, grave offences count as much as common ones. “Under 20 offences”: a change could be chance, so its trend score is capped unless the change is significant. “N months, not a full year”: the counts are not annual figures.',
    ],
    [
      'Offences: counts',
      'Recorded offences in each period in the area each type’s source covers, from one source series per offence type (see Source). The Offences sheet’s “Figures for” column names that area, and says when it is wider than the partnership’s; its rates use that area’s population.',
    ],
    ['Offences: change', 'Assessment period count minus comparison period count, and that change as a percentage of the comparison count (none when the comparison count is 0).'],
    ['Offences: significance', `${changeTestMethod} The workbook carries the verdict and the p-value as inputs; it does not recompute them.`],
    ['Offences: rates', 'Offences per 1,000 residents (per 1,000 households for residential burglary), for periods the data covers in full.'],
    ['Offences: harm', 'The ONS Crime Severity Score: mean weight per offence (days of imprisonment equivalent) and total harm (offences × mean weight).'],
    ...definition.factors.map((factor): [string, string] => [
      `Factor: ${typographicQuotes(factor.label)}`,
      `${typographicQuotes(factor.description)} ${weightText(definition, factor)}; ${thresholdText(factor)}.`,
    ]),
    [
      'Method',
      definition.template === 'partnership'
        ? 'Each factor is scored 1–5; the total is the sum of score × weight over the scored factors. Organisational position and confidence are graded beside the score and do not change it.'
        : 'Each factor is scored on the matrix’s scale; impact and likelihood are each the weighted mean of their factors’ scores, rounded half up; the score is impact × likelihood.',
    ],
    [
      'Ties',
      `${tieBreakRuleInFull}${tieExample(model.matrix.ranking, (key) => hiddenFigures(context, key).current)} The Matrix’s “Tie-break order” column holds that order as a number (1 first): it depends only on the data, not on weights or thresholds.` +
        (publication
          ? ` For publication, wherever a type whose count is suppressed would be ordered by that count (in the tie-break order, and so in the ranks of equal totals on the Matrix, Ranking, Sensitivity and Priorities sheets), it takes part as if it had ${formatCount(assumed)} ${assumed === 1 ? 'offence' : 'offences'} in the assessment period (total harm ${formatCount(assumed)} × its mean severity weight), because its own total harm would reveal its count. Where such a type ties with another, this workbook can rank the two the other way round from the workbench, which knows the count.`
          : ''),
    ],
    ['Formulas: bands', 'A factor’s band is 1 plus the number of thresholds its input passes. For “the higher band” factors a value exactly on a threshold passes it (>=); for “the lower band” factors it does not (>), as the workbench scores them.'],
    [
      'Formulas: volume percentile',
      'The percentile rank is the workbench’s mid-rank: 100 × (2 × types below + types equal) ÷ (2 × types with a rate), counted with SUMPRODUCT, which compares the rates as numbers. COUNTIF is not used: it compares through text of 15 significant digits, so two rates that differ further along would count as equal. Excel’s PERCENTRANK interpolates and ranks ties differently, so it is not used either.',
    ],
    [
      'Formulas: trend',
      'A type with no offences in the comparison period but some now scores the top of the scale. A change that is not significant on fewer cases in the comparison period than the cap’s limit scores no higher than the cap.',
    ],
    ['Formulas: impact and likelihood', 'INT(ROUND(mean, 9) + 0.5): the weighted mean rounded half up after clearing floating-point noise at nine decimal places, as the workbench does.'],
    [
      'Formulas: rank',
      `Rank = 1 + the number of higher totals + the number of equal totals earlier in the tie-break order, counted with SUMPRODUCT over the ${formatCount(layout.matrixRows)} scored ${layout.matrixRows === 1 ? 'type' : 'types'}.`,
    ],
    [
      'Data entry',
      'The weight and threshold cells accept only what the workbench accepts: a weight is a number from 0 to 1,000 (0 for a factor graded beside the score), thresholds rise from left to right, and percentile thresholds lie between 0 and 100. Judgements are whole numbers from 1 to 5.',
    ],
    ['Sensitivity', `${formatCount(model.sensitivity.draws)} draws, each weight moved at random by up to ±${Math.round(model.sensitivity.spread * 100)}% (seed ${model.sensitivity.seed}).`],
    ...judgementNotes(model),
    ...model.datasets.map((dataset): [string, string] => [
      `Source: dataset ${dataset.id}`,
      `${dataset.partner}: ${dataset.fileName} (${importFormatLabels[dataset.format]}), SHA-256 ${dataset.sha256}, imported ${formatUkDateTime(dataset.importedAt)}.`,
    ]),
    ['Licence', openGovernmentLicenceAttribution],
  ];
  simpleSheet(
    context,
    'Notes',
    'Notes',
    [
      publication
        ? `Definitions, sources and method. For publication: counts from 1 to ${assumed} are suppressed and shown as ${suppressedMarker}, with every figure that would reveal them.`
        : 'Definitions, sources and method.',
    ],
    'Notes',
    [
      { header: 'Topic', width: 30, wrap: true },
      { header: 'Note', width: 108, wrap: true },
    ],
    notes,
  );
}
