/** How the workbench writes numbers and dates: pure, for the screens and the exports alike. */
export { formatBytes, formatCount, formatDecimal, formatDuration, formatShare, formatSignedCount, formatSignedPercent, formatUpTo } from './numbers';
export { formatDateTime, formatLongDate, formatShortDate, formatYearMonth } from './dates';
