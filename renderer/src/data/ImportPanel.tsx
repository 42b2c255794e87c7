import { useState, type DragEvent } from 'react';
import {
  ColumnMapping,
  importFormatLabels,
  type ImportFormat,
  type MappableField,
  type QualityReport,
  type StagedFile,
} from '../../../shared/domain/dataset';
import type { Member } from '../../../shared/domain/partnership';
import { isCancelled, workbench } from '../api';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { ProgressBar } from '../components/ProgressBar';
import { useOperation } from '../components/useOperation';
import { formatBytes } from '../../../shared/format';
import { ColumnMappingForm } from './ColumnMappingForm';
import { PreviewTable } from './PreviewTable';

/**
 * The Worksheet choice for every sheet at once. Excel and Calc forbid square brackets in
 * sheet names, so no sheet can be called this.
 */
const allSheetsChoice = '[all sheets]';

/** Public sources, offered beside the partnership's members as the origin of a file. */
const publicSources = ['data.police.uk', 'Home Office', 'Office for National Statistics'];
const publicSourceFor: Partial<Record<ImportFormat, string>> = {
  'police-uk-street': 'data.police.uk',
  'police-uk-api': 'data.police.uk',
  'ho-open-data': 'Home Office',
  'ons-wide': 'Office for National Statistics',
};

interface ImportPanelProps {
  members: Member[];
  onImported(report: QualityReport): void;
}

