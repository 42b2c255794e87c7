import type { ColumnMapping, MappableField } from '../../../../../../shared/domain/dataset';
import { WorkbenchError } from '../../../../../../shared/result';
import { cellText, isMissing, normaliseHeader, parseCount } from '../cells';
import type { BoundLayout, Layout } from './layout';
import { cachedPeriodParser } from './period-cache';

/** Header names that commonly mean each field, used to suggest (never to force) a mapping. */
const synonyms: Record<MappableField, string[]> = {
  offence: ['offence', 'offencetype', 'offencename', 'offencedescription', 'offencecode', 'crimetype', 'crimecategory', 'category', 'indicator', 'incidenttype', 'type'],
  period: ['date', 'month', 'period', 'quarter', 'financialyear', 'year', 'incidentdate', 'datereported', 'reporteddate', 'dateofoffence', 'offencedate'],
  count: ['count', 'number', 'numberofoffences', 'offencecount', 'total', 'incidents', 'value', 'crimes', 'offences'],
  area: ['area', 'areaname', 'lsoacode', 'lsoa', 'ward', 'wardname', 'beat', 'district', 'neighbourhood'],
  identifier: ['id', 'crimeid', 'crimereference', 'crimeref', 'reference', 'incidentid', 'incidentnumber', 'urn', 'ref'],
};

/** A mapping guessed from the header: a starting point the analyst confirms or changes. */
export function suggestMapping(header: readonly string[]): Partial<ColumnMapping> {
  const normalised = header.map(normaliseHeader);
  const suggestion: Partial<ColumnMapping> = {};
  const taken = new Set<number>();
  for (const field of ['identifier', 'offence', 'period', 'count', 'area'] as const) {
    const position = synonyms[field]
      .map((name) => normalised.findIndex((header, index) => header === name && !taken.has(index)))
      .find((index) => index >= 0);
    if (position !== undefined) {
      suggestion[field] = header[position]!;
      taken.add(position);
    }
  }
  return suggestion;
}

/** Binds a generic layout to an explicit mapping; every named column must exist. */
export function bindGenericLayout(header: readonly string[], mapping: ColumnMapping, fileName: string): BoundLayout {
  const normalised = header.map(normaliseHeader);
  const position = (field: MappableField): number | undefined => {
    const column = mapping[field];
    if (column === null || column === undefined) return undefined;
    const index = normalised.indexOf(normaliseHeader(column));
    if (index < 0) {
      throw new WorkbenchError(
        'invalid-input',
        `The mapping names a column “${column}” for ${field}, but ${fileName} has no such column. Its columns are: ${header.filter(Boolean).join(', ')}.`,
      );
    }
    return index;
  };
  const offence = position('offence')!;
  const period = position('period')!;
  const count = position('count');
  const area = position('area');
  const identifier = position('identifier');
  const used = new Set([offence, period, count, area, identifier].filter((index) => index !== undefined));
  const parsePeriod = cachedPeriodParser();
  return {
    format: 'generic',
    areaRule: area === undefined ? 'none' : 'named-area',
    mapping: Object.fromEntries(
      (Object.keys(mapping) as MappableField[]).filter((field) => mapping[field]).map((field) => [field, header[position(field)!]]),
    ),
    ignoredColumns: header.filter((name, index) => name.trim() && !used.has(index)),
    columns: [...used],
    convert(cells) {
      const label = cellText(cells[offence]);
      if (isMissing(label)) return { kind: 'rejected', reason: `The offence (“${header[offence]}”) is blank.` };
      const when = parsePeriod(cells[period]);
      if (!when.ok) return { kind: 'rejected', reason: `${header[period]}: ${when.reason}` };
      let rowCount = 1;
      if (count !== undefined) {
        const parsed = parseCount(cells[count], header[count]!);
        if (!parsed.ok) return { kind: 'rejected', reason: parsed.reason };
        rowCount = parsed.count;
      }
      const areaText = area === undefined ? '' : cellText(cells[area]);
      const id = identifier === undefined ? '' : cellText(cells[identifier]);
      return {
        kind: 'observations',
        observations: [
          {
            crimeId: isMissing(id) ? null : id,
            periodFrom: when.period.fromMonth,
            periodTo: when.period.toMonth,
            label,
            offenceCode: null,
            areaCode: null,
            areaName: isMissing(areaText) ? null : areaText,
            count: rowCount,
          },
        ],
      };
    },
  };
}

/** Recognised automatically when the header plainly has an offence and a date or period. */
export const genericLayout: Layout = {
  format: 'generic',
  bind(header) {
    const suggestion = suggestMapping(header);
    if (!suggestion.offence || !suggestion.period) return null;
    return bindGenericLayout(
      header,
      {
        offence: suggestion.offence,
        period: suggestion.period,
        count: suggestion.count ?? null,
        area: suggestion.area ?? null,
        identifier: suggestion.identifier ?? null,
      },
      'the file',
    );
  },
};
