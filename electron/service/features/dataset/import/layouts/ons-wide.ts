import { matchOffence } from '../../../../../../shared/taxonomy';
import { cellText, isMissing, normaliseHeader, parseCount } from '../cells';
import type { Layout, Observation } from './layout';
import { cachedPeriodParser } from './period-cache';

/**
 * ONS area tables: one row per area and period, one column per offence group or subgroup
 * (e.g. "Year ending September, Area name, Total recorded crime (excluding fraud), Violence
 * against the person, Homicide, …"). Groups and their subgroups sit side by side, so each
 * column is kept as its own label and never summed with the others.
 */
const areaHeaders = [
  'areaname',
  'area',
  'policeforcearea',
  'forcename',
  'localauthorityname',
  'cspname',
  'communitysafetypartnershipname',
  'name',
];
const periodHeaders = ['period', 'year', 'financialyear', 'date', 'month', 'quarter'];

function isOffenceColumn(header: string): boolean {
  return normaliseHeader(header).startsWith('totalrecordedcrime') || matchOffence(header) !== null;
}

export const onsWideLayout: Layout = {
  format: 'ons-wide',
  bind(header) {
    const normalised = header.map(normaliseHeader);
    const area = normalised.findIndex((name) => areaHeaders.includes(name));
    const period = normalised.findIndex((name) => name.startsWith('yearending') || periodHeaders.includes(name));
    if (area < 0 || period < 0) return null;
    const offenceColumns = header
      .map((name, position) => ({ name: name.trim(), position }))
      .filter(({ name, position }) => position !== area && position !== period && name && isOffenceColumn(name));
    if (offenceColumns.length < 3) return null;
    const used = new Set([area, period, ...offenceColumns.map((column) => column.position)]);
    // "Year ending September" with 2024 in the cell means October 2023 to September 2024.
    const yearEnding = normalised[period]!.startsWith('yearending') ? header[period]!.trim() : null;
    const parsePeriod = cachedPeriodParser();
    return {
      format: 'ons-wide',
      areaRule: 'named-area',
      mapping: { period: header[period], area: header[area], offence: `${offenceColumns.length} offence columns` },
      ignoredColumns: header.filter((name, position) => name.trim() && !used.has(position)),
      columns: [...used],
      convert(cells) {
        const areaName = cellText(cells[area]);
        if (!areaName) return { kind: 'rejected', reason: `The area (“${header[area]}”) is blank.` };
        const periodText = cellText(cells[period]);
        const when = parsePeriod(yearEnding && /^\d{4}$/.test(periodText) ? `${yearEnding} ${periodText}` : cells[period]);
        if (!when.ok) return { kind: 'rejected', reason: `${header[period]}: ${when.reason}` };
        const observations: Observation[] = [];
        // One unreadable figure loses that figure only, not the row's others.
        const rejectedCells: string[] = [];
        for (const column of offenceColumns) {
          const cell = cells[column.position];
          // Older years lack some subgroups: a blank is "not published", not zero.
          if (isMissing(cellText(cell))) continue;
          const parsed = parseCount(cell, column.name);
          if (!parsed.ok) {
            rejectedCells.push(parsed.reason);
            continue;
          }
          observations.push({
            crimeId: null,
            periodFrom: when.period.fromMonth,
            periodTo: when.period.toMonth,
            label: column.name,
            offenceCode: null,
            areaCode: null,
            areaName,
            count: parsed.count,
          });
        }
        if (observations.length > 0) return { kind: 'observations', observations, rejectedCells };
        if (rejectedCells.length > 0) return { kind: 'rejected', reason: rejectedCells.join(' ') };
        return { kind: 'empty', areaName };
      },
    };
  },
};
