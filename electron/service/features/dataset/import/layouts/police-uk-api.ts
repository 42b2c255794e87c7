import { policeUkCategoryForSlug } from '../../../../../../shared/taxonomy';
import { cellText, isMissing, normaliseHeader } from '../cells';
import { indexHeader, type Layout } from './layout';
import { cachedPeriodParser } from './period-cache';

/**
 * Street crimes from the data.police.uk API (/api/crimes-street), flattened to CSV: category
 * as a slug ("violent-crime"), persistent_id, month or date, location fields, and "NA" or
 * blanks for missing values. The API gives no LSOA, so the area cannot be checked.
 */
const knownColumns = new Set([
  'category',
  'persistentid',
  'id',
  'month',
  'date',
  'lat',
  'latitude',
  'long',
  'longitude',
  'lng',
  'streetid',
  'streetname',
  'context',
  'locationtype',
  'locationsubtype',
  'outcomestatus',
  'outcomestatuscategory',
  'outcomestatusdate',
]);

export const policeUkApiLayout: Layout = {
  format: 'police-uk-api',
  bind(header) {
    const index = indexHeader(header, normaliseHeader);
    const category = index.get('category');
    const period = index.get('month') ?? index.get('date');
    const persistentId = index.get('persistentid');
    if (category === undefined || period === undefined || persistentId === undefined) return null;
    const recordId = index.get('id');
    const parsePeriod = cachedPeriodParser();
    return {
      format: 'police-uk-api',
      areaRule: 'none',
      mapping: { offence: header[category], period: header[period], identifier: header[persistentId] },
      ignoredColumns: header.filter((name) => name.trim() && !knownColumns.has(normaliseHeader(name))),
      columns: [category, period, persistentId, ...(recordId === undefined ? [] : [recordId])],
      convert(cells) {
        const slug = cellText(cells[category]);
        if (isMissing(slug)) return { kind: 'rejected', reason: 'The category is blank.' };
        const when = parsePeriod(cells[period]);
        if (!when.ok) return { kind: 'rejected', reason: `Month: ${when.reason}` };
        const persistent = cellText(cells[persistentId]);
        const record = recordId === undefined ? '' : cellText(cells[recordId]);
        return {
          kind: 'observations',
          observations: [
            {
              // The persistent id is the bulk file's Crime ID, so the two sources de-duplicate.
              crimeId: !isMissing(persistent) ? persistent : !isMissing(record) ? `police-uk-api:${record}` : null,
              periodFrom: when.period.fromMonth,
              periodTo: when.period.toMonth,
              label: policeUkCategoryForSlug(slug)?.label ?? slug,
              offenceCode: null,
              areaCode: null,
              areaName: null,
              count: 1,
            },
          ],
        };
      },
    };
  },
};
