import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OdsContentError, OdsContentScanner, maxSheetRows, type OdsRow } from '../../../electron/service/features/dataset/import/readers/ods-content';
import { odsContent } from '../../fixtures/builders/write-ods';

interface Read {
  sheet: string;
  number: number;
  repeat: number;
  cells: unknown[];
  lastFilled: number;
}

/** Scans the XML cut into chunks at the given places, reading every sheet. */
function scan(xml: string, cuts: number[] = [], maxColumns = 16_384): { rows: Read[]; tables: { name: string; visible: boolean }[] } {
  const scanner = new OdsContentScanner({ maxColumns, chooseTable: () => true });
  const rows: OdsRow[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= xml.length) continue;
    scanner.push(xml.slice(from, cut));
    rows.push(...scanner.rows.splice(0));
    from = cut;
  }
  scanner.push(xml.slice(from));
  rows.push(...scanner.rows.splice(0));
  scanner.end();
  return {
    rows: rows.map((row) => ({ sheet: row.table.name, number: row.number, repeat: row.repeat, cells: row.cells.slice(0, row.lastFilled), lastFilled: row.lastFilled })),
    tables: scanner.tables.map(({ name, visible }) => ({ name, visible })),
  };
}

const cell = (attributes: string, paragraphs = '') => `<table:table-cell ${attributes}>${paragraphs}</table:table-cell>`;
const text = (value: string) => cell('office:value-type="string" calcext:value-type="string"', `<text:p>${value}</text:p>`);
const float = (value: string) => cell(`office:value-type="float" office:value="${value}" calcext:value-type="float"`, `<text:p>${value}</text:p>`);
const row = (cells: string, attributes = '') => `<table:table-row${attributes}>${cells}</table:table-row>`;
const table = (name: string, rows: string, style = 'ta1') => `<table:table table:name="${name}" table:style-name="${style}"><table:table-column table:number-columns-repeated="16384"/>${rows}</table:table>`;

// Every construct the scanner reads, in one document.
const varied = odsContent(
  table(
    'Figures &amp; notes',
    [
      // A merged title: its value in the first cell, the covered cells after it empty.
      row(`${cell('table:number-columns-spanned="3" office:value-type="string"', '<text:p>Title &lt;2024&gt;</text:p>')}<table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="16381"/>`),
      // A million empty rows cost nothing.
      row('<table:table-cell table:number-columns-repeated="16384"/>', ' table:number-rows-repeated="1000000"'),
      row(
        [
          text('Burglary'),
          float('12'),
          cell('office:value-type="float" office:value="3.5" table:style-name="ce1"', '<text:p>3.50</text:p>'),
          cell('office:value-type="percentage" office:value="0.25"', '<text:p>25%</text:p>'),
          cell('office:value-type="currency" office:currency="GBP" office:value="-7"', '<text:p>-£7.00</text:p>'),
          cell('office:value-type="date" office:date-value="2024-04-01"', '<text:p>01/04/24</text:p>'),
          cell('office:value-type="date" office:date-value="2024-04-01T10:30:15.5"', '<text:p>01/04/24 10:30</text:p>'),
          cell('office:value-type="time" office:time-value="PT10H30M00S"', '<text:p>10:30</text:p>'),
          cell('office:value-type="boolean" office:boolean-value="true"', '<text:p>TRUE</text:p>'),
          cell('office:value-type="boolean" office:boolean-value="false"', '<text:p>FALSE</text:p>'),
        ].join(''),
      ),
      row(
        [
          // Numbers stored as text stay text.
          text('0012'),
          // Spaces, tabs and line breaks as ODF writes them, with spans, a link and a second paragraph.
          cell('office:value-type="string"', '<text:p><text:s/>lead <text:s text:c="2"/>x<text:tab/>y<text:line-break/>z</text:p><text:p>second <text:span text:style-name="T1">line</text:span> <text:a xlink:href="https://example.org">link</text:a></text:p>'),
          // A comment on the cell is not its text; nor is a footnote.
          cell('office:value-type="string"', '<office:annotation><dc:creator>An analyst</dc:creator><text:p>Check this</text:p></office:annotation><text:p>kept<text:note><text:note-body><text:p>note</text:p></text:note-body></text:note></text:p>'),
          // A formula's cached value; an error is no value; office:string-value outranks the paragraph.
          cell('table:formula="of:=[.B3]*2" office:value-type="float" office:value="24"', '<text:p>24</text:p>'),
          cell('table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"', '<text:p>#DIV/0!</text:p>'),
          cell('office:value-type="string" office:string-value="from attribute"', '<text:p>shown</text:p>'),
          // White space in the XML between elements, and collapsed inside a paragraph.
          `\n  ${cell('office:value-type="string"', '<text:p>  several   spaces\n and a line end </text:p>')}\n`,
          // CDATA, a comment and a processing instruction.
          cell('office:value-type="string"', '<text:p><![CDATA[<raw> & text]]><!-- not text --><?pi ignored?></text:p>'),
          // Entities, numeric too.
          text('Fish &amp; chips &#163;5 &#x20AC;2 &quot;q&quot; &apos;a&apos;'),
        ].join(''),
      ),
      // A value repeated across columns, and a row of values repeated.
      row(`${cell('table:number-columns-repeated="3" office:value-type="float" office:value="5"', '<text:p>5</text:p>')}${text('end')}`, ' table:number-rows-repeated="2"'),
      // A cell with a style but no value, and an empty paragraph, hold nothing.
      row(`${cell('table:style-name="ce2"')}${cell('office:value-type="string"', '<text:p/>')}${cell('table:number-columns-repeated="3"')}${text('far')}`),
      row('<table:table-cell/>', ' table:number-rows-repeated="1048000"'),
    ].join(''),
  ) + table('Hidden', row(text('h')), 'ta2') + '<table:table table:name="Empty"/>',
  '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
    '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>',
);

