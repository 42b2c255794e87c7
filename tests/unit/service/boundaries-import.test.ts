import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { AreaGeometry, BoundaryImportSettings, BoundarySetView } from '../../../shared/domain/boundaries';
import { shapefileEntries, toBritishNationalGrid } from '../../fixtures/builders/write-shapefile';
import { writeZip } from '../../fixtures/builders/write-zip';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

const bundled = (name: string) => join(__dirname, '../../../resources/boundaries', name);
const lsoaGeoJson = bundled('colchester-lsoa-2011.geojson');
const lsoaTopoJson = bundled('colchester-lsoa-2011.topojson');
const wardGeoJson = bundled('colchester-wards-2013.geojson');
const wardTopoJson = bundled('colchester-wards-2013.topojson');

interface SourceFeature {
  properties: Record<string, string>;
  geometry: AreaGeometry;
}
const featuresOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { features: SourceFeature[] }).features;
const codesOf = (path: string, field: string) => featuresOf(path).map((feature) => feature.properties[field]!);

/** Every position of a geometry, ring by ring. */
const positionsOf = (geometry: AreaGeometry): number[][] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);

/** Metres between two longitude/latitude points, on a sphere of the Earth's mean radius: ample at a metre. */
function metresBetween([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const x = (lon2! - lon1!) * rad * Math.cos(((lat1! + lat2!) / 2) * rad);
  const y = (lat2! - lat1!) * rad;
  return Math.hypot(x, y) * 6_371_008.8;
}

const signedArea = (ring: number[][]) => ring.reduce((sum, [x1, y1], index) => {
  const [x2, y2] = ring[(index + 1) % ring.length]!;
  return sum + x1! * y2! - x2! * y1!;
}, 0);

describe('boundaries', () => {
  const tempDir = useTempDir();
  let dir: string;
  let workbench: TestWorkbench;
  let sequence = 0;

  beforeEach(async () => {
    dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create();
  });
  afterEach(() => workbench.dispose());

  async function stage(path: string) {
    return valueOf(await workbench.call('boundaries/stage', { path }));
  }

  async function importFile(path: string, settings: Partial<Omit<BoundaryImportSettings, 'token' | 'operationId'>> = {}) {
    const staged = await stage(path);
    return workbench.call('boundaries/import', {
      codeField: staged.preview.suggestedCodeField ?? '',
      nameField: staged.preview.suggestedNameField ?? '',
      level: staged.preview.suggestedLevel,
      ...settings,
      token: staged.token,
      operationId: `boundaries-${String(++sequence).padStart(4, '0')}`,
    });
  }

  const show = async (id: number): Promise<BoundarySetView> => valueOf(await workbench.call('boundaries/show', { id }));

  it('previews a file’s properties with examples, and guesses the ONS’s code and name fields', async () => {
    const { preview } = await stage(wardGeoJson);
    expect(preview).toMatchObject({ fileName: 'colchester-wards-2013.geojson', format: 'geojson', sourceCrs: 'EPSG:4326', features: 27 });
    expect(preview.properties.map((property) => property.name)).toEqual(['WD13CD', 'WD13CDO', 'WD13NM', 'WD13NMW']);
    expect(preview.properties[0]).toEqual({ name: 'WD13CD', examples: ['E05004120', 'E05004121', 'E05004122', 'E05004123', 'E05004124'], filled: 27, distinct: 27 });
    // The Welsh names are null in an English district.
    expect(preview.properties[3]).toMatchObject({ name: 'WD13NMW', examples: [], filled: 0 });
    expect(preview).toMatchObject({ suggestedCodeField: 'WD13CD', suggestedNameField: 'WD13NM', suggestedLevel: 'ward' });

    const lsoa = (await stage(lsoaTopoJson)).preview;
    expect(lsoa).toMatchObject({ format: 'topojson', features: 105, suggestedCodeField: 'LSOA11CD', suggestedNameField: 'LSOA11NM', suggestedLevel: 'lsoa' });
  });

  it('imports Colchester’s 105 LSOAs from GeoJSON with their codes, names and provenance', async () => {
    const set = valueOf(await importFile(lsoaGeoJson, { attribution: 'Contains OS data © Crown copyright and database right 2016' }));
    const bytes = readFileSync(lsoaGeoJson);
    expect(set).toMatchObject({
      id: 1,
      fileName: 'colchester-lsoa-2011.geojson',
      bytes: bytes.length,
      sha256: '872c6cd10a2a9c60733de26c49489acaa30b0d9888e40a497c0a231e6eb3477f',
      format: 'geojson',
      sourceCrs: 'EPSG:4326',
      codeField: 'LSOA11CD',
      nameField: 'LSOA11NM',
      level: 'lsoa',
      attribution: 'Contains OS data © Crown copyright and database right 2016',
      areas: 105,
    });
    expect(Date.parse(set.importedAt)).toBeGreaterThan(Date.now() - 60_000);
    const view = await show(set.id);
    expect(view.areas.map((area) => area.code)).toEqual(codesOf(lsoaGeoJson, 'LSOA11CD'));
    expect(view.areas[0]).toMatchObject({ code: 'E01021637', name: 'Colchester 018A' });
    // Colchester lies about 0.7°E to 1.05°E, 51.75°N to 52.0°N.
    const [west, south, east, north] = set.bbox;
    expect(west).toBeGreaterThan(0.6);
    expect(east).toBeLessThan(1.1);
    expect(south).toBeGreaterThan(51.7);
    expect(north).toBeLessThan(52.05);
    for (const area of view.areas) {
      const positions = positionsOf(area.geometry);
      // Six decimals at most, inside the area's own box, which is inside the set's.
      for (const [x, y] of positions) {
        expect(Math.round(x! * 1e6) / 1e6).toBe(x);
        expect(x! >= area.bbox[0] && x! <= area.bbox[2] && y! >= area.bbox[1] && y! <= area.bbox[3]).toBe(true);
      }
      expect(area.bbox[0]).toBeGreaterThanOrEqual(west);
      // RFC 7946 winding: exteriors counter-clockwise (the file has them clockwise), holes clockwise.
      const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
      for (const [exterior, ...holes] of polygons) {
        expect(signedArea(exterior!)).toBeGreaterThan(0);
        for (const hole of holes) expect(signedArea(hole)).toBeLessThan(0);
      }
    }
    // Each area's points are the file's, rounded: never moved further than 0.1 m.
    const source = featuresOf(lsoaGeoJson)[0]!;
    const stored = positionsOf(view.areas[0]!.geometry);
    const original = positionsOf(source.geometry);
    expect(stored).toHaveLength(original.length);
    const originalSet = original.map(([x, y]) => [Math.round(x! * 1e6) / 1e6, Math.round(y! * 1e6) / 1e6].join());
    expect(new Set(stored.map((point) => point.join()))).toEqual(new Set(originalSet));

    // Stored compactly: the text of the 105 areas is well under the file's own size.
    const db = new Database(workbench.path, { readonly: true });
    const storedBytes = db.prepare('SELECT sum(length(geometry)) FROM boundary_area').pluck().get() as number;
    db.close();
    expect(storedBytes).toBeLessThan(bytes.length * 0.75);
  });

  it('imports the 27 wards from TopoJSON and from GeoJSON alike, and the 105 LSOAs from TopoJSON', async () => {
    const fromTopo = valueOf(await importFile(wardTopoJson));
    expect(fromTopo).toMatchObject({ format: 'topojson', areas: 27, codeField: 'WD13CD', nameField: 'WD13NM', level: 'ward' });
    const fromGeo = valueOf(await importFile(wardGeoJson));
    expect(fromGeo).toMatchObject({ format: 'geojson', areas: 27 });
    const topoView = await show(fromTopo.id);
    const geoView = await show(fromGeo.id);
    expect(topoView.areas.map((area) => area.code)).toEqual(codesOf(wardGeoJson, 'WD13CD'));
    expect(topoView.areas.map((area) => area.name)).toEqual(geoView.areas.map((area) => area.name));
    expect(topoView.areas.find((area) => area.code === 'E05004122')?.name).toBe('Castle');
    // TopoJSON quantises the same boundaries: each ward's box agrees to within about 5 m.
    for (const [index, area] of topoView.areas.entries()) {
      const other = geoView.areas[index]!;
      expect(metresBetween(area.bbox.slice(0, 2), other.bbox.slice(0, 2))).toBeLessThan(5);
      expect(metresBetween(area.bbox.slice(2), other.bbox.slice(2))).toBeLessThan(5);
    }
    const lsoas = valueOf(await importFile(lsoaTopoJson));
    expect(lsoas).toMatchObject({ format: 'topojson', areas: 105, level: 'lsoa' });
    expect((await show(lsoas.id)).areas.map((area) => area.code)).toEqual(codesOf(lsoaGeoJson, 'LSOA11CD'));
    expect(valueOf(await workbench.call('boundaries/list', {})).map((set) => [set.id, set.fileName, set.areas])).toEqual([
      [1, 'colchester-wards-2013.topojson', 27],
      [2, 'colchester-wards-2013.geojson', 27],
      [3, 'colchester-lsoa-2011.topojson', 105],
    ]);
  });

  it('imports an ONS shapefile zip in British National Grid, reprojected to within 1 m of the same areas in longitude/latitude', async () => {
    const features = featuresOf(lsoaGeoJson);
    const zip = join(dir, 'LSOA_2011_Colchester_BGC.zip');
    writeZip(zip, shapefileEntries('LSOA_2011_EW_BGC', toBritishNationalGrid(features, ['LSOA11CD', 'LSOA11NM'])));
    const staged = await stage(zip);
    expect(staged.preview).toMatchObject({ format: 'shapefile', sourceCrs: 'EPSG:27700', features: 105, suggestedCodeField: 'LSOA11CD', suggestedNameField: 'LSOA11NM', suggestedLevel: 'lsoa' });
    const fromShapefile = valueOf(await importFile(zip));
    expect(fromShapefile).toMatchObject({ format: 'shapefile', sourceCrs: 'EPSG:27700', areas: 105, codeField: 'LSOA11CD' });
    const fromGeoJson = valueOf(await importFile(lsoaGeoJson));
    const shapes = await show(fromShapefile.id);
    const originals = await show(fromGeoJson.id);
    expect(shapes.areas.map((area) => [area.code, area.name])).toEqual(originals.areas.map((area) => [area.code, area.name]));
    let worst = 0;
    let multiPolygons = 0;
    for (const [index, area] of shapes.areas.entries()) {
      const original = originals.areas[index]!;
      expect(area.geometry.type).toBe(original.geometry.type);
      if (area.geometry.type === 'MultiPolygon') multiPolygons++;
      const points = positionsOf(area.geometry);
      const expected = positionsOf(original.geometry);
      expect(points).toHaveLength(expected.length);
      points.forEach((point, at) => (worst = Math.max(worst, metresBetween(point, expected[at]!))));
    }
    expect(multiPolygons).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1);
  });

  it('refuses the same file a second time, under any name, and imports it again once its set is removed', async () => {
    const first = valueOf(await importFile(wardGeoJson));
    const before = workspaceFingerprint(workbench.path);
    const copy = join(dir, 'wards-copy.json');
    writeFileSync(copy, readFileSync(wardGeoJson));
    const again = await importFile(copy);
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'duplicate-file',
        message: expect.stringMatching(/^wards-copy\.json has already been imported \(boundary set 1, colchester-wards-2013\.geojson, on \d{4}-\d\d-\d\d\)\. Nothing was imported\. Remove that boundary set first/),
      },
    });
    expect(workspaceFingerprint(workbench.path)).toBe(before);
    expect(valueOf(await workbench.call('boundaries/remove', { id: first.id }))).toEqual([]);
    const db = new Database(workbench.path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM boundary_area').pluck().get()).toBe(0);
    db.close();
    expect(await workbench.call('boundaries/show', { id: 1 })).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no boundary set 1 in this workspace.' } });
    expect(valueOf(await importFile(copy))).toMatchObject({ fileName: 'wards-copy.json', areas: 27 });
  });

  it('takes only a file staged as boundaries: a dataset’s token is not one', async () => {
    const csv = join(__dirname, '../../../resources/data/police-uk-street-colchester-2018-01.csv');
    const dataset = valueOf(await workbench.call('dataset/stage', { path: csv, partner: null }));
    const result = await workbench.call('boundaries/import', { token: dataset.token, operationId: 'boundaries-token', codeField: 'LSOA code', nameField: 'LSOA name', level: 'lsoa' });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'That boundary file is no longer staged for import. Choose it again.' } });
    const boundary = await stage(wardGeoJson);
    expect(await workbench.call('dataset/import', { token: boundary.token, operationId: 'dataset-token', partner: 'Essex Police' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('offers the fields chosen last time for a file that has them', async () => {
    const fields = join(dir, 'areas.geojson');
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 51.8], [x + 0.01, 51.8], [x + 0.01, 51.81], [x, 51.81], [x, 51.8]]] });
    const collection = (extra: string) => ({
      type: 'FeatureCollection',
      features: [0.9, 0.92].map((x, index) => ({ type: 'Feature', properties: { ref: `A${index}${extra}`, label: `Area ${index}`, beat: `B${index}` }, geometry: square(x) })),
    });
    writeFileSync(fields, JSON.stringify(collection('')));
    const first = await stage(fields);
    // Nothing ONS-like: a property unique to each area with "ref" in its name is not guessed.
    expect(first.preview).toMatchObject({ suggestedCodeField: null, suggestedNameField: null, suggestedLevel: 'other' });
    valueOf(await importFile(fields, { codeField: 'beat', nameField: 'label', level: 'other' }));
    const next = join(dir, 'areas-2.geojson');
    writeFileSync(next, JSON.stringify(collection('x')));
    expect((await stage(next)).preview).toMatchObject({ suggestedCodeField: 'beat', suggestedNameField: 'label', suggestedLevel: 'other' });
  });

  it('is part of the demo workspace: Colchester’s LSOAs and wards, with the ONS’s attribution', async () => {
    const demo = new TestWorkbench(dir, 'demo.sqlite');
    try {
      valueOf(await demo.call('workspace/demo', { path: demo.path, operationId: 'demo-boundaries-01' }));
      const sets = valueOf(await demo.call('boundaries/list', {}));
      expect(sets.map((set) => [set.fileName, set.level, set.areas, set.codeField, set.nameField])).toEqual([
        ['colchester-lsoa-2011.geojson', 'lsoa', 105, 'LSOA11CD', 'LSOA11NM'],
        ['colchester-wards-2013.geojson', 'ward', 27, 'WD13CD', 'WD13NM'],
      ]);
      for (const set of sets) {
        expect(set.attribution).toBe(
          'All reuse of this data must retain the Crown Copyright declarations below Contains Ordnance Survey, Office of National Statistics, National Records Scotland and LPS Intellectual Property data © Crown copyright and database right [2016]. Data licensed under the terms of the Open Government Licence (http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3). Ordnance Survey data covered by OS OpenData Licence. Any further sub-licences must retain this attribution.',
        );
      }
    } finally {
      demo.dispose();
    }
  });
});
