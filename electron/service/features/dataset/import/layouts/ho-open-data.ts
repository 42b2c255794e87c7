import { parseFinancialYearQuarter } from '../../../../../../shared/dates';
import { cellText, normaliseHeader, parseCount } from '../cells';
import { detached } from '../readers/detached';
import { indexHeader, type Layout } from './layout';

/**
 * The Home Office "police recorded crime open data" tables, as published (the CSP tables
 * prc-csp-…-tables.ods, one sheet per financial year named "2024_25" or "2012-13", after a
 * Notes sheet; and the PFA tables): Financial Year, Financial Quarter, Force Name (or Police
 * Force), CSP Name, Offence Description, Offence Group, Offence Subgroup, Offence Code,
 * Offence Count (or Number of Offences). One row per area, offence code and quarter; the PFA
 * table has no CSP Name, so its area is the force. Offences the police could not place in a
 * CSP are on rows whose CSP is "Unassigned": outside every area (see area-filter.ts).
 */
const knownColumns = new Set([
  'financialyear',
  'financialquarter',
  'forcename',
  'policeforce',
  'cspname',
  'offencedescription',
  'offencegroup',
  'offencesubgroup',
  'offencecode',
  'offencecount',
  'numberofoffences',
]);

export const homeOfficeOpenDataLayout: Layout = {
  format: 'ho-open-data',
  bind(header) {
    const index = indexHeader(header, normaliseHeader);
    const year = index.get('financialyear');
    const quarter = index.get('financialquarter');
    const code = index.get('offencecode');
    const description = index.get('offencedescription');
    const count = index.get('offencecount') ?? index.get('numberofoffences');
    const area = index.get('cspname') ?? index.get('forcename') ?? index.get('policeforce');
    if ([year, quarter, code, description, count, area].some((position) => position === undefined)) return null;
    const at = { year: year!, quarter: quarter!, code: code!, description: description!, count: count!, area: area! };
    const countColumn = header[at.count]!;
    // Some years' sheets write an offence's description in another case ("Assault With
    // Injury"): one offence is one label, spelt as it was first met.
    const spellings = new Map<string, string>();
    // A table of a million rows has a few hundred descriptions: each is looked up as written first.
    const seen = new Map<string, string>();
    const spelling = (label: string) => {
      const known = seen.get(label);
      if (known !== undefined) return known;
      const key = label.toLowerCase().replace(/\s+/g, ' ');
      // Kept for the whole import: copied off the batch's text, which it would otherwise keep alive.
      let kept = spellings.get(key);
      if (kept === undefined) {
        kept = detached(label);
        if (spellings.size < 10_000) spellings.set(detached(key), kept);
      }
      if (seen.size < 10_000) seen.set(detached(label), kept);
      return kept;
    };
    // Years and quarters repeat a million times: each pair is read once.
    const periods = new Map<string, Map<string, ReturnType<typeof parseFinancialYearQuarter>>>();
    const periodOf = (yearText: string, quarterText: string) => {
      let quarters = periods.get(yearText);
      if (quarters === undefined) {
        quarters = new Map();
        if (periods.size < 1_000) periods.set(detached(yearText), quarters);
      }
      let period = quarters.get(quarterText);
      if (period === undefined) {
        period = parseFinancialYearQuarter(yearText, quarterText);
        if (quarters.size < 100) quarters.set(detached(quarterText), period);
      }
      return period;
    };
    return {
      format: 'ho-open-data',
      areaRule: 'named-area',
      mapping: {
        offence: header[at.code],
        period: `${header[at.year]} + ${header[at.quarter]}`,
        count: countColumn,
        area: header[at.area],
      },
      ignoredColumns: header.filter((name) => name.trim() && !knownColumns.has(normaliseHeader(name))),
      columns: Object.values(at),
      convert(cells) {
        const period = periodOf(cellText(cells[at.year]), cellText(cells[at.quarter]));
        if (!period.ok) return { kind: 'rejected', reason: `Financial year and quarter: ${period.reason}` };
        const offenceCode = cellText(cells[at.code]);
        const label = spelling(cellText(cells[at.description]) || offenceCode);
        if (!label) return { kind: 'rejected', reason: 'The offence code and description are both blank.' };
        const areaName = cellText(cells[at.area]);
        if (!areaName) return { kind: 'rejected', reason: `The area (“${header[at.area]}”) is blank.` };
        const parsed = parseCount(cells[at.count], countColumn);
        if (!parsed.ok) return { kind: 'rejected', reason: parsed.reason };
        return {
          kind: 'observations',
          observations: [
            {
              crimeId: null,
              periodFrom: period.period.fromMonth,
              periodTo: period.period.toMonth,
              label,
              offenceCode: offenceCode || null,
              areaCode: null,
              areaName,
              count: parsed.count,
            },
          ],
        };
      },
    };
  },
};
