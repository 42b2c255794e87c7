import { parse as parseCsvText } from 'csv-parse/sync';
import fc from 'fast-check';
import { appendFileSync, readdirSync, readFileSync, readlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter } from '../../../electron/service/features/dataset/import/readers/csv-record-splitter';
import { openSourceTable, type OpenSourceTableOptions } from '../../../electron/service/features/dataset/import/readers/source-table';
import type { SourceRow, SourceTable } from '../../../electron/service/features/dataset/import/readers/source-types';
import { WorkbenchError } from '../../../shared/result';
import { csvField, policeUkStreetHeader, writePoliceUkCsv } from '../../fixtures/builders/write-police-uk-csv';
import { writeXlsx } from '../../fixtures/builders/write-xlsx';
import { rawXlsxEntries, writeZip } from '../../fixtures/builders/write-zip';
import { useTempDir } from '../../fixtures/temp-dir';

const colchesterSample = '/work/shared/data/police-uk-street-colchester-2018-01.csv';

async function readAll(path: string, options?: OpenSourceTableOptions): Promise<{ table: SourceTable; rows: SourceRow[] }> {
  const table = await openSourceTable(path, options);
  const rows: SourceRow[] = [];
  try {
    for await (const row of table.rows()) rows.push(row);
  } finally {
    await table.close();
  }
  return { table, rows };
}

async function failure(work: () => Promise<unknown>): Promise<WorkbenchError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('expected a WorkbenchError');
}

/** File descriptors this process holds on `path` (Linux only; elsewhere we cannot look). */
function descriptorsOpenOn(path: string): number {
  if (process.platform !== 'linux') return 0;
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) count++;
    } catch {
      // The descriptor closed while we looked.
    }
  }
  return count;
}

