/**
 * Numbers as the workbench writes them, in British English: a comma between thousands, a point
 * before decimals. One formatter for each way a figure is written, made once and reused.
 */

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', options);
    formats.set(key, format);
  }
  return format;
}

/** '1,234' for counts. The one count format everywhere. */
export function formatCount(value: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(value);
}

/** '+1,428', '-572', '0': a change in a count. */
export function formatSignedCount(value: number): string {
  return numberFormat({ maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value);
}

/** Exactly `decimals` decimals: a rate '10.26', a mean weight '3.0'. */
export function formatDecimal(value: number, decimals: number): string {
  return numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** At most `decimals` decimals, and none that are zero: '30', '2.5', '1,727.55'. */
export function formatUpTo(value: number, decimals: number): string {
  return numberFormat({ maximumFractionDigits: decimals }).format(value);
}

/** A percentage change, signed: '+10.3%', '-3.1%', '0.0%'. */
export function formatSignedPercent(value: number, decimals = 1): string {
  return `${numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'exceptZero' }).format(value)}%`;
}

/** A share from 0 to 1 as a whole percentage: 0.455 → '46%'. */
export function formatShare(share: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(share);
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
