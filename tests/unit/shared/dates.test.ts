import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  expandTwoDigitYear,
  financialYearOf,
  formatFinancialYear,
  formatMonthLong,
  isRealIsoDay,
  monthsBetween,
  parseFinancialYearQuarter,
  parseUkDay,
  parseUkPeriod,
  readExcelSerial,
  type ParsedPeriod,
  type PeriodParseResult,
} from '../../../shared/dates';

const day = (iso: string): ParsedPeriod => ({ granularity: 'day', fromMonth: iso.slice(0, 7), toMonth: iso.slice(0, 7), day: iso });
const month = (key: string): ParsedPeriod => ({ granularity: 'month', fromMonth: key, toMonth: key });
const span = (granularity: ParsedPeriod['granularity'], fromMonth: string, toMonth: string): ParsedPeriod => ({
  granularity,
  fromMonth,
  toMonth,
});

function periodOf(result: PeriodParseResult): ParsedPeriod {
  if (!result.ok) throw new Error(`Expected a period but was rejected: ${result.reason}`);
  return result.period;
}

function reasonOf(result: PeriodParseResult): string {
  if (result.ok) throw new Error(`Expected a rejection but read ${JSON.stringify(result.period)}`);
  return result.reason;
}

describe('parseUkPeriod: day dates', () => {
  it.each([
    ['31/01/2018', '2018-01-31'],
    ['1/2/2018', '2018-02-01'],
    ['31-01-2018', '2018-01-31'],
    ['1.2.2018', '2018-02-01'],
    ['02/03/2018', '2018-03-02'], // both orders would be valid: DD/MM is the contract, so 2 March
    ['29/02/2020', '2020-02-29'],
    ['31/01/18', '2018-01-31'],
    ['31/12/99', '1999-12-31'],
    ['31/01/2018 14:30', '2018-01-31'],
    ['31/01/2018 00:00:00', '2018-01-31'],
    ['31/01/2018 2:30 pm', '2018-01-31'],
    ['  31/01/2018  ', '2018-01-31'],
    ['2018-01-31', '2018-01-31'],
    ['2018/01/31', '2018-01-31'],
    ['2018-01-31T10:00:00Z', '2018-01-31'],
    ['2018-01-31T10:00:00.000+01:00', '2018-01-31'],
    ['2018-01-31 10:00', '2018-01-31'],
    ['31 January 2018', '2018-01-31'],
    ['31 Jan 2018', '2018-01-31'],
    ['31-Jan-18', '2018-01-31'],
    ['01-JAN-18', '2018-01-01'],
    ['1st February 2018', '2018-02-01'],
    ['31JAN2018', '2018-01-31'],
    ['January 31, 2018', '2018-01-31'],
  ])('reads %j as the day %s', (text, iso) => {
    expect(parseUkPeriod(text)).toEqual({ ok: true, period: day(iso) });
  });

  it('reads a JS Date by its UTC calendar date, as exceljs encodes date cells', () => {
    expect(periodOf(parseUkPeriod(new Date(Date.UTC(2018, 0, 31))))).toEqual(day('2018-01-31'));
    expect(periodOf(parseUkPeriod(new Date('2018-01-31T23:59:59Z')))).toEqual(day('2018-01-31'));
  });
});

describe('parseUkDay: one day as an analyst types it', () => {
  it('reads day/month/year and YYYY-MM-DD to the same day', () => {
    for (const typed of ['31/03/2019', '31/3/19', ' 31 March 2019 ', '2019-03-31', '31.03.2019']) {
      expect(parseUkDay(typed), typed).toEqual({ ok: true, day: '2019-03-31' });
    }
    expect(parseUkDay('1/2/2019')).toEqual({ ok: true, day: '2019-02-01' });
  });

  it('refuses anything that is not one real day, saying why', () => {
    expect(parseUkDay('30/02/2019')).toEqual({ ok: false, reason: '"30/02/2019" is not a real date: February 2019 has 28 days.' });
    expect(parseUkDay('01/31/2019')).toMatchObject({ ok: false, reason: expect.stringContaining('dates must be day/month/year') });
    expect(parseUkDay('03/2019')).toEqual({ ok: false, reason: '"03/2019" is not a single day. Give a day, month and year, for example 31/03/2019.' });
    expect(parseUkDay('March 2019')).toMatchObject({ ok: false, reason: expect.stringContaining('not a single day') });
    expect(parseUkDay('2019')).toMatchObject({ ok: false, reason: expect.stringContaining('is not a date') });
    expect(parseUkDay('43555')).toEqual({ ok: false, reason: '"43555" is not a date. Give a day, month and year, for example 31/03/2019.' });
    expect(parseUkDay('  ')).toMatchObject({ ok: false, reason: expect.stringContaining('No date was given') });
  });

  it('tells a real YYYY-MM-DD day from one that does not exist', () => {
    expect(isRealIsoDay('2020-02-29')).toBe(true);
    expect(isRealIsoDay('2019-02-29')).toBe(false);
    expect(isRealIsoDay('31/03/2019')).toBe(false);
    expect(isRealIsoDay('2019-3-31')).toBe(false);
  });
});

