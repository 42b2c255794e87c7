import { chartPalette, type StrokeStyle } from '../../../../../shared/charts/chart-palette';
import { describeRanking, rankingChart, type RankingChartRow } from '../../../../../shared/charts/ranking-chart';
import { bodyWidth } from './page-style';
import type { PdfWriter } from './pdf-writer';

/**
 * Charts drawn as vectors from the same specifications (shared/charts) and palette the screens
 * use, so that a chart on paper is the chart on screen.
 */

const labelSize = 8.5;

function stroke(doc: PDFKit.PDFDocument, style: StrokeStyle): PDFKit.PDFDocument {
  doc.lineWidth(style.width).strokeColor(style.colour);
  if (style.dash.length > 0) doc.dash(style.dash[0]!, { space: style.dash[1] ?? style.dash[0]! });
  else doc.undash();
  return doc;
}

/** The ranking chart: the top types as bars, highest first, each with its rank and score. */
export function drawRankingChart(writer: PdfWriter, rows: readonly RankingChartRow[], caption: string, options: { topCount?: number; maximum?: number } = {}): void {
  const { doc } = writer;
  const topCount = options.topCount ?? 4;
  const spec = rankingChart(rows, {
    ...(options.maximum === undefined ? {} : { maximum: options.maximum }),
    width: bodyWidth,
    rowHeight: 17,
    topCount,
    measure: (text) => writer.widthOf(text, 'bold', labelSize),
  });
  writer.figure({
    caption,
    alt: describeRanking(rows),
    height: spec.height,
    draw: (left, top) => {
      const x = (value: number) => left + value;
      const y = (value: number) => top + value;
      for (const tick of spec.ticks) {
        stroke(doc, chartPalette.grid)
          .moveTo(x(tick.position), y(spec.plot.top))
          .lineTo(x(tick.position), y(spec.plot.bottom))
          .stroke();
      }
      for (const row of spec.rows) {
        if (row.bar) doc.rect(x(row.bar.x), y(row.bar.y), row.bar.width, row.bar.height).fill(chartPalette.bar);
        writer
          .font(row.inTop ? 'bold' : 'regular')
          .fontSize(labelSize)
          .fillColor(chartPalette.text);
        const labelWidth = doc.widthOfString(row.label);
        doc.text(row.label, x(row.labelX - labelWidth), y(row.y - labelSize * 0.6), { lineBreak: false });
        writer
          .font(row.bar ? 'regular' : 'italic')
          .fontSize(labelSize)
          .fillColor(row.bar ? chartPalette.text : chartPalette.muted);
        doc.text(row.valueLabel.text, x(row.valueLabel.x), y(row.valueLabel.y - labelSize * 0.6), { lineBreak: false });
      }
      if (spec.topRule) {
        stroke(doc, chartPalette.topRule)
          .moveTo(x(spec.topRule.x1), y(spec.topRule.y))
          .lineTo(x(spec.topRule.x2), y(spec.topRule.y))
          .stroke();
        doc.undash();
      }
      stroke(doc, chartPalette.axis).moveTo(x(spec.plot.left), y(spec.plot.top)).lineTo(x(spec.plot.left), y(spec.plot.bottom)).stroke();
      stroke(doc, chartPalette.axis).moveTo(x(spec.plot.left), y(spec.plot.bottom)).lineTo(x(spec.plot.right), y(spec.plot.bottom)).stroke();
      writer.font('regular').fontSize(labelSize).fillColor(chartPalette.muted);
      for (const tick of spec.ticks) {
        const width = doc.widthOfString(tick.label);
        doc.text(tick.label, x(tick.position - width / 2), y(spec.plot.bottom + 5), { lineBreak: false });
      }
      writer.font('bold').fontSize(labelSize).fillColor(chartPalette.text);
      const titleWidth = doc.widthOfString(spec.axisTitle.text);
      doc.text(spec.axisTitle.text, x(spec.axisTitle.x - titleWidth / 2), y(spec.axisTitle.y - labelSize), { lineBreak: false });
    },
  });
}
