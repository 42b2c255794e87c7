import type { DocumentStatus } from '../../../../../shared/domain/document-details';
import { bodyWidth, colours, textStyles } from './page-style';
import type { PdfWriter } from './pdf-writer';

export interface TitleBlock {
  /** What the document is: 'Partnership Plan', 'Board paper'. */
  kind: string;
  title: string;
  subtitle: string;
  date: string;
  status: DocumentStatus;
  /** Publication mode: small numbers suppressed, for the public. */
  publication: boolean;
  marking: string;
}

/**
 * What the band under the title says the document is fit for. A draft is never for publication
 * (the service refuses a draft in publication mode, so a draft band is all a draft can carry);
 * a final document says whether its small numbers are suppressed, so a copy made for the board
 * cannot pass for the published one.
 */
export function statusBandText(block: Pick<TitleBlock, 'status' | 'publication'>): string {
  if (block.status === 'draft') return 'DRAFT: for discussion by the partnership board, not for publication until agreed.';
  return block.publication
    ? 'FINAL: for publication. Small numbers are suppressed.'
    : 'FINAL: agreed by the partnership board. Not for publication: small numbers are shown in full.';
}

/**
 * The top of a title page: what the document is, its title and period, its date, a band that
 * says plainly whether it is a draft, a final copy for the board or the published document, and
 * the marking in words as well as in the running header.
 */
export function titleBlock(writer: PdfWriter, block: TitleBlock): void {
  const { doc } = writer;
  doc.y = doc.page.margins.top + 40;
  const top = doc.y;
  writer.artifact(() => {
    doc.rect(writer.left, top, 6, 96).fill(colours.accent);
  });
  const indent = { x: writer.left + 18, width: bodyWidth - 18 };
  // A title that already says what the document is ("…: Partnership Plan") is not repeated above it.
  if (!block.title.toLowerCase().includes(block.kind.toLowerCase())) writer.block('P', block.kind.toUpperCase(), 'h3', indent);
  writer.heading(1, block.title, { keepWith: 0, style: 'title', ...indent });
  if (block.subtitle) writer.block('P', block.subtitle, 'subtitle', indent);
  writer.block('P', block.date, 'body', indent);
  doc.y = Math.max(doc.y, top + 110);
  const y = doc.y;
  const text = statusBandText(block);
  const height = writer.measure(text, 'bodyBold', bodyWidth - 24) + 16;
  writer.artifact(() => {
    doc.rect(writer.left, y, bodyWidth, height).fill(colours.panel);
    doc.rect(writer.left, y, 4, height).fill(colours.ink);
  });
  doc.y = y + 8;
  writer.block('P', text, 'bodyBold', { x: writer.left + 14, width: bodyWidth - 24 });
  doc.y = y + height + 14;
  writer.block('P', `Protective marking: ${block.marking}`, 'bodyBold');
  doc.y += textStyles.body.after;
}
