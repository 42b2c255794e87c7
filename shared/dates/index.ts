/**
 * UK date and period parsing for imported spreadsheets: pure, explicit, and never a silent
 * guess. A value is either a period with the months it covers, or a reason an analyst can act on.
 */
export type { ParsedPeriod, PeriodGranularity, PeriodParseResult } from './period';
export { parseFinancialYearQuarter, parseUkPeriod, type ParseUkPeriodOptions } from './parse-uk-period';
export { addMonths, financialYearOf, formatFinancialYear, formatMonthLong, isMonthKey, monthCount, monthsBetween } from './months';
export { excelSerialToDate, readExcelSerial, type ExcelSerialReading } from './excel-serial';
export { earliestAcceptedYear, expandTwoDigitYear, latestAcceptedYear, type CalendarDay } from './calendar';
export { isRealIsoDay, parseUkDay, type DayParseResult } from './day';