describe('parseUkPeriod: Excel serial numbers (1900 date system)', () => {
  it('reads 43101 as 1 January 2018, as a number or as text, ignoring the time fraction', () => {
    for (const value of [43101, '43101', 43101.75, '43101.75']) {
      expect(periodOf(parseUkPeriod(value))).toEqual(day('2018-01-01'));
    }
  });

  it('keeps the Lotus 1900 leap-year bug: 59 is 28 Feb 1900, 60 the fictitious 29 Feb, 61 is 1 March', () => {
    expect(readExcelSerial(1)).toEqual({ kind: 'day', day: { year: 1900, month: 1, day: 1 } });
    expect(readExcelSerial(59)).toEqual({ kind: 'day', day: { year: 1900, month: 2, day: 28 } });
    expect(readExcelSerial(60)).toEqual({ kind: 'lotus-leap-day' });
    expect(readExcelSerial(61)).toEqual({ kind: 'day', day: { year: 1900, month: 3, day: 1 } });
    expect(readExcelSerial(2958465)).toEqual({ kind: 'day', day: { year: 9999, month: 12, day: 31 } });
    expect(readExcelSerial(2958466)).toEqual({ kind: 'after-last-serial' });
    expect(readExcelSerial(0)).toEqual({ kind: 'before-first-serial' });
  });

  it('accepts serials from 1 January 1990 to 31 December 2100 only', () => {
    expect(periodOf(parseUkPeriod(32874))).toEqual(day('1990-01-01'));
    expect(periodOf(parseUkPeriod(73415))).toEqual(day('2100-12-31'));
    expect(reasonOf(parseUkPeriod(32873))).toContain('would be 31/12/1989');
    expect(reasonOf(parseUkPeriod(73416))).toContain('would be 01/01/2101');
  });

  it.each<[number | string, string]>([
    [60, 'is Excel\'s serial number for 29 February 1900, a day that never existed'],
    [59, 'it would be 28/02/1900, outside the years the workbench accepts (1990 to 2100)'],
    [517, '"517" is not a plausible date. As an Excel date serial number it would be 31/05/1901'],
    ['517', 'probably a count or a code rather than a date'],
    [0, 'Excel date serial numbers start at 1 (1 January 1900)'],
    [-3, 'Excel date serial numbers start at 1'],
    [1e12, 'larger than any Excel date serial number'],
    [Number.NaN, 'is not a number that can be read as a date'],
    [Number.POSITIVE_INFINITY, 'is not a number that can be read as a date'],
  ])('rejects %j: %s', (value, reason) => {
    expect(reasonOf(parseUkPeriod(value))).toContain(reason);
  });
});

describe('parseUkPeriod: months', () => {
  it.each([
    ['2018-01', '2018-01'],
    ['2018/01', '2018-01'],
    ['2018-1', '2018-01'],
    ['2018-12', '2018-12'],
    ['01/2018', '2018-01'],
    ['Jan-18', '2018-01'],
    ['Jan 18', '2018-01'],
    ['JAN-18', '2018-01'],
    ["Jan '18", '2018-01'],
    ['January 2018', '2018-01'],
    ['Jan 2018', '2018-01'],
    ['January-2018', '2018-01'],
    ['Sept 2018', '2018-09'],
    ['Sept. 2018', '2018-09'],
    ['Sep-18', '2018-09'],
    ['september 2018', '2018-09'],
    ['Jun-95', '1995-06'],
  ])('reads %j as the month %s', (text, key) => {
    expect(parseUkPeriod(text)).toEqual({ ok: true, period: month(key) });
  });
});

