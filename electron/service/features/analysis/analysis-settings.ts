import type { AnalysisSettings, DenominatorFigure, DenominatorsInput, PeriodsInput } from '../../../../shared/domain/analysis';
import type { MatrixTemplateId } from '../../../../shared/matrix';
import { addMonths } from '../../../../shared/dates';
import { defaultAssessmentPeriods, previousPeriod, type AssessmentPeriods } from '../../../../shared/statistics';
import { readPartnershipDetails } from '../partnership/partnership-store';
import type { WorkspaceDatabase } from '../../workspace-file';
import { cachedStatement } from '../../statement-cache';
import { bundledPopulationEstimate } from './population-estimates';

interface SettingsRow {
  comparison_from: string | null;
  comparison_to: string | null;
  population: number | null;
  households: number | null;
  matrix_template: MatrixTemplateId;
}

function readRow(db: WorkspaceDatabase): SettingsRow {
  return cachedStatement(db, 'SELECT comparison_from, comparison_to, population, households, matrix_template FROM analysis_settings WHERE id = 1').get() as SettingsRow;
}

const monthOf = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;

/**
 * The last month of in-area data that is over: the current calendar month is still being
 * recorded, so a year ending in it would read low.
 */
export function latestCompleteMonth(db: WorkspaceDatabase, now: Date): string | null {
  const latest = cachedStatement(db, 'SELECT max(period_to) FROM offence_total').pluck().get() as string | null;
  if (latest === null) return null;
  const lastOver = addMonths(monthOf(now), -1);
  return latest < lastOver ? latest : lastOver;
}

/**
 * The assessment period is the partnership's (the one the plan is about); the comparison is
 * the analyst's choice or the same length of time just before it. Without a chosen period,
 * the latest 12 complete months of data, or of the calendar when there is no data yet.
 */
export function resolvePeriods(db: WorkspaceDatabase, now: Date): { periods: AssessmentPeriods; chosen: boolean; latest: string | null } {
  const latest = latestCompleteMonth(db, now);
  const { period } = readPartnershipDetails(db);
  if (!period) return { periods: defaultAssessmentPeriods(latest ?? addMonths(monthOf(now), -1)), chosen: false, latest };
  const row = readRow(db);
  const comparison = row.comparison_from && row.comparison_to ? { from: row.comparison_from, to: row.comparison_to } : previousPeriod(period);
  return { periods: { current: { ...period }, comparison }, chosen: true, latest };
}

export function savePeriods(db: WorkspaceDatabase, periods: PeriodsInput): void {
  db.prepare('UPDATE partnership SET period_from = ?, period_to = ? WHERE id = 1').run(periods?.current.from ?? null, periods?.current.to ?? null);
  db.prepare('UPDATE analysis_settings SET comparison_from = ?, comparison_to = ? WHERE id = 1').run(
    periods?.comparison?.from ?? null,
    periods?.comparison?.to ?? null,
  );
}

export function saveDenominators(db: WorkspaceDatabase, denominators: DenominatorsInput): void {
  db.prepare('UPDATE analysis_settings SET population = ?, households = ? WHERE id = 1').run(denominators.population, denominators.households);
}

export function readMatrixTemplate(db: WorkspaceDatabase): MatrixTemplateId {
  return readRow(db).matrix_template;
}

export function saveMatrixTemplate(db: WorkspaceDatabase, template: MatrixTemplateId): void {
  db.prepare('UPDATE analysis_settings SET matrix_template = ? WHERE id = 1').run(template);
}

/**
 * The residents of an area for a period: for the partnership's own area (or a series that
 * names none) the hand-entered figure if there is one; otherwise the ONS mid-year estimate for
 * the year the period ends in, or the latest earlier one (estimates are published about a year
 * late). The workspace's own estimates come first, then those shipped with the app. The
 * hand-entered figure is the partnership's, so a series for a wider area never takes it.
 */
export function populationFor(db: WorkspaceDatabase, area: string | null, periodEnd: string): DenominatorFigure {
  const { population } = readRow(db);
  const partnershipArea = readPartnershipDetails(db).area;
  const ownArea = area === null || partnershipArea === null || area.trim().toLowerCase() === partnershipArea.trim().toLowerCase();
  if (population !== null && ownArea) return { value: population, source: 'entered by hand' };
  if (area === null) return { value: null, source: 'no area set, so no ONS estimate applies' };
  return populationEstimateFor(db, area, periodEnd);
}

/**
 * The ONS estimate for a named area, never the hand-entered figure (which is the
 * partnership's own): the population of a comparator area.
 */
export function populationEstimateFor(db: WorkspaceDatabase, area: string, periodEnd: string): DenominatorFigure {
  const year = Number(periodEnd.slice(0, 4));
  const estimate = cachedStatement(
    db,
      `SELECT area_name AS area, mid_year AS year, population, source FROM area_population
       WHERE lower(area_name) = lower(?) ORDER BY (mid_year <= ?) DESC, abs(mid_year - ?) LIMIT 1`,
    )
    .get(area, year, year) as { area: string; year: number; population: number; source: string } | undefined;
  if (!estimate) {
    const shipped = bundledPopulationEstimate(area, year);
    if (shipped) return { value: shipped.population, source: `ONS mid-year population estimates for ${shipped.area}, shipped with the app, mid-${shipped.year}` };
    return { value: null, source: `no population estimate for ${area}: enter it by hand` };
  }
  return { value: estimate.population, source: `${estimate.source}, mid-${estimate.year}` };
}

export function householdsFigure(db: WorkspaceDatabase): DenominatorFigure {
  const { households } = readRow(db);
  return households !== null ? { value: households, source: 'entered by hand' } : { value: null, source: 'not given' };
}

export function readAnalysisSettings(db: WorkspaceDatabase, now: Date): AnalysisSettings {
  const { periods, chosen, latest } = resolvePeriods(db, now);
  const { area } = readPartnershipDetails(db);
  return {
    periods,
    periodsChosen: chosen,
    latestCompleteMonth: latest,
    population: populationFor(db, area, periods.current.to),
    households: householdsFigure(db),
  };
}
