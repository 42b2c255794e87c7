import type { ReactNode } from 'react';
import type { FiguresTable } from '../../../shared/charts/offence-charts';
import { DataTable } from '../components/DataTable';

interface ChartFigureProps {
  id: string;
  caption: string;
  /** The chart in words: what each line, marker or bar shows. */
  description: string;
  table: FiguresTable;
  /** The chart, given the ids of its caption and description. */
  children(captionId: string, descriptionId: string): ReactNode;
}

/**
 * A chart with a visible caption that names it, its legend in words, and its figures in a
 * table behind "Show the figures", for anyone who cannot see the chart or would rather read.
 */
export function ChartFigure({ id, caption, description, table, children }: ChartFigureProps) {
  const captionId = `${id}-caption`;
  const descriptionId = `${id}-description`;
  return (
    <figure className="chart" data-testid={id}>
      <figcaption id={captionId} className="chart-caption">
        {caption}
      </figcaption>
      <p id={descriptionId} className="chart-description">
        {description}
      </p>
      {children(captionId, descriptionId)}
      <details className="chart-figures">
        <summary>
          Show the figures<span className="visually-hidden">: {caption}</span>
        </summary>
        <FiguresTableView caption={caption} table={table} />
      </details>
    </figure>
  );
}

function FiguresTableView({ caption, table }: { caption: string; table: FiguresTable }) {
  return (
    <DataTable
      caption={caption}
      compact
      className="chart-table"
      rows={table.rows}
      rowKey={(_row, index) => index}
      columns={table.columns.map((column, index) => ({
        id: String(index),
        header: column,
        rowHeader: index === 0,
        numeric: index > 0 && table.numeric[index] ? ('cells' as const) : false,
        cell: (row: FiguresTable['rows'][number]) => row[index],
      }))}
    />
  );
}
