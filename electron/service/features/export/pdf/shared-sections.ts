import { suppressionRuleText } from '../../../../../shared/export/suppression';
import { drawRankingChart } from './pdf-charts';
import { drawTable, tableLeadHeight } from './pdf-table';
import type { PdfWriter } from './pdf-writer';
import {
  factorTable,
  glossaryTable,
  highestScore,
  namedTypes,
  populationText,
  rankingRows,
  scoringText,
  significanceText,
  summaryFigures,
  templateName,
  type DocumentInputs,
} from './document-content';

/**
 * The sections the plan and the board paper print alike, so that a figure, its caveats and the
 * method read the same in both.
 */

/** Figure 1 and Table 1, with the caveats every row shares and the small-number rule beneath; `note` closes it. */
export function drawRankingEvidence(writer: PdfWriter, inputs: DocumentInputs, note: string): void {
  const { model } = inputs;
  if (model.matrix.ranking.length === 0) return;
  const rows = rankingRows(model);
  drawRankingChart(writer, rows, `Figure 1: The ${rows.length} highest-scoring offence types by score; the top ${Math.min(namedTypes, rows.length)} are in bold, above the dashed line`, {
    maximum: highestScore(model),
  });
  const figures = summaryFigures(inputs, 'Table 1');
  drawTable(writer, figures.table);
  for (const caveat of figures.notes) writer.paragraph(caveat, 'note');
  if (inputs.publication) writer.paragraph(suppressionRuleText(inputs.publication.threshold, { bothCounts: true }), 'note');
  writer.paragraph(note, 'note');
}

/**
 * The method in plain words: how the total is made and ties broken, the factors with their
 * weights and thresholds, periods and populations, significance, small numbers, and a glossary.
 */
export function drawMethodAppendix(writer: PdfWriter, inputs: DocumentInputs, heading: string, glossaryCaption: string): void {
  const { model } = inputs;
  const method = `The offence types were scored with the ${templateName(model.matrix.definition)} (${model.source.description.toLowerCase()}). ${scoringText(model)}`;
  const factors = factorTable(model, 'Table A1: The factors, their weights, and the figures at which each score rises by one');
  writer.heading(1, heading, { keepWith: writer.measure(method, 'body') + tableLeadHeight(writer, factors) });
  writer.paragraph(method, 'body', { keepWith: tableLeadHeight(writer, factors) });
  drawTable(writer, factors);
  writer.heading(2, 'Periods and population');
  writer.paragraph(`The assessment period is ${model.periodLabels.current}, compared with ${model.periodLabels.comparison}. ${populationText(model)}`);
  writer.heading(2, 'Significance');
  writer.paragraph(significanceText);
  if (inputs.publication) {
    writer.heading(2, 'Small numbers');
    writer.paragraph(suppressionRuleText(inputs.publication.threshold, { bothCounts: true }));
  }
  const terms = glossaryTable(model, inputs.publication, glossaryCaption);
  writer.heading(2, 'Glossary', { keepWith: tableLeadHeight(writer, terms) });
  drawTable(writer, terms);
}
