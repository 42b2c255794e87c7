import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geoTransverseMercator } from 'd3-geo';
import { bundledBoundaryAttribution, describeMap, mapChart, transverseMercator, wrapText, type MapChartArea } from '../../../shared/charts/map-chart';
import { sequentialPalettes, withheldColour } from '../../../shared/geo/choropleth';
import { snapPointCaveat } from '../../../shared/geo/hotspots';

const boundariesDirectory = 'resources/boundaries';
const lsoas = JSON.parse(readFileSync(`${boundariesDirectory}/colchester-lsoa-2011.geojson`, 'utf8')) as FeatureCollection;
const codes = lsoas.features.map((feature) => String(feature.properties!.LSOA11CD));
const areas: MapChartArea[] = lsoas.features.map((feature, index) => ({
  code: String(feature.properties!.LSOA11CD),
  name: String(feature.properties!.LSOA11NM),
  value: (index * 37) % 101,
}));
const input = {
  features: lsoas,
  codeProperty: 'LSOA11CD',
  areas,
  title: 'All crime by LSOA, October 2018 to September 2019',
  measure: 'Offences',
  geography: 'LSOA',
  attribution: bundledBoundaryAttribution,
};

/** Every point of a path, absolute: it is written as M x,y then relative moves (l dx,dy dx,dy …) and z. */
function pathPoints(path: string): [number, number][] {
  const points: [number, number][] = [];
  let command = '';
  let x = 0;
  let y = 0;
  for (const match of path.matchAll(/([MLlz])|(-?[\d.]+),(-?[\d.]+)/g)) {
    if (match[1] !== undefined) {
      command = match[1];
      continue;
    }
    const a = Number(match[2]);
    const b = Number(match[3]);
    if (command === 'M') {
      [x, y] = [a, b];
      command = 'l';
    } else if (command === 'l') {
      x += a;
      y += b;
    } else throw new Error(`Unexpected ${command} in ${path.slice(0, 40)}`);
    points.push([x, y]);
  }
  return points;
}

describe('the projection', () => {
  it('is d3-geo’s transverse Mercator on 2° W, to 1e-12', () => {
    const d3 = geoTransverseMercator().rotate([2, 0]).scale(1).translate([0, 0]);
    for (const [longitude, latitude] of [
      [0.9, 51.89],
      [-5.7, 50.06],
      [1.76, 52.48],
      [-3.2, 55.95],
      [-2, 49],
    ] as [number, number][]) {
      const [x, y] = transverseMercator(longitude, latitude);
      const [ex, ey] = d3([longitude, latitude])!;
      expect(Math.abs(x - ex)).toBeLessThan(1e-12);
      expect(Math.abs(y - ey)).toBeLessThan(1e-12);
    }
  });
});

