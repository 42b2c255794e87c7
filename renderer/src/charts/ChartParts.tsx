import './charts.css';
import type { ReactNode } from 'react';
import type { AxisTick, LegendEntry, PlotArea } from '../../../shared/charts/chart-axis';
import { legendSwatchWidth } from '../../../shared/charts/chart-axis';
import { chartDashes, chartPalette, dashArray, type MarkerStyle, type StrokeStyle } from '../../../shared/charts/chart-palette';
import type { LineStyle, MarkerShape } from '../../../shared/charts/series-chart';

/**
 * The pieces every chart of figures draws the same way: the value axis, markers and legend.
 * Colours, widths and dashes come from the shared palette, the same the PDF export uses.
 */

/** SVG presentation attributes for a stroke from the palette. */
export function strokeProps(stroke: StrokeStyle) {
  return { stroke: stroke.colour, strokeWidth: stroke.width, strokeDasharray: dashArray(stroke) };
}

export function markerProps(marker: MarkerStyle) {
  return { fill: marker.fill, stroke: marker.stroke, strokeWidth: marker.strokeWidth };
}

export function ValueAxisLines({ ticks, plot, title }: { ticks: readonly AxisTick[]; plot: PlotArea; title: { x: number; y: number; text: string } }) {
  return (
    <g>
      {ticks.map((tick) => (
        <line key={`grid-${tick.value}`} className="chart-grid" {...strokeProps(chartPalette.grid)} x1={plot.left} x2={plot.right} y1={tick.position} y2={tick.position} />
      ))}
      {ticks.map((tick) => (
        <text key={`label-${tick.value}`} className="chart-tick" fill={chartPalette.muted} x={plot.left - 6} y={tick.position} textAnchor="end" dominantBaseline="middle">
          {tick.label}
        </text>
      ))}
      <text className="chart-axis-title" fill={chartPalette.text} x={title.x} y={title.y}>
        {title.text}
      </text>
      <line className="chart-axis" {...strokeProps(chartPalette.axis)} x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
      <line className="chart-axis" {...strokeProps(chartPalette.axis)} x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
    </g>
  );
}

const markerRadius = 4;

/** A point's marker: the shape, not only the colour, tells one series from another. */
export function Marker({ shape, x, y, style }: { shape: MarkerShape; x: number; y: number; style: MarkerStyle }) {
  const r = markerRadius;
  const paint = markerProps(style);
  switch (shape) {
    case 'circle':
      return <circle className="chart-marker" {...paint} cx={x} cy={y} r={r} />;
    case 'square':
      return <rect className="chart-marker" {...paint} x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 'triangle':
      return <path className="chart-marker" {...paint} d={`M ${x} ${y - r - 1} L ${x + r + 1} ${y + r} L ${x - r - 1} ${y + r} Z`} />;
    case 'diamond':
      return <path className="chart-marker" {...paint} d={`M ${x} ${y - r - 1} L ${x + r + 1} ${y} L ${x} ${y + r + 1} L ${x - r - 1} ${y} Z`} />;
  }
}

/** A series line's stroke: its palette colour and width, dashed or solid as its spec says. */
export function lineStroke(colour: string, width: number, line: LineStyle): StrokeStyle {
  return { colour, width, dash: chartDashes[line] };
}

export const lineClass = (style: LineStyle) => `chart-line chart-line-${style}`;

/** A legend entry: a short sample of the line (or a box for bars), then its label. */
export function LegendItem<Kind extends string>({ item, children }: { item: LegendEntry<Kind>; children: ReactNode }) {
  return (
    <g>
      {children}
      <text className="chart-legend" fill={chartPalette.text} x={item.x + legendSwatchWidth + 8} y={item.y} dominantBaseline="middle">
        {item.label}
      </text>
    </g>
  );
}

export function LineSwatch({ x, y, line, marker, stroke, markerStyle }: { x: number; y: number; line: LineStyle; marker: MarkerShape; stroke: StrokeStyle; markerStyle: MarkerStyle }) {
  return (
    <>
      <line className={lineClass(line)} fill="none" {...strokeProps(stroke)} x1={x} x2={x + legendSwatchWidth} y1={y} y2={y} />
      <Marker shape={marker} x={x + legendSwatchWidth / 2} y={y} style={markerStyle} />
    </>
  );
}