describe('parseUkPeriod: financial years, quarters and years', () => {
  it.each(['2018/19', '2018-19', '2018/2019', '2018-2019', 'FY2018/19', 'FY 2018-19', 'fy2018/2019', '2018–19', '2018 / 19'])(
    'reads %j as April 2018 to March 2019',
    (text) => {
      expect(periodOf(parseUkPeriod(text))).toEqual(span('financial-year', '2018-04', '2019-03'));
    },
  );

  it('crosses the century: 1999/00 and 2099/00', () => {
    expect(periodOf(parseUkPeriod('1999/00'))).toEqual(span('financial-year', '1999-04', '2000-03'));
    expect(periodOf(parseUkPeriod('2099/00'))).toEqual(span('financial-year', '2099-04', '2100-03'));
  });

  it.each([
    ['2018 Q1', '2018-01', '2018-03'],
    ['Q1 2018', '2018-01', '2018-03'],
    ['2018-Q1', '2018-01', '2018-03'],
    ['2018Q3', '2018-07', '2018-09'],
    ['Q4-2018', '2018-10', '2018-12'],
    ['Quarter 2 2018', '2018-04', '2018-06'],
    ['2018/19 Q1', '2018-04', '2018-06'],
    ['Q1 2018/19', '2018-04', '2018-06'],
    ['Q2 2018-19', '2018-07', '2018-09'],
    ['FY2018/19 Q3', '2018-10', '2018-12'],
    ['Q4 2018/19', '2019-01', '2019-03'],
    ['Q1 2011/12', '2011-04', '2011-06'], // with a quarter, a year pair can only be a financial year
  ])('reads %j as the quarter %s to %s', (text, fromMonth, toMonth) => {
    expect(periodOf(parseUkPeriod(text))).toEqual(span('quarter', fromMonth, toMonth));
  });

  it.each([
    ['2018', '2018-01', '2018-12'],
    [2018, '2018-01', '2018-12'],
    ['Year ending September 2024', '2023-10', '2024-09'],
    ['YE Sep 2024', '2023-10', '2024-09'],
    ['year ending Sep 2024', '2023-10', '2024-09'],
    ['YE Mar 19', '2018-04', '2019-03'],
    ['12 months ending Dec-18', '2018-01', '2018-12'],
  ])('reads %j as the year %s to %s', (value, fromMonth, toMonth) => {
    expect(periodOf(parseUkPeriod(value))).toEqual(span('year', fromMonth, toMonth));
  });
});

describe('parseUkPeriod: "2011/12" is both a financial year and a month', () => {
  it('rejects it as ambiguous unless told what the column holds', () => {
    expect(reasonOf(parseUkPeriod('2011/12'))).toBe(
      '"2011/12" is ambiguous: it could be the financial year 2011/12 (April 2011 to March 2012) or the month December 2011. ' +
        'Write the financial year as FY2011/12 or 2011/2012, or the month as Dec 2011.',
    );
    expect(reasonOf(parseUkPeriod('2008-09'))).toContain('or the month September 2008');
  });

  it('follows ambiguousYearPair when it is set', () => {
    expect(periodOf(parseUkPeriod('2011/12', { ambiguousYearPair: 'financial-year' }))).toEqual(
      span('financial-year', '2011-04', '2012-03'),
    );
    expect(periodOf(parseUkPeriod('2011-12', { ambiguousYearPair: 'month' }))).toEqual(month('2011-12'));
  });

  it('ignores ambiguousYearPair for values that can only be one thing', () => {
    expect(periodOf(parseUkPeriod('2018-01', { ambiguousYearPair: 'financial-year' }))).toEqual(month('2018-01'));
    expect(periodOf(parseUkPeriod('2018/19', { ambiguousYearPair: 'month' }))).toEqual(span('financial-year', '2018-04', '2019-03'));
    expect(periodOf(parseUkPeriod('FY2011/12', { ambiguousYearPair: 'month' }))).toEqual(span('financial-year', '2011-04', '2012-03'));
  });
});

