import type { ImportPreview } from '../../../shared/domain/dataset';
import { DataTable } from '../components/DataTable';

/** The first rows of the file under its header, so the analyst can check what was read. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  if (preview.header.length === 0) return null;
  return (
    <DataTable
      caption={
        <>
          The first {preview.sampleRows.length} rows
          {preview.headerRow ? `, under the header on row ${preview.headerRow}` : ''}
        </>
      }
      captionShown
      scroll={{ label: 'The first rows of the file' }}
      compact
      rows={preview.sampleRows}
      rowKey={(_row, index) => index}
      columns={preview.header.map((name, column) => ({
        id: String(column),
        header: name || <span className="muted">(blank)</span>,
        cell: (row: readonly string[]) => row[column],
      }))}
    />
  );
}
