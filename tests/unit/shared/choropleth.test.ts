import { jenks } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { classifyValues, classLabel, divergingPalettes, hotspotClasses, sequentialPalettes, splitIntoClasses } from '../../../shared/geo/choropleth';

describe('class breaks', () => {
  it('splits into quantiles, ties kept in one class', () => {
    expect(splitIntoClasses([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5, 'quantile')).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(splitIntoClasses([1, 2, 2, 2, 2, 3, 4, 5], 4, 'quantile')).toEqual([[1, 2, 2, 2, 2], [3], [4], [5]]);
  });

  it('finds natural breaks (Jenks’s objective, exactly, by ckmeans)', () => {
    expect(splitIntoClasses([1, 2, 4, 5, 7, 9, 10, 20], 3, 'natural breaks')).toEqual([[1, 2, 4, 5], [7, 9, 10], [20]]);
    // The same classes as Jenks's algorithm: simple-statistics' jenks returns each class's lowest value, then the maximum.
    const values = [0, 1, 2, 10, 11, 12, 30, 31, 33, 60];
    const classes = splitIntoClasses(values, 4, 'natural breaks');
    expect(classes.map((group) => group[0])).toEqual(jenks(values, 4)!.slice(0, 4));
    expect(classes.map((group) => group[0])).toEqual([0, 10, 30, 60]);
  });

  it('gives no more classes than distinct values', () => {
    expect(splitIntoClasses([3, 3, 3], 5, 'natural breaks')).toEqual([[3, 3, 3]]);
    expect(splitIntoClasses([], 5, 'quantile')).toEqual([]);
  });
});

describe('classified values, colours and legend labels', () => {
  it('labels each class by the lowest and highest value in it, and assigns every value', () => {
    const classification = classifyValues([12, 3, null, 7, 25, 40, 3, 18], { classes: 3 });
    // Sorted: 3, 3, 7, 12, 18, 25, 40; the first third ends at the 2nd value (round(7 ÷ 3)), the second at the 5th.
    expect(classification.classes.map((entry) => entry.label)).toEqual(['3', '7 to 18', '25 to 40']);
    expect(classification.classes.map((entry) => entry.colour)).toEqual(sequentialPalettes[3]);
    expect(classification.assignments).toEqual([1, 0, -1, 1, 2, 2, 0, 1]);
    expect(classification.classes.map((entry) => entry.count)).toEqual([2, 3, 2]);
  });

  it('writes rates with a decimal and a true minus sign', () => {
    expect(classifyValues([0.25, 1.5, 2.75]).decimals).toBe(1);
    expect(classLabel(-3.5, -1.25, 1)).toBe('−3.5 to −1.3');
    expect(classLabel(1200, 1200, 0)).toBe('1,200');
  });

  it('diverges around no change: blue falls, a near-white middle for none, red rises', () => {
    const classification = classifyValues([-40, -12, -3, 0, 0, 4, 9, 22, 35], { scheme: 'diverging', classes: 2 });
    expect(classification.classes.map((entry) => entry.label)).toEqual(['−40 to −12', '−3', '0', '4 to 9', '22 to 35']);
    expect(classification.classes.map((entry) => entry.colour)).toEqual(divergingPalettes[5]);
    // With rises only, the rises keep their reds and no blue appears.
    const rises = classifyValues([2, 5, 9], { scheme: 'diverging', classes: 2 });
    expect(rises.classes.every((entry) => ['#f4a582', '#ca0020'].includes(entry.colour))).toBe(true);
  });

  it('refuses more classes than the palettes hold', () => {
    expect(() => classifyValues([1, 2], { classes: 8 })).toThrow(/1 to 7 classes/);
  });

  it('classes hotspots as hot, cold and neither', () => {
    const classes = hotspotClasses(Int8Array.from([1, 0, -1, 1]));
    expect(classes.classes.map((entry) => entry.label)).toEqual(['Hotspot', 'Coldspot', 'Neither']);
    expect(classes.assignments).toEqual([0, 2, 1, 0]);
  });
});