/** Streams close their descriptors asynchronously; give them a moment. */
async function expectReleased(path: string): Promise<void> {
  for (let attempt = 0; attempt < 50 && descriptorsOpenOn(path) > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(descriptorsOpenOn(path)).toBe(0);
}

const cellsOf = (rows: SourceRow[]) => rows.map((row) => row.cells);
const numbersOf = (rows: SourceRow[]) => rows.map((row) => row.rowNumber);

describe('CSV reader', () => {
  const tempDir = useTempDir();
  const file = (name: string, content: string | Buffer) => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    return path;
  };

  it.each([
    { delimiter: ',', name: 'comma' },
    { delimiter: ';', name: 'semicolon' },
    { delimiter: '\t', name: 'tab' },
  ] as const)('reads $name-delimited files, with the other delimiters inside fields', async ({ delimiter }) => {
    const lines = [
      ['Crime type', 'Location', 'Outcome'],
      ['Burglary', 'On or near High Street, Colchester', 'Investigation complete; no suspect identified'],
      ['Drugs', `A${delimiter}B`, 'Local resolution'],
    ];
    const text = lines.map((cells) => cells.map((cell) => csvField(cell, delimiter)).join(delimiter)).join('\n') + '\n';
    const { table, rows } = await readAll(file('crimes.csv', text));
    expect(table.kind).toBe('csv');
    expect(table.details.delimiter).toBe(delimiter);
    expect(table.details.encoding).toBe('utf-8');
    expect(cellsOf(rows)).toEqual(lines);
  });

  it('prefers the delimiter that splits rows consistently (semicolons with decimal commas)', async () => {
    const text = 'Crime type;Longitude;Latitude\nBurglary;0,934239;51,929962\nDrugs;0,950773;51,937616\nRobbery;0,9;51,9\n';
    const { table, rows } = await readAll(file('european.csv', text));
    expect(table.details.delimiter).toBe(';');
    expect(rows[1]!.cells).toEqual(['Burglary', '0,934239', '51,929962']);
  });

  it('keeps quoted quotes, delimiters and line breaks, numbering each record by its first line', async () => {
    const text = [
      'Location,Notes,Crime type',
      '"On or near ""The Green""","first line',
      'second line, still the note",Burglary',
      'Plain Street,,Drugs',
      '',
    ].join('\n');
    const { rows } = await readAll(file('quoted.csv', text));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Location', 'Notes', 'Crime type'] },
      { rowNumber: 2, cells: ['On or near "The Green"', 'first line\nsecond line, still the note', 'Burglary'] },
      { rowNumber: 4, cells: ['Plain Street', '', 'Drugs'] },
    ]);
  });

  it('reads Windows line endings without leaving carriage returns in cells', async () => {
    const text = 'Crime ID,Crime type\r\nabc,"Anti-social\r\nbehaviour"\r\n,Drugs\r\n';
    const { rows } = await readAll(file('crlf.csv', text));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Crime ID', 'Crime type'] },
      { rowNumber: 2, cells: ['abc', 'Anti-social\r\nbehaviour'] },
      { rowNumber: 4, cells: ['', 'Drugs'] },
    ]);
  });

  it('reads old Mac files whose lines end in a carriage return alone', async () => {
    const { rows } = await readAll(file('mac.csv', 'Crime type,Count\rBurglary,3\rDrugs,4'));
    expect(cellsOf(rows)).toEqual([
      ['Crime type', 'Count'],
      ['Burglary', '3'],
      ['Drugs', '4'],
    ]);
  });

  it('strips a UTF-8 BOM from the first cell and trims nothing else', async () => {
    const { table, rows } = await readAll(file('bom.csv', '\uFEFFCrime ID, Month \n abc ,2024-01\n'));
    expect(table.details.encoding).toBe('utf-8');
    expect(cellsOf(rows)).toEqual([
      ['Crime ID', ' Month '],
      [' abc ', '2024-01'],
    ]);
  });

  it('reads UTF-16LE “Unicode text” from Excel, which is tab-delimited', async () => {
    const text = '\uFEFFCrime type\tCost\r\nCriminal damage\t£1,200\r\nCafé break-in\t£50\r\n';
    const { table, rows } = await readAll(file('unicode.txt', Buffer.from(text, 'utf16le')));
    expect(table.details).toEqual({ encoding: 'utf-16le', delimiter: '\t' });
    expect(cellsOf(rows)).toEqual([
      ['Crime type', 'Cost'],
      ['Criminal damage', '£1,200'],
      ['Café break-in', '£50'],
    ]);
  });

  it('reads Windows-1252 files so that “£” and “é” survive', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Location,Loss\nCaf'),
      Buffer.from([0xe9]), // é
      Buffer.from(' on the High Street,'),
      Buffer.from([0xa3]), // £
      Buffer.from('250\n'),
    ]);
    const { table, rows } = await readAll(file('ansi.csv', bytes));
    expect(table.details.encoding).toBe('windows-1252');
    expect(rows[1]!.cells).toEqual(['Café on the High Street', '£250']);
  });

  it('names the row when text further into a UTF-8 file is not UTF-8', async () => {
    const path = join(tempDir(), 'mixed.csv');
    await writePoliceUkCsv(path, { rows: 6_000 }); // well past the 1 MiB sample
    appendFileSync(path, Buffer.concat([Buffer.from(',2024-01,Essex Police,Essex Police,,,Shop costing '), Buffer.from([0xa3]), Buffer.from('5,,,,,\n')]));
    const error = await failure(() => readAll(path));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('“mixed.csv”');
    expect(error.message).toContain('near row 6,002');
    expect(error.message).toContain('CSV UTF-8');
  });

  it.each([
    { name: 'a file of no bytes', content: '' },
    { name: 'a file of only white space', content: ' \n\r\n\t\n' },
    { name: 'a file of only a BOM', content: '\uFEFF' },
    { name: 'a file of only empty rows', content: ',,,\n,,,\n' },
  ])('says $name is empty', async ({ content }) => {
    const error = await failure(() => readAll(file('nothing.csv', content)));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toMatch(/^“nothing\.csv” is empty\./);
  });

  it('reads a header-only file as one row', async () => {
    const { rows } = await readAll(file('header.csv', policeUkStreetHeader.join(',') + '\n'));
    expect(rows).toEqual([{ rowNumber: 1, cells: [...policeUkStreetHeader] }]);
  });

  it('yields title rows above the header with their real line numbers, skipping blank lines', async () => {
    const text = 'Essex Police – street crime\n\nCrime type,Count\n\nBurglary,3\n,,\nDrugs,4';
    const { rows } = await readAll(file('titled.csv', text));
    expect(numbersOf(rows)).toEqual([1, 3, 5, 7]);
    expect(rows[0]!.cells).toEqual(['Essex Police – street crime']);
  });

  it('allows ragged rows, leaving their rejection to the caller', async () => {
    const { rows } = await readAll(file('ragged.csv', 'a,b,c\n1,2\n1,2,3,4\n'));
    expect(rows.map((row) => row.cells.length)).toEqual([3, 2, 4]);
  });

  it.each([
    { name: 'a PDF', content: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), looksLike: 'a PDF document' },
    { name: 'a PNG', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), looksLike: 'a PNG image' },
    { name: 'text with NUL bytes', content: Buffer.from('Crime type,Count\nBurglary\u0000\u0000,3\n'), looksLike: undefined },
  ])('refuses $name as not a text or spreadsheet file', async ({ content, looksLike }) => {
    const error = await failure(() => readAll(file('crimes.csv', content)));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('“crimes.csv” is not a text or spreadsheet file');
    if (looksLike !== undefined) expect(error.message).toContain(looksLike);
  });

  it('refuses thousands of columns with a clear message', async () => {
    const wide = Array.from({ length: 5_000 }, (_, index) => `c${index}`).join(',');
    const error = await failure(() => readAll(file('wide.csv', `title\n${wide}\n`)));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('Row 2 of “wide.csv” has 5,000 columns');
    expect(error.message).toContain('at most 1,000');
  });

  it('refuses a single enormous line, naming the row, without reading it into memory', async () => {
    const path = file('huge.csv', 'Crime type,Notes\n');
    appendFileSync(path, 'Burglary,' + 'x'.repeat(3 * 1024 * 1024));
    const error = await failure(() => readAll(path));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('Row 2 of “huge.csv” is longer than 1 MB');
  });

  it('names the row where an unterminated quote opened', async () => {
    const text = 'Crime type,Notes\nBurglary,fine\nDrugs,"never closed\nRobbery,x\nTheft,y\n';
    const error = await failure(() => readAll(file('quote.csv', text)));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('Row 3 of “quote.csv” opens a quote (") that is never closed');
  });

  it('keeps a stray quote inside an unquoted field as text, as Excel does', async () => {
    const { rows } = await readAll(file('stray.csv', 'Location,Count\nOn or near 5" Street,3\n'));
    expect(rows[1]!.cells).toEqual(['On or near 5" Street', '3']);
  });

  it('reads the Colchester police.uk sample: 1,660 crimes under the header', async () => {
    const { table, rows } = await readAll(colchesterSample);
    expect(rows).toHaveLength(1_661);
    expect(rows[0]!.cells).toEqual([...policeUkStreetHeader]);
    expect(rows[1]!.cells[9]).toBe('Burglary');
    expect(rows.at(-1)!.rowNumber).toBe(1_661);
    expect(table.bytesRead()).toBe(table.bytesTotal);
  });

  it('reads by content, not extension, and opens CSV files without holding them open', async () => {
    const path = file('really-a-csv.xlsx', 'Crime type,Count\nBurglary,3\n');
    const table = await openSourceTable(path);
    expect(table.kind).toBe('csv');
    await expectReleased(path);
    await table.close();
    await table.close(); // twice is fine
  });

  it('stops promptly when cancelled part-way, and releases the file', async () => {
    const path = join(tempDir(), 'big.csv');
    await writePoliceUkCsv(path, { rows: 20_000 });
    const controller = new AbortController();
    const table = await openSourceTable(path, { signal: controller.signal });
    const seen: number[] = [];
    const error = await failure(async () => {
      for await (const row of table.rows()) {
        seen.push(row.rowNumber);
        if (seen.length === 100) controller.abort();
      }
    });
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('Cancelled. Nothing was changed.');
    expect(seen).toHaveLength(100);
    expect(table.bytesRead()).toBeLessThan(table.bytesTotal);
    await expectReleased(path);
  });

  it('releases the file when the caller stops early, and may be iterated once only', async () => {
    const path = join(tempDir(), 'early.csv');
    await writePoliceUkCsv(path, { rows: 20_000 });
    const table = await openSourceTable(path);
    for await (const row of table.rows()) {
      if (row.rowNumber === 10) break;
    }
    await expectReleased(path);
    expect(() => table.rows()).toThrow(/already been read/);
    await table.close();
  });

  it('ends iteration quietly and releases the file when closed between rows', async () => {
    const path = join(tempDir(), 'closed.csv');
    await writePoliceUkCsv(path, { rows: 20_000 });
    const table = await openSourceTable(path);
    const iterator = table.rows()[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ rowNumber: 1 });
    await table.close();
    expect((await iterator.next()).done).toBe(true);
    await expectReleased(path);
  });

  it('refuses to start when already cancelled', async () => {
    const error = await failure(() => openSourceTable(colchesterSample, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
  });

  it('says a folder is not a file', async () => {
    const error = await failure(() => openSourceTable(tempDir()));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toMatch(/is a folder, not a file/);
  });

  it('says plainly when the file is missing', async () => {
    const error = await failure(() => openSourceTable(join(tempDir(), 'gone.csv')));
    expect(error.code).toBe('file-not-found');
  });
});

