import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadPdfKit } from '../../../lazy-libraries';
import { resourcesDir } from '../../../resources';
import { bodyWidth, colours, fontFiles, page, textStyles, type FontStyle, type TextStyle, type TextStyleName } from './page-style';

/**
 * A tagged, accessible PDF written top to bottom: headings, paragraphs, lists, tables and
 * figures, each a structure element in reading order, with bookmarks for the headings, the
 * protective marking centred in every page's header and footer, and "Page x of y". Everything
 * drawn only for the eye (rules, shading, the running header and footer, a table's repeated
 * header row) is marked as an artifact, so a screen reader reads each thing once.
 *
 * The output is deterministic: the dates come from the caller's generated-at time and the
 * document ID from a hash of the caller's inputs, so the same inputs give the same bytes.
 */

type StructureElement = PDFKit.PDFStructureElement;

export interface DocumentMetadata {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  /** The protective marking, centred in every header and footer. */
  marking: string;
  /** Left of the footer: which document and version this page belongs to. */
  footerText: string;
  /** The document's dates: the same time gives the same bytes. */
  generatedAt: Date;
  /** Everything the document is made from, serialised; its hash becomes the document ID. */
  identity: string;
}

export interface ListOptions {
  numbered?: boolean;
  style?: TextStyleName;
}

/** Control characters other than line breaks print as boxes or break the text stream. */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return typographicQuotes(text.replace(/\r\n?/g, '\n').replace(controlCharacters, ' '));
}

/**
 * An apostrophe as printed text sets it: a straight one inside or at the end of a word ("the
 * partnership's", "partners' ") is ’, so the documents never mix the two whoever typed the
 * text. Quotation marks are left as typed: they may be part of a name or of text quoted
 * exactly.
 */
export function typographicQuotes(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1\u2019').replace(/(\p{L}s)'(?=[\s.,;:)]|$)/gu, '$1\u2019');
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * pdfkit writes the title, author and subject into the XMP metadata as they are, so a name
 * such as "Safe & Sound" or "<script>" would leave the metadata malformed XML. The Info
 * dictionary is written before the metadata, so the metadata alone is given escaped copies.
 */