describe('parseUkPeriod: rejections say why', () => {
  it.each<[string | null | undefined, string]>([
    ['', 'The cell is empty, so there is no date to read.'],
    ['   ', 'The cell is empty'],
    [null, 'The cell is empty'],
    [undefined, 'The cell is empty'],
    ['31/02/2018', '"31/02/2018" is not a real date: February 2018 has 28 days.'],
    ['29/02/2019', '"29/02/2019" is not a real date: February 2019 has 28 days.'],
    ['31/04/2018', 'April 2018 has 30 days.'],
    ['00/01/2018', 'there is no day 0'],
    ['2018-02-30', '"2018-02-30" is not a real date: February 2018 has 28 days.'],
    ['31 Feb 2018', 'February 2018 has 28 days.'],
    ['01/31/2018', '31 is not a month: dates must be day/month/year (DD/MM/YYYY), and this looks like month/day order.'],
    ['12/25/2018', '25 is not a month: dates must be day/month/year (DD/MM/YYYY)'],
    ['13/13/2018', '13 is not a month: dates must be day/month/year (DD/MM/YYYY).'],
    ['01/00/2018', '00 is not a month'],
    ['2018-31-01', '31 is not a month: a date that starts with the year must be year-month-day (YYYY-MM-DD).'],
    ['13/2018', '"13/2018" was not read as a month. 13 is not a month: months run from 01 to 12.'],
    ['31/01/2018 25:00', '"31/01/2018 25:00" is not a real date and time: 25:00 is not a time of day.'],
    ['31/01/2018 13:30 pm', '13:30 pm is not a time of day'],
    ['last Tuesday', '"last Tuesday" is not a date or period the workbench recognises. Write it as day/month/year (31/01/2018)'],
    ['sepember 2018', 'is not a date or period the workbench recognises'],
    ['01/01/1989', '"01/01/1989" falls outside the years the workbench accepts (1990 to 2100). Check the year.'],
    ['Dec 1989', 'falls outside the years the workbench accepts (1990 to 2100)'],
    ['2101', '"2101" covers January 2101 to December 2101, which falls outside the years the workbench accepts'],
    ['1989', 'falls outside the years the workbench accepts'],
    ['FY1989/90', 'covers April 1989 to March 1990, which falls outside'],
    ['2100/2101', 'covers April 2100 to March 2101'],
    ['Year ending Sep 1990', 'covers October 1989 to September 1990'],
    ['2018/20', '"2018/20" is not a financial year: a financial year runs from April to March, so the second year must follow the first (2018/19).'],
    ['2018/2020', 'the second year must follow the first (2018/19)'],
    ['FY2018/20', 'the second year must follow the first (2018/19)'],
    ['Q1 2018/20', 'the second year must follow the first (2018/19)'],
    ['2018-00', '"2018-00" is neither a month nor a financial year.'],
    ['Q5 2018', '"Q5 2018" is not a quarter: quarters run from Q1 to Q4.'],
    ['2018/19 Q0', 'quarters run from Q1 to Q4'],
    ['18-Jan', '"18-Jan" has no year, so the workbench cannot tell which year it belongs to.'],
    ['January', 'has no year'],
    ['01/02', '"01/02" has no four-digit year, so it could be a day and month or a month and year.'],
  ])('rejects %j: %s', (value, reason) => {
    expect(reasonOf(parseUkPeriod(value))).toContain(reason);
  });

  it('rejects an invalid Date value', () => {
    expect(reasonOf(parseUkPeriod(new Date('not a date')))).toContain('not valid');
  });

  it('quotes the value as written, not as normalised', () => {
    expect(reasonOf(parseUkPeriod('  LAST Tuesday '))).toMatch(/^"LAST Tuesday" is not/);
  });
});

describe('parseFinancialYearQuarter (Home Office open data columns)', () => {
  it.each<[string, string | number, string, string]>([
    ['2020/21', 'Q1', '2020-04', '2020-06'],
    ['2020/21', 'q2', '2020-07', '2020-09'],
    ['2020-21', 3, '2020-10', '2020-12'],
    ['2020/2021', '4', '2021-01', '2021-03'],
    ['FY2020/21', 'Quarter 1', '2020-04', '2020-06'],
    ['2011/12', 'Q4', '2012-01', '2012-03'], // a financial-year column: never December 2011
  ])('reads %j %j as %s to %s', (year, quarter, fromMonth, toMonth) => {
    expect(periodOf(parseFinancialYearQuarter(year, quarter))).toEqual(span('quarter', fromMonth, toMonth));
  });

  it.each<[string | null, string | number | null, string]>([
    ['', 'Q1', 'The financial year is empty'],
    [null, 'Q1', 'The financial year is empty'],
    ['2020/21', null, 'The financial quarter is empty'],
    ['2020/21', ' ', 'The financial quarter is empty'],
    ['2020', 'Q1', '"2020" is not a financial year. Write it as 2020/21, 2020-21 or 2020/2021.'],
    ['2020/22', 'Q1', 'the second year must follow the first (2020/21)'],
    ['2020/21', 'Q5', '"Q5" is not a financial quarter'],
    ['2020/21', 0, '"0" is not a financial quarter'],
    ['2100/01', 'Q4', 'covers January 2101 to March 2101, which falls outside the years the workbench accepts'],
  ])('rejects %j %j: %s', (year, quarter, reason) => {
    expect(reasonOf(parseFinancialYearQuarter(year, quarter))).toContain(reason);
  });
});

