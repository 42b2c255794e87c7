import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { britishNationalGridToLonLat, isOnTheNationalGrid, nationalGridProjection, osgb36ToWgs84Helmert } from '../../../shared/geo/british-national-grid';

/**
 * The reprojection the shapefile import uses, checked against Ordnance Survey's "A guide to
 * coordinate systems in Great Britain":
 *
 * - the projection against the guide's worked example of the Transverse Mercator formulae
 *   (annex C): E 651409.903 m, N 313177.270 m is OSGB36 latitude 52°39′27.2531″N, longitude
 *   1°43′4.5177″E;
 * - the datum shift against the guide's own Helmert transformation (its equation (3), with
 *   its geodetic↔Cartesian conversions), computed here by hand, so that proj4's reading of
 *   the seven parameters (units, signs, position-vector convention) is checked rather than
 *   trusted. A wrong sign of one rotation moves the point by metres.
 *
 * The Helmert transformation itself is within 3.5 m (95%) of OSTN15, OS's definitive one, as
 * OS states; that is the transformation's accuracy, not the code's.
 */

const seconds = (degrees: number, minutes: number, secs: number) => degrees + minutes / 60 + secs / 3600;
const example = { easting: 651409.903, northing: 313177.27, latitude: seconds(52, 39, 27.2531), longitude: seconds(1, 43, 4.5177) };

const airy = { a: 6377563.396, b: 6356256.909 };
const wgs84 = { a: 6378137, b: 6356752.3142 };
const rad = Math.PI / 180;

function toCartesian(latitude: number, longitude: number, height: number, { a, b }: { a: number; b: number }): [number, number, number] {
  const e2 = (a * a - b * b) / (a * a);
  const phi = latitude * rad;
  const lambda = longitude * rad;
  const nu = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return [(nu + height) * Math.cos(phi) * Math.cos(lambda), (nu + height) * Math.cos(phi) * Math.sin(lambda), ((1 - e2) * nu + height) * Math.sin(phi)];
}

function toGeodetic([x, y, z]: [number, number, number], { a, b }: { a: number; b: number }): [latitude: number, longitude: number] {
  const e2 = (a * a - b * b) / (a * a);
  const p = Math.hypot(x, y);
  let phi = Math.atan2(z, p * (1 - e2));
  for (let step = 0; step < 10; step++) {
    const nu = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    phi = Math.atan2(z + e2 * nu * Math.sin(phi), p);
  }
  return [phi / rad, Math.atan2(y, x) / rad];
}

/** The guide's equation (3): translation, then scale and small rotations (seconds of arc), position-vector sense. */
function helmert([x, y, z]: [number, number, number], [tx, ty, tz, rxSec, rySec, rzSec, sPpm]: readonly number[]): [number, number, number] {
  const [rx, ry, rz] = [rxSec!, rySec!, rzSec!].map((value) => (value / 3600) * rad) as [number, number, number];
  const s = 1 + sPpm! * 1e-6;
  return [tx! + s * (x - rz * y + ry * z), ty! + s * (rz * x + y - rx * z), tz! + s * (-ry * x + rx * y + z)];
}

function metresBetween(latitude1: number, longitude1: number, latitude2: number, longitude2: number): number {
  const x = (longitude2 - longitude1) * rad * Math.cos(((latitude1 + latitude2) / 2) * rad);
  return Math.hypot(x, (latitude2 - latitude1) * rad) * 6_371_008.8;
}

describe('British National Grid to WGS84', () => {
  it('projects as the OS guide’s worked example: to the millimetre, both ways', () => {
    const grid = proj4('+proj=longlat +ellps=airy +no_defs', nationalGridProjection);
    const [easting, northing] = grid.forward([example.longitude, example.latitude]) as [number, number];
    expect(Math.abs(easting - example.easting)).toBeLessThan(0.001);
    expect(Math.abs(northing - example.northing)).toBeLessThan(0.001);
    const [longitude, latitude] = grid.inverse([example.easting, example.northing]) as [number, number];
    expect(metresBetween(latitude, longitude, example.latitude, example.longitude)).toBeLessThan(0.001);
  });

  it('shifts OSGB36 to WGS84 as the OS guide’s Helmert transformation does, to within a centimetre', () => {
    const shifted = toGeodetic(helmert(toCartesian(example.latitude, example.longitude, 0, airy), osgb36ToWgs84Helmert), wgs84);
    const [longitude, latitude] = britishNationalGridToLonLat(example.easting, example.northing);
    expect(metresBetween(latitude, longitude, shifted[0], shifted[1])).toBeLessThan(0.01);
    // The shift itself is about a hundred metres here, mostly westward in longitude: the
    // parameters are applied, not skipped.
    expect(metresBetween(latitude, longitude, example.latitude, example.longitude)).toBeGreaterThan(80);
    expect(longitude).toBeLessThan(example.longitude);
    // The parameters are OS's WGS84→OSGB36 ones with every sign reversed.
    expect(osgb36ToWgs84Helmert).toEqual([446.448, -125.157, 542.06, 0.1502, 0.247, 0.8421, -20.4894]);
  });

  it('knows the National Grid’s extent', () => {
    expect(isOnTheNationalGrid(598_000, 224_000)).toBe(true);
    expect(isOnTheNationalGrid(0.9, 51.8)).toBe(true);
    expect(isOnTheNationalGrid(5_000_000, 224_000)).toBe(false);
    expect(isOnTheNationalGrid(400_000, 2_000_000)).toBe(false);
  });
});