describe('the map specification on Colchester’s 105 LSOAs', () => {
  const spec = mapChart(input, { width: 640, height: 520 });

  it('draws a path for every LSOA, every point inside the frame', () => {
    expect(spec.areas).toHaveLength(105);
    expect(spec.unmatched).toEqual({ areasWithoutBoundary: [], boundariesWithoutArea: [] });
    const { frame } = spec;
    for (const area of spec.areas) {
      expect(area.path).toMatch(/^M[\d.]+,[\d.]+l-?[\d.]+,-?[\d.]+( -?[\d.]+,-?[\d.]+)+z(M|$)/);
      expect(area.collapsed).toBe(false);
      for (const [x, y] of pathPoints(area.path)) {
        expect(x).toBeGreaterThanOrEqual(frame.x);
        expect(x).toBeLessThanOrEqual(frame.x + frame.width);
        expect(y).toBeGreaterThanOrEqual(frame.y);
        expect(y).toBeLessThanOrEqual(frame.y + frame.height);
      }
    }
    // Fitted: the map reaches two opposite sides of the frame (within the snapping step and a pixel).
    const xs = spec.areas.flatMap((area) => [area.bounds!.x0, area.bounds!.x1]);
    const ys = spec.areas.flatMap((area) => [area.bounds!.y0, area.bounds!.y1]);
    const fillsWidth = Math.min(...xs) - frame.x < 2 && frame.x + frame.width - Math.max(...xs) < 2;
    const fillsHeight = Math.min(...ys) - frame.y < 2 && frame.y + frame.height - Math.max(...ys) < 2;
    expect(fillsWidth || fillsHeight).toBe(true);
  });

  it('keeps north up: the northernmost LSOA is drawn above the southernmost', () => {
    const centreY = (code: string) => {
      const bounds = spec.areas.find((area) => area.code === code)!.bounds!;
      return (bounds.y0 + bounds.y1) / 2;
    };
    const latitude = (code: string) => {
      const feature = lsoas.features.find((candidate) => candidate.properties!.LSOA11CD === code)!;
      const ring = feature.geometry.type === 'Polygon' ? (feature.geometry as Polygon).coordinates[0]! : (feature.geometry as { coordinates: number[][][][] }).coordinates[0]![0]!;
      return ring.reduce((sum, position) => sum + position[1]!, 0) / ring.length;
    };
    const byLatitude = [...codes].sort((a, b) => latitude(b) - latitude(a));
    expect(centreY(byLatitude[0]!)).toBeLessThan(centreY(byLatitude.at(-1)!));
  });

  it('fills each area by its class, with a legend entry per class labelled by its range', () => {
    expect(spec.legend.items.map((item) => item.colour)).toEqual(sequentialPalettes[5]);
    expect(spec.legend.items[0]!.label).toMatch(/^0 to \d+$/);
    expect(spec.legend.title.text).toBe('Offences');
    for (const area of spec.areas) {
      expect(area.fill).toBe(sequentialPalettes[5]![area.classIndex]);
      expect(area.label).toBe(`${area.name}: ${area.valueLabel}`);
    }
    expect(spec.hasData).toBe(true);
  });

  it('names the top areas and their figures in the alternative text, and carries the attribution', () => {
    const top = [...areas].sort((a, b) => b.value! - a.value! || (a.name < b.name ? -1 : 1)).slice(0, 5);
    expect(spec.altText).toContain('A map of offences in 105 LSOAs, shaded in 5 classes');
    expect(spec.altText).toContain(`Highest: ${top[0]!.name} (${top[0]!.value})`);
    for (const area of top) expect(spec.altText).toContain(`${area.name} (${area.value})`);
    expect(spec.attribution).toContain('Contains Ordnance Survey, Office of National Statistics, National Records Scotland and LPS Intellectual Property data © Crown copyright and database right [2016]');
    expect(spec.footer.map((line) => line.text).join(' ')).toBe(bundledBoundaryAttribution);
    // Word for word from the bundled boundaries' licence.
    const licence = readFileSync(`${boundariesDirectory}/LICENCE.txt`, 'utf8').replace(/\s+/g, ' ');
    for (const sentence of bundledBoundaryAttribution.split(/(?<=\.) /)) expect(licence).toContain(sentence);
    for (const line of spec.footer) expect(line.y).toBeLessThanOrEqual(spec.height);
  });

  it('shows a withheld figure in grey, never naming it with a figure, and says how many', () => {
    const withheld = areas.map((area, index) => (index < 3 ? { ...area, withheld: true } : area));
    const published = mapChart({ ...input, areas: withheld, notes: [snapPointCaveat] });
    expect(published.areas[0]!.fill).toBe(withheldColour);
    expect(published.areas[0]!.valueLabel).toBe('[c]');
    expect(published.legend.items.at(-1)!.label).toBe('Withheld (small numbers)');
    expect(published.altText).toContain('3 figures are withheld for small numbers.');
    expect(published.altText).not.toContain(`${withheld[0]!.name} (`);
    expect(published.footer[0]!.text).toMatch(/^police\.uk locations are anonymised/);
  });

  it('draws the same map from rings wound the other way (RFC 7946), filled by the even-odd rule', () => {
    const reversed: FeatureCollection = {
      type: 'FeatureCollection',
      features: lsoas.features.map((feature): Feature => {
        const geometry = feature.geometry;
        if (geometry.type === 'Polygon') return { ...feature, geometry: { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => [...ring].reverse()) } };
        if (geometry.type === 'MultiPolygon') return { ...feature, geometry: { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())) } };
        return feature;
      }),
    };
    const again = mapChart({ ...input, features: reversed });
    again.areas.forEach((area, index) => expect(area.bounds).toEqual(spec.areas[index]!.bounds));
    expect(again.fillRule).toBe('evenodd');
  });

  it('snaps points to a coarser lattice for speed, shortening the paths and keeping every area', () => {
    const coarse = mapChart(input, { tolerance: 2 });
    const length = (areasDrawn: { path: string }[]) => areasDrawn.reduce((sum, area) => sum + area.path.length, 0);
    expect(length(coarse.areas)).toBeLessThan(length(spec.areas) * 0.8);
    expect(coarse.areas.every((area) => area.path.length > 0)).toBe(true);
    // A vertex snaps the same way in both areas that share it: shared edges stay shared.
    const pointsOf = (code: string) => new Set(pathPoints(coarse.areas.find((area) => area.code === code)!.path).map((point) => point.join(',')));
    const first = pointsOf(codes[0]!);
    const sharing = coarse.areas.filter((area) => area.code !== codes[0] && [...pointsOf(area.code)].some((point) => first.has(point)));
    expect(sharing.length).toBeGreaterThan(0);
  });

  it('lists areas without a boundary, and describes a map of change by its rises and falls', () => {
    const extra = mapChart({ ...input, areas: [...areas, { code: 'E01999999', name: 'Elsewhere', value: 3 }] });
    expect(extra.unmatched.areasWithoutBoundary).toEqual(['E01999999']);
    expect(extra.areas.at(-1)!.path).toBe('');
    const change = describeMap(
      {
        ...input,
        areas: [
          { code: 'a', name: 'A', value: -12 },
          { code: 'b', name: 'B', value: 30 },
          { code: 'c', name: 'C', value: 4 },
        ],
        measure: 'Change in offences',
      },
      { classes: [{ label: 'x', colour: '#000' }], assignments: [0, 0, 0] },
    );
    expect(change).toContain('Largest rises: B (30) and C (4).');
    expect(change).toContain('Largest falls: A (−12).');
  });

  it('reuses the projected boundaries when only the figures change, and not when the frame does', () => {
    const features = lsoas.features;
    const first = mapChart({ ...input, features });
    const reclassed = mapChart({ ...input, features, areas: areas.map((area) => ({ ...area, value: 100 - area.value! })) }, { geometry: first.geometry });
    expect(reclassed.geometry).toBe(first.geometry);
    expect(reclassed.areas[0]!.path).toBe(first.areas[0]!.path);
    expect(reclassed.areas[0]!.fill).not.toBe(first.areas[0]!.fill);
    const wider = mapChart({ ...input, features }, { geometry: first.geometry, width: 800 });
    expect(wider.geometry).not.toBe(first.geometry);
  });

  it('wraps text by the measure', () => {
    expect(wrapText('one two three four', 9, (line) => line.length)).toEqual(['one two', 'three', 'four']);
  });
});
