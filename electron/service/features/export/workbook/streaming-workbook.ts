import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../../lazy-libraries';
import { columnLetter } from '../../../spreadsheet-columns';

interface BufferedStream {
  _writableState?: { length: number };
  _readableState?: { length: number };
  destroyed?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
  removeListener?(event: 'drain', listener: () => void): unknown;
}
const pendingLimitBytes = 16 * 1024 * 1024;

/**
 * exceljs's streaming WorkbookWriter, which keeps memory flat however many rows a sheet has
 * (the raw-data sheet may hold millions), with the three things it lacks added here:
 * - Excel tables (ListObjects): the accessible-spreadsheet conventions ask for every table to
 *   be a real table with a header row; each is written as xl/tables/tableN.xml, related to its
 *   sheet, listed in <tableParts> and in [Content_Types].xml;
 * - internal hyperlinks ('#'Sheet'!A1'), written as <hyperlink location> rather than as an
 *   external relationship, so that they resolve in Excel and LibreOffice;
 * - the Company document property.
 * exceljs is pinned (the importer also relies on its internals), so the few private members
 * used below are stable.
 */

/** An Excel table's place and columns in a sheet (the PDFs' tables are pdf/pdf-table.ts's PdfTableSpec). */
export interface SheetTableSpec {
  /** Unique in the workbook, letters, digits and underscores. */
  name: string;
  /** 1-based row of the header. */
  headerRow: number;
  /** 1-based first column. */
  firstColumn: number;
  headers: readonly string[];
  /** Data rows under the header (at least 1). */
  rows: number;
}

export interface DocumentProperties {
  title: string;
  subject: string;
  creator: string;
  company: string;
  keywords: string;
  description: string;
  created: Date;
}

interface WorksheetWriterInternals {
  _write(text: string): void;
  _writeCloseWorksheet(): void;
  _sheetRelsWriter: {
    addRelationship(relationship: { Type: string; Target: string }): string;
    addHyperlink(hyperlink: { address: string; target: string }): void;
    _hyperlinks: { address: string; target?: string; rId?: string }[];
  };
}

interface ZipInternals {
  append(source: unknown, data: { name: string }): unknown;
}

const tableRelationship = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const tableContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

export function cellAddress(row: number, column: number, absolute = false): string {
  return absolute ? `$${columnLetter(column)}$${row}` : `${columnLetter(column)}${row}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function tableXml(id: number, spec: SheetTableSpec): string {
  const first = cellAddress(spec.headerRow, spec.firstColumn);
  const last = cellAddress(spec.headerRow + Math.max(1, spec.rows), spec.firstColumn + spec.headers.length - 1);
  const ref = `${first}:${last}`;
  const columns = spec.headers.map((header, index) => `<tableColumn id="${index + 1}" name="${escapeXml(header)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${spec.name}" displayName="${spec.name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${spec.headers.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}

export class StreamingWorkbook {
  readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly tableTargets: string[] = [];
  private readonly sheetTables = new Map<ExcelJS.Worksheet, { rId: string }[]>();

  constructor(path: string, properties: DocumentProperties) {
    this.writer = new (loadExcelJs().stream.xlsx.WorkbookWriter)({ filename: path, useStyles: true, useSharedStrings: true });
    Object.assign(this.writer, {
      creator: properties.creator,
      lastModifiedBy: properties.creator,
      created: properties.created,
      modified: properties.created,
      title: properties.title,
      subject: properties.subject,
      keywords: properties.keywords,
      description: properties.description,
    });
    const zip = (this.writer as unknown as { zip: ZipInternals }).zip;
    const append = zip.append.bind(zip);
    zip.append = (source, data) => append(typeof source === 'string' ? this.rewritePart(data.name, source, properties) : source, data);
  }

  private rewritePart(name: string, xml: string, properties: DocumentProperties): string {
    if (name === '[Content_Types].xml') {
      const overrides = this.tableTargets.map((target) => `<Override PartName="/xl/tables/${target}" ContentType="${tableContentType}"/>`).join('');
      return xml.replace('</Types>', `${overrides}</Types>`);
    }
    if (name === 'docProps/app.xml') {
      return xml.replace(/<Company>[^<]*<\/Company>|<Company\/>/, `<Company>${escapeXml(properties.company)}</Company>`);
    }
    return xml;
  }

  addWorksheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions> & { useSharedStrings?: boolean }): ExcelJS.Worksheet {
    const sheet = this.writer.addWorksheet(name, options);
    const internals = sheet as unknown as WorksheetWriterInternals;
    const rels = internals._sheetRelsWriter;
    const addExternal = rels.addHyperlink.bind(rels);
    rels.addHyperlink = (hyperlink) => {
      // An internal link is a location in this workbook, with no relationship of its own.
      if (hyperlink.target.startsWith('#')) rels._hyperlinks.push({ address: hyperlink.address, target: hyperlink.target.slice(1) });
      else addExternal(hyperlink);
    };
    const tables: { rId: string }[] = [];
    this.sheetTables.set(sheet, tables);
    internals._writeCloseWorksheet = () => {
      if (tables.length > 0) {
        internals._write(`<tableParts count="${tables.length}">${tables.map((table) => `<tablePart r:id="${table.rId}"/>`).join('')}</tableParts>`);
      }
      internals._write('</worksheet>');
    };
    return sheet;
  }

  /** Declares a table over cells already (or about to be) written. */
  addTable(sheet: ExcelJS.Worksheet, spec: SheetTableSpec): void {
    const id = this.tableTargets.length + 1;
    const target = `table${id}.xml`;
    this.tableTargets.push(target);
    const internals = sheet as unknown as WorksheetWriterInternals;
    const rId = internals._sheetRelsWriter.addRelationship({ Type: tableRelationship, Target: `../tables/${target}` });
    this.sheetTables.get(sheet)!.push({ rId });
    (this.writer as unknown as { zip: ZipInternals }).zip.append(tableXml(id, spec), { name: `xl/tables/${target}` });
  }

  /**
   * Waits while the zip is behind the sheet. The writer does not apply backpressure itself: a
   * sheet's rows go into a stream that the zip's compressor reads at its own pace, and a sheet
   * written in one go of a million rows would sit whole in memory. Called between batches of
   * rows, this keeps at most a few megabytes waiting.
   */
  async drain(sheet: ExcelJS.Worksheet): Promise<void> {
    // The zip's PassThrough comes from the readable-stream package, whose versions differ in
    // what they expose; the state objects' lengths are common to all of them.
    const pipe = (sheet as unknown as { stream: { pipes?: BufferedStream[] } }).stream.pipes?.[0];
    if (!pipe) return;
    const waiting = () => (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
    // Sleep until the compressor has drained the stream (or briefly, to look again), rather than
    // spin: on a busy machine a spinning loop would take the CPU the compressor needs.
    while (waiting() > pendingLimitBytes && !pipe.destroyed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          pipe.removeListener?.('drain', done);
          resolve();
        };
        const timer = setTimeout(done, 10);
        pipe.once?.('drain', done);
      });
    }
  }

  async commit(): Promise<void> {
    await this.writer.commit();
  }
}
