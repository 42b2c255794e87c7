import { chartPalette, seriesStyle } from '../../../shared/charts/chart-palette';
import type { SeriesChartSpec } from '../../../shared/charts/series-chart';
import { LegendItem, LineSwatch, Marker, ValueAxisLines, lineClass, lineStroke, strokeProps } from './ChartParts';

interface SeriesChartProps {
  spec: SeriesChartSpec;
  /** The id of the visible caption that names the chart. */
  labelledBy: string;
  describedBy?: string;
}

/** Draws a shared line-chart spec as inline SVG; each series has its own line style and marker. */
export function SeriesChart({ spec, labelledBy, describedBy }: SeriesChartProps) {
  return (
    <svg role="img" aria-labelledby={labelledBy} aria-describedby={describedBy} className="chart-svg" viewBox={spec.viewBox} width={spec.width} height={spec.height}>
      <ValueAxisLines ticks={spec.valueTicks} plot={spec.plot} title={spec.valueTitle} />
      {spec.categoryTicks.map((tick) => (
        <text key={tick.key} className="chart-tick" fill={chartPalette.muted} x={tick.x} y={tick.y} textAnchor={tick.anchor}>
          {tick.label}
        </text>
      ))}
      {spec.series.map((series, index) => {
        const style = seriesStyle(index);
        return (
          <g key={series.id} className={`chart-series chart-series-${index}`} data-testid={`series-${series.id}`}>
            <path className={lineClass(series.line)} fill="none" strokeLinejoin="round" {...strokeProps(lineStroke(style.colour, style.width, series.line))} d={series.path} />
            {series.points.map((point) => (
              <Marker key={point.category} shape={series.marker} x={point.x} y={point.y} style={style.marker} />
            ))}
          </g>
        );
      })}
      {spec.legend.map((item) => {
        const index = spec.series.findIndex((series) => series.id === item.kind);
        const series = spec.series[index]!;
        const style = seriesStyle(index);
        return (
          <g key={item.kind} className={`chart-series chart-series-${index}`}>
            <LegendItem item={item}>
              <LineSwatch
                x={item.x}
                y={item.y}
                line={series.line}
                marker={series.marker}
                stroke={lineStroke(style.colour, style.width, series.line)}
                markerStyle={style.marker}
              />
            </LegendItem>
          </g>
        );
      })}
    </svg>
  );
}
