import { statusLabel } from '../../../../../shared/domain/document-details';
import type { OffenceMovement } from '../../../../../shared/matrix/compare-runs';
import { drawTable, type PdfTableSpec } from './pdf-table';
import { describePeriod } from '../../../../../shared/statistics/index';
import { PdfWriter } from './pdf-writer';
import {
  areaStatement,
  chartedTypes,
  documentDate,
  formatIsoDate,
  formatNumber,
  inSentence,
  namedTypes,
  oglAttribution,
  ordinal,
  rankedAreas,
  sentenceList,
  templateName,
  topLabels,
  statusText,
  versionControlTable,
  type DocumentInputs,
} from './document-content';
import { drawMethodAppendix, drawRankingEvidence } from './shared-sections';
import { titleBlock } from './title-block';

/**
 * The board paper that asks the partnership board to agree the priorities, in the structure
 * boards use: purpose; the decisions required; background; the assessment in summary, with the
 * ranking chart and, when an earlier year's run was frozen, what moved and why; the proposed
 * priorities; risks and implications (legal, financial, equality); and version control.
 */

const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const inWords = (count: number) => numberWords[count] ?? String(count);

/** "Up 3 places", "Down 1 place", "No change". */
function movementText(movement: OffenceMovement): string {
  if (movement.rankChange === 0) return 'No change';
  const places = Math.abs(movement.rankChange);
  return `${movement.rankChange > 0 ? 'Up' : 'Down'} ${places} place${places === 1 ? '' : 's'}`;
}

/** Why a type moved: the factors whose contribution changed most, in words. */
function whyText(movement: OffenceMovement): string {
  if (movement.drivers.length === 0) return movement.rankChange === 0 ? 'Its factor scores did not change.' : 'Its own scores did not change; other types moved past it.';
  return movement.drivers
    .slice(0, 3)
    .map((driver) => {
      const change = `${driver.delta > 0 ? '+' : '−'}${formatNumber(Math.abs(driver.delta))}`;
      const scores = driver.scoreBefore !== null && driver.scoreAfter !== null ? ` (score ${driver.scoreBefore} to ${driver.scoreAfter})` : '';
      return `${driver.label} ${change}${scores}`;
    })
    .join('; ');
}

function comparisonTable(inputs: DocumentInputs, caption: string): PdfTableSpec | null {
  const comparison = inputs.earlier;
  if (!comparison) return null;
  const rows = comparison.movements.slice(0, chartedTypes).map((movement) => [
    String(movement.rankAfter),
    movement.label,
    ordinal(movement.rankBefore),
    movementText(movement),
    `${formatNumber(movement.scoreBefore)} to ${formatNumber(movement.scoreAfter)}`,
    whyText(movement),
  ]);
  for (const added of comparison.added.filter((entry) => entry.rank <= chartedTypes)) {
    rows.push([String(added.rank), added.label, 'Not scored', 'New', formatNumber(added.score), 'Not in the earlier run.']);
  }
  rows.sort((a, b) => Number(a[0]) - Number(b[0]));
  return {
    caption,
    columns: [
      { header: 'Rank now', width: 0.6, align: 'right' },
      { header: 'Offence type', width: 1.7 },
      { header: `Rank in ${comparison.before.name}`, width: 0.9 },
      { header: 'Movement', width: 0.9 },
      { header: 'Score', width: 0.8 },
      { header: 'Why it moved (change in each factor\u2019s contribution)', width: 2.3 },
    ],
    rows,
  };
}

