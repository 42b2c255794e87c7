import { describe, expect, it } from 'vitest';
import { britishNationalGridToLonLat, lonLatArraysToBritishNationalGrid, lonLatToBritishNationalGrid } from '../../../shared/geo/british-national-grid';

describe('longitude and latitude to the British National Grid', () => {
  it('puts Colchester town centre in grid square TL 99 25', () => {
    // Colchester's High Street, about 51.889° N, 0.900° E, is in the 1 km square TL 99 25 (E 599,000–600,000, N 225,000–226,000).
    const [easting, northing] = lonLatToBritishNationalGrid(0.9003, 51.8892);
    expect(easting).toBeGreaterThan(599_000);
    expect(easting).toBeLessThan(600_000);
    expect(northing).toBeGreaterThan(225_000);
    expect(northing).toBeLessThan(226_000);
  });

  it('puts the true origin (49° N, 2° W on OSGB36) within the datum shift of 400,000, −100,000', () => {
    const [easting, northing] = lonLatToBritishNationalGrid(-2, 49);
    expect(Math.abs(easting - 400_000)).toBeLessThan(150);
    expect(Math.abs(northing + 100_000)).toBeLessThan(150);
  });

  it('goes there and back', () => {
    const [easting, northing] = lonLatToBritishNationalGrid(0.5, 52.1);
    const [longitude, latitude] = britishNationalGridToLonLat(easting, northing);
    // proj4 iterates the datum shift back to about a millimetre (1e-8 degrees).
    expect(longitude).toBeCloseTo(0.5, 6);
    expect(latitude).toBeCloseTo(52.1, 6);
  });

  it('converts arrays, leaving a point with no location as NaN', () => {
    const { x, y } = lonLatArraysToBritishNationalGrid([0.9003, Number.NaN], [51.8892, 51.9]);
    expect(x[0]).toBeCloseTo(lonLatToBritishNationalGrid(0.9003, 51.8892)[0], 9);
    expect(Number.isNaN(x[1]!)).toBe(true);
    expect(Number.isNaN(y[1]!)).toBe(true);
  });
});