export function ImportPanel({ members, onImported }: ImportPanelProps) {
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [partner, setPartner] = useState('');
  const [otherPartner, setOtherPartner] = useState('');
  const [mapManually, setMapManually] = useState(false);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [area, setArea] = useState('');
  const [sharingAgreement, setSharingAgreement] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [mappingErrors, setMappingErrors] = useState<Partial<Record<MappableField, string>>>({});
  const { progress, run, cancel } = useOperation();

  function adopt(next: StagedFile) {
    setStaged(next);
    setErrors([]);
    setMappingErrors({});
    setMapping(next.preview.suggestedMapping);
    setMapManually(next.preview.format === null);
    setArea(next.preview.defaultArea ?? '');
    const source = next.preview.format ? publicSourceFor[next.preview.format] : undefined;
    setPartner((current) => current || source || members[0]?.name || 'other');
  }

  async function choose() {
    const result = await workbench.dataset.stage({ partner: partner && partner !== 'other' ? partner : null });
    if (result.ok) adopt(result.value);
    else if (!isCancelled(result)) setErrors([{ fieldId: null, message: result.error.message }]);
  }

  const [dragging, setDragging] = useState(false);

  async function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const result = await workbench.stageDroppedFile(file);
    if (result.ok) adopt(result.value);
    else setErrors([{ fieldId: null, message: result.error.message }]);
  }

  async function changeSheet(choice: string) {
    if (!staged) return;
    const allSheets = choice === allSheetsChoice;
    const result = await workbench.dataset.preview({ token: staged.token, sheet: allSheets ? null : choice, allSheets, partner: null });
    if (result.ok) adopt({ token: staged.token, preview: result.value });
    else setErrors([{ fieldId: null, message: result.error.message }]);
  }

  async function runImport() {
    if (!staged) return;
    const partnerName = partner === 'other' ? otherPartner.trim() : partner;
    const problems: FieldError[] = [];
    if (!partnerName) problems.push({ fieldId: partner === 'other' ? 'import-other-partner' : 'import-partner', message: 'Say which partner the data comes from.' });
    let columns: ColumnMapping | null = null;
    if (mapManually) {
      const parsed = ColumnMapping.safeParse(mapping);
      if (!parsed.success) {
        const missing: Partial<Record<MappableField, string>> = {};
        if (!mapping.offence) missing.offence = 'Choose the column that holds the offence.';
        if (!mapping.period) missing.period = 'Choose the column that holds the date or period.';
        setMappingErrors(missing);
        for (const [field, message] of Object.entries(missing)) problems.push({ fieldId: `mapping-${field}`, message });
      } else {
        columns = parsed.data;
        setMappingErrors({});
      }
    }
    setErrors(problems);
    if (problems.length > 0) return;

    const first = { stage: `Importing ${staged.preview.fileName}`, done: 0, total: staged.preview.bytes, unit: 'bytes' as const, rows: 0 };
    const result = await run(first, (operationId) =>
      workbench.dataset.import({
        token: staged.token,
        operationId,
        partner: partnerName,
        format: columns ? 'generic' : 'auto',
        mapping: columns,
        sheet: staged.preview.allSheets ? null : staged.preview.sheet,
        allSheets: staged.preview.allSheets,
        area: area || null,
        sharingAgreement: sharingAgreement.trim() || null,
      }),
    );
    if (result.ok) {
      setStaged(null);
      onImported(result.value);
    } else if (isCancelled(result)) {
      setErrors([{ fieldId: null, message: 'The import was cancelled. Nothing was imported.' }]);
    } else {
      setErrors([{ fieldId: null, message: result.error.message }]);
    }
  }

  const preview = staged?.preview;
  const partnerOptions = [...members.map((member) => member.name), ...publicSources.filter((source) => !members.some((member) => member.name === source))];

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a file</h2>
      <p>
        CSV, Excel (.xlsx) or OpenDocument (.ods) files from partners, data.police.uk, the Home Office or the ONS. Known layouts are recognised; anything else you
        map once per partner.
      </p>
      <ErrorSummary errors={errors} />
      {!preview ? (
        <div
          className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
          data-testid="drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => void drop(event)}
        >
          <p>Drag a file here, or</p>
          <button type="button" className="button" onClick={choose}>
            Choose a file…
          </button>
        </div>
      ) : (
        <div className="stack">
          <dl className="summary-list">
            <div>
              <dt>File</dt>
              <dd data-testid="staged-file">{preview.fileName}</dd>
            </div>
            <div>
              <dt>Size</dt>
              <dd>{formatBytes(preview.bytes)}</dd>
            </div>
            <div>
              <dt>Layout</dt>
              <dd data-testid="detected-layout">{preview.format ? importFormatLabels[preview.format] : 'Not recognised: map the columns below'}</dd>
            </div>
          </dl>
          {preview.sheets.length > 1 ? (
            <div className="field">
              <label htmlFor="import-sheet">Worksheet</label>
              <p className="hint" id="import-sheet-hint">
                {preview.allSheets
                  ? `Every sheet with the same header as “${preview.sheet ?? ''}”, shown below, is imported as one dataset; the others are passed over.`
                  : 'Or all sheets, for a table published a sheet per year.'}
              </p>
              <select
                id="import-sheet"
                aria-describedby="import-sheet-hint"
                value={preview.allSheets ? allSheetsChoice : (preview.sheet ?? '')}
                onChange={(event) => void changeSheet(event.target.value)}
              >
                {preview.sheets.map((sheet) => (
                  <option key={sheet}>{sheet}</option>
                ))}
                <option value={allSheetsChoice}>All sheets</option>
              </select>
            </div>
          ) : null}
          <PreviewTable preview={preview} />
          <div className="field-row">
            <div className="field">
              <label htmlFor="import-partner">Partner</label>
              <p className="hint" id="import-partner-hint">
                The organisation that shared the file.
              </p>
              <select id="import-partner" aria-describedby="import-partner-hint" value={partner} onChange={(event) => setPartner(event.target.value)}>
                {partnerOptions.map((name) => (
                  <option key={name}>{name}</option>
                ))}
                <option value="other">Another partner…</option>
              </select>
            </div>
            {partner === 'other' ? (
              <div className="field">
                <label htmlFor="import-other-partner">Partner name</label>
                <input id="import-other-partner" value={otherPartner} onChange={(event) => setOtherPartner(event.target.value)} />
              </div>
            ) : null}
          </div>
          {preview.areas.length > 1 ? (
            <div className="field">
              <label htmlFor="import-area">Area to import</label>
              <p className="hint" id="import-area-hint">
                The file covers several areas. Choose the partnership’s own; the others are skipped.
              </p>
              <select id="import-area" aria-describedby="import-area-hint" value={area} onChange={(event) => setArea(event.target.value)}>
                <option value="">The partnership’s area</option>
                {preview.areas.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="import-agreement">Information-sharing agreement (optional)</label>
            <input id="import-agreement" value={sharingAgreement} onChange={(event) => setSharingAgreement(event.target.value)} />
          </div>
          {preview.format ? (
            <div className="checkbox">
              <input id="import-map-manually" type="checkbox" checked={mapManually} onChange={(event) => setMapManually(event.target.checked)} />
              <label htmlFor="import-map-manually">Map the columns myself</label>
            </div>
          ) : null}
          {mapManually ? <ColumnMappingForm header={preview.header} mapping={mapping} onChange={setMapping} errors={mappingErrors} /> : null}
          {progress ? (
            <ProgressBar event={progress} onCancel={cancel} />
          ) : (
            <div className="actions">
              <button type="button" className="button" onClick={runImport}>
                Import {preview.fileName}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setStaged(null)}>
                Choose another file
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
