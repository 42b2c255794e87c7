import { chartPalette } from '../../../shared/charts/chart-palette';
import { rankRangeChart, type RankRangeChartSpec, type RankRangeInput } from '../../../shared/charts/rank-range-chart';
import { markerProps, strokeProps } from '../charts/ChartParts';

interface RankRangeChartProps {
  rows: readonly RankRangeInput[];
  /** The visible caption, which is also the chart's accessible name. */
  caption: string;
  id: string;
}

const capHalf = 6;
const ink = chartPalette.rankRange;
const markerSize = 6;

/**
 * Draws the shared rank-range spec as inline SVG. Shapes, not colours, tell the marks apart:
 * a line with end caps for the range, a filled circle for the median, an open diamond for the
 * rank as weighted; the top-4 zone is shaded and labelled in words.
 */
export function RankRangeChart({ rows, caption, id }: RankRangeChartProps) {
  const spec = rankRangeChart(rows);
  const captionId = `${id}-caption`;
  return (
    <figure className="rank-chart" data-testid="rank-range-chart">
      <figcaption id={captionId} className="rank-chart-caption">
        {caption}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={captionId}
        className="rank-chart-svg"
        viewBox={`0 0 ${spec.width} ${spec.height}`}
        width={spec.width}
        height={spec.height}
      >
        <Legend spec={spec} />
        {spec.rows.map((row) =>
          row.striped ? <rect key={`stripe-${row.key}`} className="rank-chart-stripe" fill={ink.stripe} x={0} y={row.stripe.y} width={spec.plot.right} height={row.stripe.height} /> : null,
        )}
        {spec.topZone ? (
          <g>
            <rect className="rank-chart-zone" fill={ink.zoneFill} {...strokeProps(ink.zoneStroke)} x={spec.topZone.x} y={spec.topZone.y} width={spec.topZone.width} height={spec.topZone.height} />
            <text className="rank-chart-zone-label" fill={ink.zoneLabel} x={spec.topZone.labelX} y={spec.topZone.labelY} textAnchor="middle">
              {spec.topZone.label}
            </text>
          </g>
        ) : null}
        {spec.ticks.map((tick) => (
          <line key={`grid-${tick.rank}`} className="rank-chart-grid" {...strokeProps(ink.grid)} x1={tick.x} x2={tick.x} y1={spec.plot.top} y2={spec.plot.bottom} />
        ))}
        {spec.rows.map((row) => (
          <g key={row.key} data-testid="rank-range-row">
            <title>{row.description}</title>
            <text className="rank-chart-label" fill={chartPalette.text} x={row.labelX} y={row.y} textAnchor="end" dominantBaseline="middle">
              {row.label}
            </text>
            <line className="rank-chart-range" {...strokeProps(ink.range)} x1={row.range.x1} x2={row.range.x2} y1={row.y} y2={row.y} />
            <line className="rank-chart-range" {...strokeProps(ink.range)} x1={row.range.x1} x2={row.range.x1} y1={row.y - capHalf} y2={row.y + capHalf} />
            <line className="rank-chart-range" {...strokeProps(ink.range)} x1={row.range.x2} x2={row.range.x2} y1={row.y - capHalf} y2={row.y + capHalf} />
            <Diamond x={row.baseX} y={row.y} />
            <circle className="rank-chart-median" {...markerProps(ink.median)} cx={row.medianX} cy={row.y} r={markerSize - 1.5} />
          </g>
        ))}
        <line className="rank-chart-axis" {...strokeProps(ink.axis)} x1={spec.plot.left} x2={spec.plot.right} y1={spec.plot.bottom} y2={spec.plot.bottom} />
        {spec.ticks.map((tick) => (
          <text key={`tick-${tick.rank}`} className="rank-chart-tick" fill={chartPalette.text} x={tick.x} y={spec.plot.bottom + 16} textAnchor="middle">
            {tick.label}
          </text>
        ))}
        <text className="rank-chart-axis-title" fill={chartPalette.text} x={spec.axisTitle.x} y={spec.axisTitle.y} textAnchor="middle">
          {spec.axisTitle.text}
        </text>
      </svg>
    </figure>
  );
}

function Diamond({ x, y }: { x: number; y: number }) {
  const size = markerSize + 1;
  return <path className="rank-chart-base" {...markerProps(ink.base)} d={`M ${x} ${y - size} L ${x + size} ${y} L ${x} ${y + size} L ${x - size} ${y} Z`} />;
}

function Legend({ spec }: { spec: RankRangeChartSpec }) {
  const y = spec.legend.y;
  return (
    <g>
      {spec.legend.items.map((item) => (
        <g key={item.kind}>
          {item.kind === 'range' ? (
            <>
              <line className="rank-chart-range" {...strokeProps(ink.range)} x1={item.x} x2={item.x + 24} y1={y} y2={y} />
              <line className="rank-chart-range" {...strokeProps(ink.range)} x1={item.x} x2={item.x} y1={y - capHalf} y2={y + capHalf} />
              <line className="rank-chart-range" {...strokeProps(ink.range)} x1={item.x + 24} x2={item.x + 24} y1={y - capHalf} y2={y + capHalf} />
            </>
          ) : item.kind === 'median' ? (
            <circle className="rank-chart-median" {...markerProps(ink.median)} cx={item.x + 12} cy={y} r={markerSize - 1.5} />
          ) : item.kind === 'base' ? (
            <Diamond x={item.x + 12} y={y} />
          ) : (
            <rect className="rank-chart-zone" fill={ink.zoneFill} {...strokeProps(ink.zoneStroke)} x={item.x} y={y - 8} width={24} height={16} />
          )}
          <text className="rank-chart-legend" fill={chartPalette.text} x={item.x + 32} y={y} dominantBaseline="middle">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}
