import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceBandNeighbours, queenNeighbours } from '../../../shared/geo/neighbours';

const square = (x: number, y: number): Feature => ({
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x, y + 1],
        [x + 1, y + 1],
        [x + 1, y],
        [x, y],
      ],
    ],
  },
});

describe('neighbours of areas', () => {
  it('finds queen contiguity: a shared edge or a shared corner', () => {
    // A 3 × 2 block of unit squares, and one square apart.
    const features = [square(0, 0), square(1, 0), square(2, 0), square(0, 1), square(1, 1), square(2, 1), square(10, 10)];
    expect(queenNeighbours(features)).toEqual([[1, 3, 4], [0, 2, 3, 4, 5], [1, 4, 5], [0, 1, 4], [0, 1, 2, 3, 5], [1, 2, 4], []]);
  });

  it('finds every Colchester LSOA a neighbour, symmetrically', () => {
    const collection = JSON.parse(readFileSync('resources/boundaries/colchester-lsoa-2011.geojson', 'utf8')) as FeatureCollection;
    const neighbours = queenNeighbours(collection);
    expect(neighbours).toHaveLength(105);
    neighbours.forEach((list, area) => {
      expect(list.length).toBeGreaterThan(0);
      for (const other of list) expect(neighbours[other]).toContain(area);
    });
  });

  it('finds areas within a distance band of each other', () => {
    const x = [0, 900, 2000, 2500, 10_000];
    const y = [0, 0, 0, 400, 0];
    expect(distanceBandNeighbours(x, y, 1000)).toEqual([[1], [0], [3], [2], []]);
    expect(distanceBandNeighbours(x, y, 2100)).toEqual([[1, 2], [0, 2, 3], [0, 1, 3], [1, 2], []]);
  });
});
