/**
 * Numbers as the workbench writes them, in British English: a comma between thousands, a point
 * before decimals. One formatter for each way a figure is written, made once and reused.
 */

const formats = new Map<string, Intl.NumberFormat>();

/**
 * The formatter for one way of writing, made on first use. Keyed by a short name of the way
 * (`'upTo:2'`), not by serialising the options: scoring writes a working line for every factor
 * of every type on each weight edit, so the lookup is on a hot path.
 */
function numberFormat(key: string, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', options());
    formats.set(key, format);
  }
  return format;
}

/** '1,234' for counts. The one count format everywhere. */
export function formatCount(value: number): string {
  return numberFormat('count', () => ({ maximumFractionDigits: 0 })).format(value);
}

/** '+1,428', '-572', '0': a change in a count. */
export function formatSignedCount(value: number): string {
  return formatSignedUpTo(value, 0);
}

/** At most `decimals` decimals, signed unless zero: '+12.5', '-3', '0'. */
export function formatSignedUpTo(value: number, decimals: number): string {
  return numberFormat(`signedUpTo:${decimals}`, () => ({ maximumFractionDigits: decimals, signDisplay: 'exceptZero' })).format(value);
}

/** Exactly `decimals` decimals: a rate '10.26', a mean weight '3.0'. */
export function formatDecimal(value: number, decimals: number): string {
  return numberFormat(`fixed:${decimals}`, () => ({ minimumFractionDigits: decimals, maximumFractionDigits: decimals })).format(value);
}

/** At most `decimals` decimals, and none that are zero: '30', '2.5', '1,727.55'. */
export function formatUpTo(value: number, decimals: number): string {
  return numberFormat(`upTo:${decimals}`, () => ({ maximumFractionDigits: decimals })).format(value);
}

/** A percentage change, signed: '+10.3%', '-3.1%', '0.0%'. */
export function formatSignedPercent(value: number, decimals = 1): string {
  return `${numberFormat(`signedFixed:${decimals}`, () => ({ minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'exceptZero' })).format(value)}%`;
}

/** A share from 0 to 1 as a whole percentage: 0.455 → '46%'. */
export function formatShare(share: number): string {
  return numberFormat('share', () => ({ style: 'percent', maximumFractionDigits: 0 })).format(share);
}

/** Bytes as an analyst reads them: '812 bytes', '12 KB', '3.4 MB'. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatUpTo(value, 1)} ${units[unit]}`;
}

/** Seconds as an analyst reads them: '40 seconds', '3 minutes'. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} seconds`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * A figure as a printed document sets it, with a true minus sign (U+2212) rather than a hyphen,
 * as GOV.UK's style asks: '−574'.
 */
export function withTrueMinus(text: string): string {
  return text.replace('-', '\u2212');
}

/** A count in a printed document: '1,428', '−574'. */
export function formatPrintedCount(value: number): string {
  return withTrueMinus(formatCount(value));
}

/** A figure in a printed document, to at most two decimals: '10.26', '−0.5'. */
export function formatPrintedFigure(value: number): string {
  return withTrueMinus(formatUpTo(value, 2));
}

/** 1 → '1st', 12 → '12th', 23 → '23rd'. */
export function formatOrdinal(rank: number): string {
  const lastTwo = rank % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${rank}th`;
  return `${rank}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th'}`;
}
