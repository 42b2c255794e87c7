import type { FactorSettingInput, JudgementInput } from '../../../../shared/domain/analysis';
import {
  createMatrixTemplate,
  findFactor,
  parseMatrixDefinition,
  setFactorThresholds,
  setFactorWeight,
  type Judgement,
  type JudgementScore,
  type MatrixDefinition,
  type MatrixTemplateId,
} from '../../../../shared/matrix';
import { WorkbenchError } from '../../../../shared/result';
import type { WorkspaceDatabase } from '../../workspace-file';

interface FactorSettingRow {
  factor_id: string;
  weight: number | null;
  threshold_1: number | null;
  threshold_2: number | null;
  threshold_3: number | null;
  threshold_4: number | null;
}

function storedThresholds(row: FactorSettingRow): number[] | null {
  const values = [row.threshold_1, row.threshold_2, row.threshold_3, row.threshold_4].filter((value): value is number => value !== null);
  return values.length > 0 ? values : null;
}

/** The shipped template with the analyst's stored edits applied; edits to factors it no longer has are ignored. */
export function readMatrixDefinition(db: WorkspaceDatabase, template: MatrixTemplateId): { definition: MatrixDefinition; edited: string[] } {
  const rows = db
    .prepare('SELECT factor_id, weight, threshold_1, threshold_2, threshold_3, threshold_4 FROM matrix_factor_setting WHERE template = ?')
    .all(template) as FactorSettingRow[];
  let definition = createMatrixTemplate(template);
  const edited: string[] = [];
  for (const row of rows) {
    if (!definition.factors.some((factor) => factor.id === row.factor_id)) continue;
    const thresholds = storedThresholds(row);
    if (row.weight !== null) definition = setFactorWeight(definition, row.factor_id, row.weight);
    if (thresholds !== null) definition = setFactorThresholds(definition, row.factor_id, thresholds);
    edited.push(row.factor_id);
  }
  return { definition, edited };
}

/** Checks the edit against the whole matrix (thresholds ascending, one weight above 0) before storing it. */
export function saveFactorSetting(db: WorkspaceDatabase, setting: FactorSettingInput): void {
  let { definition } = readMatrixDefinition(db, setting.template);
  if (setting.weight !== undefined) definition = setFactorWeight(definition, setting.factor, setting.weight);
  if (setting.thresholds !== undefined) definition = setFactorThresholds(definition, setting.factor, setting.thresholds);
  parseMatrixDefinition(definition);
  const factor = findFactor(definition, setting.factor);
  const thresholds = setting.thresholds ?? null;
  db.prepare(
    `INSERT INTO matrix_factor_setting (template, factor_id, weight, threshold_1, threshold_2, threshold_3, threshold_4)
     VALUES (@template, @factor, @weight, @t1, @t2, @t3, @t4)
     ON CONFLICT (template, factor_id) DO UPDATE SET
       weight = coalesce(excluded.weight, weight),
       threshold_1 = CASE WHEN @thresholdsGiven THEN excluded.threshold_1 ELSE threshold_1 END,
       threshold_2 = CASE WHEN @thresholdsGiven THEN excluded.threshold_2 ELSE threshold_2 END,
       threshold_3 = CASE WHEN @thresholdsGiven THEN excluded.threshold_3 ELSE threshold_3 END,
       threshold_4 = CASE WHEN @thresholdsGiven THEN excluded.threshold_4 ELSE threshold_4 END`,
  ).run({
    template: setting.template,
    factor: factor.id,
    weight: setting.weight ?? null,
    t1: thresholds?.[0] ?? null,
    t2: thresholds?.[1] ?? null,
    t3: thresholds?.[2] ?? null,
    t4: thresholds?.[3] ?? null,
    thresholdsGiven: thresholds !== null ? 1 : 0,
  });
}

/** Back to the shipped template: one factor, or every factor when none is named. */
export function resetMatrix(db: WorkspaceDatabase, template: MatrixTemplateId, factorId: string | null): void {
  if (factorId === null) {
    db.prepare('DELETE FROM matrix_factor_setting WHERE template = ?').run(template);
    return;
  }
  findFactor(createMatrixTemplate(template), factorId);
  db.prepare('DELETE FROM matrix_factor_setting WHERE template = ? AND factor_id = ?').run(template, factorId);
}

interface JudgementRow {
  factor: string;
  offenceKey: string;
  score: JudgementScore;
  rationale: string;
}

export function listJudgements(db: WorkspaceDatabase): Judgement[] {
  return db
    .prepare('SELECT factor_id AS factor, offence_key AS offenceKey, score, rationale FROM judgement ORDER BY factor_id, offence_key')
    .all() as JudgementRow[];
}

/** Judged factors are the ones every template grades by judgement, under the same id. */
function requireJudgedFactor(factorId: string): void {
  const judged = new Set<string>();
  for (const template of ['partnership', 'morile-style', 'grid-4x4'] as const) {
    for (const factor of createMatrixTemplate(template).factors) if (factor.kind === 'judgement') judged.add(factor.id);
  }
  if (!judged.has(factorId)) {
    throw new WorkbenchError('invalid-input', `"${factorId}" is not judged by the analyst. The judged factors are: ${[...judged].join(', ')}.`);
  }
}

export function saveJudgement(db: WorkspaceDatabase, judgement: JudgementInput, now: Date): void {
  requireJudgedFactor(judgement.factor);
  db.prepare(
    `INSERT INTO judgement (factor_id, offence_key, score, rationale, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (factor_id, offence_key) DO UPDATE SET score = excluded.score, rationale = excluded.rationale, updated_at = excluded.updated_at`,
  ).run(judgement.factor, judgement.offenceKey, judgement.score, judgement.rationale, now.toISOString());
}

export function removeJudgement(db: WorkspaceDatabase, factorId: string, offenceKey: string): void {
  const removed = db.prepare('DELETE FROM judgement WHERE factor_id = ? AND offence_key = ?').run(factorId, offenceKey);
  if (removed.changes === 0) throw new WorkbenchError('not-found', 'There is no such judgement. The list has been refreshed.');
}
