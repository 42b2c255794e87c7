import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WorkbenchError } from '../../../shared/result';
import type { WorkspaceDatabase } from '../workspace-file';

/**
 * Loads ONS mid-year population estimates for the named areas from the compiled table
 * (columns Name, PFA, Geography, Mid-2023 … Mid-2011), replacing earlier figures.
 */
export function importPopulationEstimates(db: WorkspaceDatabase, path: string, areas: readonly string[]): number {
  const records = parse(readFileSync(path), { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const source = `ONS mid-year population estimates (${basename(path)})`;
  const upsert = db.prepare(
    `INSERT INTO area_population (area_name, mid_year, population, source) VALUES (?, ?, ?, ?)
     ON CONFLICT (area_name, mid_year) DO UPDATE SET population = excluded.population, source = excluded.source`,
  );
  let written = 0;
  for (const area of areas) {
    const record = records.find((row) => row.Name?.trim().toLowerCase() === area.toLowerCase());
    if (!record) throw new WorkbenchError('not-found', `The population table has no area called ${area}.`);
    for (const [column, value] of Object.entries(record)) {
      const year = /^Mid-(\d{4})$/.exec(column.trim())?.[1];
      const population = Math.round(Number.parseFloat(value));
      if (year && Number.isFinite(population) && population > 0) {
        upsert.run(record.Name!.trim(), Number(year), population, source);
        written += 1;
      }
    }
  }
  return written;
}
