import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openSourceTable } from '../../../electron/service/features/dataset/import/readers/source-table';
import { readSharedStrings, sheetRows, type SheetContext, type SheetRow } from '../../../electron/service/features/dataset/import/readers/xlsx-sheet-rows';
import { WorkbenchError } from '../../../shared/result';
import { rawXlsxEntries, writeZip } from '../../fixtures/builders/write-zip';
import { useTempDir } from '../../fixtures/temp-dir';

const context: SheetContext = {
  sharedString: (index) => ['Burglary', 'Robbery'][index] ?? null,
  // Style 1 is a date style, as Excel's built-in short date.
  isDateStyle: (style) => style === 1,
  date1904: false,
  maxColumns: 16_384,
};

async function* chunks(text: string, cuts: number[] = []): AsyncGenerator<string> {
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= text.length) continue;
    yield text.slice(from, cut);
    from = cut;
  }
  yield text.slice(from);
}

async function rowsOf(xml: string, cuts: number[] = [], sheetContext = context): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const batch of sheetRows(chunks(xml, cuts), sheetContext)) rows.push(...batch);
  return rows;
}

const worksheet = (sheetData: string, after = '') =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F3"/>' +
  `<sheetData>${sheetData}</sheetData>${after}</worksheet>`;

// Every construct the scanner reads, in one sheet.
const varied = worksheet(
  [
    '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Fish &amp; chips &#163;5 &#x20AC;2</t></is></c>',
    // A rich inline string with a phonetic run, which is not part of the text.
    "<c r='C1' t='inlineStr' note='a > b'><is><r><t>Safer </t></r><r><t xml:space=\"preserve\">Colchester</t></r><rPh sb=\"0\" eb=\"1\"><t>セーファー</t></rPh></is></c>",
    '<!-- a comment <c r="D1"><v>9</v></c> --><?pi ignored?>',
    '<c r="E1" t="str"><f>A1&amp;"x"</f><v><![CDATA[<raw> & text]]></v></c></row>',
    // Cells without references follow the last; a self-closed cell has no value.
    '<row r="2"><c r="B2"><v>1.5</v></c><c><v>2</v></c><c r="D2" s="3"/><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#N/A</v></c></row>',
    // A namespace prefix, a date-styled serial, an ISO date, and a line end inside text.
    '<x:row r="3"><x:c r="A3" s="1"><x:v>45296</x:v></x:c><x:c r="B3" t="d"><x:v>2024-01-05T00:00:00Z</x:v></x:c>',
    '<x:c r="C3" t="str"><x:v>line one\r\nline two</x:v></x:c><x:c r="D3" t="b"><x:v>0</x:v></x:c></x:row>',
    '<row r="5"/>',
    '<row><c r="A6"><v>7</v></c></row>',
  ].join(''),
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
);

const expectedVaried: SheetRow[] = [
  { number: 1, cells: ['Burglary', 'Fish & chips £5 €2', 'Safer Colchester', null, '<raw> & text'], lastFilled: 5 },
  { number: 2, cells: [null, 1.5, 2, null, true], lastFilled: 5 },
  { number: 3, cells: [new Date('2024-01-05T00:00:00Z'), new Date('2024-01-05T00:00:00Z'), 'line one\nline two', false], lastFilled: 4 },
  { number: 5, cells: [], lastFilled: 0 },
  { number: null, cells: [7], lastFilled: 1 },
];

describe('reading worksheet XML', () => {
  it('reads every kind of cell the file types, skipping formulas, comments and phonetic runs', async () => {
    expect(await rowsOf(varied)).toEqual(expectedVaried);
  });

  it('reads the same rows wherever the chunks of inflated XML are cut, even inside a tag, an entity or CDATA', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: varied.length - 1 }), { maxLength: 12 }), async (cuts) => {
        expect(await rowsOf(varied, cuts)).toEqual(expectedVaried);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts at every single position too', async () => {
    for (let cut = 1; cut < varied.length; cut += 1) expect(await rowsOf(varied, [cut])).toEqual(expectedVaried);
  });

  it('reports a value beyond the column limit without storing it, and stops at the end of the sheet data', async () => {
    const rows = await rowsOf(worksheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'), [], { ...context, maxColumns: 100 });
    expect(rows).toEqual([{ number: 1, cells: [1], lastFilled: 16_384 }]);
    // Anything after </sheetData> is never looked at, damaged or not.
    expect(await rowsOf(worksheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<hyperlinks><broken'))).toHaveLength(1);
  });

  it('refuses XML that is damaged, or that a worksheet never has', async () => {
    await expect(rowsOf(worksheet('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -40))).rejects.toThrow(/ends part-way through a tag/);
    await expect(rowsOf(`<!DOCTYPE x [<!ENTITY e "boom">]>${worksheet('')}`)).rejects.toThrow(/document type declaration/);
    await expect(rowsOf(worksheet('<row r=1><c r="A1"><v>1</v></c></row>'))).rejects.toThrow(/not in quotes/);
    // Text with no end in sight, in chunks of 16 KB as the inflater hands them on.
    const endless = worksheet(`<row r="1"><c r="A1" t="str"><v>${'x'.repeat(1_100_000)}</v></c></row>`);
    const cuts = Array.from({ length: Math.floor(endless.length / 16_384) }, (_, index) => (index + 1) * 16_384);
    await expect(rowsOf(endless, cuts)).rejects.toThrow(/far longer than Excel writes/);
  });
});

describe('a workbook whose sheet XML is damaged', () => {
  const dir = useTempDir();

  it('is refused as damaged, naming the file', async () => {
    const target = join(dir(), 'damaged.xlsx');
    const sheetData = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r=3><c r="A3"><v>3</v></c></row>';
    writeZip(target, rawXlsxEntries([{ name: 'Sheet1', sheetData }]));
    const table = await openSourceTable(target);
    const seen: number[] = [];
    const error = await (async () => {
      try {
        for await (const row of table.rows()) seen.push(row.rowNumber);
      } catch (caught) {
        return caught;
      } finally {
        await table.close();
      }
      return null;
    })();
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('invalid-file');
    expect((error as WorkbenchError).message).toContain('“damaged.xlsx” is damaged or not a complete Excel file');
    expect(seen).toEqual([]);
  });
});

describe('reading the shared-string table', () => {
  it('joins rich text runs, leaves out phonetic runs, and decodes entities', async () => {
    const xml =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
      '<si><t>Burglary</t></si><si><r><rPr><b/></rPr><t>Safer </t></r><r><t>Colchester</t></r></si>' +
      '<si><t/></si><si><t>Drugs &amp; alcohol</t><rPh sb="0" eb="1"><t>ドラッグ</t></rPh><phoneticPr fontId="1"/></si></sst>';
    for (const cut of [0, 7, 40, 120, 171, 200]) {
      expect(await readSharedStrings(chunks(xml, [cut]))).toEqual(['Burglary', 'Safer Colchester', '', 'Drugs & alcohol']);
    }
  });
});
