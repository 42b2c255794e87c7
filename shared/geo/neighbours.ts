import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Which areas neighbour which, for Gi* on areas (getis-ord.ts `giStar`). Two ways, as spdep
 * offers them to sfhotspot users:
 *
 * - queen contiguity (spdep::poly2nb with queen = TRUE): two areas are neighbours when their
 *   boundaries share at least one point. Boundaries published together (the ONS's LSOAs, wards)
 *   share their vertices exactly where they meet, so shared vertices are found by their
 *   co-ordinates, rounded to `tolerance` (by default 1e-7 degrees, about 1 cm), which also
 *   absorbs the last-digit differences of a file written out by another tool. An area whose
 *   corner touches another's edge between two of its vertices is not found: a boundary file
 *   drawn that way needs the distance band instead;
 * - a distance band (spdep::dnearneigh): areas whose centres (for example population-weighted
 *   centroids, in projected metres) are within the distance.
 *
 * Lists hold indexes into the areas as given, never the area itself (giStar adds it).
 */

export type Neighbours = number[][];

/** Queen contiguity between features (Polygon or MultiPolygon; others have no neighbours). */
export function queenNeighbours(features: FeatureCollection | readonly Feature[], tolerance = 1e-7): Neighbours {
  const list = Array.isArray(features) ? (features as readonly Feature[]) : (features as FeatureCollection).features;
  if (!(tolerance > 0)) throw new RangeError(`A tolerance must be above 0, not ${tolerance}.`);
  // Vertex → the areas having it. A vertex shared by many areas is rare (a handful meet at a
  // point), so the lists stay short.
  const byVertex = new Map<string, number[]>();
  list.forEach((feature, area) => {
    for (const ring of ringsOf(feature.geometry)) {
      for (const position of ring) {
        const key = `${Math.round(position[0]! / tolerance)},${Math.round(position[1]! / tolerance)}`;
        const areas = byVertex.get(key);
        if (areas === undefined) byVertex.set(key, [area]);
        else if (areas[areas.length - 1] !== area) areas.push(area);
      }
    }
  });
  const sets = list.map(() => new Set<number>());
  for (const areas of byVertex.values()) {
    if (areas.length < 2) continue;
    for (const a of areas) for (const b of areas) if (a !== b) sets[a]!.add(b);
  }
  return sets.map((set) => [...set].sort((a, b) => a - b));
}

/**
 * Areas whose points (x[i], y[i], in metres) are within `distance` of each other: found
 * through square buckets of that side, so 35,000 LSOAs take milliseconds rather than the
 * 600 million comparisons of every pair.
 */
export function distanceBandNeighbours(x: ArrayLike<number>, y: ArrayLike<number>, distance: number): Neighbours {
  if (x.length !== y.length) throw new RangeError('Each area needs an x and a y.');
  if (!(distance > 0) || !Number.isFinite(distance)) throw new RangeError(`A distance band must be above 0, not ${distance}.`);
  const buckets = new Map<string, number[]>();
  const keyOf = (i: number, j: number) => `${i},${j}`;
  for (let area = 0; area < x.length; area += 1) {
    const key = keyOf(Math.floor(x[area]! / distance), Math.floor(y[area]! / distance));
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [area]);
    else bucket.push(area);
  }
  const limit = distance * distance;
  const result: Neighbours = [];
  for (let area = 0; area < x.length; area += 1) {
    const i = Math.floor(x[area]! / distance);
    const j = Math.floor(y[area]! / distance);
    const found: number[] = [];
    for (let dj = -1; dj <= 1; dj += 1) {
      for (let di = -1; di <= 1; di += 1) {
        for (const other of buckets.get(keyOf(i + di, j + dj)) ?? []) {
          if (other === area) continue;
          const ex = x[other]! - x[area]!;
          const ey = y[other]! - y[area]!;
          if (ex * ex + ey * ey <= limit) found.push(other);
        }
      }
    }
    result.push(found.sort((a, b) => a - b));
  }
  return result;
}

function ringsOf(geometry: Geometry | null): Position[][] {
  if (geometry === null) return [];
  switch (geometry.type) {
    case 'Polygon':
      return (geometry as Polygon).coordinates;
    case 'MultiPolygon':
      return (geometry as MultiPolygon).coordinates.flat();
    default:
      return [];
  }
}
