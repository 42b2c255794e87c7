import type { LabelMapping } from '../../../../../shared/domain/dataset';
import { isKnownOffenceKey, offenceDisplayLabel, offenceKeyForLabel } from '../../../../../shared/domain/offence-key';
import { canonicalHomeOfficeCode, matchHomeOfficeCode } from '../../../../../shared/taxonomy';
import { WorkbenchError } from '../../../../../shared/result';
import type { WorkspaceDatabase } from '../../../workspace-file';
import { refreshOffenceTotals } from '../../analysis/offence-totals';

export { offenceDisplayLabel };

function requireKnownKey(label: string, key: string): void {
  if (!isKnownOffenceKey(key)) {
    throw new WorkbenchError(
      'invalid-input',
      `The mapping sends “${label}” to “${key}”, which is not an offence or indicator the workbench knows. Use a key such as subgroup:violence-with-injury or indicator:asb-incidents.`,
    );
  }
}

/**
 * Turns source labels into taxonomy keys for one import: the partner's saved meanings first
 * (an analyst's decision outranks a dictionary), then the taxonomy, else null, so that the
 * label is listed for mapping rather than guessed.
 */
export class OffenceResolver {
  private readonly saved = new Map<string, string>();
  /** The same, by label in lower case: a table that changes an offence's case from year to year means the same offence. */
  private readonly savedAnyCase = new Map<string, string>();
  private readonly cache = new Map<string, string | null>();
  private readonly codes = new Map<string, string | null>();

  constructor(
    private readonly db: WorkspaceDatabase,
    private readonly partner: string,
    private readonly requested: LabelMapping,
  ) {
    const rows = db
      .prepare('SELECT source_label AS label, offence_key AS key FROM partner_label_mapping WHERE partner_name = ?')
      .all(partner) as { label: string; key: string }[];
    for (const row of rows) this.saved.set(row.label, row.key);
    for (const [label, key] of Object.entries(requested)) {
      const resolved = isKnownOffenceKey(key) ? key : offenceKeyForLabel(key);
      if (!resolved) requireKnownKey(label, key);
      this.saved.set(label, resolved ?? key);
    }
    for (const [label, key] of this.saved) if (!this.savedAnyCase.has(label.toLowerCase())) this.savedAnyCase.set(label.toLowerCase(), key);
  }

  /** A Home Office code, where the source gives one, is more precise than its description. */
  keyOf(label: string, code: string | null): string | null {
    const cacheKey = code === null ? label : `${label}\u0000${code}`;
    let key = this.cache.get(cacheKey);
    if (key === undefined) {
      key =
        this.saved.get(label) ?? this.savedAnyCase.get(label.toLowerCase()) ?? (code !== null ? offenceKeyForLabel(code) : null) ?? offenceKeyForLabel(label);
      this.cache.set(cacheKey, key);
    }
    return key;
  }

  /** A label that is itself a Home Office code ("8N") is kept as the row's code too. */
  codeOf(label: string): string | null {
    let code = this.codes.get(label);
    if (code === undefined) {
      code = matchHomeOfficeCode(label) ? canonicalHomeOfficeCode(label) : null;
      this.codes.set(label, code);
    }
    return code;
  }

  /** Keeps the meanings given with this import for the partner's next files. */
  rememberLabels(): void {
    const save = this.db.prepare(
      `INSERT INTO partner_label_mapping (partner_name, source_label, offence_key) VALUES (?, ?, ?)
       ON CONFLICT (partner_name, source_label) DO UPDATE SET offence_key = excluded.offence_key`,
    );
    for (const label of Object.keys(this.requested)) save.run(this.partner, label, this.saved.get(label));
  }
}

/**
 * Records what a label means for the dataset's partner and re-keys every aggregate of that
 * partner's datasets with the label, so no file has to be imported again.
 */
export function mapLabel(db: WorkspaceDatabase, datasetId: number, label: string, key: string): void {
  requireKnownKey(label, key);
  const dataset = db.prepare('SELECT partner_name AS partner FROM dataset WHERE id = ?').get(datasetId) as { partner: string } | undefined;
  if (!dataset) throw new WorkbenchError('not-found', `There is no dataset ${datasetId} in this workspace.`);
  db.prepare(
    `INSERT INTO partner_label_mapping (partner_name, source_label, offence_key) VALUES (?, ?, ?)
     ON CONFLICT (partner_name, source_label) DO UPDATE SET offence_key = excluded.offence_key`,
  ).run(dataset.partner, label, key);
  db.prepare(
    'UPDATE offence_count SET offence_key = ? WHERE source_label = ? AND dataset_id IN (SELECT id FROM dataset WHERE partner_name = ?)',
  ).run(key, label, dataset.partner);
  const partnerDatasets = db.prepare('SELECT id FROM dataset WHERE partner_name = ?').pluck().all(dataset.partner) as number[];
  refreshOffenceTotals(db, partnerDatasets);
}
