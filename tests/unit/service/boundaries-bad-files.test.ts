import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBoundaries } from '../../../electron/service/features/boundaries/import/import-boundaries';
import type { BoundaryLimits } from '../../../electron/service/features/boundaries/import/boundary-limits';
import { WorkbenchError } from '../../../shared/result';
import { shapefileEntries, toBritishNationalGrid } from '../../fixtures/builders/write-shapefile';
import { writeZip, zipBytes, type ZipEntrySpec } from '../../fixtures/builders/write-zip';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

const wardGeoJson = join(__dirname, '../../../resources/boundaries/colchester-wards-2013.geojson');
const wards = JSON.parse(readFileSync(wardGeoJson, 'utf8')) as { features: { properties: Record<string, string>; geometry: never }[] };
const fewWards = () => toBritishNationalGrid(wards.features.slice(0, 3), ['WD13CD', 'WD13NM']);

const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });

function collection(features: { code?: string; name?: string; geometry: unknown }[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    type: 'FeatureCollection',
    ...extra,
    features: features.map((feature) => ({
      type: 'Feature',
      properties: { ...(feature.code === undefined ? {} : { LSOA11CD: feature.code }), ...(feature.name === undefined ? {} : { LSOA11NM: feature.name }) },
      geometry: feature.geometry,
    })),
  });
}

const twoAreas = (geometry: (index: number) => unknown) =>
  collection([0, 1].map((index) => ({ code: `E0102163${index}`, name: `Colchester 00${index}A`, geometry: geometry(index) })));

/** Marks every entry encrypted (general purpose bit 0), in the local and central headers, as a password-protected zip has it. */
function encrypted(entries: ZipEntrySpec[]): Buffer {
  const zip = zipBytes(entries);
  for (let at = 0; at + 4 <= zip.length; at++) {
    const signature = zip.readUInt32LE(at);
    if (signature === 0x04034b50) zip.writeUInt16LE(zip.readUInt16LE(at + 6) | 1, at + 6);
    if (signature === 0x02014b50) zip.writeUInt16LE(zip.readUInt16LE(at + 8) | 1, at + 8);
  }
  return zip;
}

/**
 * Every bad boundary file fails with a message naming the file and saying what to do, and the
 * workspace (which already holds a boundary set and a dataset's worth of details) is left byte
 * for byte as it was.
 */
