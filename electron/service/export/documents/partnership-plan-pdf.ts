import { statusLabel } from '../../../../shared/domain/document-details';
import { suppressionRuleText } from '../../../../shared/export/suppression';
import { drawRankingChart } from '../pdf/pdf-charts';
import { drawTable, tableLeadHeight } from '../pdf/pdf-table';
import { PdfWriter } from '../pdf/pdf-writer';
import {
  documentDate,
  factorTable,
  formatIsoDate,
  fullTitle,
  membersText,
  namedTypes,
  oglAttribution,
  ordinal,
  qualityTable,
  rankingRows,
  significanceText,
  sourcesTable,
  summaryTable,
  templateName,
  topLabels,
  versionControlTable,
  type DocumentInputs,
} from './document-content';
import { titleBlock } from './title-block';

/**
 * The Partnership Plan, in the order real plans use (the Safer Colchester Partnership's Key
 * Priorities 2018–19, made better): the title page with its version control; the aim and
 * statutory duties; the members, statutory members marked; how the priorities were chosen,
 * with the top types named in rank order and the ranking chart; each priority; the method and
 * data quality as appendices; the contact and the Open Government Licence attribution.
 */
export async function renderPartnershipPlan(inputs: DocumentInputs, identity: string): Promise<Buffer> {
  const { model, details } = inputs;
  const name = model.partnership.name;
  const writer = new PdfWriter({
    title: fullTitle(details),
    subject: `The ${name}'s priorities for ${details.planPeriod || 'the coming year'}, from its strategic assessment`,
    author: details.owner,
    keywords: 'Community Safety Partnership, Partnership Plan, strategic assessment, Crime and Disorder Act 1998',
    marking: model.partnership.marking,
    footerText: `${details.title}, version ${details.version} (${statusLabel(details.status).toLowerCase()})`,
    generatedAt: new Date(model.generatedAt),
    identity,
  });

  titleBlock(writer, {
    kind: 'Partnership Plan',
    title: details.title,
    subtitle: details.planPeriod,
    date: documentDate(inputs),
    status: details.status,
    publication: inputs.publication !== null,
    marking: model.partnership.marking,
  });
  drawTable(writer, versionControlTable(inputs, 'Document control'));

  writer.heading(1, `About the ${name}`, { pageBreak: true });
  writer.heading(2, 'Our aim');
  writer.paragraph(details.introduction);
  writer.heading(2, 'Statutory duties');
  writer.paragraph(details.statutoryBasis);
  writer.heading(2, 'Membership');
  writer.paragraph(`The membership of the ${name} is:`, 'body', { keepWith: writer.measureList(membersText(model.members).slice(0, 2)) });
  writer.list(membersText(model.members));
  if (model.members.some((member) => member.statutory)) writer.paragraph('Those marked with a * are statutory members.', 'note');
  if (model.members.length === 0) writer.paragraph('No members are recorded in the workspace yet.', 'note');

  writer.heading(1, 'How the priorities were chosen', { pageBreak: true });
  const top = topLabels(model, namedTypes);
  writer.paragraph(
    `As part of the annual strategic assessment of crime and disorder, the partnership scored and ranked ${model.matrix.ranking.length} ` +
      `offence types with the ${templateName(model.matrix.definition)}, using figures for ${model.periodLabels.current} ` +
      `compared with ${model.periodLabels.comparison}. ` +
      (top.length > 0 ? `The ${top.length === namedTypes ? 'four' : top.length} highest scoring offence types were:` : 'No offence type could be scored.'),
    'body',
    { keepWith: writer.measureList(top, { numbered: true }) },
  );
  writer.list(top, { numbered: true });
  if (model.matrix.ranking.length > 0) {
    const rows = rankingRows(model);
    drawRankingChart(writer, rows, `Figure 1: The ${rows.length} highest-scoring offence types by score; the top ${Math.min(namedTypes, rows.length)} are in bold, above the dashed line`);
    drawTable(writer, summaryTable(inputs, `Table 1: The ${rows.length} highest-scoring offence types and their figures`));
    if (inputs.publication) writer.paragraph(suppressionRuleText(inputs.publication.threshold), 'note');
  }
  writer.paragraph(
    `The scoring from the risk matrix, along with other analysis, identified the priorities that will provide a focus for the ${name}` +
      (details.planPeriod ? ` for ${details.planPeriod}.` : ' for the coming year.'),
  );

  writer.heading(1, 'Our priorities');
  if (model.priorities.length === 0) writer.paragraph('No priorities have been set in the workspace yet.', 'note');
  for (const priority of model.priorities) {
    writer.heading(2, priority.heading);
    writer.paragraph(priority.aim);
    if (priority.offences.length > 0) {
      const offences = priority.offences.map((offence) => (offence.rank === null ? `${offence.label} (not ranked)` : `${offence.label} (ranked ${ordinal(offence.rank)})`));
      writer.heading(3, 'Offence types it addresses', { keepWith: Math.min(writer.measureList(offences), writer.lineHeight('body') * 6) });
      writer.list(offences);
    }
    writer.paragraph(
      `Lead partner: ${priority.lead ?? 'not yet agreed'}. Status: ${priority.statusLabel}${priority.reviewDate ? `; next review ${formatIsoDate(priority.reviewDate)}` : ''}.`,
    );
    if (priority.measures.length > 0) {
      writer.heading(3, 'How progress will be measured', { keepWith: Math.min(writer.measureList(priority.measures), writer.lineHeight('body') * 6) });
      writer.list(priority.measures);
    }
  }

  writer.heading(1, 'Appendix A: Method', { pageBreak: true });
  writer.paragraph(
    `The offence types were scored with the ${templateName(model.matrix.definition)} (${model.source.description.toLowerCase()}). ` +
      `Each factor turns a figure or a judgement into a score from 1 to ${model.matrix.definition.factors[0]?.scale ?? 5}; ` +
      'the weighted scores make each type\u2019s total, and ties are broken on harm, then volume, then name.',
  );
  drawTable(writer, factorTable(model, 'Table A1: The factors, their weights and band thresholds'));
  writer.heading(2, 'Periods and population');
  writer.paragraph(
    `The assessment period is ${model.periodLabels.current}, compared with ${model.periodLabels.comparison}. ` +
      (model.denominators.population
        ? `Rates are per 1,000 residents of the area each type\u2019s source covers: ${model.denominators.population.toLocaleString('en-GB')} for the partnership\u2019s area (${model.denominators.populationSource}), and the force area\u2019s population for figures published for the whole force area.`
        : 'No population figure was available, so rates could not be worked out.'),
  );
  writer.heading(2, 'Significance');
  writer.paragraph(significanceText);
  if (model.datasets.length > 0) {
    const sources = sourcesTable(model, 'Table A2: The data the assessment used, with each file\u2019s SHA-256 fingerprint');
    writer.heading(2, 'Data sources', { keepWith: tableLeadHeight(writer, sources) });
    drawTable(writer, sources);
  } else {
    writer.heading(2, 'Data sources');
    writer.paragraph('No data has been imported.', 'note');
  }
  if (inputs.publication) {
    writer.heading(2, 'Small numbers');
    writer.paragraph(suppressionRuleText(inputs.publication.threshold));
  }

  writer.heading(1, 'Appendix B: Data quality', { pageBreak: true });
  writer.paragraph(
    'Every file was checked as it was imported. The table shows, for each, the rows read and imported, the rows rejected ' +
      '(with their reasons kept in the workspace), duplicate crime references, rows for places outside the partnership\u2019s area, ' +
      'and months within the file\u2019s range that had no rows at all.',
  );
  if (model.quality.length > 0) drawTable(writer, qualityTable(model, 'Table B1: Data quality of each imported file'));

  writer.heading(1, 'Contact');
  if (details.contact) writer.paragraph(details.contact);
  writer.paragraph(oglAttribution, 'note');
  return writer.finish();
}
