import { chartPalette } from '../../../shared/charts/chart-palette';
import { describeRanking, rankingChart, type RankingChartRow } from '../../../shared/charts/ranking-chart';
import { strokeProps } from './ChartParts';

interface RankingChartProps {
  rows: readonly RankingChartRow[];
  /** The visible caption, which is also the chart's accessible name. */
  caption: string;
  id: string;
}

/**
 * Draws the shared ranking spec as inline SVG: the same chart, in the same ink, as the PDF
 * documents print. The top four are bold and above a dashed rule, not only coloured.
 */
export function RankingChart({ rows, caption, id }: RankingChartProps) {
  const spec = rankingChart(rows, { width: 640, rowHeight: 22 });
  const captionId = `${id}-caption`;
  const descriptionId = `${id}-description`;
  return (
    <figure className="chart" data-testid="ranking-chart">
      <figcaption id={captionId} className="chart-caption">
        {caption}
      </figcaption>
      <p id={descriptionId} className="chart-description">
        {describeRanking(rows)}
      </p>
      <svg role="img" aria-labelledby={captionId} aria-describedby={descriptionId} className="chart-svg" viewBox={`0 0 ${spec.width} ${spec.height}`} width={spec.width} height={spec.height}>
        {spec.ticks.map((tick) => (
          <line key={`grid-${tick.value}`} {...strokeProps(chartPalette.grid)} x1={tick.position} x2={tick.position} y1={spec.plot.top} y2={spec.plot.bottom} />
        ))}
        {spec.rows.map((row) => (
          <g key={row.key} data-testid="ranking-chart-row">
            {row.bar ? <rect fill={chartPalette.bar} x={row.bar.x} y={row.bar.y} width={row.bar.width} height={row.bar.height} /> : null}
            <text fill={chartPalette.text} x={row.labelX} y={row.y} textAnchor="end" dominantBaseline="middle" fontWeight={row.inTop ? 700 : 400}>
              {row.label}
            </text>
            <text fill={row.bar ? chartPalette.text : chartPalette.muted} x={row.valueLabel.x} y={row.valueLabel.y} dominantBaseline="middle">
              {row.valueLabel.text}
            </text>
          </g>
        ))}
        {spec.topRule ? <line {...strokeProps(chartPalette.topRule)} x1={spec.topRule.x1} x2={spec.topRule.x2} y1={spec.topRule.y} y2={spec.topRule.y} /> : null}
        <line {...strokeProps(chartPalette.axis)} x1={spec.plot.left} x2={spec.plot.left} y1={spec.plot.top} y2={spec.plot.bottom} />
        <line {...strokeProps(chartPalette.axis)} x1={spec.plot.left} x2={spec.plot.right} y1={spec.plot.bottom} y2={spec.plot.bottom} />
        {spec.ticks.map((tick) => (
          <text key={`tick-${tick.value}`} className="chart-tick" fill={chartPalette.muted} x={tick.position} y={spec.plot.bottom + 14} textAnchor="middle">
            {tick.label}
          </text>
        ))}
        <text className="chart-axis-title" fill={chartPalette.text} x={spec.axisTitle.x} y={spec.axisTitle.y} textAnchor="middle">
          {spec.axisTitle.text}
        </text>
      </svg>
    </figure>
  );
}
