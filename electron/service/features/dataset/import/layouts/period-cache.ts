import { parseUkPeriod, type PeriodParseResult } from '../../../../../../shared/dates';
import type { CellValue } from '../readers/source-types';

/**
 * Dates repeat a great deal in crime files (a month has thousands of rows), so each layout
 * parses each distinct text once.
 */
export function cachedPeriodParser(): (cell: CellValue | undefined) => PeriodParseResult {
  const cache = new Map<string, PeriodParseResult>();
  return (cell) => {
    if (cell instanceof Date || typeof cell === 'number') return parseUkPeriod(cell);
    const text = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
    let result = cache.get(text);
    if (!result) {
      result = parseUkPeriod(text);
      if (cache.size < 10_000) cache.set(text, result);
    }
    return result;
  };
}
