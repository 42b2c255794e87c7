import type { RankingChartRow } from '../../../../../shared/charts/ranking-chart';
import { statusLabel, type DocumentDetails } from '../../../../../shared/domain/document-details';
import type { RunSummary } from '../../../../../shared/domain/analysis';
import type { ExportModel } from '../../../../../shared/export/export-model';
import { publicationSuppression } from '../../../../../shared/export/publication-view';
import { shownValue, suppressedMarker, type Shown, type SuppressedRow } from '../../../../../shared/export/suppression';
import { highestPossibleScore, tieBreakRule, type FactorDefinition, type MatrixDefinition, type RunComparison } from '../../../../../shared/matrix/index';
import type { FigureCaveat } from '../../../../../shared/export/figure-caveats';
import type { SourceArea } from '../../../../../shared/domain/area';
import type { PdfTableSpec } from './pdf-table';
import { describePeriod } from '../../../../../shared/statistics/index';

/**
 * What the Partnership Plan and the board paper are made from, and the pieces both print the
 * same way: the version-control block, the top-scoring types in rank order, the summary table
 * of their figures (with publication mode's suppression), the method and the data quality.
 */

export interface DocumentInputs {
  model: ExportModel;
  details: DocumentDetails;
  /** Publication mode: small counts suppressed at this threshold; null shows every count. */
  publication: { threshold: number } | null;
  /** The scoring of an earlier year's frozen run against this one, for the board paper. */
  earlier: EarlierComparison | null;
}

/** This scoring compared with the latest frozen run of an earlier assessment period. */
export type EarlierComparison = RunComparison & { before: RunSummary };

/** How many types the ranking chart and the summary table show. */
export const chartedTypes = 10;
/** How many types the plan names in rank order, as the seed plan names four. */
export const namedTypes = 4;

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const longDateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Numbers as British documents print them, negatives with a true minus sign. */
const minus = (text: string) => text.replace('-', '\u2212');
export const formatInteger = (value: number) => minus(integer.format(value));
export const formatNumber = (value: number) => minus(decimal.format(value));
/** "+1,428", "−574", "0". */
const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);

/** The document's date: the one set in its details, or the day it was generated. */
export function documentDate(inputs: DocumentInputs): string {
  const date = inputs.details.date ? new Date(`${inputs.details.date}T12:00:00Z`) : new Date(inputs.model.generatedAt);
  return longDate.format(date);
}

/** '31 March 2019' from '2019-03-31'. */
export function formatIsoDate(date: string): string {
  return longDate.format(new Date(`${date}T12:00:00Z`));
}

export function generatedAtText(model: ExportModel): string {
  return longDateTime.format(new Date(model.generatedAt));
}

export function ordinal(rank: number): string {
  const lastTwo = rank % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${rank}th`;
  return `${rank}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th'}`;
}

/** "Status: Amber, at risk", "Status: Not started". */
export const statusText = (priority: { statusLabel: string }) => `Status: ${priority.statusLabel.replace(': ', ', ')}`;

/** "a, b and c", as GOV.UK writes a list inside a sentence. */
export function sentenceList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** An offence type's name inside a sentence: "violence with injury", but "ASB incidents". */
export function inSentence(label: string): string {
  const [first, second] = Array.from(label);
  if (!first || (second && second === second.toUpperCase() && second !== second.toLowerCase())) return label;
  return first.toLowerCase() + label.slice(first.length);
}

/** "Safer Colchester Partnership: Partnership Plan, April 2020 to March 2021". */
export function fullTitle(details: DocumentDetails): string {
  return details.planPeriod ? `${details.title}, ${details.planPeriod}` : details.title;
}

/** The version-control block both documents carry on their first page. */
export function versionControlTable(inputs: DocumentInputs, caption: string): PdfTableSpec {
  const { model, details } = inputs;
  const rows: [string, string][] = [
    ['Document owner', details.owner],
    ['Version', details.version],
    ['Status', statusLabel(details.status)],
    ['Date', documentDate(inputs)],
    ['Protective marking', model.partnership.marking],
    ['Distribution', details.distribution || 'Not stated'],
    ['Assessment period', model.periodLabels.current],
    ['Compared with', model.periodLabels.comparison],
    ['Figures for', rankedAreas(model).map((area) => area.phrase).join('; ') || 'No figures ranked'],
    ['Scoring', `${model.source.description}, ${templateName(model.matrix.definition)}`],
    ['Small numbers', inputs.publication ? `Suppressed: counts from 1 to ${inputs.publication.threshold - 1} are shown as [c]` : 'Shown in full: not for publication'],
    ['Generated', `${generatedAtText(model)} by the Community Safety Workbench ${model.appVersion}`],
  ];
  return { caption, columns: [{ header: 'Item', width: 1 }, { header: 'Detail', width: 2.6 }], rows, rowHeaders: true };
}

