import type { DocumentStatus } from '../../../../shared/domain/document-details';
import { bodyWidth, colours, textStyles } from '../pdf/page-style';
import type { PdfWriter } from '../pdf/pdf-writer';

export interface TitleBlock {
  /** What the document is: 'Partnership Plan', 'Board paper'. */
  kind: string;
  title: string;
  subtitle: string;
  date: string;
  status: DocumentStatus;
  marking: string;
}

/**
 * The top of a title page: what the document is, its title and period, its date, a band that
 * says plainly when it is a draft, and the marking in words as well as in the running header.
 */
export function titleBlock(writer: PdfWriter, block: TitleBlock): void {
  const { doc } = writer;
  doc.y = doc.page.margins.top + 40;
  const top = doc.y;
  writer.artifact(() => {
    doc.rect(writer.left, top, 6, 96).fill(colours.accent);
  });
  const indent = { x: writer.left + 18, width: bodyWidth - 18 };
  writer.block('P', block.kind.toUpperCase(), 'h3', indent);
  writer.heading(1, block.title, { keepWith: 0, style: 'title', ...indent });
  if (block.subtitle) writer.block('P', block.subtitle, 'subtitle', indent);
  writer.block('P', block.date, 'body', indent);
  doc.y = Math.max(doc.y, top + 110);
  if (block.status === 'draft') {
    const y = doc.y;
    const text = 'DRAFT: for discussion by the partnership board, not for publication until agreed.';
    const height = writer.measure(text, 'bodyBold', bodyWidth - 24) + 16;
    writer.artifact(() => {
      doc.rect(writer.left, y, bodyWidth, height).fill(colours.panel);
      doc.rect(writer.left, y, 4, height).fill(colours.ink);
    });
    doc.y = y + 8;
    writer.block('P', text, 'bodyBold', { x: writer.left + 14, width: bodyWidth - 24 });
    doc.y = y + height + 14;
  }
  writer.block('P', `Protective marking: ${block.marking}`, 'bodyBold');
  doc.y += textStyles.body.after;
}
