import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../../electron/service/service-host';
import { createWorkbenchHandlers } from '../../../electron/service/workbench-handlers';
import type { Channel } from '../../../shared/channels';
import type { InputOf, OutputOf } from '../../../shared/contract';
import type { ServiceRawInputOf } from '../../../electron/service/service-contract';
import { valueOf } from '../../fixtures/workbench-host';
import { pdfPages, pdfText } from '../../fixtures/pdf-tools';

/**
 * The demo's documents, read as a board member who knows the area would read them: every
 * ranked figure names the area it covers, the dates agree with the plan period, the harm
 * caveat travels with the figures, the recommendations refer only to what the paper shows,
 * notation stays out of the body, and a publication export says it is for publication.
 */

const generatedAt = new Date('2026-11-30T10:00:00Z');
let dir: string;
let host: ServiceHost;
const files = { plan: '', board: '', publishedPlan: '', publishedBoard: '' };

async function call<C extends Channel>(channel: C, input: ServiceRawInputOf<C> | InputOf<C>): Promise<OutputOf<C>> {
  return valueOf((await host.call(channel, input)) as never) as OutputOf<C>;
}

let sequence = 0;
async function exportDocument(kind: 'plan' | 'board-paper', name: string, extra: Partial<ServiceRawInputOf<'export/pdf'>> = {}): Promise<string> {
  const path = join(dir, name);
  sequence += 1;
  await call('export/pdf', { path, operationId: `truthful-${String(sequence).padStart(4, '0')}`, kind, ...extra });
  return path;
}

/** The text of a document with line breaks and runs of spaces as single spaces. */
const flat = (path: string) => pdfText(path).replace(/\s+/g, ' ');

