/** How the workbench writes numbers, dates and lists: pure, for the screens and the exports alike. */
export {
  formatBytes,
  formatCount,
  formatDecimal,
  formatDuration,
  formatOrdinal,
  formatPrintedCount,
  formatPrintedFigure,
  formatShare,
  formatSignedCount,
  formatSignedPercent,
  formatSignedUpTo,
  formatUpTo,
  withTrueMinus,
} from './numbers';
export { formatDateTime, formatLongDate, formatShortDate, formatUkDate, formatUkDateTime, formatYearMonth } from './dates';
export { formatList } from './lists';
export { typographicQuotes } from './typography';
