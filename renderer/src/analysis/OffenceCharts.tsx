import { useMemo } from 'react';
import { barChart } from '../../../shared/charts/bar-chart';
import { offenceCharts, type OffenceChart } from '../../../shared/charts/offence-charts';
import { seriesChart } from '../../../shared/charts/series-chart';
import type { OffenceSummary } from '../../../shared/statistics/offence-summary';
import { BarChart } from '../charts/BarChart';
import { ChartFigure } from '../charts/ChartFigure';
import { SeriesChart } from '../charts/SeriesChart';

/** The four charts of one type's figures, from the chart specs the PDF export also draws. */
export function OffenceCharts({ summary }: { summary: OffenceSummary }) {
  const charts = useMemo(() => offenceCharts(summary), [summary]);
  return (
    <div className="analysis-charts">
      {charts.map((chart) => (
        <OffenceChartView key={chart.id} chart={chart} />
      ))}
    </div>
  );
}

function OffenceChartView({ chart }: { chart: OffenceChart }) {
  const id = `analysis-chart-${chart.id}`;
  if (chart.kind === 'unavailable') {
    return (
      <div className="chart" data-testid={id}>
        <p className="chart-caption">{chart.caption}</p>
        <p className="chart-unavailable" data-testid="chart-unavailable">
          {chart.message}
        </p>
      </div>
    );
  }
  return (
    <ChartFigure id={id} caption={chart.caption} description={chart.description} table={chart.table}>
      {(captionId, descriptionId) =>
        chart.kind === 'series' ? (
          <SeriesChart spec={seriesChart(chart.input)} labelledBy={captionId} describedBy={descriptionId} />
        ) : (
          <BarChart spec={barChart(chart.input)} labelledBy={captionId} describedBy={descriptionId} />
        )
      }
    </ChartFigure>
  );
}