export async function renderBoardPaper(inputs: DocumentInputs, identity: string): Promise<Buffer> {
  const { model, details } = inputs;
  const name = model.partnership.name;
  const period = details.planPeriod || 'the coming year';
  const title = `Strategic assessment and proposed priorities for ${period}`;
  const writer = new PdfWriter({
    title: `${name}: ${title}`,
    subject: `Board paper: the ${name}’s strategic assessment and the priorities proposed for ${period}`,
    author: details.owner,
    keywords: 'Community Safety Partnership, board paper, strategic assessment, priorities, Crime and Disorder Act 1998',
    marking: model.partnership.marking,
    footerText: `${name}: board paper, version ${details.version} (${statusLabel(details.status).toLowerCase()})`,
    generatedAt: new Date(model.generatedAt),
    identity,
  });

  titleBlock(writer, { kind: `${name}: board paper`, title, subtitle: '', date: documentDate(inputs), status: details.status, publication: inputs.publication !== null, marking: model.partnership.marking });
  drawTable(writer, versionControlTable(inputs, 'Document control'));

  const top = topLabels(model, namedTypes);
  const priorities = model.priorities;

  writer.heading(1, '1. Purpose', { pageBreak: true });
  writer.paragraph(
    `This paper sets out the findings of the ${name}\u2019s strategic assessment for ${model.periodLabels.current} and asks the board to ` +
      `agree the priorities of its Partnership Plan for ${period}.`,
  );

  writer.heading(1, '2. Recommendations');
  const ranked = model.matrix.ranking.length;
  const withMeasures = priorities.filter((priority) => priority.measures.length > 0).length;
  const withoutLead = priorities.filter((priority) => priority.lead === null).length;
  const areas = rankedAreas(model);
  const wider = areas.filter((area) => area.relation !== 'partnership');
  const recommendations = [
    ranked > 0
      ? `note the strategic assessment, which ranked ${ranked} offence types` +
        (wider.length > 0 ? ` using figures for the ${sentenceList(wider.map((area) => area.phrase))}` : '') +
        `; the highest scoring were ${sentenceList(top.map(inSentence))};`
      : 'note that the strategic assessment could not yet score any offence type;',
    priorities.length > 0
      ? `agree the ${inWords(priorities.length)} ${priorities.length === 1 ? 'priority' : 'priorities'} proposed in section 5 as the partnership\u2019s priorities for ${period};`
      : `agree the priorities the partnership will set for ${period} (none are proposed in the workspace yet);`,
    ...(priorities.length > 0
      ? [
          (withoutLead === 0 ? 'agree the lead partner named for each priority' : `agree the lead partners named in section 5, and a lead for the ${inWords(withoutLead)} ${withoutLead === 1 ? 'priority' : 'priorities'} without one`) +
            (withMeasures === priorities.length
              ? ', and that progress is reported to the board against the measures listed with each priority in section 5;'
              : withMeasures > 0
                ? ', that progress is reported against the measures listed in section 5, and that the leads of the other priorities propose measures to the next meeting;'
                : ', and that each lead proposes measures of progress to the next meeting;'),
        ]
      : []),
    inputs.publication
      ? 'agree that the Partnership Plan is published, with small numbers suppressed.'
      : 'agree that the Partnership Plan is published once final, with small numbers suppressed.',
  ];
  writer.paragraph('The board is asked to:', 'body', { keepWith: writer.measureList(recommendations.slice(0, 1), { numbered: true }) });
  writer.list(recommendations, { numbered: true });

  writer.heading(1, '3. Background');
  writer.paragraph(details.statutoryBasis);
  writer.paragraph(details.introduction);

  const summary =
    `The assessment scored ${ranked} offence types with the ${templateName(model.matrix.definition)}, using figures for ` +
    `${model.periodLabels.current} compared with ${model.periodLabels.comparison} (${model.source.description.toLowerCase()}). ${areaStatement(model)}`;
  const lead = top.length > 0 ? `The ${inWords(top.length)} highest scoring offence types were:` : 'No offence type could be scored.';
  const topList = writer.measureList(top, { numbered: true });
  writer.heading(1, '4. The assessment in summary', { keepWith: writer.measure(summary, 'body') + topList });
  writer.paragraph(summary);
  writer.paragraph(lead, 'body', { keepWith: topList });
  writer.list(top, { numbered: true });
  drawRankingEvidence(writer, inputs, 'The appendix says how the offence types were scored, and how ties and changes on small numbers are treated.');
  const comparison = comparisonTable(inputs, `Table 2: How the ranking moved since ${inputs.earlier?.before.name ?? 'the earlier run'}`);
  if (comparison && inputs.earlier) {
    writer.heading(2, 'Since last year: what moved, and why');
    writer.paragraph(
      `Compared with the frozen run \u201c${inputs.earlier.before.name}\u201d (${describePeriod(inputs.earlier.before.periods.current)}), ` +
        'the table shows each type\u2019s move and the factors whose contribution to its score changed most.' +
        (inputs.earlier.sameTemplate ? '' : ' The two runs used different matrices, so their scores are on different scales.'),
    );
    drawTable(writer, comparison);
  }

  const first = priorities[0];
  // The section's heading stays with the first priority's heading and aim.
  const firstKeep = first ? writer.measure(first.heading, 'h2') + Math.min(writer.measure(first.aim, 'body'), writer.lineHeight('body') * 5.5) + 24 : undefined;
  writer.heading(1, '5. Proposed priorities', { keepWith: firstKeep });
  if (priorities.length === 0) writer.paragraph('No priorities have been set in the workspace yet.', 'note');
  for (const priority of priorities) {
    // A heading keeps its aim with it (a short aim whole), never alone at the foot of a page.
    writer.heading(2, priority.heading, { keepWith: Math.min(writer.measure(priority.aim, 'body'), writer.lineHeight('body') * 5.5) });
    writer.paragraph(priority.aim);
    const offences = priority.offences.map((offence) => (offence.rank === null ? `${inSentence(offence.label)} (not ranked)` : `${inSentence(offence.label)} (ranked ${ordinal(offence.rank)})`));
    writer.paragraph(
      `It addresses ${sentenceList(offences) || 'no offence type yet'}. Lead partner: ${priority.lead ?? 'not yet agreed'}. ${statusText(priority)}` +
        `${priority.reviewDate ? `; next review ${formatIsoDate(priority.reviewDate)}` : ''}.`,
    );
    if (priority.measures.length > 0) {
      writer.paragraph('Progress will be measured by:', 'body', { keepWith: Math.min(writer.measureList(priority.measures), writer.lineHeight('body') * 4) });
      writer.list(priority.measures);
    } else {
      writer.paragraph('No measures of progress are set yet.', 'note');
    }
  }

  writer.heading(1, '6. Risks and implications');
  writer.heading(2, 'Legal');
  writer.paragraph(
    'Under section 6 of the Crime and Disorder Act 1998 the responsible authorities must formulate and implement a strategy to reduce crime and disorder, ' +
      'and under the 2007 Regulations they must prepare a strategic assessment each year and a partnership plan from it. Agreeing the priorities meets that duty.',
  );
  writer.heading(2, 'Financial');
  writer.paragraph(
    'The priorities are delivered within the partners\u2019 existing resources. Any activity that needs new funding will come back to the board with its costs before it is committed.',
  );
  writer.heading(2, 'Equality');
  writer.paragraph(
    'The assessment scores vulnerability and hidden harm alongside volume, so that harms to people less likely to report them are not ranked down for being under-recorded. ' +
      'An equality impact assessment of the priorities should accompany the final plan.',
  );
  writer.heading(2, 'Data protection');
  writer.paragraph(
    `This paper holds aggregate figures only, and no personal data. It is marked ${model.partnership.marking}` +
      (inputs.publication
        ? `, and is for publication: counts below ${inputs.publication.threshold} are suppressed.`
        : '; it shows small numbers in full and is not for publication.'),
  );

  writer.heading(1, '7. Contact');
  if (details.contact) writer.paragraph(details.contact);
  writer.paragraph(oglAttribution, 'note');

  drawMethodAppendix(writer, inputs, 'Appendix: How the assessment was made', 'Table A2: Terms used in this paper');
  return writer.finish();
}