export function templateName(definition: MatrixDefinition): string {
  return definition.name;
}

export function rankingRows(model: ExportModel, count = chartedTypes): RankingChartRow[] {
  return model.matrix.ranking.slice(0, count).map((row) => ({ key: row.key, label: row.label, rank: row.rank, score: row.score }));
}

/** The top types by name, in the app's rank order. */
export function topLabels(model: ExportModel, count = namedTypes): string[] {
  return model.matrix.ranking.slice(0, count).map((row) => row.label);
}

const shownText = (cell: Shown, format: (value: number) => string = formatInteger) => {
  const value = shownValue(cell);
  return value === null ? '–' : typeof value === 'string' ? value : format(value);
};

/** The distinct areas the ranked types' figures are for, in rank order of first appearance. */
export function rankedAreas(model: ExportModel): SourceArea[] {
  const offences = new Map(model.offences.map((row) => [row.key, row]));
  const areas = new Map<string, SourceArea>();
  for (const ranked of model.matrix.ranking) {
    const where = offences.get(ranked.key)?.where;
    if (where && !areas.has(where.phrase)) areas.set(where.phrase, where);
  }
  return [...areas.values()];
}

const residents = (population: number | null) => (population === null ? 'no known population' : `${formatInteger(population)} residents`);

/**
 * Where the ranked figures come from, in a sentence or two: the area they count, and the
 * population their rates are per 1,000 of. A wider area is said plainly, so a board member
 * who knows the area is not misled into reading a force area's figures as the partnership's.
 */
export function areaStatement(model: ExportModel): string {
  const offences = new Map(model.offences.map((row) => [row.key, row]));
  const groups = new Map<string, { where: SourceArea; population: number | null; labels: string[] }>();
  for (const ranked of model.matrix.ranking) {
    const row = offences.get(ranked.key);
    if (!row) continue;
    const group = groups.get(row.where.phrase) ?? { where: row.where, population: row.population, labels: [] };
    group.labels.push(ranked.label);
    groups.set(row.where.phrase, group);
  }
  const all = [...groups.values()];
  if (all.length === 0) return '';
  const own = model.partnership.area ?? 'the partnership’s area';
  const describe = ({ where, population }: { where: SourceArea; population: number | null }) =>
    where.relation === 'partnership'
      ? `for ${where.label}, and rates are per 1,000 of its ${residents(population)}`
      : `for the ${where.label}, not ${own}: they count offences across that whole area, and rates are per 1,000 of its ${residents(population)}`;
  if (all.length === 1) return `The figures ranked here are ${describe(all[0]!)}.`;
  return (
    'The figures ranked here come from sources for different areas. ' +
    all.map((group) => `Those for ${sentenceList(group.labels.map(inSentence))} are ${describe(group)}.`).join(' ')
  );
}

export interface SummaryFigures {
  table: PdfTableSpec;
  /** Caveats every row shares, to print under the table; a row's own are in its Notes cell. */
  notes: string[];
}

/** Caveats shared by every row go under the table once; the rest stay with their row. */
function splitCaveats(rows: readonly FigureCaveat[][]): { shared: FigureCaveat[]; own: FigureCaveat[][] } {
  const kinds = (caveats: readonly FigureCaveat[]) => new Set(caveats.map((caveat) => caveat.short));
  const first = rows[0] ?? [];
  const shared = first.filter((caveat) => rows.every((row) => kinds(row).has(caveat.short)));
  const sharedShort = new Set(shared.map((caveat) => caveat.short));
  return { shared, own: rows.map((row) => row.filter((caveat) => !sharedShort.has(caveat.short))) };
}

/**
 * The top types' figures: rank, type, score, counts in both periods and the change, with the
 * area they are for and the caveats the workbook gives them. In publication mode the counts
 * go through the same suppression as the workbook, decided over every offence type (so a total
 * elsewhere cannot give a hidden count away), and a percentage is hidden with the change it
 * comes from.
 */
