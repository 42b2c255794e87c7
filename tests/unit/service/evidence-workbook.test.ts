import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offenceTotalSets } from '../../../shared/export/offence-total-sets';
import { workbookSheets } from '../../../electron/service/features/export/workbook/evidence-workbook';
import { convertWithLibreOffice, formulaCells, readWorkbook, shownValue, tableColumns } from '../../fixtures/libreoffice';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { readXlsxParts, sheetParts, unescapeXml } from '../../fixtures/xlsx-parts';

/** Text an analyst might type or a file might carry that a spreadsheet would run as a formula. */
const hostile = {
  member: '=HYPERLINK("http://example.invalid/steal","Click me")',
  contact: '+cmd|" /C calc"!A0',
  rationale: '-2+3',
  priority: '@SUM(A1:A9)',
};

const sheetNames = workbookSheets.map((sheet) => sheet.name);

describe('the evidence workbook', () => {
  let dir: string;
  let workbench: TestWorkbench;
  let normal: string;
  let publication: string;
  let parts: Map<string, string>;
  let book: ExcelJS.Workbook;
  let published: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cswb-workbook-'));
    workbench = new TestWorkbench(dir, 'demo.sqlite');
    valueOf(await workbench.call('workspace/demo', { path: workbench.path, operationId: 'demo-workbook-0001' }));
    valueOf(await workbench.call('member/add', { name: hostile.member, statutory: false, contact: hostile.contact }));
    valueOf(await workbench.call('matrix/judge', { factor: 'concern', offenceKey: 'group:robbery', score: 4, rationale: hostile.rationale }));
    valueOf(
      await workbench.call('priority/add', {
        title: hostile.priority,
        aim: 'Reduce robbery.',
        offences: ['group:robbery'],
        lead: null,
        measures: ['=1+1'],
        status: 'amber',
        reviewDate: '2020-03-31',
      }),
    );
    normal = join(dir, 'evidence.xlsx');
    publication = join(dir, 'published.xlsx');
    valueOf(await workbench.call('export/workbook', { path: normal, operationId: 'export-normal-01' }));
    valueOf(await workbench.call('export/workbook', { path: publication, operationId: 'export-publish-1', publication: true, threshold: 100 }));
    parts = await readXlsxParts(normal);
    book = await readWorkbook(normal);
    published = await readWorkbook(publication);
  }, 120_000);

  afterAll(() => {
    workbench.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the contract’s sheets in order, each titled in A1, with no merged cells', () => {
    const sheets = sheetParts(parts);
    expect(sheets.map((sheet) => sheet.name)).toEqual(sheetNames);
    for (const sheet of sheets) expect(parts.get(sheet.part)).not.toContain('<mergeCell');
    book.eachSheet((sheet) => {
      expect(typeof sheet.getCell('A1').value, sheet.name).toBe('string');
      expect(String(sheet.getCell('A1').value).length).toBeGreaterThan(3);
    });
  });

  it('puts every table in a real Excel table whose header row is the sheet’s header cells, with no blank row inside', () => {
    for (const sheet of sheetParts(parts)) {
      const rels = parts.get(sheet.rels) ?? '';
      const tables = [...rels.matchAll(/relationships\/table" Target="\.\.\/tables\/([^"]+)"/g)].map(([, file]) => parts.get(`xl/tables/${file}`)!);
      expect(tables.length, sheet.name).toBeGreaterThan(0);
      expect(parts.get(sheet.part)).toContain(`<tableParts count="${tables.length}">`);
      const worksheet = book.getWorksheet(sheet.name)!;
      for (const table of tables) {
        expect(table).toContain('headerRowCount="1"');
        const [, from, to] = /ref="([A-Z]+\d+):([A-Z]+\d+)"/.exec(table)!;
        const headerRow = Number(/\d+/.exec(from!)![0]);
        const lastRow = Number(/\d+/.exec(to!)![0]);
        const headers = [...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map(([, name]) => unescapeXml(name!));
        expect(headers.map((_, index) => shownValue(worksheet.getRow(headerRow).getCell(index + 1))), sheet.name).toEqual(headers);
        for (let row = headerRow + 1; row <= lastRow; row += 1) {
          const values = headers.map((_, index) => shownValue(worksheet.getRow(row).getCell(index + 1)));
          expect(values.every((value) => value === null || value === undefined || value === ''), `${sheet.name} row ${row} is blank`).toBe(false);
        }
      }
    }
  });

  it('stores numbers as numbers: no cell holds a number written as text', () => {
    const numeric = /^[+\-−]?\d[\d,]*(\.\d+)?%?$/;
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') expect(numeric.test(cell.value.trim()), `${sheet.name}!${cell.address} "${cell.value}"`).toBe(false);
        }),
      ),
    );
    const offences = book.getWorksheet('Offences')!;
    const { headerRow, columns } = tableColumns(offences, 'Offence type');
    const counts = columns.get('Offences (assessment period)')!;
    const cell = offences.getRow(headerRow + 1).getCell(counts);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.numFmt).toBe('#,##0');
  });

  it('marks every sheet’s header and footer with the protective marking, with page numbers, landscape, fit to one page wide or two with column A repeated, header rows repeated', () => {
    const workbookXml = parts.get('xl/workbook.xml')!;
    // Two pages across where one would print smaller than 8 pt (the print test measures them).
    const pagesWide: Record<string, number> = { Datasets: 2, Offences: 2, Matrix: 2 };
    sheetParts(parts).forEach((sheet, index) => {
      const xml = parts.get(sheet.part)!;
      expect(xml, sheet.name).toMatch(/<oddHeader>&amp;C[^<]*OFFICIAL<\/oddHeader>/);
      expect(xml, sheet.name).toMatch(/<oddFooter>&amp;C[^<]*OFFICIAL&amp;RPage &amp;P of &amp;N<\/oddFooter>/);
      expect(xml, sheet.name).toMatch(new RegExp(`<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="${pagesWide[sheet.name] ?? 1}"[^>]*fitToHeight="0"`));
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<pane [^>]*state="frozen"/);
      const titles = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">([^<]*)</definedName>`).exec(workbookXml)?.[1];
      expect(titles, sheet.name).toBeDefined();
      const ranges = unescapeXml(titles!).split(',');
      expect(ranges.includes(`'${sheet.name}'!$A:$A`), sheet.name).toBe(pagesWide[sheet.name] === 2);
      // The Matrix's scores fit their page, so its header is not printed over the tables below them.
      expect(ranges.some((range) => /!\$\d+:\$\d+$/.test(range)), sheet.name).toBe(sheet.name !== 'Matrix');
    });
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>Safer Colchester Partnership: strategic assessment evidence workbook</dc:title>');
    expect(core).toContain('<dc:subject>Strategic assessment, October 2018 to September 2019</dc:subject>');
    expect(core).toContain('<dc:creator>Safer Colchester Partnership</dc:creator>');
    expect(core).toMatch(/<cp:keywords>[^<]*risk matrix[^<]*<\/cp:keywords>/);
    expect(parts.get('docProps/app.xml')).toContain('<Company>Safer Colchester Partnership</Company>');
  });

  it('links every sheet from Contents to a sheet that exists', () => {
    const contents = sheetParts(parts).find((sheet) => sheet.name === 'Contents')!;
    const locations = [...parts.get(contents.part)!.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]+)"\/>/g)].map(([, ref, location]) => ({
      ref: ref!,
      location: unescapeXml(location!),
    }));
    expect(locations.map((link) => link.location)).toEqual(sheetNames.map((name) => `'${name}'!A1`));
    const sheet = book.getWorksheet('Contents')!;
    for (const link of locations) {
      const target = /^'(.+)'!A1$/.exec(link.location)![1]!;
      expect(book.getWorksheet(target), target).toBeDefined();
      expect(shownValue(sheet.getCell(link.ref))).toBe(target);
    }
  });

  it('writes hostile text as text, never as a formula', () => {
    const found = new Map<string, ExcelJS.Cell>();
    const formulas: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && Object.values(hostile).some((text) => cell.value === text || cell.value === `Priority Five – ${text}`)) {
            found.set(cell.value, cell);
          }
          if (cell.type === ExcelJS.ValueType.Formula) formulas.push((cell.value as ExcelJS.CellFormulaValue).formula);
        }),
      ),
    );
    expect([...found.keys()].sort()).toEqual([hostile.contact, hostile.member, hostile.rationale, `Priority Five – ${hostile.priority}`].sort());
    expect(formulas.filter((formula) => /HYPERLINK|cmd|SUM\(A1/.test(formula))).toEqual([]);
    // In the XML: shared strings (t="s"), never <f>.
    for (const sheet of sheetParts(parts)) expect(parts.get(sheet.part)).not.toMatch(/<f>[^<]*(HYPERLINK|cmd)/);
    expect(parts.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://example.invalid/steal&quot;,&quot;Click me&quot;)');
  });

  it('keeps hostile text as text when LibreOffice opens the file', { timeout: 180_000 }, async () => {
    const reopened = await readWorkbook(convertWithLibreOffice(normal, join(dir, 'libreoffice')));
    const partnership = reopened.getWorksheet('Partnership')!;
    const { headerRow, columns } = tableColumns(partnership, 'Order');
    const last = partnership.getRow(headerRow + (await workbench.call('partnership/show', {}).then((result) => valueOf(result).members.length)));
    expect(last.getCell(columns.get('Member')!).value).toBe(hostile.member);
    expect(last.getCell(columns.get('Contact')!).value).toBe(hostile.contact);
    const measures = reopened.getWorksheet('Priorities')!;
    let texts = 0;
    measures.eachRow((row) => row.eachCell((cell) => (cell.value === '=1+1' || cell.value === `Priority Five – ${hostile.priority}` ? (texts += 1) : 0)));
    expect(texts).toBe(2);
  });

  it('validates judgements as whole numbers 1–5 and heat-maps the scores, with the numbers shown', () => {
    const matrix = sheetParts(parts).find((sheet) => sheet.name === 'Matrix')!;
    const xml = parts.get(matrix.part)!;
    const validations = [...xml.matchAll(/<dataValidation type="whole" [^>]*sqref="([^"]+)"[^>]*><formula1>1<\/formula1><formula2>5<\/formula2>/g)].map(([, ref]) => ref);
    const sheet = book.getWorksheet('Matrix')!;
    const { headerRow, columns } = tableColumns(sheet, 'Offence type');
    // One validation per judgement column, over every scored type (between is the default
    // operator): the scored factors' in the scores table, the factors graded beside the score in
    // the table of their own below it.
    let beside = headerRow + 21;
    while (shownValue(sheet.getRow(beside).getCell(2)) !== 'Organisational position: judgement (1–5)') beside += 1;
    expect(validations).toHaveLength(4);
    const spans = validations.map((ref) => /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(ref!)!.slice(1).map(Number)).sort((a, b) => a[0]! - b[0]!);
    expect(spans).toEqual([
      [headerRow + 1, headerRow + 19],
      [headerRow + 1, headerRow + 19],
      [beside + 1, beside + 19],
      [beside + 1, beside + 19],
    ]);
    expect(xml).toContain('<conditionalFormatting');
    const harm = sheet.getRow(headerRow + 1).getCell(columns.get('Harm score')!);
    expect(harm.type).toBe(ExcelJS.ValueType.Formula);
    expect(typeof (harm.value as ExcelJS.CellFormulaValue).result).toBe('number');
  });

  it('compares numbers as numbers: no formula turns a figure into text to compare it', () => {
    const formulas = [...formulaCells(book).values()].map((cell) => (cell.value as ExcelJS.CellFormulaValue).formula);
    expect(formulas.length).toBeGreaterThan(200);
    // COUNTIF(range, "<"&E5) writes E5 as text of 15 significant digits before comparing.
    expect(formulas.filter((formula) => /"[<>=]+"&|COUNTIFS?\(/.test(formula))).toEqual([]);
    expect(formulas.filter((formula) => formula.includes('SUMPRODUCT(')).length).toBeGreaterThan(19);
  });

  it('lets the weight and threshold cells take only what the workbench accepts, saying why in plain words', () => {
    const sheet = book.getWorksheet('Matrix')!;
    const { headerRow, columns } = tableColumns(sheet, 'Factor');
    const rowOf = (factor: string) => {
      for (let row = headerRow + 1; ; row += 1) if (shownValue(sheet.getRow(row).getCell(2)) === factor) return row;
    };
    const matrix = sheetParts(parts).find((part) => part.name === 'Matrix')!;
    const xml = parts.get(matrix.part)!;
    const validation = (address: string) => {
      const found = [...xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)].find(([, attributes]) => new RegExp(`sqref="${address}"`).test(attributes!));
      if (!found) return null;
      const attribute = (name: string) => unescapeXml(new RegExp(`${name}="([^"]*)"`).exec(found[1]!)?.[1] ?? '');
      return { type: attribute('type'), style: attribute('errorStyle'), error: attribute('error'), formula: unescapeXml(/<formula1>([^<]*)<\/formula1>/.exec(found[2]!)![1]!) };
    };
    const column = (header: string) => String.fromCharCode(64 + columns.get(header)!);
    const weight = (factor: string) => `${column('Weight')}${rowOf(factor)}`;
    const threshold = (factor: string, index: number) => `${column(`Threshold ${index}`)}${rowOf(factor)}`;
    expect(validation(weight('volume'))).toEqual({
      type: 'custom',
      style: 'stop',
      error: 'A weight is a number from 0 to 1,000. A weight of 0 leaves the factor out of the score.',
      formula: `AND(ISNUMBER(${weight('volume')}),${weight('volume')}>=0,${weight('volume')}<=1000)`,
    });
    expect(validation(weight('confidence'))!.formula).toBe(`AND(ISNUMBER(${weight('confidence')}),${weight('confidence')}=0)`);
    // Thresholds rise: each above the one to its left and below the one to its right; percentiles within 0–100.
    expect(validation(threshold('trend', 1))!.formula).toBe(`AND(ISNUMBER(${threshold('trend', 1)}),${threshold('trend', 1)}<${threshold('trend', 2)})`);
    expect(validation(threshold('trend', 3))!.formula).toBe(
      `AND(ISNUMBER(${threshold('trend', 3)}),${threshold('trend', 3)}>${threshold('trend', 2)},${threshold('trend', 3)}<${threshold('trend', 4)})`,
    );
    expect(validation(threshold('volume', 4))!.formula).toBe(`AND(ISNUMBER(${threshold('volume', 4)}),${threshold('volume', 4)}>${threshold('volume', 3)},${threshold('volume', 4)}>0,${threshold('volume', 4)}<100)`);
    expect(validation(threshold('harm', 2))!.error).toBe('Thresholds rise from left to right: each must be a number higher than the one to its left and lower than the one to its right.');
    expect(validation(threshold('volume', 2))!.error).toMatch(/ Percentile thresholds lie between 0 and 100\.$/);
    // Every weight and threshold of every factor is covered.
    for (const factor of ['volume', 'trend', 'harm', 'vulnerability', 'concern', 'peer', 'organisational-position', 'confidence']) {
      expect(validation(weight(factor)), factor).not.toBeNull();
      for (const index of [1, 2, 3, 4]) expect(validation(threshold(factor, index))?.style, `${factor} ${index}`).toBe('stop');
    }
  });

  it('holds the priorities with their offence types’ ranks', () => {
    const sheet = book.getWorksheet('Priorities')!;
    const { headerRow, columns } = tableColumns(sheet, 'Number');
    const rows = Array.from({ length: 5 }, (_, index) => sheet.getRow(headerRow + 1 + index));
    expect(rows.map((row) => row.getCell(1).value)).toEqual([1, 2, 3, 4, 5]);
    expect(String(rows[0]!.getCell(columns.get('Priority')!).value)).toMatch(/^Priority One – /);
    expect(String(rows[4]!.getCell(columns.get('Offence types (rank)')!).value)).toMatch(/^Robbery \(\d+\)$/);
    expect(rows[4]!.getCell(columns.get('Status')!).value).toBe('Amber');
    expect(rows[4]!.getCell(columns.get('Review date')!).value).toEqual(new Date('2020-03-31T00:00:00Z'));
  });

  it('in publication mode shows no count under the threshold, and nothing suppressed can be worked out', () => {
    const sheet = published.getWorksheet('Offences')!;
    const { headerRow, columns } = tableColumns(sheet, 'Offence type');
    const column = (header: string) => columns.get(header)!;
    const countHeaders = ['Offences (assessment period)', 'Offences (comparison period)'];
    const byLabel = new Map<string, Record<string, unknown>>();
    for (let row = headerRow + 1; shownValue(sheet.getRow(row).getCell(1)); row += 1) {
      const cells = sheet.getRow(row);
      const record = Object.fromEntries([...columns].map(([header, index]) => [header, shownValue(cells.getCell(index))]));
      byLabel.set(String(record['Offence type']), record);
      for (const header of countHeaders) {
        const value = record[header];
        if (typeof value === 'number') expect(value === 0 || value >= 100, `${String(record['Offence type'])} ${header} ${value}`).toBe(true);
      }
      if (countHeaders.some((header) => record[header] === '[c]')) {
        for (const derived of ['Change', 'Change (%)', 'Significance']) expect(record[derived], `${String(record['Offence type'])} ${derived}`).toBe('[c]');
      }
      if (record['Offences (assessment period)'] === '[c]') {
        expect(record['Rate per 1,000 (assessment period)']).toBe('[c]');
        expect(record['Total harm']).toBe('[c]');
      }
    }
    expect(byLabel.get('Homicide')!['Offences (assessment period)']).toBe('[c]');
    expect(column('Change')).toBeGreaterThan(0);
    // Totals: a group and its listed subgroups never have exactly one hidden cell in a column.
    const keyOf = new Map([
      ['Violence against the person', 'group:violence-against-the-person'],
      ['Homicide', 'subgroup:homicide'],
      ['Death or serious injury - unlawful driving', 'subgroup:death-or-serious-injury-unlawful-driving'],
      ['Violence with injury', 'subgroup:violence-with-injury'],
      ['Violence without injury', 'subgroup:violence-without-injury'],
      ['Stalking and harassment', 'subgroup:stalking-and-harassment'],
    ]);
    const labelOf = new Map([...keyOf].map(([label, key]) => [key, label]));
    for (const set of offenceTotalSets([...keyOf.values()])) {
      for (const header of [...countHeaders, 'Change']) {
        const hidden = [set.total, ...set.parts].filter((key) => byLabel.get(labelOf.get(key)!)?.[header] === '[c]');
        expect(hidden.length, `${set.total} ${header}`).not.toBe(1);
      }
    }
    // The Matrix hides the same figures: no count under the threshold, rates of hidden counts hidden.
    const matrix = published.getWorksheet('Matrix')!;
    const scores = tableColumns(matrix, 'Offence type');
    for (let row = scores.headerRow + 1; shownValue(matrix.getRow(row).getCell(1)); row += 1) {
      const cells = matrix.getRow(row);
      const current = shownValue(cells.getCell(scores.columns.get('Offences (assessment period)')!));
      if (typeof current === 'number') expect(current === 0 || current >= 100).toBe(true);
      if (current === '[c]') expect(shownValue(cells.getCell(scores.columns.get('Volume: offences per 1,000 residents')!))).toBe('[c]');
    }
    const notes = published.getWorksheet('Notes')!;
    const texts: string[] = [];
    notes.eachRow((row) => texts.push(String(shownValue(row.getCell(2)))));
    expect(texts.some((text) => text.startsWith('Publication mode: counts from 1 to 99 are suppressed'))).toBe(true);
  });
});