describe('bad boundary files', () => {
  const tempDir = useTempDir();
  let dir: string;
  let workbench: TestWorkbench;
  let before: string;

  beforeEach(async () => {
    dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create();
    const staged = valueOf(await workbench.call('boundaries/stage', { path: wardGeoJson }));
    valueOf(await workbench.call('boundaries/import', { token: staged.token, operationId: 'boundaries-setup', codeField: 'WD13CD', nameField: 'WD13NM', level: 'ward' }));
    before = workspaceFingerprint(workbench.path);
  });
  afterEach(() => workbench.dispose());

  async function expectRefused(fileName: string, message: RegExp, fields = { codeField: 'LSOA11CD', nameField: 'LSOA11NM' }) {
    const path = join(dir, fileName);
    const staged = await workbench.call('boundaries/stage', { path });
    const result = staged.ok
      ? await workbench.call('boundaries/import', { token: staged.value.token, operationId: 'boundaries-bad-1', ...fields, level: 'lsoa' })
      : staged;
    expect(result.ok, `${fileName} was accepted`).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-file');
    expect(result.error.message).toContain(`“${fileName}”`);
    expect(result.error.message).toMatch(message);
    expect(result.error.message).toContain('Nothing was imported.');
    expect(workspaceFingerprint(workbench.path)).toBe(before);
    expect(valueOf(await workbench.call('boundaries/list', {})).map((set) => set.fileName)).toEqual(['colchester-wards-2013.geojson']);
  }

  const write = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);

  it('an empty file', async () => {
    write('empty.geojson', '');
    await expectRefused('empty.geojson', /is empty\. Nothing was imported\. Check that you chose the right file/);
  });

  it('a CSV file, and a binary one', async () => {
    write('crimes.geojson', 'Crime ID,Month\n1,2018-01\n');
    await expectRefused('crimes.geojson', /is not a boundary file \(it looks like a text file such as CSV\)\. Nothing was imported\. Choose a GeoJSON or TopoJSON file/);
    write('picture.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    await expectRefused('picture.json', /is not a boundary file \(it looks like a binary file\)/);
  });

  it('a GeoJSON file cut short', async () => {
    write('cut.geojson', readFileSync(wardGeoJson).subarray(0, 5000));
    await expectRefused('cut.geojson', /is not valid JSON \(.*\): it may have been cut short.*Download the boundaries again from the ONS Open Geography Portal/);
  });

  it('a GeoJSON of another type, and a collection with no features', async () => {
    write('point.geojson', JSON.stringify({ type: 'Point', coordinates: [0.9, 51.8] }));
    await expectRefused('point.geojson', /looks like GeoJSON of type “Point”, not a FeatureCollection/);
    write('none.geojson', collection([]));
    await expectRefused('none.geojson', /holds no areas: its list of features is empty/);
  });

  it('points, not polygons', async () => {
    write('centroids.geojson', twoAreas((index) => ({ type: 'Point', coordinates: [0.9 + index / 100, 51.8] })));
    await expectRefused('centroids.geojson', /holds Point shapes \(E01021630, Colchester 000A\), not polygons.*not their centroids/);
  });

  it('coordinates in metres, and a file that says it is in British National Grid', async () => {
    write('metres.geojson', twoAreas((index) => square(598_000 + index * 1000, 224_000, 500)));
    await expectRefused('metres.geojson', /has coordinates such as 598,000, 224,000 \(E01021630, Colchester 000A\), which are not longitude and latitude: they look like metres.*EPSG:4326/);
    write('bng.geojson', collection([{ code: 'E01021630', name: 'A', geometry: square(598_000, 224_000, 500) }], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } } }));
    await expectRefused('bng.geojson', /is in British National Grid \(urn:ogc:def:crs:EPSG::27700\), in metres.*import the ONS shapefile zip/);
  });

  it('latitude and longitude the wrong way round', async () => {
    write('swapped.geojson', twoAreas((index) => ({ type: 'Polygon', coordinates: [[[51.8, 0.9 + index / 100], [51.8, 0.91 + index / 100], [51.81, 0.91 + index / 100], [51.8, 0.9 + index / 100]]] })));
    await expectRefused('swapped.geojson', /has its coordinates as latitude, longitude/);
  });

  it('a code that appears twice, a chosen field the file does not have, and an area without a name', async () => {
    write('twice.geojson', collection([0, 1].map((index) => ({ code: 'E01021637', name: `Area ${index}`, geometry: square(0.9 + index / 100, 51.8, 0.01) }))));
    await expectRefused('twice.geojson', /has the code E01021637 twice \(areas 1 and 2\), so “LSOA11CD” does not tell its areas apart/);
    write('lsoa11.geojson', twoAreas((index) => square(0.9 + index / 100, 51.8, 0.01)));
    await expectRefused('lsoa11.geojson', /has no property “LSOA21CD”\. Nothing was imported\. Choose the code and the name from its properties: “LSOA11CD”, “LSOA11NM”/, { codeField: 'LSOA21CD', nameField: 'LSOA21NM' });
    write('unnamed.geojson', collection([{ code: 'E01021630', name: 'A', geometry: square(0.9, 51.8, 0.01) }, { code: 'E01021631', geometry: square(0.91, 51.8, 0.01) }]));
    await expectRefused('unnamed.geojson', /has no “LSOA11NM” for E01021631 \(area 2\)/);
  });

  it('damaged TopoJSON, and TopoJSON with several layers', async () => {
    write('broken.topojson', JSON.stringify({ type: 'Topology', arcs: [], objects: { areas: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[7]], properties: {} }] } } }));
    await expectRefused('broken.topojson', /is damaged TopoJSON/);
    write('layers.topojson', JSON.stringify({ type: 'Topology', arcs: [], objects: { lsoa: { type: 'GeometryCollection', geometries: [] }, ward: { type: 'GeometryCollection', geometries: [] } } }));
    await expectRefused('layers.topojson', /TopoJSON with 2 layers \(lsoa, ward\)/);
  });

  it('a shapefile’s .shp on its own, a zip without the .prj, and one with two shapefiles', async () => {
    const entries = shapefileEntries('wards', fewWards());
    write('wards.shp', entries[0]!.data);
    await expectRefused('wards.shp', /is a shapefile’s \.shp on its own/);
    writeZip(join(dir, 'no-prj.zip'), shapefileEntries('wards', fewWards(), { prj: null }));
    await expectRefused('no-prj.zip', /holds wards\.shp but not its \.prj: without its \.prj, the workbench cannot tell which coordinate system/);
    writeZip(join(dir, 'two.zip'), [...entries, ...shapefileEntries('more', fewWards())]);
    await expectRefused('two.zip', /holds 2 shapefiles \(wards\.shp, more\.shp\)/);
    writeZip(join(dir, 'docs.zip'), [{ name: 'readme.txt', data: 'Nothing here' }]);
    await expectRefused('docs.zip', /is a zip, but holds no shapefile/);
  });

  it('a shapefile of points, one cut short, one in another coordinate system, and one whose .dbf does not match', async () => {
    writeZip(join(dir, 'points.zip'), shapefileEntries('centroids', fewWards(), { shapeType: 1 }));
    await expectRefused('points.zip', /holds points, not polygons/);
    const cut = shapefileEntries('wards', fewWards());
    cut[0] = { ...cut[0]!, data: (cut[0]!.data as Buffer).subarray(0, 400) };
    writeZip(join(dir, 'cut.zip'), cut);
    await expectRefused('cut.zip', /has a damaged \.shp: its header gives its length as [\d,]+ bytes, but it has 400/);
    writeZip(join(dir, 'utm.zip'), shapefileEntries('wards', fewWards(), { prj: 'PROJCS["WGS_1984_UTM_Zone_31N",GEOGCS["GCS_WGS_1984"],PROJECTION["Transverse_Mercator"]]' }));
    await expectRefused('utm.zip', /is in the coordinate system “WGS_1984_UTM_Zone_31N”, which the workbench does not reproject/);
    const mismatched = shapefileEntries('wards', fewWards());
    const fewer = shapefileEntries('wards', fewWards().slice(0, 2));
    mismatched[2] = fewer[2]!;
    writeZip(join(dir, 'mismatched.zip'), mismatched);
    await expectRefused('mismatched.zip', /its \.shp has 3 shapes but its \.dbf has 2 rows/);
  });

  it('hostile zips: a name that climbs out, a password, a bomb by ratio, a bomb by a forged size, and thousands of entries', async () => {
    writeZip(join(dir, 'climb.zip'), [...shapefileEntries('wards', fewWards()), { name: '../../evil.txt', data: 'x' }]);
    await expectRefused('climb.zip', /holds a file named “\.\.\/\.\.\/evil\.txt”, which points outside the zip/);
    write('locked.zip', encrypted(shapefileEntries('wards', fewWards())));
    await expectRefused('locked.zip', /is protected with a password/);
    writeZip(join(dir, 'bomb.zip'), [...shapefileEntries('wards', fewWards()), { name: 'wards.shp.xml', data: Buffer.alloc(20 * 1024 * 1024) }]);
    await expectRefused('bomb.zip', /“wards\.shp\.xml” expands more than 200 times.*“zip bomb”/);
    const forged = shapefileEntries('wards', fewWards());
    forged[2] = { ...forged[2]!, declaredSize: 10 };
    writeZip(join(dir, 'forged.zip'), forged);
    await expectRefused('forged.zip', /“wards\.dbf” expands to more than its own header says.*“zip bomb”/);
    writeZip(join(dir, 'many.zip'), Array.from({ length: 150 }, (_, index) => ({ name: `part-${index}.txt`, data: 'x' })));
    await expectRefused('many.zip', /has 150 files inside, far more than a shapefile download has/);
  });

  it('too large: more bytes, areas or points than the limits', async () => {
    const db = workbench.host.session.require();
    const context = { signal: new AbortController().signal, progress: () => {} };
    const attempt = async (limits: Partial<BoundaryLimits>) => {
      const error = await importBoundaries(db, { path: wardGeoJson, codeField: 'WD13CD', nameField: 'WD13NM', level: 'ward', attribution: null, limits }, context, () => new Date()).then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(WorkbenchError);
      expect(workspaceFingerprint(workbench.path)).toBe(before);
      return (error as WorkbenchError).message;
    };
    expect(await attempt({ maxFileBytes: 100_000 })).toMatch(/^“colchester-wards-2013\.geojson” is 124 KB, more than the 98 KB the workbench reads as one boundary file\. Nothing was imported\. Use the ONS’s generalised/);
    expect(await attempt({ maxAreas: 20 })).toMatch(/holds 27 areas, more than the 20 the workbench takes from one file/);
    expect(await attempt({ maxPoints: 1000 })).toMatch(/has more than 1,000 points in its shapes/);
    const inflated = join(dir, 'inflated.zip');
    writeZip(inflated, shapefileEntries('wards', fewWards()));
    const message = await importBoundaries(db, { path: inflated, codeField: 'WD13CD', nameField: 'WD13NM', level: 'ward', attribution: null, limits: { maxInflatedBytes: 1000 } }, context, () => new Date()).catch(
      (failure: Error) => failure.message,
    );
    expect(message).toMatch(/would expand to [\d.,]+ KB, more than the 1,000 bytes the workbench accepts from one boundary zip/);
  });

  it('a file that has gone, and a folder', async () => {
    const missing = await workbench.call('boundaries/stage', { path: join(dir, 'gone.geojson') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'file-not-found', message: expect.stringContaining('gone.geojson') } });
    const folder = await workbench.call('boundaries/stage', { path: dir });
    expect(folder).toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.stringMatching(/is a folder, not a file/) } });
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });

  it('a Cancel while the file is read leaves the workspace as it was', async () => {
    const db = workbench.host.session.require();
    const controller = new AbortController();
    const pending = importBoundaries(db, { path: wardGeoJson, codeField: 'WD13CD', nameField: 'WD13NM', level: 'ward', attribution: null }, { signal: controller.signal, progress: () => {} }, () => new Date());
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled', message: 'Cancelled. Nothing was changed.' });
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });
});
