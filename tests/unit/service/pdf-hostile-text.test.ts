import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdfDocument } from '../../../electron/service/features/export/pdf/pdf-export';
import { gatherExportModel } from '../../../electron/service/features/export/export-model';
import { readDocumentDetails } from '../../../electron/service/features/document/document-store';
import { page } from '../../../electron/service/features/export/pdf/page-style';
import { ServiceHost } from '../../../electron/service/service-host';
import { openWorkspaceFile } from '../../../electron/service/workspace-file';
import type { DocumentInputs } from '../../../electron/service/features/export/pdf/document-content';
import type { ExportModel } from '../../../shared/export/export-model';
import { valueOf } from '../../fixtures/workbench-host';
import { overlappingWords, pdfInfo, pdfText, pdfWordBoxes, qpdfCheck, renderPages } from '../../fixtures/pdf-tools';

/**
 * Text no one would choose, laid out without a crash, without a word leaving the page's
 * margins and without two words on top of each other: a 300-letter word, right-to-left and
 * accented text, markup, 200 priorities and 500 members.
 */

const longWord = 'Lorem'.repeat(60);
const rightToLeft = 'שותפות בטוחה יותר — شراكة أكثر أماناً';
const accented = 'Zoë Brontë-Łódź, Émilie Ørsted & São João Ñuñez';
const markup = '<script>alert("x")</script> =HYPERLINK("http://example.com") +cmd';
const hostile = [longWord, rightToLeft, accented, markup];
const pick = (index: number) => hostile[index % hostile.length]!;

let dir: string;
let inputs: DocumentInputs;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cswb-hostile-'));
  const host = new ServiceHost();
  const path = join(dir, 'demo.sqlite');
  valueOf(await host.call('workspace/demo', { path, operationId: 'demo-000001' }));
  host.dispose();
  const db = openWorkspaceFile(path);
  const generatedAt = new Date('2026-11-30T10:00:00Z');
  const model: ExportModel = gatherExportModel(db, { kind: 'current' }, generatedAt);
  const { details } = readDocumentDetails(db);
  db.close();
  model.partnership = { ...model.partnership, name: `${accented} ${markup}` };
  model.members = Array.from({ length: 500 }, (_, index) => ({ id: index + 1, name: `${index + 1} ${pick(index)}`, statutory: index % 3 === 0, contact: null }));
  model.matrix.ranking = model.matrix.ranking.map((row, index) => ({ ...row, label: index < 4 ? pick(index) : row.label }));
  model.priorities = Array.from({ length: 200 }, (_, index): ExportModel['priorities'][number] => ({
    number: index + 1,
    heading: `Priority ${index + 1} – ${pick(index)} ${pick(index + 1)}`,
    title: `${pick(index)} ${pick(index + 1)}`,
    aim: `${pick(index + 2)} ${longWord} ${rightToLeft}`,
    offences: [{ key: 'subgroup:homicide', label: pick(index + 3), rank: index + 1 }],
    lead: pick(index),
    measures: [pick(index), pick(index + 1)],
    status: 'amber',
    statusLabel: 'Amber: at risk',
    reviewDate: '2019-03-31',
  }));
  inputs = {
    model,
    details: { ...details, title: `${longWord} ${rightToLeft}`, owner: markup, contact: `${accented} ${longWord}`, introduction: `${markup} ${longWord}` },
    publication: null,
    earlier: null,
  };
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['plan', 'board-paper'] as const)('the %s with hostile text', (kind) => {
  let file: string;

  beforeAll(async () => {
    file = join(dir, `${kind}.pdf`);
    writeFileSync(file, await renderPdfDocument(kind, inputs));
  }, 120_000);

  it('is a sound PDF that prints the text as text', () => {
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors found/);
    expect(Number(pdfInfo(file)['Pages'])).toBeGreaterThan(kind === 'plan' ? 40 : 20);
    const text = pdfText(file);
    expect(text).toContain('<script>alert("x")</script>');
    // The XMP metadata stays well-formed XML: the markup in the author's name is escaped there.
    const raw = readFileSync(file).toString('utf8');
    const xmp = raw.slice(raw.indexOf('<x:xmpmeta'), raw.indexOf('</x:xmpmeta>'));
    expect(xmp).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(xmp).not.toContain('<script>');
    expect(pdfInfo(file)['Author']).toBe(markup);
    expect(text).toContain('Zoë Brontë-Łódź');
    if (kind === 'plan') expect(text).toContain('500 ');
  });

  it('keeps every word inside the margins, and no two words overlap', () => {
    const pages = pdfWordBoxes(file);
    for (const boxes of pages) {
      for (const word of boxes.words) {
        // An Arabic vowel mark may hang a point beyond its letter; nothing else leaves the margins.
        const slack = /^\p{M}+$/u.test(word.text) ? 2 : 0.5;
        expect(word.xMin, `page ${word.page}: ${word.text}`).toBeGreaterThanOrEqual(page.margins.left - slack);
        expect(word.xMax, `page ${word.page}: ${word.text}`).toBeLessThanOrEqual(boxes.width - page.margins.right + slack);
        expect(word.yMin, `page ${word.page}: ${word.text}`).toBeGreaterThanOrEqual(page.headerY - 2);
        expect(word.yMax, `page ${word.page}: ${word.text}`).toBeLessThanOrEqual(boxes.height - 20);
      }
      expect(overlappingWords(boxes)).toEqual([]);
    }
  });

  it('renders its first pages as images to look at', () => {
    const artefacts = resolve('test-artefacts/pdf');
    mkdirSync(artefacts, { recursive: true });
    renderPages(file, join(artefacts, `hostile-${kind}`), 50, 8);
  });
});