/** The text before the first appendix heading, and from it on. */
function bodyAndAppendix(path: string): { body: string; appendix: string } {
  const text = flat(path);
  const at = text.search(/Appendix( [A-Z])?: /);
  expect(at).toBeGreaterThan(0);
  return { body: text.slice(0, at), appendix: text.slice(at) };
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const isoOf = (day: string, month: string, year: string) => `${year}-${String(months.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cswb-truthful-'));
  host = new ServiceHost(undefined, { handlers: (session) => createWorkbenchHandlers(session, () => generatedAt) });
  await call('workspace/demo', { path: join(dir, 'demo.sqlite'), operationId: 'truthful-demo-01' });
  files.plan = await exportDocument('plan', 'plan.pdf');
  files.board = await exportDocument('board-paper', 'board.pdf');
  const { details } = await call('document/show', {});
  await call('document/set', { ...details, status: 'final' });
  files.publishedPlan = await exportDocument('plan', 'published-plan.pdf', { publication: true, threshold: 5 });
  files.publishedBoard = await exportDocument('board-paper', 'published-board.pdf', { publication: true, threshold: 5 });
  await call('document/set', details);
}, 120_000);

afterAll(() => {
  host?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const documents = [
  ['the Partnership Plan', () => files.plan],
  ['the board paper', () => files.board],
  ['the published Partnership Plan', () => files.publishedPlan],
  ['the published board paper', () => files.publishedBoard],
] as const;

describe.each(documents)('%s', (_name, file) => {
  it('names the area of the ranked figures: the Essex police force area, not Colchester', async () => {
    const ranking = (await call('matrix/show', {})).ranking;
    expect(ranking.length).toBeGreaterThan(0);
    const text = flat(file());
    expect(text).toContain('Figures for Essex police force area, not Colchester');
    expect(text).toContain('The figures ranked here are for the Essex police force area, not Colchester');
    // The summary table's caption names the area of every figure in it.
    expect(text).toMatch(/Table 1: The 10 highest-scoring offence types, with their figures for the Essex police force area, not Colchester/);
    // The rates are per 1,000 of the force area's residents, not the district's.
    expect(text).toContain('per 1,000 of its 1,846,380 residents');
    expect(text).not.toMatch(/for the partnership’s area/);
  });

  it('carries the harm caveat beside the figures it applies to', () => {
    const text = flat(file());
    const table = text.indexOf('Table 1:');
    const caveat = text.indexOf('harm may be overstated', table);
    expect(caveat).toBeGreaterThan(table);
    // Beside the table: before the next section starts.
    expect(caveat - table).toBeLessThan(2500);
  });

  it('keeps notation, file names and fingerprints out of the body, and notation out of the PDF altogether', () => {
    const { body, appendix } = bodyAndAppendix(file());
    for (const jargon of [/binom\.test/, /\bTc\b/, /SHA/, /mid-rank/, /current scoring\b(?!\))/, /\.csv\b/]) expect(body, String(jargon)).not.toMatch(jargon);
    for (const notation of [/binom\.test/, /\bTc\b/, /Binomial\(/]) expect(appendix, String(notation)).not.toMatch(notation);
  });

  it('states the tie-break exactly', () => {
    expect(flat(file())).toContain('the one with more total harm (its number of offences multiplied by their severity weights) ranks higher');
    expect(flat(file())).not.toMatch(/ties are broken on harm/i);
  });

  it('gives every threshold its unit', () => {
    const text = flat(file());
    expect(text).toContain('20th, 40th, 60th and 80th percentile');
    expect(text).toContain('−20%, −5%, +5% and +20%');
    expect(text).toContain('times the peers’ rate');
    expect(text).not.toContain('2, 3, 4, 5');
  });

  it('uses curly apostrophes only, and describes the peers for what they are', () => {
    const text = pdfText(file());
    expect(text).not.toContain("'");
    expect(text.replace(/\s+/g, ' ')).toContain('other police force areas');
  });

  it('leaves no page holding only a line or two', () => {
    const pages = pdfPages(file());
    pages.forEach((page, index) => {
      // The running header and footer (marking, title and page number) are not content.
      const lines = page.split('\n').filter((line) => line.trim() !== '' && !/^\s*OFFICIAL\s*$/.test(line) && !/Page \d+ of \d+/.test(line));
      expect(lines.length, `page ${index + 1}`).toBeGreaterThanOrEqual(8);
    });
  });

  it('dates every review inside the plan period (April 2020 to March 2021)', () => {
    const text = flat(file());
    const reviews = [...text.matchAll(/next review (\d{1,2}) ([A-Z][a-z]+) (\d{4})/g)].map((match) => isoOf(match[1]!, match[2]!, match[3]!));
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expect(review >= '2020-04-01', review).toBe(true);
      expect(review <= '2021-03-31', review).toBe(true);
    }
  });

  it('says plainly that it is a demonstration, and what its data are', () => {
    const text = flat(file());
    expect(text).toContain('This is a demonstration of the Community Safety Workbench, made from public data');
    expect(text).not.toMatch(/Illustrative:/);
  });
});

describe('the Partnership Plan', () => {
  it('lists the file outside the assessment period as not used', () => {
    const { appendix } = bodyAndAppendix(files.plan);
    expect(appendix).toMatch(/colchester-2018-01\.csv, from Essex Police Colchester January 2018 Not used: it covers January 2018, outside the assessment period/);
    expect(appendix).toMatch(/Used: figures for 19 ranked offence types/);
  });

  it('marks statutory members in words', () => {
    const text = flat(files.plan);
    expect(text).toContain('Essex Police (statutory member)');
    expect(text).not.toContain('*');
  });
});

describe('the board paper', () => {
  it('asks the board to agree only what it shows', () => {
    const text = flat(files.board);
    const recommendations = text.slice(text.indexOf('2. Recommendations'), text.indexOf('3. Background'));
    for (const section of recommendations.matchAll(/section (\d+)/g)) expect(text).toMatch(new RegExp(`\\b${section[1]}\\. [A-Z]`));
    if (recommendations.includes('measures listed with each priority in section 5')) {
      const priorities = text.slice(text.indexOf('5. Proposed priorities'), text.indexOf('6. Risks and implications'));
      expect(priorities.match(/Progress will be measured by:/g)).toHaveLength(4);
    }
    expect(recommendations).not.toContain('measures shown');
    // A list inside a sentence reads as one: lower case, and "and" before the last item.
    expect(recommendations).toContain('the highest scoring were violence with injury, sexual offences, drug offences and violence without injury;');
  });
});

describe('publication', () => {
  it('says a publication export is for publication, and never “not for publication”', () => {
    for (const file of [files.publishedPlan, files.publishedBoard]) {
      const text = flat(file);
      expect(text).not.toMatch(/not for publication/i);
      expect(text).toContain('OFFICIAL');
    }
  });
});

describe('the Analysis of the demo', () => {
  it('names the force area of the ONS series, and rates it per 1,000 of the force area’s residents', async () => {
    const view = await call('analysis/show', {});
    const violence = view.offences.find((offence) => offence.key === 'subgroup:violence-with-injury')!;
    expect(violence.source.where).toMatchObject({ level: 'police-force-area', relation: 'wider', phrase: 'Essex police force area, not Colchester' });
    expect(violence.source.population.value).toBe(1_846_380);
    expect(violence.summary.current.ratePer1000).toBeCloseTo((15_274 / 1_846_380) * 1000, 10);
    const datasets = await call('dataset/list', {});
    expect(datasets.map((dataset) => dataset.where.phrase)).toEqual(['Essex police force area, not Colchester', 'Colchester']);
  });

  it('never rates a force area’s figures by the partnership’s own population entered by hand', async () => {
    try {
      const view = await call('analysis/setDenominators', { population: 190_000, households: null });
      expect(view.settings.population).toEqual({ value: 190_000, source: 'entered by hand' });
      const violence = view.offences.find((offence) => offence.key === 'subgroup:violence-with-injury')!;
      expect(violence.source.population.value).toBe(1_846_380);
      expect(violence.summary.current.ratePer1000).toBeCloseTo((15_274 / 1_846_380) * 1000, 10);
    } finally {
      await call('analysis/setDenominators', { population: null, households: null });
    }
  });
});

describe('the evidence workbook', () => {
  it('names the area of every ranked figure, and its caveats', async () => {
    const path = join(dir, 'evidence.xlsx');
    await call('export/workbook', { path, operationId: 'truthful-workbook-01' });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('Offences')!;
    let header = 0;
    sheet.eachRow((row, number) => {
      if (header === 0 && row.getCell(1).text === 'Offence type') header = number;
    });
    expect(header).toBeGreaterThan(0);
    const columns = (sheet.getRow(header).values as unknown[]).map((value) => String(value ?? ''));
    const figuresFor = columns.indexOf('Figures for');
    const caveats = columns.indexOf('Caveats');
    const ranking = (await call('matrix/show', {})).ranking;
    const byLabel = new Map<string, { where: string; caveats: string }>();
    for (let number = header + 1; number <= sheet.rowCount; number += 1) {
      const row = sheet.getRow(number);
      byLabel.set(row.getCell(1).text, { where: row.getCell(figuresFor).text, caveats: row.getCell(caveats).text });
    }
    for (const ranked of ranking) {
      expect(byLabel.get(ranked.label)?.where, ranked.label).toBe('Essex police force area, not Colchester');
      expect(byLabel.get(ranked.label)?.caveats, ranked.label).toMatch(/harm may be overstated/);
    }
    expect(byLabel.get('Homicide')?.caveats).toContain('under 20 offences');
    const datasets = book.getWorksheet('Datasets')!;
    const texts: string[] = [];
    datasets.eachRow((row) => texts.push((row.values as unknown[]).map((value) => String(value ?? '')).join(' | ')));
    expect(texts.join('\n')).toMatch(/Not used: it covers January 2018, outside the assessment period/);
  });
});