describe('month helpers', () => {
  it('lists months inclusively, across year ends', () => {
    expect(monthsBetween('2018-11', '2019-02')).toEqual(['2018-11', '2018-12', '2019-01', '2019-02']);
    expect(monthsBetween('2018-04', '2018-04')).toEqual(['2018-04']);
    expect(monthsBetween('2019-01', '2018-12')).toEqual([]);
  });

  it('adds and subtracts months', () => {
    expect(addMonths('2018-11', 3)).toBe('2019-02');
    expect(addMonths('2018-01', -1)).toBe('2017-12');
    expect(addMonths('2018-01', 0)).toBe('2018-01');
    expect(() => addMonths('2018-13', 1)).toThrow('YYYY-MM');
    expect(() => addMonths('2018-01', 0.5)).toThrow('whole number');
  });

  it('formats months and financial years in British English', () => {
    expect(formatMonthLong('2018-04')).toBe('April 2018');
    expect(formatMonthLong('2019-09')).toBe('September 2019');
    expect(financialYearOf('2018-04')).toBe('2018/19');
    expect(financialYearOf('2019-03')).toBe('2018/19');
    expect(financialYearOf('2000-01')).toBe('1999/00');
    expect(formatFinancialYear(2009)).toBe('2009/10');
  });

  it('reads two-digit years with the 90 pivot', () => {
    expect(expandTwoDigitYear(0)).toBe(2000);
    expect(expandTwoDigitYear(89)).toBe(2089);
    expect(expandTwoDigitYear(90)).toBe(1990);
    expect(expandTwoDigitYear(99)).toBe(1999);
  });
});

/** Any real calendar day inside the accepted years, generated through UTC so it is always valid. */
const acceptedDay = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }));
const pad2 = (value: number): string => String(value).padStart(2, '0');
const isoOf = (d: { year: number; month: number; day: number }): string => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
const monthKey = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month: m }) => `${year}-${pad2(m)}`);
const isMonthKey = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

