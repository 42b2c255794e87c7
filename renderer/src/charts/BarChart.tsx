import { legendSwatchWidth } from '../../../shared/charts/chart-axis';
import type { BarChartSpec } from '../../../shared/charts/bar-chart';
import { chartPalette } from '../../../shared/charts/chart-palette';
import { LegendItem, LineSwatch, Marker, ValueAxisLines, lineClass, strokeProps } from './ChartParts';

interface BarChartProps {
  spec: BarChartSpec;
  /** The id of the visible caption that names the chart. */
  labelledBy: string;
  describedBy?: string;
}

const { overlay: overlayStyle } = chartPalette;

/** Draws a shared bar-chart spec as inline SVG, with its value over each bar and any trend line. */
export function BarChart({ spec, labelledBy, describedBy }: BarChartProps) {
  return (
    <svg role="img" aria-labelledby={labelledBy} aria-describedby={describedBy} className="chart-svg" viewBox={spec.viewBox} width={spec.width} height={spec.height}>
      <ValueAxisLines ticks={spec.valueTicks} plot={spec.plot} title={spec.valueTitle} />
      {spec.bars.map((bar) => (
        <g key={bar.key} data-testid="chart-bar">
          {bar.missing ? null : <rect className="chart-bar" fill={chartPalette.bar} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />}
          <text
            className={bar.missing ? 'chart-missing' : bar.valueLabel.inside ? 'chart-value-inside' : 'chart-value'}
            fill={bar.missing ? chartPalette.muted : bar.valueLabel.inside ? chartPalette.valueInside : chartPalette.text}
            x={bar.valueLabel.x}
            y={bar.valueLabel.y}
            textAnchor="middle"
          >
            {bar.valueLabel.text}
          </text>
        </g>
      ))}
      {spec.categoryLabels.map((label) => (
        <text key={label.key} className="chart-tick" fill={chartPalette.muted} x={label.x} y={label.y} textAnchor="middle">
          {label.text}
        </text>
      ))}
      {spec.overlay ? (
        <g className="chart-overlay" data-testid="chart-trend">
          <path className="chart-halo" fill="none" {...strokeProps(overlayStyle.halo)} d={spec.overlay.path} />
          <path className={lineClass('dashed')} fill="none" strokeLinejoin="round" {...strokeProps(overlayStyle.line)} d={spec.overlay.path} />
          {spec.overlay.points.map((point) => (
            <Marker key={point.category} shape="diamond" x={point.x} y={point.y} style={overlayStyle.marker} />
          ))}
        </g>
      ) : null}
      {spec.legend.map((item) => (
        <LegendItem key={item.kind} item={item}>
          {item.kind === 'bar' ? (
            <rect className="chart-bar" fill={chartPalette.bar} x={item.x + 4} y={item.y - 7} width={legendSwatchWidth - 8} height={14} />
          ) : (
            <g className="chart-overlay">
              <LineSwatch x={item.x} y={item.y} line="dashed" marker="diamond" stroke={overlayStyle.line} markerStyle={overlayStyle.marker} />
            </g>
          )}
        </LegendItem>
      ))}
    </svg>
  );
}