export function summaryFigures(inputs: DocumentInputs, label: string, count = chartedTypes): SummaryFigures {
  const { model } = inputs;
  const offences = new Map(model.offences.map((row) => [row.key, row]));
  const decisions = inputs.publication ? publicationSuppression(model, inputs.publication.threshold) : new Map<string, SuppressedRow>();
  const ranked = model.matrix.ranking.slice(0, count);
  const areas = new Set(ranked.map((row) => offences.get(row.key)?.where.phrase ?? ''));
  const { shared, own } = splitCaveats(ranked.map((row) => (offences.get(row.key)?.caveats ?? []).filter((caveat) => caveat.kind !== 'wider-area' || areas.size > 1)));
  const withNotes = own.some((caveats) => caveats.length > 0);
  const rows = ranked.map((row, index) => {
    const figures = offences.get(row.key);
    const shown = decisions.get(row.key) ?? {
      current: { suppressed: false, value: figures?.currentCount ?? null } as Shown,
      comparison: { suppressed: false, value: figures?.comparisonCount ?? null } as Shown,
      change: { suppressed: false, value: figures?.change ?? null } as Shown,
    };
    const percent = figures?.percentChange ?? null;
    const percentText = shown.change.suppressed ? '[c]' : percent === null ? '–' : `${signed(minus(oneDecimal.format(percent)), percent)}%`;
    const cells = [
      String(row.rank),
      row.label,
      formatNumber(row.score),
      shownText(shown.current),
      shownText(shown.comparison),
      shown.change.suppressed ? '[c]' : shownText(shown.change, (value) => signed(formatInteger(value), value)),
      percentText,
    ];
    if (areas.size > 1) cells.splice(2, 0, figures?.where.label ?? 'Area not stated');
    if (withNotes) cells.push(own[index]!.map((caveat) => caveat.short).join('; ') || '–');
    return cells;
  });
  const columns: PdfTableSpec['columns'] = [
    { header: 'Rank', width: 0.5, align: 'right' },
    { header: 'Offence type', width: 2.6 },
    ...(areas.size > 1 ? [{ header: 'Area', width: 1.4 }] : []),
    { header: 'Score', width: 0.6, align: 'right' },
    { header: 'Assessment period', width: 1.05, align: 'right' },
    { header: 'Comparison period', width: 1.05, align: 'right' },
    { header: 'Change', width: 0.8, align: 'right' },
    { header: 'Change %', width: 0.8, align: 'right' },
    ...(withNotes ? [{ header: 'Notes', width: 1.5 }] : []),
  ];
  const single = areas.size === 1 ? ranked.map((row) => offences.get(row.key)?.where).find((where) => where !== undefined) : undefined;
  const where = single ? (single.relation === 'partnership' ? `, with their figures for ${single.label}` : `, with their figures for the ${single.phrase}`) : ' and their figures';
  const notes = shared.map((caveat) => (caveat.kind === 'wider-area' ? `Every figure in the table is for the ${caveat.short.replace(/^figures for the /, '')}.` : caveat.sentence));
  return { table: { caption: `${label}: The ${ranked.length} highest-scoring offence types${where}`, columns, rows }, notes };
}

/** What the score's threshold figures are in, so no threshold is printed without its unit. */
function thresholdsWithUnits(factor: FactorDefinition): string {
  const list = (values: string[]) => sentenceList(values);
  switch (factor.kind) {
    case 'quintile':
      return `${list(factor.thresholds.map((value) => `${formatNumber(value)}th`))} percentile`;
    case 'peer':
      return `${list(factor.thresholds.map(formatNumber))} times the peers’ rate`;
    case 'judgement':
      return `Scored as judged, 1 to ${factor.scale}`;
    case 'bands':
      if (factor.input === 'percentChange') return list(factor.thresholds.map((value) => `${signed(formatNumber(value), value)}%`));
      if (factor.input === 'meanHarmWeight') return `${list(factor.thresholds.map(formatNumber))} (severity weight)`;
      return list(factor.thresholds.map(formatNumber));
  }
}

/** What each factor measures, in plain words: the screens' fuller working stays in the workbook. */
function plainFactorDescription(factor: FactorDefinition, peers: string): string {
  const top = factor.scale;
  switch (factor.kind) {
    case 'quintile':
      return (
        `How common the offence is: its rate per 1,000 residents of the area its figures cover, compared with the other types. ` +
        `The fifth of types with the highest rates score ${top} and the lowest fifth score 1. Where no population is known, the count is compared instead.`
      );
    case 'peer':
      return (
        `The area’s rate against the average rate of the ${peers} chosen as peers, for the same type and period: 1 means the same. ` +
        `Without peers, or their figures, it scores 3 (in line).`
      );
    case 'judgement':
      return factor.role === 'beside'
        ? `The partners’ judgement, 1 to ${top}, with a written reason. It is shown beside the score and does not change it.`
        : `The analyst’s judgement, 1 to ${top}, with a written reason. Without a judgement it scores ${factor.missingScore}.`;
    case 'bands':
      if (factor.input === 'percentChange') {
        const cap = factor.smallNumbersCap;
        return (
          'How much the number of offences changed from the comparison period, in per cent: the bigger the rise, the higher the score.' +
          (cap
            ? ` A change on fewer than ${cap.fewerThanCases} offences that could be chance (it is not statistically significant) scores no more than ${cap.capAt}.`
            : '')
        );
      }
      if (factor.input === 'meanHarmWeight') {
        return (
          'How serious a typical offence is: the average ONS Crime Severity Score weight of its offences, which reflects the sentences courts give. ' +
          'The higher the weight, the higher the score.'
        );
      }
      return factor.description;
  }
}

