import type { ImportPreview } from '../../../shared/domain/dataset';

/** The first rows of the file under its header, so the analyst can check what was read. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  if (preview.header.length === 0) return null;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="The first rows of the file">
      <table className="table table-compact">
        <caption className="caption">
          The first {preview.sampleRows.length} rows
          {preview.headerRow ? `, under the header on row ${preview.headerRow}` : ''}
        </caption>
        <thead>
          <tr>
            {preview.header.map((name, index) => (
              <th scope="col" key={index}>
                {name || <span className="muted">(blank)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sampleRows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