describe('properties', () => {
  it('every day written DD/MM/YYYY (padded or not, with / - or .) reads back as itself', () => {
    fc.assert(
      fc.property(acceptedDay, fc.constantFrom('/', '-', '.'), fc.boolean(), (d, separator, padded) => {
        const text = padded
          ? [pad2(d.day), pad2(d.month), d.year].join(separator)
          : [d.day, d.month, d.year].join(separator);
        expect(periodOf(parseUkPeriod(text))).toEqual(day(isoOf(d)));
      }),
    );
  });

  it('a day and month swapped into MM/DD order is rejected whenever the day cannot be a month', () => {
    fc.assert(
      fc.property(acceptedDay, (d) => {
        fc.pre(d.day > 12);
        const result = parseUkPeriod(`${pad2(d.month)}/${pad2(d.day)}/${d.year}`);
        expect(reasonOf(result)).toContain(`${pad2(d.day)} is not a month: dates must be day/month/year (DD/MM/YYYY)`);
      }),
    );
  });

  it('a two-digit year reads the same as its four-digit form from 1990 to 2089', () => {
    fc.assert(
      fc.property(acceptedDay, (d) => {
        fc.pre(d.year <= 2089);
        const twoDigit = parseUkPeriod(`${pad2(d.day)}/${pad2(d.month)}/${pad2(d.year % 100)}`);
        expect(twoDigit).toEqual(parseUkPeriod(`${pad2(d.day)}/${pad2(d.month)}/${d.year}`));
      }),
    );
  });

  it('an Excel serial and a Date read as the same day as the ISO date', () => {
    const excelEpoch = Date.UTC(1899, 11, 30); // valid for every serial after the Lotus leap day
    fc.assert(
      fc.property(acceptedDay, fc.double({ min: 0, max: 0.999, noNaN: true }), (d, timeOfDay) => {
        const utc = Date.UTC(d.year, d.month - 1, d.day);
        const serial = (utc - excelEpoch) / 86_400_000 + timeOfDay;
        const expected = { ok: true, period: day(isoOf(d)) };
        expect(parseUkPeriod(serial)).toEqual(expected);
        expect(parseUkPeriod(new Date(utc))).toEqual(expected);
        expect(parseUkPeriod(isoOf(d))).toEqual(expected);
      }),
    );
  });

  it('monthsBetween gives consecutive months from the first to the last', () => {
    fc.assert(
      fc.property(monthKey, fc.integer({ min: 0, max: 400 }), (from, length) => {
        const to = addMonths(from, length);
        const months = monthsBetween(from, to);
        expect(months).toHaveLength(length + 1);
        expect(months[0]).toBe(from);
        expect(months.at(-1)).toBe(to);
        months.slice(1).forEach((current, index) => expect(current).toBe(addMonths(months[index]!, 1)));
      }),
    );
  });

  it('adding and then subtracting the same number of months returns the month', () => {
    fc.assert(
      fc.property(monthKey, fc.integer({ min: -600, max: 600 }), (start, count) => {
        expect(addMonths(addMonths(start, count), -count)).toBe(start);
      }),
    );
  });

  it('the financial year of a month, read back, covers that month', () => {
    fc.assert(
      fc.property(monthKey, (key) => {
        fc.pre(key >= '1990-04' && key <= '2100-03');
        const period = periodOf(parseUkPeriod(financialYearOf(key), { ambiguousYearPair: 'financial-year' }));
        expect(monthsBetween(period.fromMonth, period.toMonth)).toContain(key);
        expect(monthsBetween(period.fromMonth, period.toMonth)).toHaveLength(12);
      }),
    );
  });

  it('quarters and years cover 3 and 12 consecutive months', () => {
    const labelledPeriod = fc.oneof(
      fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => ({ text: `${y} Q${q}`, months: 3 })),
      fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => ({ text: `Q${q} ${formatFinancialYear(y)}`, months: 3 })),
      fc.integer({ min: 1990, max: 2100 }).map((y) => ({ text: String(y), months: 12 })),
      fc.integer({ min: 1991, max: 2100 }).map((y) => ({ text: `Year ending Jun ${y}`, months: 12 })),
    );
    fc.assert(
      fc.property(labelledPeriod, ({ text, months }) => {
        const period = periodOf(parseUkPeriod(text));
        expect(monthsBetween(period.fromMonth, period.toMonth)).toHaveLength(months);
      }),
    );
  });

  it('never throws, and anything it accepts is a well-formed period inside the accepted years', () => {
    const dateLike = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9QqFfYy/ .:-]{1,14}$/),
      fc.stringMatching(/^(\d{1,4}[/.-]){1,2}\d{1,4}( \d{1,2}:\d{2})?$/),
      fc.stringMatching(/^(Q\d ?)?(FY)?\d{4}[/-]\d{2,4}( ?Q\d)?$/),
      fc.stringMatching(/^\d{0,2} ?(Jan|Feb|Sept?|Dec|June?)[ -]\d{2,4}$/),
    );
    const anyValue = fc.oneof(dateLike, fc.double(), fc.integer(), fc.date(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(anyValue, fc.constantFrom(undefined, 'financial-year' as const, 'month' as const), (value, ambiguousYearPair) => {
        const result = parseUkPeriod(value, { ambiguousYearPair });
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        const { fromMonth, toMonth, day: dayKey, granularity } = result.period;
        expect(isMonthKey(fromMonth) && isMonthKey(toMonth)).toBe(true);
        expect(fromMonth <= toMonth).toBe(true);
        expect(fromMonth >= '1990-01' && toMonth <= '2100-12').toBe(true);
        expect(dayKey === undefined).toBe(granularity !== 'day');
        if (dayKey !== undefined) expect(dayKey.slice(0, 7)).toBe(fromMonth);
      }),
      { numRuns: 2000 },
    );
  });
});
