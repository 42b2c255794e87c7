import { cellText, normaliseHeader } from '../cells';
import { indexHeader, type Layout, type Observation, type RowOutcome } from './layout';
import { cachedPeriodParser } from './period-cache';

/**
 * The data.police.uk bulk street-level file: Crime ID, Month, Reported by, Falls within,
 * Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category,
 * Context. One row per crime or ASB incident; Crime ID is blank for ASB.
 */
const columns = ['crimeid', 'month', 'crimetype', 'lsoacode'] as const;
const knownColumns = new Set([
  ...columns,
  'reportedby',
  'fallswithin',
  'longitude',
  'latitude',
  'location',
  'lsoaname',
  'lastoutcomecategory',
  'context',
]);

export const policeUkStreetLayout: Layout = {
  format: 'police-uk-street',
  bind(header) {
    const index = indexHeader(header, normaliseHeader);
    if (!columns.every((column) => index.has(column))) return null;
    const at = (column: string) => index.get(column) ?? -1;
    const [crimeId, month, crimeType, lsoaCode, lsoaName] = [
      at('crimeid'),
      at('month'),
      at('crimetype'),
      at('lsoacode'),
      at('lsoaname'),
    ];
    const parsePeriod = cachedPeriodParser();
    // One outcome, refilled for every row (see BoundLayout.convert): a force's file has
    // millions of rows, and three new objects a row are most of what the writing thread makes.
    const observation: Observation = { crimeId: null, periodFrom: '', periodTo: '', label: '', offenceCode: null, areaCode: null, areaName: null, count: 1 };
    const observed: RowOutcome = { kind: 'observations', observations: [observation] };
    return {
      format: 'police-uk-street',
      areaRule: 'lsoa',
      mapping: {
        identifier: header[crimeId],
        period: header[month],
        offence: header[crimeType],
        area: header[lsoaCode],
      },
      ignoredColumns: header.filter((name) => name.trim() && !knownColumns.has(normaliseHeader(name))),
      // The Crime ID is only ever its key: the reader sends that instead.
      columns: [month, crimeType, lsoaCode, lsoaName].filter((position) => position >= 0),
      ...(crimeId >= 0 ? { identifierColumn: crimeId } : {}),
      convert(cells) {
        const label = cellText(cells[crimeType]);
        if (!label) return { kind: 'rejected', reason: 'The crime type is blank.' };
        const period = parsePeriod(cells[month]);
        if (!period.ok) return { kind: 'rejected', reason: `Month: ${period.reason}` };
        observation.periodFrom = period.period.fromMonth;
        observation.periodTo = period.period.toMonth;
        observation.label = label;
        observation.areaCode = cellText(cells[lsoaCode]) || null;
        observation.areaName = lsoaName >= 0 ? cellText(cells[lsoaName]) || null : null;
        return observed;
      },
    };
  },
};