/** Appendix A's factor table: what each factor measures, its weight and its band thresholds with their units. */
export function factorTable(model: ExportModel, caption: string): PdfTableSpec {
  return {
    caption,
    columns: [
      { header: 'Factor', width: 1.1 },
      { header: 'What it measures', width: 3 },
      { header: 'Weight', width: 0.65, align: 'right' },
      { header: 'Score rises at', width: 1.2 },
    ],
    rows: model.matrix.definition.factors.map((factor) => [
      // The peers are whatever areas the analyst chose, which is not always a Most Similar Group.
      factor.kind === 'peer' ? factor.label.replace(/\s*\(Most Similar Group\)/, '') : factor.label,
      plainFactorDescription(factor, model.peers.kind),
      factor.role === 'beside' ? 'Not counted' : formatNumber(factor.weight),
      thresholdsWithUnits(factor),
    ]),
    rowHeaders: true,
  };
}

/** The most a type can score with this matrix. */
export const highestScore = (model: ExportModel) => highestPossibleScore(model.matrix.definition);

/** How the total is made, and how ties break, in plain words. */
export function scoringText(model: ExportModel): string {
  const definition = model.matrix.definition;
  const scale = definition.factors[0]?.scale ?? 5;
  const combine =
    definition.template === 'partnership'
      ? `Each factor gives a score from 1 to ${scale}; each score is multiplied by the factor’s weight, and the results are added up, so the highest possible score is ${formatNumber(highestScore(model))}.`
      : `Each factor gives a score from 1 to ${scale}; the impact factors’ weighted average is multiplied by the likelihood factors’, so the highest possible score is ${formatNumber(highestScore(model))}.`;
  return `${combine} ${tieBreakRule}`;
}

/** Populations and other sources, in prose: the file names stay in the appendix table. */
export function withoutFileNames(text: string): string {
  return text.replace(/\s*\([^()]*\.(?:csv|xlsx|ods|json)\)/gi, '');
}

/** "the ONS mid-year estimate for mid-2019", from the population's source as the Analysis gives it. */
function populationSourceText(source: string): string {
  const estimate = /^ONS mid-year population estimates for .*?, (mid-\d{4})$/.exec(withoutFileNames(source));
  return estimate ? `the ONS mid-year estimate for ${estimate[1]}` : withoutFileNames(source);
}

export function sourcesTable(model: ExportModel, caption: string): PdfTableSpec {
  return {
    caption,
    columns: [
      { header: 'File and partner', width: 1.7 },
      { header: 'Area', width: 1.1 },
      { header: 'Months', width: 1.15 },
      { header: 'Used in the assessment', width: 1.5 },
      { header: 'SHA-256 fingerprint', width: 1.65 },
    ],
    rows: model.datasets.map((dataset) => [
      `${dataset.sheet ? `${dataset.fileName} (sheet ${dataset.sheet})` : dataset.fileName}, from ${dataset.partner}`,
      dataset.where.label,
      dataset.firstMonth && dataset.lastMonth ? describePeriod({ from: dataset.firstMonth, to: dataset.lastMonth }) : 'None imported',
      dataset.use.text,
      // A hash breaks anywhere; a space every 16 characters lets it wrap cleanly.
      dataset.sha256.replace(/(.{16})/g, '$1 ').trim(),
    ]),
  };
}

/**
 * Each file's rows. A file's rows imported add up to the counts it gave, so for publication,
 * beside any suppressed count, the rows read and imported are suppressed too (as in the workbook).
 */
