import type ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, readWorkbook, shownValue } from '../../fixtures/libreoffice';
import { pdfPages, pdfWordBoxes, renderPages, type PageBoxes } from '../../fixtures/pdf-tools';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';

/**
 * The evidence workbook on paper: the demo's workbook, and its workbook for publication at a
 * threshold of 20, printed to PDF by LibreOffice as A4 landscape, the way the file's own page
 * setup asks. The pages are kept as PNG files in test-artefacts/workbook/, to be looked at.
 *
 * LibreOffice stands DejaVu Sans in for Calibri here, a wider face, so the text prints a little
 * smaller than in Excel: what is legible here is legible there.
 */

const artefacts = resolve('test-artefacts/workbook');
/** DejaVu Sans's ascent and descent together, over its size: a word's box height ÷ this is its point size. */
const boxPerPoint = 1.164;

interface Printed {
  book: ExcelJS.Workbook;
  pdf: string;
  pages: PageBoxes[];
}

/**
 * The pages each sheet printed on: a sheet starts on the first page that opens with its title
 * (a sheet two pages across opens its second half with the title again, in column A).
 */
function pagesBySheet(book: ExcelJS.Workbook, pages: readonly PageBoxes[]): Map<string, PageBoxes[]> {
  const sheets = book.worksheets.map((sheet) => ({ name: sheet.name, title: String(shownValue(sheet.getCell('A1'))).split(' ').slice(0, 2) }));
  const bySheet = new Map(sheets.map((sheet) => [sheet.name, [] as PageBoxes[]]));
  let current = -1;
  for (const page of pages) {
    const opening = page.words.filter((word) => word.text !== 'OFFICIAL').map((word) => word.text);
    const next = sheets[current + 1];
    if (next && next.title.every((word, index) => opening[index] === word)) current += 1;
    bySheet.get(sheets[Math.max(0, current)]!.name)!.push(page);
  }
  return bySheet;
}

/** A word as lines broken after some of its hyphens, dashes or slashes would show it, in pieces that are there; null if none. */
function brokenAs(word: string, there: (piece: string) => boolean): string[] | null {
  const breaks = [...word.matchAll(/[-–/]/g)].map((match) => match.index + 1).filter((at) => at < word.length);
  const from = (start: number): string[] | null => {
    if (there(word.slice(start)) && start > 0) return [word.slice(start)];
    for (const at of breaks.filter((position) => position > start)) {
      const rest = there(word.slice(start, at)) ? from(at) : null;
      if (rest) return [word.slice(start, at), ...rest];
    }
    return null;
  };
  return from(0);
}

/**
 * The words of a sheet's texts that its pages do not show, each word counted as often as it
 * is written: a word cut off, broken inside (other than after a hyphen, a dash or a slash,
 * where lines may break) or run into the next cell is not there to be counted.
 */
function unprinted(texts: readonly string[], pages: readonly PageBoxes[]): string[] {
  const available = new Map<string, number>();
  for (const word of pages.flatMap((page) => page.words)) available.set(word.text, (available.get(word.text) ?? 0) + 1);
  const take = (word: string) => {
    const left = available.get(word) ?? 0;
    if (left === 0) return false;
    available.set(word, left - 1);
    return true;
  };
  const missing: string[] = [];
  for (const text of texts) {
    for (const word of text.split(/\s+/).filter((part) => part !== '')) {
      if (take(word)) continue;
      const pieces = brokenAs(word, (piece) => (available.get(piece) ?? 0) > 0);
      if (pieces) pieces.forEach(take);
      else missing.push(`“${word}” of “${text.slice(0, 70)}”`);
    }
  }
  return missing;
}

/** Text cells of a sheet: what a reader must be able to read in full on paper. */
function textsOf(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const value = shownValue(cell);
      if (typeof value === 'string' && value.trim() !== '') texts.push(value);
    }),
  );
  return texts;
}

describe('the evidence workbook printed on A4 landscape', () => {
  let dir: string;
  let workbench: TestWorkbench;
  const printed = new Map<string, Printed>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cswb-print-'));
    workbench = new TestWorkbench(dir, 'demo.sqlite');
    valueOf(await workbench.call('workspace/demo', { path: workbench.path, operationId: 'demo-print-0001' }));
    const files = { 'demo-evidence': {}, 'demo-evidence-for-publication': { publication: true, threshold: 20 } };
    mkdirSync(artefacts, { recursive: true });
    for (const [name, extra] of Object.entries(files)) {
      const file = join(dir, `${name}.xlsx`);
      valueOf(await workbench.call('export/workbook', { path: file, operationId: `print-${name}`.slice(0, 64), ...extra }));
      const pdf = convertWithLibreOffice(file, join(dir, 'pdf'), 'pdf');
      copyFileSync(pdf, join(artefacts, `${name}.pdf`));
      renderPages(pdf, join(artefacts, name));
      printed.set(name, { book: await readWorkbook(file), pdf, pages: pdfWordBoxes(pdf) });
    }
  }, 240_000);

  afterAll(() => {
    workbench?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['demo-evidence', 'demo-evidence-for-publication'])('%s: prints every page at 8 pt or more', (name) => {
    const { pages } = printed.get(name)!;
    expect(pages.length).toBeGreaterThan(15);
    const small = pages.flatMap((page, index) =>
      page.words.filter((word) => (word.yMax - word.yMin) / boxPerPoint < 7.95).map((word) => `page ${index + 1}: ${word.text} at ${((word.yMax - word.yMin) / boxPerPoint).toFixed(1)} pt`),
    );
    expect(small).toEqual([]);
    // Nothing runs off the paper.
    for (const page of pages) expect(page.words.filter((word) => word.xMax > page.width || word.xMin < 0)).toEqual([]);
  });

  it.each(['demo-evidence', 'demo-evidence-for-publication'])('%s: carries the marking at the head and foot of every page, with its number', (name) => {
    const pages = pdfPages(printed.get(name)!.pdf);
    pages.forEach((text, index) => {
      expect(text.match(/OFFICIAL/g)?.length ?? 0, `page ${index + 1}`).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it.each(['demo-evidence', 'demo-evidence-for-publication'])('%s: shows every word of every text in full: nothing cut off, no word broken inside, none run into the next cell', (name) => {
    const { book, pages } = printed.get(name)!;
    const bySheet = pagesBySheet(book, pages);
    expect([...bySheet.values()].every((sheetPages) => sheetPages.length > 0)).toBe(true);
    const missing = book.worksheets.flatMap((sheet) => unprinted(textsOf(sheet), bySheet.get(sheet.name)!).map((word) => `${sheet.name}: ${word}`));
    expect(missing).toEqual([]);
  });
});
