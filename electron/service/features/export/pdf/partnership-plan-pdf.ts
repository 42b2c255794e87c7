import { statusLabel } from '../../../../../shared/domain/document-details';
import { drawTable, tableLeadHeight } from './pdf-table';
import { PdfWriter } from './pdf-writer';
import { tieBreakRule } from '../../../../../shared/matrix/index';
import {
  areaStatement,
  documentDate,
  formatIsoDate,
  fullTitle,
  inSentence,
  membersText,
  namedTypes,
  oglAttribution,
  ordinal,
  qualityTable,
  sourcesTable,
  templateName,
  topLabels,
  statusText,
  versionControlTable,
  type DocumentInputs,
} from './document-content';
import { drawMethodAppendix, drawRankingEvidence } from './shared-sections';
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
    subject: `The ${name}’s priorities for ${details.planPeriod || 'the coming year'}, from its strategic assessment`,
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
  if (model.members.length === 0) writer.paragraph('No members are recorded in the workspace yet.', 'note');

  writer.heading(1, 'How the priorities were chosen', { pageBreak: true });
  const top = topLabels(model, namedTypes);
  writer.paragraph(
    `As part of the annual strategic assessment of crime and disorder, the partnership scored and ranked ${model.matrix.ranking.length} ` +
      `offence types with the ${templateName(model.matrix.definition)}, using figures for ${model.periodLabels.current} ` +
      `compared with ${model.periodLabels.comparison}. ${areaStatement(model)}`,
  );
  if (top.length > 0) {
    writer.paragraph(`The ${top.length === namedTypes ? 'four' : top.length} highest scoring offence types were:`, 'body', {
      keepWith: writer.measureList(top, { numbered: true }),
    });
    writer.list(top, { numbered: true });
  } else {
    writer.paragraph('No offence type could be scored.');
  }
  drawRankingEvidence(writer, inputs, `Ties: ${inSentence(tieBreakRule)}`);
  writer.paragraph(
    `The scoring from the risk matrix, along with other analysis, identified the priorities that will provide a focus for the ${name}` +
      (details.planPeriod ? ` for ${details.planPeriod}.` : ' for the coming year.'),
  );

  writer.heading(1, 'Our priorities', { pageBreak: true });
  if (model.priorities.length === 0) writer.paragraph('No priorities have been set in the workspace yet.', 'note');
  for (const priority of model.priorities) {
    // A heading keeps its aim with it (a short aim whole), never alone at the foot of a page.
    writer.heading(2, priority.heading, { keepWith: Math.min(writer.measure(priority.aim, 'body'), writer.lineHeight('body') * 5.5) });
    writer.paragraph(priority.aim);
    if (priority.offences.length > 0) {
      const offences = priority.offences.map((offence) => (offence.rank === null ? `${offence.label} (not ranked)` : `${offence.label} (ranked ${ordinal(offence.rank)})`));
      writer.heading(3, 'Offence types it addresses', { keepWith: Math.min(writer.measureList(offences), writer.lineHeight('body') * 6) });
      writer.list(offences);
    }
    writer.paragraph(
      `Lead partner: ${priority.lead ?? 'not yet agreed'}. ${statusText(priority)}${priority.reviewDate ? `; next review ${formatIsoDate(priority.reviewDate)}` : ''}.`,
    );
    if (priority.measures.length > 0) {
      writer.heading(3, 'How progress will be measured', { keepWith: Math.min(writer.measureList(priority.measures), writer.lineHeight('body') * 6) });
      writer.list(priority.measures);
    }
  }

  drawMethodAppendix(writer, inputs, 'Appendix A: Method', 'Table A2: Terms used in this plan');

  const sources = sourcesTable(model, 'Table B1: The data files, the area each covers, whether the assessment used it, and its SHA-256 fingerprint');
  const checked =
    'Every file was checked as it was imported. Table B1 lists the files; Table B2 shows, for each, the rows read and imported, the rows rejected ' +
    '(with their reasons kept in the workspace), duplicate crime references, rows for places outside the partnership’s area, ' +
    'and months within the file’s range that had no rows at all.';
  writer.heading(1, 'Appendix B: Data sources and their quality', {
    keepWith: model.datasets.length > 0 ? writer.measure(checked, 'body') + tableLeadHeight(writer, sources) : undefined,
  });
  if (model.datasets.length > 0) {
    writer.paragraph(checked, 'body', { keepWith: tableLeadHeight(writer, sources) });
    drawTable(writer, sources);
    drawTable(writer, qualityTable(model, 'Table B2: Data quality of each imported file', inputs.publication));
  } else {
    writer.paragraph('No data has been imported.', 'note');
  }

  writer.heading(1, 'Contact');
  if (details.contact) writer.paragraph(details.contact);
  writer.paragraph(oglAttribution, 'note');
  return writer.finish();
}