export function qualityTable(model: ExportModel, caption: string, publication: DocumentInputs['publication'] = null): PdfTableSpec {
  const suppression = publication ? publicationSuppression(model, publication.threshold) : null;
  const totalsHidden = [...(suppression?.values() ?? [])].some((row) => row.current.suppressed || row.comparison.suppressed);
  const total = (value: number) => (totalsHidden ? suppressedMarker : formatInteger(value));
  return {
    caption,
    columns: [
      { header: 'Dataset', width: 2.2 },
      { header: 'Rows read', width: 0.9, align: 'right' },
      { header: 'Imported', width: 0.9, align: 'right' },
      { header: 'Rejected', width: 0.85, align: 'right' },
      { header: 'Duplicates', width: 0.9, align: 'right' },
      { header: 'Outside the area', width: 0.95, align: 'right' },
      { header: 'Missing months', width: 1.1 },
    ],
    rows: model.quality.map((report) => [
      `${report.dataset.partner}: ${report.dataset.fileName}`,
      total(report.dataset.rowsRead),
      total(report.dataset.rowsImported),
      formatInteger(report.dataset.rowsRejected),
      formatInteger(report.dataset.duplicates),
      formatInteger(report.dataset.rowsOutOfArea),
      report.missingMonths.length === 0 ? 'None' : report.missingMonths.join(', '),
    ]),
  };
}

/** The terms the documents cannot do without, for the appendix. */
export function glossary(model: ExportModel, publication: DocumentInputs['publication']): [term: string, meaning: string][] {
  const entries: [string, string][] = [
    ['Comparison period', `The ${model.periodLabels.comparison.includes(' to ') ? 'months' : 'period'} the assessment period is compared with: ${model.periodLabels.comparison}.`],
    [
      'Crime Severity Score weight',
      'The Office for National Statistics’ measure of how serious an offence is, from the sentences courts give for it. Homicide weighs thousands of times more than shoplifting.',
    ],
    ['Total harm', 'The number of offences multiplied by their severity weights: how much harm a type does in all.'],
    ['Percentile', 'Where a figure stands among the others: a type at the 80th percentile has a higher rate than 80% of the types.'],
    [
      'Statistically significant',
      'A change too large to be put down to chance: a change at least as large would happen by chance less than 1 time in 20 if offences had gone on at the same rate.',
    ],
    [
      'Exact test',
      'The test that decides significance. It compares the two periods’ counts, allowing for the periods’ lengths; the evidence workbook’s Notes sheet gives its formula.',
    ],
    ['Peers', `The ${model.peers.kind} the rates are compared with${model.peers.areas.length > 0 ? `: ${sentenceList(model.peers.areas)}` : ' (none were chosen)'}.${model.peers.note ? ` ${model.peers.note}` : ''}`],
    ['Protective marking', `How the document must be handled under the Government Security Classifications: this one is ${model.partnership.marking}.`],
  ];
  if (publication) entries.push(['[c]', `A count from 1 to ${publication.threshold - 1}, withheld so that no one can be identified from it.`]);
  return entries;
}

export function glossaryTable(model: ExportModel, publication: DocumentInputs['publication'], caption: string): PdfTableSpec {
  return { caption, columns: [{ header: 'Term', width: 1.2 }, { header: 'What it means', width: 4 }], rows: glossary(model, publication), rowHeaders: true };
}

/** The populations the rates use, one per area, in prose. */
export function populationText(model: ExportModel): string {
  const offences = new Map(model.offences.map((row) => [row.key, row]));
  const seen = new Map<string, string>();
  for (const ranked of model.matrix.ranking) {
    const row = offences.get(ranked.key);
    if (!row || seen.has(row.where.label)) continue;
    seen.set(
      row.where.label,
      row.population === null
        ? `no population is known for ${row.where.relation === 'partnership' ? row.where.label : `the ${row.where.label}`}, so its counts are compared instead`
        : `${formatInteger(row.population)} for ${row.where.relation === 'partnership' ? row.where.label : `the ${row.where.label}`} (${populationSourceText(row.populationSource)})`,
    );
  }
  if (seen.size === 0) return 'No offence type was ranked, so no rate was needed.';
  return `Rates are per 1,000 residents of the area each type’s figures cover: ${sentenceList([...seen.values()])}.`;
}

export const oglAttribution =
  'Contains public sector information licensed under the Open Government Licence v3.0 (Office for National Statistics and police.uk data). ' +
  'Crown copyright and database right.';

export const significanceText =
  'Each change between the two periods is tested to see whether it could be chance. A change is called significant when one at least as large would happen by chance ' +
  'less than 1 time in 20. On small numbers a change that is not significant cannot push a type up the ranking: its trend score is held at the middle.';

export function membersText(members: ExportModel['members']): string[] {
  return members.map((member) => (member.statutory ? `${member.name} (statutory member)` : member.name));
}
