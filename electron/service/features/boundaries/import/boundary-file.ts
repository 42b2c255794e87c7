import * as shapefile from 'shapefile';
import { feature as topologyFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { BoundaryFormat, SourceCrs } from '../../../../../shared/domain/boundaries';
import { WorkbenchError } from '../../../../../shared/result';
import type { BoundaryLimits } from './boundary-limits';
import { boundaryFileProblem, downloadAgain, emptyBoundaryFile, formatCount, notABoundaryFile, saveAsWgs84, tooLarge } from './boundary-messages';
import { readShapefileZip, type ShapefileParts } from './shapefile-zip';

/** One feature as the file gives it: its properties and its geometry, not yet checked. */
export interface SourceFeature {
  properties: Record<string, unknown>;
  geometry: unknown;
}

export interface DecodedBoundaryFile {
  format: BoundaryFormat;
  sourceCrs: SourceCrs;
  features: SourceFeature[];
}

/**
 * Reads a boundary file's bytes, recognised by their content rather than their name: a zip is
 * a shapefile download, JSON is GeoJSON or TopoJSON. Geometries are checked and reprojected
 * afterwards (boundary-geometry.ts), once the features are known.
 */
export async function decodeBoundaryFile(bytes: Buffer, fileName: string, limits: BoundaryLimits): Promise<DecodedBoundaryFile> {
  if (bytes.length === 0) throw emptyBoundaryFile(fileName);
  if (bytes.length > limits.maxFileBytes) throw tooLarge(fileName, bytes.length, limits.maxFileBytes);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) {
    return decodeShapefile(await readShapefileZip(bytes, fileName, limits), fileName, limits);
  }
  if (bytes.length >= 4 && bytes.readInt32BE(0) === 9994) {
    throw boundaryFileProblem(
      fileName,
      'is a shapefile’s .shp on its own, without the .dbf that names its areas and the .prj that says its coordinate system.',
      'Choose the zip as downloaded from the ONS Open Geography Portal (it holds all three), or zip the .shp, .dbf and .prj together and import that.',
    );
  }
  return decodeJson(bytes, fileName, limits);
}

