import { bodyWidth, cellPadding, colours, textStyles } from './page-style';
import { cleanText, type PdfWriter } from './pdf-writer';

/**
 * A table as a real table: Table, a Caption, a THead whose TR holds TH cells scoped to their
 * columns, and a TBody whose rows may start with a TH scoped to the row. Cell text wraps
 * inside its column and never runs out of it; a table that reaches the foot of a page goes on
 * the next, with the header row drawn again there (as an artifact, so it is read only once).
 */

export interface TableColumn {
  header: string;
  /** A share of the body width; the shares are scaled to fill it. */
  width: number;
  align?: 'left' | 'right';
}

export interface PdfTableSpec {
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  /** The first cell of each row names the row (a TH scoped to the row). */
  rowHeaders?: boolean;
}

interface PlacedColumn extends TableColumn {
  x: number;
  innerWidth: number;
  fullWidth: number;
}

/**
 * Column widths from the spec's shares, widened where a column's longest word would otherwise
 * be broken in the middle ("Ran-k"), at the expense of columns with room to spare. A single
 * word too long for any sensible column (a 300-letter name) is still broken, inside its cell.
 */
function placeColumns(writer: PdfWriter, spec: PdfTableSpec): PlacedColumn[] {
  const { columns } = spec;
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * bodyWidth);
  const longestWord = (text: string, bold: boolean) =>
    Math.max(0, ...cleanText(text).split(/\s+/).map((word) => writer.widthOf(word, bold ? 'bold' : 'regular', textStyles.tableCell.size)));
  // A header's words are short and must never break; a cell's long word (a file name) may, past a quarter of the page.
  const minimum = columns.map((column, index) => {
    const cells = Math.max(0, ...spec.rows.map((row) => longestWord(row[index] ?? '', spec.rowHeaders === true && index === 0)));
    return Math.max(longestWord(column.header, true), Math.min(bodyWidth * 0.25, cells)) + 2 * cellPadding.x + 1;
  });
  for (let pass = 0; pass < 3; pass += 1) {
    const shortfall = widths.reduce((sum, width, index) => sum + Math.max(0, minimum[index]! - width), 0);
    if (shortfall <= 0.01) break;
    const spare = widths.map((width, index) => Math.max(0, width - minimum[index]!));
    const spareTotal = spare.reduce((sum, value) => sum + value, 0);
    if (spareTotal <= 0) break;
    const take = Math.min(1, shortfall / spareTotal);
    widths.forEach((width, index) => {
      widths[index] = width < minimum[index]! ? minimum[index]! : width - spare[index]! * take;
    });
  }
  const scale = bodyWidth / widths.reduce((sum, width) => sum + width, 0);
  let x = writer.left;
  return columns.map((column, index) => {
    const fullWidth = widths[index]! * scale;
    const placed = { ...column, x, fullWidth, innerWidth: fullWidth - 2 * cellPadding.x };
    x += fullWidth;
    return placed;
  });
}

/** Tables of up to this many rows move to the next page whole rather than split. */
const keepWholeRows = 15;

/** How a table will sit: its columns and row heights, and the room it needs before it starts. */
function layOutTable(writer: PdfWriter, spec: PdfTableSpec) {
  const { doc } = writer;
  const columns = placeColumns(writer, spec);
  const cellHeight = (text: string, column: PlacedColumn, bold: boolean) =>
    writer.measure(text, bold ? 'tableHeader' : 'tableCell', column.innerWidth) + 2 * cellPadding.y;
  const headerHeight = Math.max(...columns.map((column) => cellHeight(column.header, column, true)));
  const rowHeights = spec.rows.map((row) => Math.max(...columns.map((column, index) => cellHeight(row[index] ?? '', column, spec.rowHeaders === true && index === 0))));
  const pageRoom = writer.bottom - (doc.page.margins.top + headerHeight);
  rowHeights.forEach((height, index) => {
    if (height > pageRoom) throw new RangeError(`Row ${index + 1} of the table "${spec.caption}" is taller than a page.`);
  });

  const captionHeight = writer.measure(spec.caption, 'caption') + textStyles.caption.after;
  const wholeHeight = captionHeight + headerHeight + rowHeights.reduce((sum, height) => sum + height, 0);
  // A short table is kept whole on one page; a long one starts where there is room for its first row.
  const keepWhole = spec.rows.length <= keepWholeRows && wholeHeight <= pageRoom;
  const leadHeight = keepWhole ? wholeHeight : captionHeight + headerHeight + (rowHeights[0] ?? 0);
  return { columns, headerHeight, rowHeights, leadHeight };
}

