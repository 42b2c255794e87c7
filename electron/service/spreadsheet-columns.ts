/** A spreadsheet column's letters, as Excel names it: 1 → A, 27 → AA, 1,001 → ALM. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