function decodeJson(bytes: Buffer, fileName: string, limits: BoundaryLimits): DecodedBoundaryFile {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first !== '{') throw notABoundaryFile(fileName, looksLike(bytes, text));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message})` : '';
    throw boundaryFileProblem(fileName, `is not valid JSON${where}: it may have been cut short or edited by hand.`, downloadAgain);
  }
  const root = json as { type?: unknown };
  if (root.type === 'Topology') return decodeTopology(root as Topology, fileName, limits);
  if (root.type === 'FeatureCollection' || root.type === 'Feature') return decodeGeoJson(root, fileName, limits);
  throw notABoundaryFile(fileName, typeof root.type === 'string' ? `GeoJSON of type “${root.type}”, not a FeatureCollection of areas` : 'JSON, but neither GeoJSON nor TopoJSON');
}

function looksLike(bytes: Buffer, text: string): string {
  if (bytes.includes(0)) return 'a binary file';
  const start = text.trimStart();
  if (start.startsWith('<')) return 'XML or HTML (KML and GML are not read: save the layer as GeoJSON)';
  if (start.startsWith('[')) return 'a JSON list rather than a GeoJSON FeatureCollection';
  return 'a text file such as CSV';
}

/** A CRS member (the 2008 GeoJSON spec's, which QGIS and ogr2ogr still write): WGS84 passes, anything else is named. */
function crsOf(member: unknown, fileName: string): SourceCrs {
  if (member === undefined || member === null) return 'EPSG:4326';
  const name = String((member as { properties?: { name?: unknown } }).properties?.name ?? '');
  if (/CRS84|EPSG:{1,2}4326$|EPSG:{1,2}4258$/i.test(name)) return 'EPSG:4326';
  if (/27700/.test(name)) {
    throw boundaryFileProblem(fileName, `is in British National Grid (${name}), in metres, and the workbench reads GeoJSON only in longitude/latitude.`, saveAsWgs84);
  }
  throw boundaryFileProblem(fileName, `is in the coordinate system “${name || 'unnamed'}”, and the workbench reads GeoJSON only in WGS84 longitude/latitude.`, saveAsWgs84);
}

function decodeGeoJson(root: { type?: unknown } & Record<string, unknown>, fileName: string, limits: BoundaryLimits): DecodedBoundaryFile {
  const sourceCrs = crsOf(root.crs, fileName);
  const list = root.type === 'Feature' ? [root] : root.features;
  if (!Array.isArray(list)) throw boundaryFileProblem(fileName, 'is a GeoJSON FeatureCollection without a list of features.', downloadAgain);
  checkCount(list.length, fileName, limits);
  const features = list.map((item: unknown, index): SourceFeature => {
    const candidate = item as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (!candidate || typeof candidate !== 'object' || candidate.type !== 'Feature') {
      throw boundaryFileProblem(fileName, `has an item that is not a GeoJSON Feature (number ${formatCount(index + 1)} of its features).`, downloadAgain);
    }
    return { properties: propertiesOf(candidate.properties), geometry: candidate.geometry };
  });
  return { format: 'geojson', sourceCrs, features };
}

function decodeTopology(topology: Topology, fileName: string, limits: BoundaryLimits): DecodedBoundaryFile {
  const objects = topology.objects && typeof topology.objects === 'object' ? Object.entries(topology.objects) : [];
  if (!Array.isArray(topology.arcs) || objects.length === 0) throw boundaryFileProblem(fileName, 'is TopoJSON without any objects or arcs to read.', downloadAgain);
  if (objects.length > 1) {
    throw boundaryFileProblem(
      fileName,
      `is TopoJSON with ${formatCount(objects.length)} layers (${objects.map(([name]) => name).join(', ')}), and the workbench imports one set of boundaries at a time.`,
      'Save the layer you want as a file of its own (mapshaper can: -o target=LAYER), and import that.',
    );
  }
  const [, object] = objects[0]!;
  const crs = (object as { crs?: unknown }).crs ?? (topology as { crs?: unknown }).crs;
  const sourceCrs = crsOf(crs, fileName);
  let collection: { features?: unknown[] };
  try {
    collection = topologyFeature(topology, object) as { features?: unknown[] };
  } catch {
    throw boundaryFileProblem(fileName, 'is damaged TopoJSON: its geometries refer to arcs it does not have.', downloadAgain);
  }
  const list = Array.isArray(collection.features) ? collection.features : [collection];
  checkCount(list.length, fileName, limits);
  const features = list.map((item) => {
    const candidate = item as { properties?: unknown; geometry?: unknown };
    return { properties: propertiesOf(candidate.properties), geometry: candidate.geometry };
  });
  return { format: 'topojson', sourceCrs, features };
}

function propertiesOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function checkCount(count: number, fileName: string, limits: BoundaryLimits): void {
  if (count === 0) throw boundaryFileProblem(fileName, 'holds no areas: its list of features is empty.', `Check that you chose the right file. ${downloadAgain}`);
  if (count > limits.maxAreas) {
    throw boundaryFileProblem(
      fileName,
      `holds ${formatCount(count)} areas, more than the ${formatCount(limits.maxAreas)} the workbench takes from one file.`,
      'Clip the file to your area (or the areas you compare with) in QGIS or mapshaper, and import that.',
    );
  }
}

/** The shape types a boundary may have (ESRI Shapefile Technical Description, 1998, table 1): null, Polygon, PolygonZ, PolygonM. */
const polygonShapeTypes = new Set([0, 5, 15, 25]);

const shapeTypeNames: Record<number, string> = { 1: 'points', 3: 'lines', 8: 'points', 11: 'points', 13: 'lines', 18: 'points', 21: 'points', 23: 'lines', 28: 'points', 31: 'multipatches' };

async function decodeShapefile(parts: ShapefileParts, fileName: string, limits: BoundaryLimits): Promise<DecodedBoundaryFile> {
  const sourceCrs = shapefileCrs(parts.prj, fileName);
  const records = checkShp(parts.shp, fileName);
  checkCount(records, fileName, limits);
  const dbfRecords = parts.dbf.length >= 8 ? parts.dbf.readUInt32LE(4) : -1;
  if (dbfRecords !== records) {
    throw boundaryFileProblem(
      fileName,
      `is inconsistent: its .shp has ${formatCount(records)} shapes but its .dbf ${dbfRecords < 0 ? 'is damaged' : `has ${formatCount(dbfRecords)} rows`}, so codes and shapes cannot be matched.`,
      downloadAgain,
    );
  }
  const encoding = encodingOf(parts.cpg);
  const features: SourceFeature[] = [];
  try {
    const source = await shapefile.open(parts.shp, parts.dbf, { encoding });
    for (let result = await source.read(); !result.done; result = await source.read()) {
      features.push({ properties: propertiesOf(result.value.properties), geometry: result.value.geometry });
    }
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw boundaryFileProblem(fileName, `has a damaged shapefile (${parts.name}.shp or .dbf cannot be read).`, downloadAgain);
  }
  if (features.length !== records) throw boundaryFileProblem(fileName, `has a damaged shapefile: ${formatCount(records - features.length)} of its shapes cannot be read.`, downloadAgain);
  return { format: 'shapefile', sourceCrs, features };
}

/**
 * Walks the .shp's records (ESRI Shapefile Technical Description, 1998: a 100-byte header, then
 * records of an 8-byte big-endian header and their content) so that a damaged file is refused
 * here, rather than read by the shapefile library, which skips what it cannot read.
 */
function checkShp(shp: Buffer, fileName: string): number {
  const damaged = (why: string) => boundaryFileProblem(fileName, `has a damaged .shp: ${why}.`, downloadAgain);
  if (shp.length < 100 || shp.readInt32BE(0) !== 9994) throw damaged('it does not start as a shapefile does');
  if (shp.readInt32BE(24) * 2 !== shp.length) throw damaged(`its header gives its length as ${formatCount(shp.readInt32BE(24) * 2)} bytes, but it has ${formatCount(shp.length)} (it may have been cut short)`);
  const type = shp.readInt32LE(32);
  if (!polygonShapeTypes.has(type)) {
    throw boundaryFileProblem(
      fileName,
      `holds ${shapeTypeNames[type] ?? `shapes of type ${type}`}, not polygons, so it has no areas to draw.`,
      'Choose the boundaries (polygons) file: for LSOAs or wards, the ONS’s “Boundaries” download, not their centroids.',
    );
  }
  let offset = 100;
  let records = 0;
  while (offset < shp.length) {
    if (offset + 12 > shp.length) throw damaged('its last shape is cut short');
    const number = shp.readInt32BE(offset);
    const length = shp.readInt32BE(offset + 4) * 2;
    const recordType = shp.readInt32LE(offset + 8);
    if (number !== records + 1 || length < 4 || offset + 8 + length > shp.length) throw damaged(`shape ${formatCount(records + 1)} is unreadable`);
    if (recordType !== 0 && recordType !== type) throw damaged(`shape ${formatCount(records + 1)} is of another type than the file`);
    offset += 8 + length;
    records++;
  }
  return records;
}

/** The .prj's WKT: British National Grid (reprojected on import) or WGS84 longitude/latitude. */
export function shapefileCrs(prj: string, fileName: string): SourceCrs {
  const wkt = prj.trim();
  const name = /^[A-Z_]+\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
  if (/^PROJCS\[/i.test(wkt) && /OSGB[ _]?(19)?36|British[ _]National[ _]Grid|27700/i.test(wkt) && /Transverse_Mercator/i.test(wkt)) return 'EPSG:27700';
  if (/^GEOGCS\[/i.test(wkt) && /WGS[ _]?(19)?84/i.test(wkt)) return 'EPSG:4326';
  throw boundaryFileProblem(
    fileName,
    `is in the coordinate system “${name || 'unknown'}”, which the workbench does not reproject: it reads shapefiles in British National Grid (EPSG:27700), as the ONS provides them, or in WGS84.`,
    'Download the boundaries from the ONS Open Geography Portal in British National Grid, or reproject them in QGIS to EPSG:27700 or EPSG:4326, and import that.',
  );
}

/** The .dbf's text encoding from the .cpg: the ONS writes UTF-8; without a .cpg dBase files are Windows-1252. */
function encodingOf(cpg: string | null): string {
  if (!cpg) return 'windows-1252';
  if (/^(utf-?8|65001)$/i.test(cpg)) return 'utf-8';
  if (/^(1252|ansi 1252|windows-1252|cp1252)$/i.test(cpg)) return 'windows-1252';
  if (/^(iso-?8859-?1|latin-?1|88591)$/i.test(cpg)) return 'iso-8859-1';
  return 'windows-1252';
}
