// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, rankColumns, type Column } from '../../../renderer/src/components/DataTable';

afterEach(cleanup);

interface Dataset {
  id: number;
  file: string;
  rows: number;
}

const datasets: Dataset[] = [
  { id: 1, file: 'police-uk.csv', rows: 1660 },
  { id: 2, file: 'ons-force.xlsx', rows: 42 },
];

const columns: Column<Dataset, 'file' | 'rows'>[] = [
  { id: 'file', header: 'File', rowHeader: true, sortKey: 'file', cell: (dataset) => dataset.file },
  { id: 'rows', header: 'Rows', numeric: true, sortKey: 'rows', testId: 'rows', cell: (dataset) => dataset.rows.toLocaleString('en-GB') },
  { id: 'actions', header: 'Actions', headerHidden: true, className: 'row-actions', cell: (dataset) => createElement('button', { type: 'button' }, `Remove ${dataset.file}`) },
];

function table(props: Partial<Parameters<typeof DataTable<Dataset, 'file' | 'rows'>>[0]> = {}): ReactNode {
  return createElement(DataTable<Dataset, 'file' | 'rows'>, { caption: 'Datasets in this workspace', columns, rows: datasets, rowKey: (dataset) => dataset.id, ...props });
}

describe('DataTable', () => {
  it('has a caption, column headings with scope, and a row header in each row', () => {
    render(table({ rowTestId: 'dataset-row' }));
    const grid = screen.getByRole('table', { name: 'Datasets in this workspace' });
    expect(grid.querySelector('caption')?.className).toBe('visually-hidden');
    const headings = within(grid).getAllByRole('columnheader');
    expect(headings.map((heading) => heading.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    expect(headings[1]!.className).toBe('numeric');
    // A heading for screen readers only still names its column.
    expect(headings[2]!.querySelector('.visually-hidden')?.textContent).toBe('Actions');
    const rowHeaders = within(grid).getAllByRole('rowheader');
    expect(rowHeaders.map((header) => [header.tagName, header.getAttribute('scope'), header.textContent])).toEqual([
      ['TH', 'row', 'police-uk.csv'],
      ['TH', 'row', 'ons-force.xlsx'],
    ]);
    expect(screen.getAllByTestId('dataset-row')).toHaveLength(2);
    expect(screen.getAllByTestId('rows').map((cell) => [cell.className, cell.textContent])).toEqual([
      ['numeric', '1,660'],
      ['numeric', '42'],
    ]);
  });

  it('wraps a wide table in a region that takes keyboard focus and is named by the caption', () => {
    render(table({ scroll: true, captionShown: true }));
    const region = screen.getByRole('region', { name: 'Datasets in this workspace' });
    expect(region.className).toBe('table-scroll');
    expect(region.tabIndex).toBe(0);
    expect(region.querySelector('caption')?.className).toBe('caption');
  });

  it('names the region by its own label when it has one, and keeps a caption id it is given', () => {
    render(table({ scroll: { label: 'The first rows of the file' }, captionId: 'preview-caption' }));
    const region = screen.getByRole('region', { name: 'The first rows of the file' });
    expect(region.getAttribute('aria-labelledby')).toBeNull();
    expect(region.querySelector('caption')?.id).toBe('preview-caption');
  });

  it('draws no region without scroll', () => {
    render(table());
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('makes sortable headings buttons, with aria-sort on the column sorted', () => {
    const onSort = vi.fn();
    render(table({ sort: { state: { column: 'rows', direction: 'descending' }, onSort } }));
    const [file, rows] = screen.getAllByRole('columnheader');
    expect(file!.getAttribute('aria-sort')).toBeNull();
    expect(rows!.getAttribute('aria-sort')).toBe('descending');
    expect(within(rows!).getByRole('button').textContent).toBe('Rows▼');
    expect(within(file!).getByRole('button').textContent).toBe('File⇅');
    fireEvent.click(screen.getByTestId('sort-file'));
    expect(onSort).toHaveBeenCalledWith('file');
  });

  it('marks the current row, and opens a row beneath one across every column', () => {
    render(
      table({
        isCurrent: (dataset) => dataset.id === 2,
        rowClassName: (dataset) => (dataset.id === 1 ? 'first' : undefined),
        expansion: (dataset) => (dataset.id === 1 ? { className: 'working-row', id: 'working-1', content: 'How it was read' } : null),
        footer: createElement('tr', null, createElement('td', { colSpan: 3 }, 'Total 1,702')),
      }),
    );
    const rows = screen.getAllByRole('row');
    // Heading, the first dataset, its expansion, the second dataset, the footer.
    expect(rows).toHaveLength(5);
    expect(rows[1]!.className).toBe('first');
    expect(rows[2]!.id).toBe('working-1');
    expect(rows[2]!.querySelector('td')?.colSpan).toBe(3);
    expect(rows[3]!.getAttribute('aria-current')).toBe('true');
    expect(rows[1]!.getAttribute('aria-current')).toBeNull();
    expect(rows[4]!.parentElement?.tagName).toBe('TFOOT');
  });

  it('leaves out a column given as false, and gives the ranking tables their first three columns', () => {
    interface Ranked {
      key: string;
      rank: number;
      label: string;
      score: number;
    }
    const ranking: Ranked[] = [{ key: 'a', rank: 1, label: 'Violence with injury', score: 30 }];
    render(
      createElement(DataTable<Ranked>, {
        caption: 'Ranking',
        rows: ranking,
        rowKey: (row) => row.key,
        columns: [
          ...rankColumns<Ranked>({ rank: { cell: (row) => row.rank }, offence: { cell: (row) => row.label }, score: { testId: 'score', cell: (row) => row.score } }),
          false,
        ],
      }),
    );
    expect(screen.getAllByRole('columnheader').map((heading) => heading.textContent)).toEqual(['Rank', 'Offence type', 'Score']);
    expect(screen.getByRole('rowheader').textContent).toBe('Violence with injury');
    expect(screen.getByTestId('score').className).toBe('numeric');
  });
});