describe('CSV record splitter', () => {
  /** csv-parse on the whole text, numbering records by the line they start on. */
  function reference(text: string, delimiter: ',' | ';' | '\t'): SourceRow[] {
    const records = parseCsvText(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n'],
      relax_quotes: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { info: { bytes: number }; record: string[] }[];
    // csv-parse's own line count treats a quoted CRLF as two lines, so count from byte offsets.
    const bytes = Buffer.from(text, 'utf8');
    const rows: SourceRow[] = [];
    let start = 0;
    for (const { info, record } of records) {
      const line = 1 + bytes.subarray(0, start).filter((byte) => byte === 0x0a).length;
      if (!record.every((cell) => cell === '')) rows.push({ rowNumber: line, cells: record });
      start = info.bytes;
    }
    return rows;
  }

  function split(chunks: string[], delimiter: ',' | ';' | '\t'): SourceRow[] {
    const splitter = new CsvRecordSplitter({ fileName: 'x.csv', delimiter, lineBreak: '\n', maxColumns: 10_000, maxRecordBytes: 1 << 20 });
    const rows: SourceRow[] = [];
    chunks.forEach((chunk, index) => rows.push(...(index === chunks.length - 1 ? splitter.end(chunk) : splitter.push(chunk))));
    return rows;
  }

  function outcome(work: () => SourceRow[]): SourceRow[] | 'error' {
    try {
      return work();
    } catch {
      return 'error';
    }
  }

  it('gives exactly what csv-parse gives for the whole file, however the text is chunked', () => {
    const piece = fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'é');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
        fc.array(fc.nat(60), { maxLength: 4 }),
        fc.constantFrom(',' as const, ';' as const, '\t' as const),
        (text, cuts, delimiter) => {
          const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((start, index) => text.slice(start, points[index] ?? text.length));
          expect(outcome(() => split(chunks, delimiter))).toEqual(outcome(() => reference(text, delimiter)));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('cuts out only the cells asked for, keeping each record’s length and its NUL characters in view', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', ',', '"', '""', '\n', '\r\n', '\u0000');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
        fc.uniqueArray(fc.nat(6), { maxLength: 4 }),
        fc.array(fc.nat(60), { maxLength: 3 }),
        (text, columns, cuts) => {
          const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((start, index) => text.slice(start, points[index] ?? text.length));
          const whole = outcome(() => split(chunks, ','));
          const splitter = new CsvRecordSplitter({ fileName: 'x.csv', delimiter: ',', lineBreak: '\n', maxColumns: 10_000, maxRecordBytes: 1 << 20 });
          splitter.selectColumns(columns);
          splitter.checksNul = true;
          const sparse = outcome(() => {
            const rows: SourceRow[] = [];
            chunks.forEach((chunk, index) => rows.push(...(index === chunks.length - 1 ? splitter.end(chunk) : splitter.push(chunk))));
            return rows;
          });
          if (whole === 'error' || sparse === 'error') {
            expect(sparse).toBe(whole);
            return;
          }
          expect(sparse.map((row) => row.rowNumber)).toEqual(whole.map((row) => row.rowNumber));
          sparse.forEach((row, index) => {
            const full = whole[index]!.cells;
            expect(row.cells.length).toBe(full.length);
            for (const column of columns) expect(row.cells[column]).toBe(full[column]);
            // A record cut from a line marks a NUL anywhere in it; one parsed whole keeps every cell, NULs and all.
            const hasNul = full.some((cell) => typeof cell === 'string' && cell.includes('\u0000'));
            if (row.nul) expect(hasNul).toBe(true);
            else if (hasNul) expect(row.cells.filter((cell) => cell !== undefined)).toEqual(full);
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('XLSX reader', () => {
  const tempDir = useTempDir();
  const path = (name: string) => join(tempDir(), name);

  async function writePartnerWorkbook(target: string): Promise<void> {
    await writeXlsx(target, [
      { name: 'Lookups', state: 'hidden', rows: [['Code', 'Meaning']] },
      {
        name: 'Street crime',
        rows: [
          ['Essex Police – street crime, January 2024'],
          undefined,
          ['Crime ID', 'Month', 'Officer notes', 'Crime type', 'Reported'],
          ['abc123', '2024-01', 'hidden note', 'Burglary', new Date('2024-01-05T00:00:00Z')],
          ['def456', '2024-01', null, 'Drugs', 45_296],
          [],
          [null, null, null, 'Robbery'],
        ],
        build: (sheet) => {
          sheet.mergeCells('A1:E1');
          sheet.getColumn(3).hidden = true;
          sheet.getCell('E4').numFmt = 'dd/mm/yyyy';
        },
      },
      { name: 'Summary', rows: [['Total', 3]] },
    ]);
  }

  it('reads the first visible sheet by default, with title rows, real row numbers and stable columns', async () => {
    const target = path('partner.xlsx');
    await writePartnerWorkbook(target);
    const { table, rows } = await readAll(target);
    expect(table.kind).toBe('xlsx');
    expect(table.details).toEqual({ sheets: ['Lookups', 'Street crime', 'Summary'], sheet: 'Street crime' });
    expect(rows).toEqual([
      // The merged title: its value is in the top-left cell only.
      { rowNumber: 1, cells: ['Essex Police – street crime, January 2024'] },
      { rowNumber: 3, cells: ['Crime ID', 'Month', 'Officer notes', 'Crime type', 'Reported'] },
      // The hidden column C keeps its place; a date cell is a Date.
      { rowNumber: 4, cells: ['abc123', '2024-01', 'hidden note', 'Burglary', new Date('2024-01-05T00:00:00Z')] },
      // A serial date in a General cell stays a number for the caller to interpret.
      { rowNumber: 5, cells: ['def456', '2024-01', null, 'Drugs', 45_296] },
      { rowNumber: 7, cells: [null, null, null, 'Robbery'] },
    ]);
    expect(table.bytesRead()).toBe(table.bytesTotal);
  });

  it('reads the sheet asked for, by name, in any case', async () => {
    const target = path('partner.xlsx');
    await writePartnerWorkbook(target);
    const { table, rows } = await readAll(target, { sheet: 'summary' });
    expect(table.details.sheet).toBe('Summary');
    expect(rows).toEqual([{ rowNumber: 1, cells: ['Total', 3] }]);
  });

  it('lists the sheets when the one asked for does not exist', async () => {
    const target = path('partner.xlsx');
    await writePartnerWorkbook(target);
    const error = await failure(() => openSourceTable(target, { sheet: 'Data' }));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toBe(
      '“partner.xlsx” has no sheet called “Data”. Its sheets are “Lookups”, “Street crime” and “Summary”. Choose one of those.',
    );
  });

  it('reads each formula as the value Excel cached, including 0, "", FALSE, errors and shared formulas', async () => {
    const target = path('formulas.xlsx');
    const sheetData = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
      '<row r="2">',
      '<c r="A2"><f>COUNTIF(Data!A:A,"Robbery")</f><v>0</v></c>', // a count of none
      '<c r="B2" t="str"><f>IF(A2=0,"",A2)</f><v></v></c>', // an empty string
      '<c r="C2" t="b"><f>A2&gt;1</f><v>0</v></c>', // FALSE
      '<c r="D2" t="e"><f>1/A2</f><v>#DIV/0!</v></c>',
      '<c r="E2" s="1"><f>DATE(2024,1,5)</f><v>45296</v></c>', // a date result
      '<c r="F2"><f t="shared" ref="F2:F3" si="0">A2+2</f><v>2</v></c>',
      '<c r="G2" t="str"><f>"£"&amp;"é"</f><v>£é</v></c>',
      '</row>',
      '<row r="3"><c r="F3"><f t="shared" si="0"/><v>3</v></c><c r="G3"><f>NOW()</f></c></row>',
    ].join('');
    writeZip(target, rawXlsxEntries([{ name: 'Calc', sheetData }], ['Count', 'Label']));
    const { rows } = await readAll(target);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Count', 'Label'] },
      { rowNumber: 2, cells: [0, '', false, null, new Date('2024-01-05T00:00:00Z'), 2, '£é'] },
      // A formula Excel never calculated has no value.
      { rowNumber: 3, cells: [null, null, null, null, null, 3] },
    ]);
  });

  it('turns rich text and hyperlinks into their text, and error cells into null', async () => {
    const target = path('rich.xlsx');
    await writeXlsx(target, [
      {
        name: 'Sheet1',
        rows: [
          [
            { richText: [{ text: 'Safer ', font: { bold: true } }, { text: 'Colchester' }] },
            { text: 'police.uk', hyperlink: 'https://data.police.uk/' },
            { error: '#N/A' },
            true,
            -0.5,
          ],
        ],
      },
    ]);
    const { rows } = await readAll(target);
    expect(rows).toEqual([{ rowNumber: 1, cells: ['Safer Colchester', 'police.uk', null, true, -0.5] }]);
  });

  it('keeps “£” and “é” intact where they straddle chunks of the inflated XML', async () => {
    const target = path('accents.xlsx');
    const names = Array.from({ length: 4_000 }, (_, index) => `Café £${index} é`);
    const sheetData = names.map((_, index) => `<row r="${index + 1}"><c r="A${index + 1}" t="s"><v>${index}</v></c></row>`).join('');
    writeZip(target, rawXlsxEntries([{ name: 'Sheet1', sheetData }], names));
    const { rows } = await readAll(target);
    expect(rows.map((row) => row.cells[0])).toEqual(names);
  });

  it('says an empty sheet is empty, naming it', async () => {
    const target = path('blank.xlsx');
    await writeXlsx(target, [{ name: 'Data', build: (sheet) => (sheet.getCell('B2').numFmt = '0.00') }]);
    const error = await failure(() => readAll(target));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toMatch(/^The sheet “Data” in “blank\.xlsx” is empty\./);
  });

  it('reads by content: a workbook named .csv is still a workbook', async () => {
    const target = path('export.csv');
    await writeXlsx(target, [{ name: 'Data', rows: [['Crime type'], ['Burglary']] }]);
    const { table, rows } = await readAll(target);
    expect(table.kind).toBe('xlsx');
    expect(rows).toHaveLength(2);
  });

  it('refuses a stray value beyond the column limit, naming the cell', async () => {
    const target = path('stray.xlsx');
    writeZip(target, rawXlsxEntries([{ name: 'Sheet1', sheetData: '<row r="4"><c r="A4"><v>1</v></c><c r="ALM4"><v>2</v></c></row>' }]));
    const error = await failure(() => readAll(target));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('Row 4 of sheet “Sheet1” in “stray.xlsx” has a value in column ALM (1,001 columns across)');
  });

  it('says a password-protected workbook (an OLE file) is protected, whatever its name', async () => {
    for (const name of ['protected.xlsx', 'legacy.xls']) {
      const target = path(name);
      writeFileSync(target, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0x5a)]));
      const error = await failure(() => openSourceTable(target));
      expect(error.code).toBe('invalid-file');
      expect(error.message).toBe(
        `“${name}” is password-protected (or an old .xls file). Remove the password in Excel, or save it as .xlsx, and import it again.`,
      );
    }
  });

  it('says a truncated workbook is damaged', async () => {
    const target = path('cut-short.xlsx');
    await writePartnerWorkbook(target);
    truncateSync(target, Math.floor(readFileSync(target).length / 2));
    const error = await failure(() => readAll(target));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('“cut-short.xlsx” is damaged or not a complete Excel file');
  });

  it('says a workbook with corrupted data is damaged', async () => {
    const target = path('corrupt.xlsx');
    const rows = Array.from({ length: 3_000 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${index * 7919}</v></c></row>`);
    writeZip(target, rawXlsxEntries([{ name: 'Sheet1', sheetData: rows.join('') }]));
    const bytes = readFileSync(target);
    const sheetStart = bytes.indexOf('xl/worksheets/sheet1.xml') + 200;
    for (let at = sheetStart; at < sheetStart + 64; at++) bytes[at] = bytes[at]! ^ 0xa5;
    writeFileSync(target, bytes);
    const error = await failure(() => readAll(target));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('“corrupt.xlsx” is damaged or not a complete Excel file');
  });

  it('says a zip that is not a workbook is not a spreadsheet', async () => {
    const target = path('bundle.zip');
    writeZip(target, [{ name: 'crimes.csv', data: 'Crime type\nBurglary\n' }]);
    const error = await failure(() => openSourceTable(target));
    expect(error.message).toContain('“bundle.zip” is not a text or spreadsheet file (it looks like a zip archive holding CSV files');
  });

  it('refuses a workbook that would expand past the size cap', async () => {
    const target = path('partner.xlsx');
    await writePartnerWorkbook(target);
    const error = await failure(() => openSourceTable(target, { limits: { maxInflatedBytes: 10_000 } }));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toMatch(/“partner\.xlsx” would expand to [\d.]+ KB when opened, more than the 9\.8 KB/);
  });

  it('refuses a zip bomb by its compression ratio before inflating anything', async () => {
    const target = path('bomb.xlsx');
    const spaces = Buffer.alloc(32 * 1024 * 1024, 0x20);
    const entries = rawXlsxEntries([{ name: 'Sheet1', sheetData: '', part: { data: spaces } }]);
    writeZip(target, entries);
    const error = await failure(() => openSourceTable(target));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('“bomb.xlsx” does not look like a genuine Excel file');
    expect(error.message).toContain('more than 200 times (to 32 MB)');
  });

  it('refuses a forged zip whose part inflates past the size it declares', async () => {
    const target = path('forged.xlsx');
    const rows = Array.from({ length: 20_000 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${index}</v></c></row>`);
    writeZip(target, rawXlsxEntries([{ name: 'Sheet1', sheetData: rows.join(''), part: { declaredSize: 1_000 } }]));
    const error = await failure(() => readAll(target));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toContain('one part of it expands to more than its own header says');
  });

  it('stops promptly when cancelled part-way through a sheet, and releases the file', async () => {
    const target = path('long.xlsx');
    const rows = Array.from({ length: 30_000 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${index}</v></c></row>`);
    writeZip(target, rawXlsxEntries([{ name: 'Sheet1', sheetData: rows.join('') }]));
    const controller = new AbortController();
    const table = await openSourceTable(target, { signal: controller.signal });
    const seen: number[] = [];
    const error = await failure(async () => {
      for await (const row of table.rows()) {
        seen.push(row.rowNumber);
        if (seen.length === 50) controller.abort();
      }
    });
    expect(error.code).toBe('cancelled');
    expect(seen).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    await expectReleased(target);
  });

  it('releases the file when the caller stops early', async () => {
    const target = path('partner.xlsx');
    await writePartnerWorkbook(target);
    const table = await openSourceTable(target);
    await expectReleased(target);
    const firstRows: SourceRow[] = [];
    for await (const row of table.rows()) {
      firstRows.push(row);
      break;
    }
    expect(firstRows[0]!.rowNumber).toBe(1);
    await expectReleased(target);
    await table.close();
    await table.close();
  });

  it('ends iteration quietly and releases the file when closed between rows', async () => {
    const target = path('partner.xlsx');
    await writePartnerWorkbook(target);
    const table = await openSourceTable(target);
    const iterator = table.rows()[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ rowNumber: 1 });
    await table.close();
    expect((await iterator.next()).done).toBe(true);
    await expectReleased(target);
  });
});