function escapeXmpMetadata(doc: PDFKit.PDFDocument): void {
  const target = doc as unknown as { info: Record<string, unknown>; endMetadata(): void };
  const endMetadata = target.endMetadata.bind(target);
  target.endMetadata = () => {
    const info = target.info;
    target.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/[&<>"']/g, (character) => xmlEntities[character]!) : value]),
    );
    try {
      endMetadata();
    } finally {
      target.info = info;
    }
  };
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: StructureElement;
  private readonly meta: DocumentMetadata;
  private outlineLevels: PDFKit.PDFOutline[] = [];
  private pageHasContent = false;
  private readonly fontPaths: Record<FontStyle, string>;

  constructor(meta: DocumentMetadata) {
    this.meta = meta;
    const fonts = join(resourcesDir(), 'fonts');
    const PdfKitDocument = loadPdfKit();
    const doc = new PdfKitDocument({
      size: page.size,
      margins: page.margins,
      bufferPages: true,
      autoFirstPage: false,
      // Load the embedded face first, so that pdfkit's unembeddable default (Helvetica) never enters the file.
      font: join(fonts, fontFiles.regular),
      pdfVersion: '1.7',
      // pdfkit offers PDF/UA-1 identification (the pdfuaid XMP); its types list only PDF/A.
      subset: 'PDF/UA' as never,
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      info: {
        Title: cleanText(meta.title),
        Subject: cleanText(meta.subject),
        Author: cleanText(meta.author),
        Keywords: cleanText(meta.keywords),
        Creator: 'Community Safety Workbench',
        Producer: 'Community Safety Workbench',
        CreationDate: meta.generatedAt,
        ModDate: meta.generatedAt,
      },
    });
    // pdfkit derives the ID from the info dictionary; ours is a hash of every input instead, so
    // that two documents with the same title and time but different content never share one.
    (doc as unknown as { _id: Uint8Array })._id = createHash('sha256').update(meta.identity).digest().subarray(0, 16);
    escapeXmpMetadata(doc);
    this.fontPaths = { regular: join(fonts, fontFiles.regular), bold: join(fonts, fontFiles.bold), italic: join(fonts, fontFiles.italic) };
    this.doc = doc;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.newPage();
  }

  get y(): number {
    return this.doc.y;
  }

  /** The lowest y that body content may reach on this page. */
  get bottom(): number {
    return page.height - page.margins.bottom;
  }

  get left(): number {
    return page.margins.left;
  }

  get width(): number {
    return bodyWidth;
  }

  newPage(): void {
    this.doc.addPage();
    this.pageHasContent = false;
  }

  /** Starts a new page unless this much room is left on the current one. */
  ensureSpace(height: number): void {
    if (this.pageHasContent && this.doc.y + height > this.bottom) this.newPage();
  }

  moveDown(points: number): void {
    if (this.pageHasContent) this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  /**
   * Chooses a face by its file: pdfkit caches a font by the name it was chosen with, except a
   * registered name for a file it already holds (the regular face, loaded first), which it
   * would re-read from disk on every call.
   */
  font(style: FontStyle): PDFKit.PDFDocument {
    return this.doc.font(this.fontPaths[style]);
  }

  setStyle(style: TextStyle): void {
    this.font(style.font).fontSize(style.size).fillColor(style.colour);
  }

  /** The height the text takes at the given style and width. */
  measure(text: string, styleName: TextStyleName, width = bodyWidth): number {
    const style = textStyles[styleName];
    this.setStyle(style);
    return this.doc.heightOfString(cleanText(text), { width, lineGap: style.lineGap });
  }

  lineHeight(styleName: TextStyleName): number {
    const style = textStyles[styleName];
    this.setStyle(style);
    return this.doc.currentLineHeight(true) + style.lineGap;
  }

  widthOf(text: string, font: FontStyle, size: number): number {
    this.font(font).fontSize(size);
    return this.doc.widthOfString(cleanText(text));
  }

  /**
   * A heading, bookmarked. It is never left alone at the foot of a page: if the heading and
   * `keepWith` points of what follows do not fit, it starts the next page.
   */
  heading(
    level: 1 | 2 | 3,
    text: string,
    options: { keepWith?: number; pageBreak?: boolean; style?: TextStyleName; x?: number; width?: number } = {},
  ): void {
    const styleName = options.style ?? (['h1', 'h2', 'h3'] as const)[level - 1]!;
    const style = textStyles[styleName];
    const width = options.width ?? bodyWidth;
    if (options.pageBreak && this.pageHasContent) this.newPage();
    const keepWith = options.keepWith ?? this.lineHeight('body') * 3;
    this.ensureSpace(style.before + this.measure(text, styleName, width) + style.after + keepWith);
    this.moveDown(style.before);
    this.bookmark(level, text);
    this.block(`H${level}`, text, styleName, { x: options.x ?? this.left, width });
  }

  /** A paragraph; `keepWith` points of what follows stay on its page (a list it introduces). */
  paragraph(text: string, styleName: TextStyleName = 'body', options: { keepWith?: number } = {}): void {
    const height = this.measure(text, styleName);
    const line = this.lineHeight(styleName);
    // A short paragraph stays whole; a long one leaves at least two lines at the foot of a
    // page, and so no single line alone at either end.
    const needed = height <= line * 5.5 ? height : line * 2;
    this.ensureSpace(needed + (options.keepWith ?? 0));
    this.block('P', text, styleName);
  }

  /** The height a list of these items takes. */
  measureList(items: readonly string[], options: ListOptions = {}): number {
    const styleName = options.style ?? 'body';
    const indent = options.numbered ? 24 : 16;
    return items.reduce((sum, item) => sum + this.measure(item, styleName, bodyWidth - indent) + textStyles[styleName].after / 2, 0);
  }

  /** A bulleted or numbered list: L, with LI items each holding a Lbl and an LBody. */
  list(items: readonly string[], options: ListOptions = {}): void {
    if (items.length === 0) return;
    const styleName = options.style ?? 'body';
    const style = textStyles[styleName];
    const indent = options.numbered ? 24 : 16;
    // A short list (the top four) is kept on one page; a long one flows item by item.
    const total = this.measureList(items, options);
    if (items.length <= 6 && total < (this.bottom - page.margins.top) / 3) this.ensureSpace(total);
    const list = this.doc.struct('L');
    this.root.add(list);
    items.forEach((item, index) => {
      const text = cleanText(item);
      const label = options.numbered ? `${index + 1}.` : '•';
      const height = this.measure(text, styleName, bodyWidth - indent);
      this.ensureSpace(Math.min(height, this.lineHeight(styleName) * 2));
      const y = this.doc.y;
      const listItem = this.doc.struct('LI');
      list.add(listItem);
      listItem.add(
        this.doc.struct('Lbl', {}, () => {
          this.setStyle(style);
          this.doc.text(label, this.left, y, { width: indent - 6, lineGap: style.lineGap, lineBreak: false });
        }),
      );
      listItem.add(
        this.doc.struct('LBody', {}, () => {
          this.setStyle(style);
          this.doc.text(text, this.left + indent, y, { width: bodyWidth - indent, lineGap: style.lineGap });
        }),
      );
      listItem.end();
      this.doc.x = this.left;
      this.doc.y += index === items.length - 1 ? style.after : style.after / 2;
      this.pageHasContent = true;
    });
    list.end();
  }

  /** A structure element holding text in one style, drawn across the body width. */
  block(tag: string, text: string, styleName: TextStyleName, options: { x?: number; width?: number; align?: 'left' | 'center' | 'right' } = {}): void {
    const style = textStyles[styleName];
    const element = this.doc.struct(tag);
    this.root.add(element);
    const content = this.doc.markStructureContent(tag);
    this.setStyle(style);
    this.doc.text(cleanText(text), options.x ?? this.left, this.doc.y, {
      width: options.width ?? bodyWidth,
      lineGap: style.lineGap,
      align: options.align ?? 'left',
    });
    this.doc.endMarkedContent();
    element.add(content);
    element.end();
    this.doc.x = this.left;
    this.doc.y += style.after;
    this.pageHasContent = true;
  }

  /** Decoration only: drawn for the eye and marked as an artifact. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.save();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
    this.doc.restore();
  }

  /** A horizontal rule across the body, as an artifact. */
  rule(colour: string = colours.rule, weight = 0.75): void {
    const y = this.doc.y;
    this.artifact(() => {
      this.doc.moveTo(this.left, y).lineTo(this.left + bodyWidth, y).lineWidth(weight).strokeColor(colour).stroke();
    });
    this.doc.y = y + 8;
  }

  /**
   * A figure: drawn vector content with alternative text that says what it shows. The caption
   * sits above it, and the figure keeps with its caption.
   */
  figure(options: { caption: string; alt: string; height: number; width?: number; draw: (x: number, y: number) => void }): void {
    const width = options.width ?? bodyWidth;
    const captionHeight = this.measure(options.caption, 'caption') + textStyles.caption.after;
    this.ensureSpace(captionHeight + options.height + 8);
    this.block('Caption', options.caption, 'caption');
    const x = this.left;
    const y = this.doc.y;
    const content = this.doc.markStructureContent('Figure');
    this.doc.save();
    options.draw(x, y);
    this.doc.restore();
    this.doc.endMarkedContent();
    const figure = this.doc.struct('Figure', { alt: cleanText(options.alt), bbox: [x, y, x + width, y + options.height] } as never, [content]);
    this.root.add(figure);
    this.doc.x = this.left;
    this.doc.y = y + options.height + 6;
    this.pageHasContent = true;
  }

  /** Adds a structure element built elsewhere (a table) to the document, in reading order. */
  addElement(element: StructureElement): void {
    this.root.add(element);
    this.pageHasContent = true;
  }

  markContentWritten(): void {
    this.pageHasContent = true;
  }

  private bookmark(level: 1 | 2 | 3, text: string): void {
    const title = cleanText(text).replace(/\s+/g, ' ').trim();
    const parent = level === 1 ? this.doc.outline : (this.outlineLevels[level - 2] ?? this.doc.outline);
    const item = parent.addItem(title);
    this.outlineLevels[level - 1] = item;
    this.outlineLevels.length = level;
  }

  /** The running header and footer on every page: the marking centred in both, "Page x of y". */
  private drawRunningText(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let index = 0; index < total; index += 1) {
      doc.switchToPage(range.start + index);
      // Text in the margins must not make pdfkit start a new page.
      const margins = { ...doc.page.margins };
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      this.centred(this.meta.marking, page.headerY, 'marking', ['Top']);
      this.artifact(() => {
        doc.moveTo(page.margins.left, page.headerY + 16).lineTo(page.width - page.margins.right, page.headerY + 16).lineWidth(0.5).strokeColor(colours.lightRule).stroke();
        doc.moveTo(page.margins.left, page.footerY - 8).lineTo(page.width - page.margins.right, page.footerY - 8).lineWidth(0.5).strokeColor(colours.lightRule).stroke();
      }, 'Pagination');
      this.centred(this.meta.marking, page.footerY, 'marking', ['Bottom']);
      const pageText = `Page ${index + 1} of ${total}`;
      const running = textStyles.running;
      const lineY = page.footerY + 15;
      const pageWidth = this.widthOf(pageText, running.font, running.size);
      const footerRoom = bodyWidth - pageWidth - 24;
      this.artifact(() => {
        this.setStyle(running);
        doc.text(this.fitToWidth(this.meta.footerText, footerRoom, running), page.margins.left, lineY, { lineBreak: false });
        doc.text(pageText, page.width - page.margins.right - pageWidth, lineY, { lineBreak: false });
      }, 'Pagination');
      doc.page.margins = margins;
    }
  }

  private centred(text: string, y: number, styleName: TextStyleName, attached: string[]): void {
    const style = textStyles[styleName];
    const width = this.widthOf(text, style.font, style.size);
    this.doc.save();
    this.doc.markContent('Artifact', { type: 'Pagination', attached } as never);
    this.setStyle(style);
    this.doc.text(cleanText(text), (page.width - width) / 2, y, { lineBreak: false });
    this.doc.endMarkedContent();
    this.doc.restore();
  }

  /** Shortens one line of text with '…' to fit the width. */
  fitToWidth(text: string, width: number, style: TextStyle): string {
    const clean = cleanText(text).replace(/\s+/g, ' ');
    if (this.widthOf(clean, style.font, style.size) <= width) return clean;
    const characters = Array.from(clean);
    let low = 0;
    let high = characters.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.widthOf(`${characters.slice(0, middle).join('')}…`, style.font, style.size) <= width) low = middle;
      else high = middle - 1;
    }
    return `${characters.slice(0, low).join('').trimEnd()}…`;
  }

  /** Finishes the document: running header and footer on every page, then the bytes. */
  finish(): Promise<Buffer> {
    const { doc } = this;
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    this.root.end();
    this.drawRunningText();
    doc.end();
    return done;
  }
}