/** The room a table needs on the page where it starts: a heading above it keeps that much with it. */
export function tableLeadHeight(writer: PdfWriter, spec: PdfTableSpec): number {
  return layOutTable(writer, spec).leadHeight;
}

export function drawTable(writer: PdfWriter, spec: PdfTableSpec): void {
  const { doc } = writer;
  const headerStyle = textStyles.tableHeader;
  const cellStyle = textStyles.tableCell;
  const { columns, headerHeight, rowHeights, leadHeight } = layOutTable(writer, spec);
  writer.ensureSpace(leadHeight);

  const table = doc.struct('Table');
  writer.addElement(table);
  const caption = doc.struct('Caption');
  table.add(caption);
  const captionContent = doc.markStructureContent('Caption');
  writer.setStyle(textStyles.caption);
  doc.text(cleanText(spec.caption), writer.left, doc.y, { width: bodyWidth, lineGap: textStyles.caption.lineGap });
  doc.endMarkedContent();
  caption.add(captionContent);
  caption.end();
  doc.y += textStyles.caption.after;

  const drawHeaderBackground = (y: number) =>
    writer.artifact(() => {
      doc.rect(writer.left, y, bodyWidth, headerHeight).fill(colours.tableHeader);
      doc.moveTo(writer.left, y + headerHeight).lineTo(writer.left + bodyWidth, y + headerHeight).lineWidth(1).strokeColor(colours.ink).stroke();
    });

  const drawCellText = (text: string, column: PlacedColumn, y: number, height: number, bold: boolean) => {
    writer.setStyle(bold ? headerStyle : cellStyle);
    doc.text(cleanText(text), column.x + cellPadding.x, y + cellPadding.y, {
      width: column.innerWidth,
      // A height stops pdfkit from ever breaking a cell onto a new page by itself.
      height: height - cellPadding.y + 1,
      lineGap: (bold ? headerStyle : cellStyle).lineGap,
      align: column.align ?? 'left',
    });
  };

  // The header row, tagged once.
  const head = doc.struct('THead');
  table.add(head);
  const headRow = doc.struct('TR');
  head.add(headRow);
  let y = doc.y;
  drawHeaderBackground(y);
  for (const column of columns) {
    const cell = doc.struct('TH', { scope: 'Column' } as never);
    headRow.add(cell);
    const content = doc.markStructureContent('TH');
    drawCellText(column.header, column, y, headerHeight, true);
    doc.endMarkedContent();
    cell.add(content);
    cell.end();
  }
  headRow.end();
  head.end();
  y += headerHeight;

  const body = doc.struct('TBody');
  table.add(body);
  spec.rows.forEach((row, rowIndex) => {
    const height = rowHeights[rowIndex]!;
    if (y + height > writer.bottom) {
      writer.newPage();
      y = doc.page.margins.top;
      // The header again, for the eye only: the structure already has it.
      drawHeaderBackground(y);
      writer.artifact(() => {
        for (const column of columns) drawCellText(column.header, column, y, headerHeight, true);
      }, 'Pagination');
      y += headerHeight;
      writer.markContentWritten();
    }
    const tableRow = doc.struct('TR');
    body.add(tableRow);
    columns.forEach((column, index) => {
      const isRowHeader = spec.rowHeaders === true && index === 0;
      const cell = doc.struct(isRowHeader ? 'TH' : 'TD', (isRowHeader ? { scope: 'Row' } : {}) as never);
      tableRow.add(cell);
      const content = doc.markStructureContent(isRowHeader ? 'TH' : 'TD');
      drawCellText(row[index] ?? '', column, y, height, false);
      doc.endMarkedContent();
      cell.add(content);
      cell.end();
    });
    tableRow.end();
    const ruleY = y + height;
    writer.artifact(() => {
      doc.moveTo(writer.left, ruleY).lineTo(writer.left + bodyWidth, ruleY).lineWidth(0.5).strokeColor(colours.rule).stroke();
    });
    y += height;
  });
  body.end();
  table.end();
  doc.x = writer.left;
  doc.y = y + 14;
}
