import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { AreaLevel } from '../../../../shared/domain/area';
import { WorkbenchError } from '../../../../shared/result';
import { bundledDataFile } from '../../resources';
import type { WorkspaceDatabase } from '../../workspace-file';

/** The ONS mid-year estimates the app ships, compiled by local authority, county and force area. */
export const bundledPopulationFile = 'ons-mid-year-population-2011-2023.csv';

interface AreaPopulation {
  name: string;
  /** Mid-year → residents. */
  byYear: Map<number, number>;
  level: AreaLevel;
}

/** The ONS table's Geography column, as the levels the documents name. */
function levelOfGeography(geography: string | undefined): AreaLevel {
  switch (geography) {
    case 'Country':
      return 'country';
    case 'Region':
      return 'region';
    case 'County':
    case 'Metropolitan County':
      return 'county';
    case 'Unitary Authority':
    case 'Non-metropolitan District':
    case 'Metropolitan District':
    case 'London Borough':
      return 'local-authority';
    default:
      return 'unknown';
  }
}

/**
 * Reads a table with columns Name, PFA, Geography, Mid-2023 … Mid-2011, by lower-cased area
 * name. A police force area's name gives the force area, the sum of the counties, unitary
 * authorities and boroughs it polices: crime tables that name a force (Essex) count its
 * whole area, Southend-on-Sea and Thurrock included, not the county alone.
 */
function readPopulationTable(path: string): Map<string, AreaPopulation> {
  const records = parse(readFileSync(path), { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const areas = new Map<string, AreaPopulation>();
  const forces = new Map<string, AreaPopulation[]>();
  for (const record of records) {
    const name = record.Name?.trim();
    if (!name) continue;
    const byYear = new Map<number, number>();
    for (const [column, value] of Object.entries(record)) {
      const year = /^Mid-(\d{4})$/.exec(column.trim())?.[1];
      const population = Math.round(Number.parseFloat(value));
      if (year && Number.isFinite(population) && population > 0) byYear.set(Number(year), population);
    }
    const geography = record.Geography?.trim();
    const area = { name, byYear, level: levelOfGeography(geography) };
    areas.set(name.toLowerCase(), area);
    const force = record.PFA?.trim();
    if (force && geography !== 'Country' && geography !== 'Region') forces.set(force, [...(forces.get(force) ?? []), area]);
  }
  for (const [force, parts] of forces) {
    const years = [...parts[0]!.byYear.keys()].filter((year) => parts.every((part) => part.byYear.has(year)));
    const byYear = new Map(years.map((year) => [year, parts.reduce((total, part) => total + part.byYear.get(year)!, 0)]));
    const names = parts.map((part) => part.name).join(', ');
    areas.set(force.toLowerCase(), {
      name: parts.length === 1 && parts[0]!.name === force ? force : `${force} police force area (${names})`,
      byYear,
      level: 'police-force-area',
    });
  }
  return areas;
}

/**
 * Loads ONS mid-year population estimates for the named areas from the compiled table,
 * replacing earlier figures.
 */
export function importPopulationEstimates(db: WorkspaceDatabase, path: string, areas: readonly string[]): number {
  const table = readPopulationTable(path);
  const upsert = db.prepare(
    `INSERT INTO area_population (area_name, mid_year, population, source) VALUES (?, ?, ?, ?)
     ON CONFLICT (area_name, mid_year) DO UPDATE SET population = excluded.population, source = excluded.source`,
  );
  let written = 0;
  for (const area of areas) {
    const found = table.get(area.toLowerCase());
    if (!found) throw new WorkbenchError('not-found', `The population table has no area called ${area}.`);
    const source = `ONS mid-year population estimates for ${found.name} (${basename(path)})`;
    for (const [year, population] of found.byYear) {
      upsert.run(area, year, population, source);
      written += 1;
    }
  }
  return written;
}

let bundled: Map<string, AreaPopulation> | null = null;

/**
 * What kind of area a name is, from the bundled ONS table: a police force's name is its force
 * area (as the crime tables that name a force count it, and as its population is summed above).
 */
export function bundledAreaLevel(area: string): AreaLevel {
  bundled ??= readPopulationTable(bundledDataFile(bundledPopulationFile));
  return bundled.get(area.trim().toLowerCase())?.level ?? 'unknown';
}

/**
 * The bundled estimate for an area: the year the period ends in, or the latest earlier one
 * (estimates are published about a year late), or failing that the earliest there is.
 */
export function bundledPopulationEstimate(area: string, year: number): { area: string; year: number; population: number } | null {
  bundled ??= readPopulationTable(bundledDataFile(bundledPopulationFile));
  const found = bundled.get(area.trim().toLowerCase());
  if (!found || found.byYear.size === 0) return null;
  const years = [...found.byYear.keys()].sort((a, b) => a - b);
  const chosen = [...years].reverse().find((candidate) => candidate <= year) ?? years[0]!;
  return { area: found.name, year: chosen, population: found.byYear.get(chosen)! };
}
