import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../../electron/service/service-host';
import { createWorkbenchHandlers } from '../../../electron/service/workbench-handlers';
import type { Channel } from '../../../shared/channels';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { saferColchester, saferColchesterPriorities } from '../../../shared/demo/safer-colchester';
import { page } from '../../../electron/service/features/export/pdf/page-style';
import type { ServiceRawInputOf } from '../../../electron/service/service-contract';
import { valueOf } from '../../fixtures/workbench-host';
import {
  overlappingWords,
  pdfFonts,
  pdfInfo,
  pdfPages,
  pdfStructure,
  pdfText,
  pdfWordBoxes,
  qpdfCheck,
  renderPages,
  structureElements,
} from '../../fixtures/pdf-tools';

/**
 * The Partnership Plan and the board paper of the demo workspace, exported through the service
 * and read back with poppler-utils and qpdf. The pages are also rendered to PNG files under
 * test-artefacts/pdf/, to be looked at.
 */

const generatedAt = new Date('2026-11-30T10:00:00Z');
const artefacts = resolve('test-artefacts/pdf');

let dir: string;
let host: ServiceHost;
const files = { plan: '', board: '' };

async function call<C extends Channel>(channel: C, input: ServiceRawInputOf<C> | InputOf<C>): Promise<OutputOf<C>> {
  return valueOf((await host.call(channel, input)) as never) as OutputOf<C>;
}

async function exportDocument(kind: 'plan' | 'board-paper', path: string, extra: Partial<ServiceRawInputOf<'export/pdf'>> = {}) {
  return call('export/pdf', { path, operationId: `pdf-${kind}-0001`, kind, ...extra });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cswb-pdf-'));
  host = new ServiceHost(undefined, { handlers: (session) => createWorkbenchHandlers(session, () => generatedAt) });
  await call('workspace/demo', { path: join(dir, 'demo.sqlite'), operationId: 'demo-000001' });
  files.plan = join(dir, 'demo-plan.pdf');
  files.board = join(dir, 'demo-board-paper.pdf');
  await exportDocument('plan', files.plan);
  await exportDocument('board-paper', files.board);
  mkdirSync(artefacts, { recursive: true });
  for (const [name, file] of [
    ['demo-plan', files.plan],
    ['demo-board-paper', files.board],
  ] as const) {
    copyFileSync(file, join(artefacts, `${name}.pdf`));
    renderPages(file, join(artefacts, name));
  }
}, 120_000);

