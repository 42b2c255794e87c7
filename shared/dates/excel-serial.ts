import { type CalendarDay } from './calendar';

/**
 * Excel's 1900 date system numbers days from 1 (1 January 1900). To stay compatible with
 * Lotus 1-2-3 it also counts 1900 as a leap year, so serial 60 is 29 February 1900, a day that
 * never existed, and every serial from 61 onwards is one more than the true count of days
 * (Microsoft: "Excel incorrectly assumes that the year 1900 is a leap year").
 *
 * Workbooks saved in the 1904 date system (old Mac Excel) number days from 1904 instead; the
 * serial alone cannot show which system wrote it, so the importer must not send those here.
 */
export type ExcelSerialReading =
  | { kind: 'day'; day: CalendarDay }
  /** Below 1: Excel shows 0 as the impossible "00/01/1900" and has no negative dates. */
  | { kind: 'before-first-serial' }
  /** Serial 60, the fictitious 29 February 1900. */
  | { kind: 'lotus-leap-day' }
  /** Beyond 31 December 9999, the last date Excel can hold. */
  | { kind: 'after-last-serial' };

/** Serial 2958465 is 31 December 9999. */
export const lastExcelSerial = 2958465;

const millisecondsPerDay = 86_400_000;
/** Serials 1 to 59 count from 31 December 1899; from 61 the Lotus day shifts the origin back one. */
const originBeforeLotusDay = Date.UTC(1899, 11, 31);
const originAfterLotusDay = Date.UTC(1899, 11, 30);
const lotusLeapDaySerial = 60;

/** The calendar day an Excel serial number stands for. The fraction (time of day) is ignored. */
export function readExcelSerial(serial: number): ExcelSerialReading {
  const wholeDays = Math.floor(serial);
  if (!(wholeDays >= 1)) return { kind: 'before-first-serial' };
  if (wholeDays === lotusLeapDaySerial) return { kind: 'lotus-leap-day' };
  if (wholeDays > lastExcelSerial) return { kind: 'after-last-serial' };
  const origin = wholeDays < lotusLeapDaySerial ? originBeforeLotusDay : originAfterLotusDay;
  const date = new Date(origin + wholeDays * millisecondsPerDay);
  return {
    kind: 'day',
    day: { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
  };
}

/** Days from Excel's 1900 epoch (as the Lotus day leaves it) to 1 January 1970, and the 1904 system's offset. */
const unixEpochSerial = 25569;
const date1904Offset = 1462;

/**
 * An Excel serial as the instant a workbook cell means, to the millisecond, in either date
 * system, as Excel shows it: for reading cell values, where readExcelSerial reads a day.
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - unixEpochSerial + (date1904 ? date1904Offset : 0)) * millisecondsPerDay));
}
