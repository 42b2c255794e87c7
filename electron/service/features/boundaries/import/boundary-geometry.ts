import type { AreaGeometry, BoundingBox, SourceCrs } from '../../../../../shared/domain/boundaries';
import { britishNationalGridToLonLat, isOnTheNationalGrid } from '../../../../../shared/geo/british-national-grid';

/**
 * One area's geometry made into what the workspace keeps: a GeoJSON Polygon or MultiPolygon
 * in WGS84 longitude/latitude, coordinates rounded to 6 decimals (about 0.1 m, far finer than
 * any boundary file's own accuracy), repeated points dropped, rings closed, and wound by RFC
 * 7946's right-hand rule (exterior rings counter-clockwise, holes clockwise): shapefiles wind
 * the other way, and files converted from them often keep it.
 */

export type GeometryProblem =
  | { kind: 'missing' }
  | { kind: 'not-polygons'; type: string }
  | { kind: 'malformed' }
  | { kind: 'not-longitude-latitude'; example: [number, number] }
  | { kind: 'off-the-grid'; example: [number, number] }
  | { kind: 'no-area' };

export class GeometryError extends Error {
  constructor(readonly problem: GeometryProblem) {
    super(problem.kind);
  }
}

export interface NormalisedGeometry {
  geometry: AreaGeometry;
  bbox: BoundingBox;
  points: number;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

type Position = [number, number];

function toPosition(raw: unknown, crs: SourceCrs): Position {
  if (!Array.isArray(raw) || raw.length < 2) throw new GeometryError({ kind: 'malformed' });
  const [x, y] = raw as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) throw new GeometryError({ kind: 'malformed' });
  if (crs === 'EPSG:27700') {
    if (!isOnTheNationalGrid(x, y)) throw new GeometryError({ kind: 'off-the-grid', example: [x, y] });
    const [longitude, latitude] = britishNationalGridToLonLat(x, y);
    return [round6(longitude), round6(latitude)];
  }
  if (Math.abs(x) > 180 || Math.abs(y) > 90) throw new GeometryError({ kind: 'not-longitude-latitude', example: [x, y] });
  return [round6(x), round6(y)];
}

/** Twice the ring's signed area in the plane of longitude and latitude: positive when counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [x1, y1] = ring[index]!;
    const [x2, y2] = ring[index + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** A ring rounded, without repeats, closed, wound as asked; null when nothing of it is left (fewer than three distinct points). */
function normaliseRing(raw: unknown, crs: SourceCrs, exterior: boolean): Position[] | null {
  if (!Array.isArray(raw)) throw new GeometryError({ kind: 'malformed' });
  const ring: Position[] = [];
  for (const point of raw) {
    const position = toPosition(point, crs);
    const last = ring.at(-1);
    if (!last || last[0] !== position[0] || last[1] !== position[1]) ring.push(position);
  }
  const first = ring[0];
  const last = ring.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  if (ring.length < 4) return null;
  const area = signedArea(ring);
  if (area === 0) return null;
  return (area > 0) === exterior ? ring : ring.reverse();
}

function normalisePolygon(raw: unknown, crs: SourceCrs): Position[][] | null {
  if (!Array.isArray(raw) || raw.length === 0) throw new GeometryError({ kind: 'malformed' });
  const exterior = normaliseRing(raw[0], crs, true);
  if (!exterior) return null;
  const holes = raw.slice(1).flatMap((ring) => {
    const hole = normaliseRing(ring, crs, false);
    return hole ? [hole] : [];
  });
  return [exterior, ...holes];
}

export function normaliseGeometry(raw: unknown, crs: SourceCrs): NormalisedGeometry {
  if (raw === null || raw === undefined) throw new GeometryError({ kind: 'missing' });
  const candidate = raw as { type?: unknown; coordinates?: unknown };
  let polygons: Position[][][];
  if (candidate.type === 'Polygon') {
    const polygon = normalisePolygon(candidate.coordinates, crs);
    polygons = polygon ? [polygon] : [];
  } else if (candidate.type === 'MultiPolygon') {
    if (!Array.isArray(candidate.coordinates)) throw new GeometryError({ kind: 'malformed' });
    polygons = candidate.coordinates.flatMap((part) => {
      const polygon = normalisePolygon(part, crs);
      return polygon ? [polygon] : [];
    });
  } else {
    throw new GeometryError({ kind: 'not-polygons', type: typeof candidate.type === 'string' ? candidate.type : 'unknown' });
  }
  if (polygons.length === 0) throw new GeometryError({ kind: 'no-area' });
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  let points = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      points += ring.length;
      for (const [x, y] of ring) {
        if (x < west) west = x;
        if (x > east) east = x;
        if (y < south) south = y;
        if (y > north) north = y;
      }
    }
  }
  const geometry: AreaGeometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, bbox: [west, south, east, north], points };
}
