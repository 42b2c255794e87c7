import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanText, PdfWriter, typographicQuotes } from '../../../electron/service/features/export/pdf/pdf-writer';
import { pdfFonts, pdfInfo, pdfPages, pdfStructure, qpdfCheck } from '../../fixtures/pdf-tools';

/** The PDF writer on its own: text cleaned and set, structure tagged, every page marked. */

const dir = mkdtempSync(join(tmpdir(), 'cswb-pdf-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(build: (writer: PdfWriter) => void): Promise<string> {
  const writer = new PdfWriter({
    title: 'A test of the writer',
    subject: 'The writer',
    author: 'Safer Colchester Partnership',
    keywords: 'test',
    marking: 'OFFICIAL-SENSITIVE',
    footerText: 'Writer test, version 1',
    generatedAt: new Date('2026-11-30T10:00:00Z'),
    identity: 'writer-test',
  });
  build(writer);
  const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, await writer.finish());
  return path;
}

describe('the PDF writer', () => {
  it('sets apostrophes curly, whoever typed them, and leaves quotation marks as typed', () => {
    expect(typographicQuotes("the partnership's plan, the partners' aims")).toBe('the partnership’s plan, the partners’ aims');
    expect(typographicQuotes('alert("x")')).toBe('alert("x")');
    expect(typographicQuotes("'quoted'")).toBe("'quoted'");
  });

  it('turns control characters into spaces and keeps line breaks', () => {
    expect(cleanText('one\u0007two\r\nthree\u202etwo')).toBe('one two\nthree two');
  });

  it('writes headings, paragraphs and lists as tagged structure, the marking on every page', async () => {
    const path = await written((writer) => {
      writer.heading(1, 'First section');
      for (let index = 0; index < 60; index += 1) writer.paragraph(`Paragraph ${index + 1}: the partnership's figures for the year.`);
      writer.list(['One item', 'Another item']);
    });
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors found/);
    const pages = pdfPages(path);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length, `page ${index + 1}`).toBe(2);
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const text = pages.join('\n');
    expect(text).toContain('Paragraph 60: the partnership’s figures for the year.');
    expect(text).not.toContain("partnership's");
    const structure = pdfStructure(path);
    expect(structure).toMatch(/^\s*H1\b/m);
    expect(structure).toMatch(/^\s*L\b/m);
    expect(pdfInfo(path)['Title']).toBe('A test of the writer');
    expect(pdfFonts(path).every((font) => font.embedded)).toBe(true);
  });
});