const expectedVaried: Read[] = [
  { sheet: 'Figures & notes', number: 1, repeat: 1, cells: ['Title <2024>'], lastFilled: 1 },
  {
    sheet: 'Figures & notes',
    number: 1_000_002,
    repeat: 1,
    cells: [
      'Burglary',
      12,
      3.5,
      0.25,
      -7,
      new Date(Date.UTC(2024, 3, 1)),
      new Date(Date.UTC(2024, 3, 1, 10, 30, 15, 500)),
      new Date(Date.UTC(1899, 11, 30, 10, 30)),
      true,
      false,
    ],
    lastFilled: 10,
  },
  {
    sheet: 'Figures & notes',
    number: 1_000_003,
    repeat: 1,
    cells: ['0012', ' lead   x\ty\nz\nsecond line link', 'kept', 24, null, 'from attribute', 'several spaces and a line end ', '<raw> & text', 'Fish & chips £5 €2 "q" \'a\''],
    lastFilled: 9,
  },
  { sheet: 'Figures & notes', number: 1_000_004, repeat: 2, cells: [5, 5, 5, 'end'], lastFilled: 4 },
  { sheet: 'Figures & notes', number: 1_000_006, repeat: 1, cells: [null, '', null, null, null, 'far'], lastFilled: 6 },
  { sheet: 'Hidden', number: 1, repeat: 1, cells: ['h'], lastFilled: 1 },
];

describe('OpenDocument content scanner', () => {
  it('reads every construct of a sheet straight into values', () => {
    const { rows, tables } = scan(varied);
    expect(rows).toEqual(expectedVaried);
    expect(tables).toEqual([
      { name: 'Figures & notes', visible: true },
      { name: 'Hidden', visible: false },
      { name: 'Empty', visible: true },
    ]);
  });

  it('reads the same rows wherever the chunks of inflated XML are cut, even inside a tag, an entity or CDATA', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: varied.length - 1 }), { maxLength: 40 }), (cuts) => {
        expect(scan(varied, cuts).rows).toEqual(expectedVaried);
      }),
      { numRuns: 300 },
    );
    // And at every single position, for the part with the most going on.
    const start = varied.indexOf('<table:table-row><table:table-cell office:value-type="string" calcext:value-type="string"><text:p>0012');
    const end = varied.indexOf('</table:table-row>', start);
    for (let cut = start; cut <= end; cut += 1) expect(scan(varied, [cut]).rows).toEqual(expectedVaried);
  });

  it('passes over sheets not chosen, unread, but lists them', () => {
    const scanner = new OdsContentScanner({ maxColumns: 100, chooseTable: (sheet) => sheet.name === 'Hidden' });
    scanner.push(varied);
    scanner.end();
    expect(scanner.rows.map((read) => [read.table.name, read.number, read.cells])).toEqual([['Hidden', 1, ['h']]]);
    expect(scanner.tables.map((sheet) => sheet.position)).toEqual([1, 2, 3]);
  });

  it('keeps values only up to the column limit, but says how far right the row reaches', () => {
    const xml = odsContent(table('Wide', row(`${text('a')}${cell('table:number-columns-repeated="16000" office:value-type="float" office:value="1"', '<text:p>1</text:p>')}`)));
    const [only] = scan(xml, [], 1000).rows;
    expect(only!.lastFilled).toBe(16_001);
    expect(only!.cells.length).toBeLessThanOrEqual(1000);
  });

  it('refuses a document type declaration, which could declare entities', () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE office:document-content [<!ENTITY boom "boom">]>\n${odsContent(table('S', row(text('&boom;'))))}`;
    expect(() => scan(xml)).toThrow(OdsContentError);
    expect(() => scan(xml)).toThrow(/document type declaration/);
  });

  it('refuses rows of values repeated past any spreadsheet’s size, and a cell of endless spaces', () => {
    const bomb = odsContent(table('S', row(text('x'), ` table:number-rows-repeated="${maxSheetRows + 1}"`)));
    expect(() => scan(bomb)).toThrow(expect.objectContaining({ reason: 'too-many-rows' }));
    const spaces = odsContent(table('S', row(cell('office:value-type="string"', '<text:p>a<text:s text:c="999999999"/></text:p>'))));
    expect(() => scan(spaces)).toThrow(expect.objectContaining({ reason: 'text-too-long' }));
  });

  it('refuses XML that does not use the standard OpenDocument names, and XML cut short', () => {
    const foreign = odsContent(table('S', row(text('a')))).replace('xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"', 'xmlns:table="urn:example:other"');
    expect(() => scan(foreign)).toThrow(expect.objectContaining({ reason: 'namespaces' }));
    const whole = odsContent(table('S', row(text('a'))));
    expect(() => scan(whole.slice(0, whole.indexOf('</table:table-row>')))).toThrow(expect.objectContaining({ reason: 'damaged' }));
  });
});
