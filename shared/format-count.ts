const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** '1,234' for counts: British English puts a comma between thousands. The one count format everywhere. */
export function formatCount(value: number): string {
  return wholeNumber.format(value);
}
