import { describe, expect, it } from 'vitest';
import { heatFills, heatLevel, riskGrid } from '../../../shared/charts/risk-grid';
import { morileStyleTemplate } from '../../../shared/matrix';

/** WCAG relative luminance and contrast, to check the fills against the dark text. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

describe('the impact × likelihood grid specification', () => {
  const bands = morileStyleTemplate().scoreBands;
  const entries = [
    { key: 'a', label: 'Violence with injury', rank: 1, impact: 5, likelihood: 4 },
    { key: 'b', label: 'Sexual offences', rank: 2, impact: 5, likelihood: 4 },
    { key: 'c', label: 'Bicycle theft', rank: 19, impact: 2, likelihood: 2 },
  ];
  const spec = riskGrid(entries, 5, bands, { width: 564, height: 560 });

  it('lays out 5 × 5 cells, highest impact on top, likelihood rising to the right', () => {
    expect(spec.cells).toHaveLength(25);
    // Plot 64…552 wide and 12…512 high: cells 97.6 × 100.
    expect(spec.cells[0]).toMatchObject({ impact: 5, likelihood: 1, x: 64, y: 12, product: 5, band: 'green' });
    expect(spec.cells[24]).toMatchObject({ impact: 1, likelihood: 5, y: 412, product: 5 });
    expect(spec.cells[24]!.x).toBeCloseTo(64 + 4 * 97.6, 9);
    expect(spec.cells[24]!.width).toBeCloseTo(97.6, 9);
  });

  it('places every type in the cell of its scores, highest ranked first, and bands the product', () => {
    const placed = spec.cells.flatMap((cell) => cell.entries.map((entry) => [entry.label, cell.impact, cell.likelihood, cell.product, cell.band]));
    expect(placed).toEqual([
      ['Violence with injury', 5, 4, 20, 'red'],
      ['Sexual offences', 5, 4, 20, 'red'],
      ['Bicycle theft', 2, 2, 4, 'green'],
    ]);
    // Amber from 8: 2 × 4 and 4 × 2 are amber, 3 × 2 is green.
    const band = (impact: number, likelihood: number) => spec.cells.find((cell) => cell.impact === impact && cell.likelihood === likelihood)!.band;
    expect([band(2, 4), band(4, 2), band(3, 2), band(3, 5)]).toEqual(['amber', 'amber', 'green', 'red']);
    expect(spec.legend.map((entry) => `${entry.label} ${entry.range}`)).toEqual(['green 1–7', 'amber 8–14', 'red 15–25']);
    expect(spec.description).toEqual([
      'Impact 5 × likelihood 4 = 20 (red): Violence with injury, Sexual offences.',
      'Impact 2 × likelihood 2 = 4 (green): Bicycle theft.',
    ]);
  });

  it('keeps dark text legible on every fill (AA 4.5:1, and better)', () => {
    for (const cell of spec.cells) expect(contrast(cell.fill, cell.text)).toBeGreaterThanOrEqual(4.5);
    for (const fill of heatFills) expect(contrast(fill, '#1b1d1f')).toBeGreaterThanOrEqual(7);
  });

  it('shades a 1–5 score in five steps and a 1–4 score across the same range', () => {
    expect([1, 2, 3, 4, 5].map((score) => heatLevel(score, 5))).toEqual([1, 2, 3, 4, 5]);
    // (score − 1) ÷ 3 × 4 + 1, rounded: 1, 2.33, 3.67, 5.
    expect([1, 2, 3, 4].map((score) => heatLevel(score, 4))).toEqual([1, 2, 4, 5]);
  });
});