afterAll(() => {
  host?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['the Partnership Plan', () => files.plan, 'Safer Colchester Partnership: Partnership Plan (demonstration), April 2020 to March 2021'],
  ['the board paper', () => files.board, 'Safer Colchester Partnership: Strategic assessment and proposed priorities for April 2020 to March 2021'],
])('%s', (_name, file, title) => {
  it('passes qpdf --check', () => {
    expect(qpdfCheck(file())).toMatch(/No syntax or stream encoding errors found/);
  });

  it('is tagged, titled, in British English, with its pages counted', () => {
    const info = pdfInfo(file());
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe(title);
    expect(info['Author']).toBe(saferColchester.name);
    expect(Number(info['Pages'])).toBeGreaterThanOrEqual(4);
    const raw = readFileSync(file()).toString('latin1');
    expect(raw).toContain('/Lang (en-GB)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/PageMode /UseOutlines');
  });

  it('embeds every font it uses', () => {
    const fonts = pdfFonts(file());
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.every((font) => font.name.includes('DejaVuSans'))).toBe(true);
  });

  it('has headings, lists, tables with header cells, and figures with alternative text', () => {
    const structure = pdfStructure(file());
    expect(structure).toMatch(/^\s*H1\b/m);
    expect(structure).toMatch(/^\s*H2\b/m);
    expect(structure).toMatch(/^\s*L\b/m);
    expect(structure).toMatch(/^\s*LI\b/m);
    expect(structure).toMatch(/^\s*Lbl\b/m);
    expect(structure).toMatch(/^\s*Table\b/m);
    expect(structure).toMatch(/\/Scope \/Column/);
    expect(structure).toMatch(/^\s*TD\b/m);
    expect(structure).toMatch(/^\s*Figure\b/m);
    const figures = structureElements(file(), 'Figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure.alt).toMatch(/^A bar chart of the 10 highest-scoring offence types by risk-matrix score, highest first: 1\. /);
  });

  it('carries the protective marking in the header and footer of every page, and "Page x of y"', () => {
    const pages = pdfPages(file());
    pages.forEach((text, index) => {
      expect(text.match(/OFFICIAL/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it('keeps every word inside the page margins, with no two words overlapping', () => {
    for (const boxes of pdfWordBoxes(file())) {
      for (const word of boxes.words) {
        expect(word.xMin, word.text).toBeGreaterThanOrEqual(page.margins.left - 0.5);
        expect(word.xMax, word.text).toBeLessThanOrEqual(boxes.width - page.margins.right + 0.5);
        expect(word.yMin, word.text).toBeGreaterThanOrEqual(page.headerY - 2);
        expect(word.yMax, word.text).toBeLessThanOrEqual(boxes.height - 20);
      }
      expect(overlappingWords(boxes)).toEqual([]);
    }
  });

  it('is the same, byte for byte, when exported again from the same workspace at the same time', async () => {
    const again = join(dir, 'again.pdf');
    await exportDocument(file() === files.plan ? 'plan' : 'board-paper', again);
    expect(readFileSync(again).equals(readFileSync(file()))).toBe(true);
  });
});

describe('the Partnership Plan says what the seed plan says', () => {
  it('lists every member, statutory members marked in words', () => {
    const text = pdfText(files.plan).replace(/\s+/g, ' ');
    for (const member of saferColchester.members) expect(text).toContain(member.statutory ? `${member.name} (statutory member)` : ` ${member.name}`);
    expect(text).toContain('Crime and Disorder Act 1998');
    expect(text).toContain('Open Government Licence v3.0');
  });

  it('names the top four offence types in the app’s own rank order', async () => {
    const ranking = (await call('matrix/show', {})).ranking;
    const text = pdfText(files.plan).replace(/\s+/g, ' ');
    const list = text.slice(text.indexOf('The four highest scoring offence types were:'));
    const expected = ranking.slice(0, 4).map((row, index) => `${index + 1}. ${row.label}`);
    let position = 0;
    for (const item of expected) {
      const found = list.indexOf(item, position);
      expect(found, item).toBeGreaterThan(-1);
      position = found + item.length;
    }
  });

  it('heads every priority with its number and title, as a level-2 heading', () => {
    const headings = pdfStructure(files.plan)
      .split('\n')
      .flatMap((line, index, lines) => (/^\s*H2\b/.test(line) ? [lines[index + 1]!.trim().replace(/^"|"$/g, '')] : []));
    const numbers = ['One', 'Two', 'Three', 'Four'];
    saferColchesterPriorities.forEach((priority, index) => {
      expect(headings).toContain(`Priority ${numbers[index]} – ${priority.title}`);
    });
  });

  it('shows the edited document details', async () => {
    const { details } = await call('document/show', {});
    await call('document/set', { ...details, title: 'Community Safety Plan', version: '2.3', status: 'final', date: '2019-03-31' });
    const edited = join(dir, 'edited.pdf');
    await exportDocument('plan', edited);
    const text = pdfText(edited).replace(/\s+/g, ' ');
    expect(pdfInfo(edited)['Title']).toBe('Community Safety Plan, April 2020 to March 2021');
    expect(text).toContain('Version 2.3');
    expect(text).toContain('31 March 2019');
    expect(text).not.toContain('DRAFT: for discussion');
    await call('document/set', details);
  });
});

describe('publication mode', () => {
  it('shows no count under the threshold in the plan’s tables', async () => {
    const published = join(dir, 'published.pdf');
    // Only a final document is exported for publication.
    const { details } = await call('document/show', {});
    await call('document/set', { ...details, status: 'final' });
    await exportDocument('plan', published, { publication: true, threshold: 20 });
    await call('document/set', details);
    const text = pdfText(published);
    expect(text).toContain('[c]');
    expect(text).toContain('Publication mode: counts from 1 to 19 are suppressed');
    // Homicide (19 and 18 offences in the demo) is among the ten highest: both counts hidden.
    const homicideRow = pdfPages(published)
      .join('\n')
      .split('\n')
      .find((line) => /^\s*\d+\s+Homicide\b/.test(line));
    expect(homicideRow).toBeDefined();
    expect(homicideRow).not.toMatch(/\b1[89]\b/);
    expect(homicideRow).toContain('[c]');
  });
});

describe('the board paper', () => {
  it('has the sections boards expect', () => {
    const text = pdfText(files.board);
    for (const heading of ['1. Purpose', '2. Recommendations', '3. Background', '4. The assessment in summary', '5. Proposed priorities', '6. Risks and implications', 'Legal', 'Financial', 'Equality']) {
      expect(text).toContain(heading);
    }
  });

  it('explains what moved since an earlier year’s frozen run', async () => {
    // Freeze this year's scoring as if it were last year's: move the assessment a year back first.
    await call('analysis/setPeriods', { periods: { current: { from: '2017-10', to: '2018-09' }, comparison: { from: '2016-10', to: '2017-09' } } });
    await call('run/freeze', { name: 'Strategic Assessment 2018' });
    await call('analysis/setPeriods', { periods: { current: { from: '2018-10', to: '2019-09' }, comparison: null } });
    const withComparison = join(dir, 'board-with-comparison.pdf');
    await exportDocument('board-paper', withComparison);
    const text = pdfText(withComparison).replace(/\s+/g, ' ');
    expect(text).toContain('Since last year: what moved, and why');
    expect(text).toContain('Strategic Assessment 2018');
    expect(text).toMatch(/(Up|Down) \d+ places?|No change/);
  });
});
