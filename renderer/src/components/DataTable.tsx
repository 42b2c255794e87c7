import { Fragment, useId, type ReactNode } from 'react';

export type SortDirection = 'ascending' | 'descending';

export interface SortState<S extends string> {
  column: S;
  direction: SortDirection;
}

export interface Column<Row, S extends string = string> {
  id: string;
  header: ReactNode;
  /** The heading is for screen readers only: an actions column, say. */
  headerHidden?: boolean;
  /** Its title attribute: the heading in full where the column shows it short. */
  headerTitle?: string;
  headerClassName?: string;
  /** Figures, right-aligned; 'cells' leaves the heading as it is (the charts' tables). */
  numeric?: boolean | 'cells';
  /** The row's header cell (`<th scope="row">`): what the row is about, read before each of its cells. */
  rowHeader?: boolean;
  /** Classes of each cell, besides 'numeric'. */
  className?: string | ((row: Row) => string | undefined);
  /** Each cell's data-testid: one for the column, or one for the row. */
  testId?: string | ((row: Row) => string);
  /** Sorts the table by this key (with DataTable's `sort`): the heading becomes a button. */
  sortKey?: S;
  cell(row: Row, index: number): ReactNode;
}

/** A row under a row, across every column: the working or the editor a button in the row opens. */
export interface RowExpansion {
  content: ReactNode;
  className: string;
  id?: string;
  cellClassName?: string;
}

interface DataTableProps<Row, S extends string> {
  caption: ReactNode;
  /** Shows the caption above the table; otherwise it is for screen readers only. */
  captionShown?: boolean;
  captionId?: string;
  /** Columns, in order; false or null leaves one out (a column the analyst has not chosen). */
  columns: readonly (Column<Row, S> | false | null)[];
  rows: readonly Row[];
  rowKey(row: Row, index: number): string | number;
  rowTestId?: string;
  /** The row the screen shows more of (its report, its charts): `aria-current`. */
  isCurrent?(row: Row): boolean;
  rowClassName?(row: Row): string | undefined;
  expansion?(row: Row): RowExpansion | null;
  /** The rows of a `<tfoot>`: a total. */
  footer?: ReactNode;
  /** Classes besides 'table'; `compact` adds 'table-compact'. */
  className?: string;
  compact?: boolean;
  testId?: string;
  describedBy?: string;
  /**
   * Wraps the table in a region that scrolls sideways when the table is wider than the screen
   * and takes keyboard focus, so that it can be scrolled without a mouse. The region is named
   * by the caption, or by `label`.
   */
  scroll?: boolean | { label: string };
  sort?: { state: SortState<S> | null; onSort(column: S): void };
}

const classes = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/**
 * The workbench's accessible data table: a caption, column headings with `scope`, a row header
 * in each row, sortable headings as buttons with `aria-sort`, and (with `scroll`) a focusable
 * region for a table wider than the screen. Every table of figures on the screens is one.
 */
export function DataTable<Row, S extends string = string>(props: DataTableProps<Row, S>) {
  const { caption, captionShown = false, columns, rows, rowKey, rowTestId, isCurrent, rowClassName, expansion, footer, scroll = false, sort } = props;
  const generatedId = useId();
  const shownColumns = columns.filter((column): column is Column<Row, S> => Boolean(column));
  const scrollLabel = typeof scroll === 'object' ? scroll.label : undefined;
  // The region is named by the caption unless it has a label of its own.
  const captionId = props.captionId ?? (scroll && !scrollLabel ? `${generatedId}-caption` : undefined);

  const table = (
    <table className={classes('table', props.compact && 'table-compact', props.className)} data-testid={props.testId} aria-describedby={props.describedBy}>
      <caption id={captionId} className={captionShown ? 'caption' : 'visually-hidden'}>
        {caption}
      </caption>
      <thead>
        <tr>
          {shownColumns.map((column) => (
            <ColumnHeader key={column.id} column={column} sort={sort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const expanded = expansion?.(row) ?? null;
          return (
            <Fragment key={rowKey(row, index)}>
              <tr data-testid={rowTestId} aria-current={isCurrent?.(row) ? 'true' : undefined} className={rowClassName?.(row)}>
                {shownColumns.map((column) => (
                  <Cell key={column.id} column={column} row={row} index={index} />
                ))}
              </tr>
              {expanded ? (
                <tr className={expanded.className} id={expanded.id}>
                  <td colSpan={shownColumns.length} className={expanded.cellClassName}>
                    {expanded.content}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );

  if (!scroll) return table;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={scrollLabel} aria-labelledby={scrollLabel ? undefined : captionId}>
      {table}
    </div>
  );
}

function ColumnHeader<Row, S extends string>({ column, sort }: { column: Column<Row, S>; sort: DataTableProps<Row, S>['sort'] }) {
  const className = classes(column.numeric === true && 'numeric', column.headerClassName);
  const heading = column.headerHidden ? <span className="visually-hidden">{column.header}</span> : column.header;
  if (column.sortKey === undefined || !sort) {
    return (
      <th scope="col" className={className} title={column.headerTitle}>
        {heading}
      </th>
    );
  }
  const sortKey = column.sortKey;
  const direction = sort.state?.column === sortKey ? sort.state.direction : undefined;
  return (
    <th scope="col" aria-sort={direction} className={className} title={column.headerTitle}>
      <button type="button" className="sort-button" onClick={() => sort.onSort(sortKey)} data-testid={`sort-${sortKey}`}>
        {heading}
        <span className="sort-indicator" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '⇅'}
        </span>
      </button>
    </th>
  );
}

function Cell<Row, S extends string>({ column, row, index }: { column: Column<Row, S>; row: Row; index: number }) {
  const extra = typeof column.className === 'function' ? column.className(row) : column.className;
  const className = classes(column.numeric && 'numeric', extra);
  const testId = typeof column.testId === 'function' ? column.testId(row) : column.testId;
  if (column.rowHeader) {
    return (
      <th scope="row" className={className} data-testid={testId}>
        {column.cell(row, index)}
      </th>
    );
  }
  return (
    <td className={className} data-testid={testId}>
      {column.cell(row, index)}
    </td>
  );
}

/** The first three columns of every ranking: rank, offence type and score, each cell as the table draws it. */
export function rankColumns<Row>(cells: Record<'rank' | 'offence' | 'score', Pick<Column<Row>, 'cell'> & Partial<Column<Row>>>): Column<Row>[] {
  return [
    { id: 'rank', header: 'Rank', numeric: true, ...cells.rank },
    { id: 'offence', header: 'Offence type', rowHeader: true, ...cells.offence },
    { id: 'score', header: 'Score', numeric: true, ...cells.score },
  ];
}
