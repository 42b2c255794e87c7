import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BoundarySetSummary, BoundarySetView } from '../../../shared/domain/boundaries';
import { shapefileEntries, toBritishNationalGrid } from '../../fixtures/builders/write-shapefile';
import { writeZip } from '../../fixtures/builders/write-zip';
import { runBuiltCli } from '../../fixtures/built-cli';
import { useTempDir } from '../../fixtures/temp-dir';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

/** Runs the real CLI in its own Node process, as `npm run workbench --` does. */
const workbench = runBuiltCli;
const bundled = (name: string) => join(__dirname, '../../../resources/boundaries', name);

describe('boundaries import, list, show and remove', () => {
  const tempDir = useTempDir();

  function newWorkspace(): string {
    const workspace = join(tempDir(), 'colchester.sqlite');
    const created = workbench('workspace', 'create', '--workspace', workspace, '--name', 'Safer Colchester Partnership', '--area', 'Colchester');
    expect(created.code, created.stderr).toBe(0);
    return workspace;
  }

  it('imports GeoJSON with the fields guessed, TopoJSON and a shapefile zip with them named, and lists them', { timeout: 60_000 }, () => {
    const workspace = newWorkspace();
    const lsoas = workbench('boundaries', 'import', bundled('colchester-lsoa-2011.geojson'), '--workspace', workspace, '--attribution', 'Contains OS data © Crown copyright 2016');
    expect(lsoas.stderr).toBe('');
    expect(lsoas.code).toBe(0);
    expect(lsoas.stdout).toBe('Imported boundary set 1: 105 areas (lsoa) from colchester-lsoa-2011.geojson, code LSOA11CD, name LSOA11NM.\n');

    const wards = workbench('boundaries', 'import', bundled('colchester-wards-2013.topojson'), '--workspace', workspace, '--code-field', 'WD13CD', '--name-field', 'WD13NM', '--level', 'ward', '--json');
    expect(wards.code, wards.stderr).toBe(0);
    const { set } = JSON.parse(wards.stdout) as { set: BoundarySetSummary };
    expect(set).toMatchObject({ id: 2, format: 'topojson', areas: 27, level: 'ward', codeField: 'WD13CD', nameField: 'WD13NM', attribution: null });

    const features = (JSON.parse(readFileSync(bundled('colchester-wards-2013.geojson'), 'utf8')) as { features: never[] }).features;
    const zip = join(tempDir(), 'Wards_December_2013_BGC.zip');
    writeZip(zip, shapefileEntries('WD_DEC_2013_GB_BGC', toBritishNationalGrid(features, ['WD13CD', 'WD13CDO', 'WD13NM'])));
    const shapes = workbench('boundaries', 'import', zip, '--workspace', workspace, '--code-field', 'WD13CDO', '--name-field', 'WD13NM');
    expect(shapes.code, shapes.stderr).toBe(0);
    expect(shapes.stdout).toMatch(/^Imported boundary set 3: 27 areas \(ward\) from Wards_December_2013_BGC\.zip, reprojected from British National Grid to WGS84, code WD13CDO, name WD13NM\.\nNo attribution was given/);

    const list = workbench('boundaries', 'list', '--workspace', workspace, '--json');
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as BoundarySetSummary[]).map((row) => [row.id, row.fileName, row.format, row.sourceCrs, row.areas, row.codeField])).toEqual([
      [1, 'colchester-lsoa-2011.geojson', 'geojson', 'EPSG:4326', 105, 'LSOA11CD'],
      [2, 'colchester-wards-2013.topojson', 'topojson', 'EPSG:4326', 27, 'WD13CD'],
      [3, 'Wards_December_2013_BGC.zip', 'shapefile', 'EPSG:27700', 27, 'WD13CDO'],
    ]);
    const text = workbench('boundaries', 'list', '--workspace', workspace);
    expect(text.stdout.split('\n')[0]).toBe('  1  colchester-lsoa-2011.geojson  (lsoa, 105 areas, geojson; code LSOA11CD, name LSOA11NM, imported ' + new Date().toISOString().slice(0, 10) + ')');
    expect(text.stdout.split('\n')[1]).toBe('     Contains OS data © Crown copyright 2016');

    const shown = workbench('boundaries', 'show', '3', '--workspace', workspace, '--json');
    const view = JSON.parse(shown.stdout) as BoundarySetView;
    expect(view.areas.map((area) => area.code).slice(0, 3)).toEqual(['22UGGE', '22UGGF', '22UGGG']);
    expect(view.areas[0]!.geometry.type).toBe('Polygon');
    const shownText = workbench('boundaries', 'show', '2', '--workspace', workspace);
    expect(shownText.stdout).toContain('  E05004122  Castle  [');
  });

  it('says which properties to choose from when it cannot guess, refuses a repeat, and removes a set', { timeout: 60_000 }, () => {
    const workspace = newWorkspace();
    const dir = tempDir();
    const file = join(dir, 'beats.geojson');
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 51.8], [x + 0.01, 51.8], [x + 0.01, 51.81], [x, 51.81], [x, 51.8]]] });
    const collection = { type: 'FeatureCollection', features: [0.9, 0.92].map((x, index) => ({ type: 'Feature', properties: { beat: `B${index}`, label: `Beat ${index}` }, geometry: square(x) })) };
    writeFileSync(file, JSON.stringify(collection));
    const before = workspaceFingerprint(workspace);
    const unguessed = workbench('boundaries', 'import', file, '--workspace', workspace);
    expect(unguessed.code).toBe(1);
    expect(unguessed.stdout).toBe('');
    expect(unguessed.stderr).toBe(
      "workbench: Say which property of beats.geojson is the areas' code and which their name, with --code-field and --name-field. Its properties, with examples:\n  beat: B0, B1\n  label: Beat 0, Beat 1\n",
    );
    expect(workspaceFingerprint(workspace)).toBe(before);

    expect(workbench('boundaries', 'import', file, '--workspace', workspace, '--code-field', 'beat', '--name-field', 'label').code).toBe(0);
    const again = workbench('boundaries', 'import', file, '--workspace', workspace, '--code-field', 'beat', '--name-field', 'label');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^workbench: beats\.geojson has already been imported \(boundary set 1, beats\.geojson, on \d{4}-\d\d-\d\d\)\. Nothing was imported\./);

    const bad = workbench('boundaries', 'import', file, '--workspace', workspace, '--code-field', 'ward', '--name-field', 'label');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('workbench: “beats.geojson” has no property “ward”. Nothing was imported. Choose the code and the name from its properties: “beat”, “label”.\n');

    const removed = workbench('boundaries', 'remove', '1', '--workspace', workspace);
    expect(removed.stdout).toBe('Removed boundary set 1. 0 sets remain.\n');
    expect(workbench('boundaries', 'list', '--workspace', workspace).stdout).toBe('No boundaries yet. Import a GeoJSON, TopoJSON or ONS shapefile zip with `boundaries import`.\n');
    const missing = workbench('boundaries', 'remove', '1', '--workspace', workspace);
    expect(missing.stderr).toBe('workbench: There is no boundary set 1 in this workspace.\n');
  });
});
