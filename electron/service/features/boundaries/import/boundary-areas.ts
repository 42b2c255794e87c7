import type { BoundaryProperty, BoundingBox, GeographyLevel } from '../../../../../shared/domain/boundaries';
import type { DecodedBoundaryFile } from './boundary-file';
import { GeometryError, normaliseGeometry, type GeometryProblem } from './boundary-geometry';
import type { BoundaryLimits } from './boundary-limits';
import { boundaryFileProblem, downloadAgain, formatCount, saveAsWgs84 } from './boundary-messages';

/** One area ready to store: its geometry already JSON, so that it crosses from the reading thread as text. */
export interface ReadArea {
  code: string;
  name: string;
  geometry: string;
  bbox: BoundingBox;
}

export interface ReadAreas {
  areas: ReadArea[];
  bbox: BoundingBox;
  points: number;
}

/** A property's value as the analyst sees it; null when it has none. */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const shown = typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
  return shown === '' ? null : shown;
}

/** Each property of the features, in the order they first appear, with up to five example values. */
export function describeProperties(file: DecodedBoundaryFile): BoundaryProperty[] {
  const seen = new Map<string, { examples: string[]; filled: number; values: Set<string> }>();
  for (const feature of file.features) {
    for (const [name, value] of Object.entries(feature.properties)) {
      const entry = seen.get(name) ?? { examples: [], filled: 0, values: new Set<string>() };
      seen.set(name, entry);
      const shown = text(value);
      if (shown === null) continue;
      entry.filled++;
      if (!entry.values.has(shown) && entry.examples.length < 5) entry.examples.push(shown);
      entry.values.add(shown);
    }
  }
  return [...seen].map(([name, entry]) => ({ name, examples: entry.examples, filled: entry.filled, distinct: entry.values.size }));
}

/** The ONS's field names: a geography's prefix, its year, then CD for the code and NM for the name (LSOA11CD, WD13NM). */
const onsCodeField = /^([A-Za-z]+)(\d{2})CD$/i;

const levelOfPrefix = (prefix: string): GeographyLevel => (/^lsoa$/i.test(prefix) ? 'lsoa' : /^wd$/i.test(prefix) ? 'ward' : 'other');

/** Prefixes in the order they are preferred when a file has several (an LSOA file often carries its MSOA and ward too). */
const preferredPrefixes = ['lsoa', 'wd', 'msoa', 'oa', 'lad', 'csp', 'cty', 'ctyua', 'pfa'];

export interface SuggestedFields {
  codeField: string | null;
  nameField: string | null;
  level: GeographyLevel;
}

/** The fields to start from: the ONS's own pair (LSOA11CD and LSOA11NM, LSOA21CD…, WD13CD…), else a property unique to each area and one that looks like a name. */
export function suggestFields(properties: readonly BoundaryProperty[], features: number): SuggestedFields {
  const names = properties.map((property) => property.name);
  const pairs = names.flatMap((name) => {
    const match = onsCodeField.exec(name);
    if (!match) return [];
    const nameField = names.find((other) => other.toLowerCase() === `${match[1]}${match[2]}nm`.toLowerCase());
    return nameField ? [{ codeField: name, nameField, prefix: match[1]!.toLowerCase() }] : [];
  });
  const rank = (prefix: string) => {
    const index = preferredPrefixes.indexOf(prefix);
    return index < 0 ? preferredPrefixes.length : index;
  };
  const best = pairs.sort((a, b) => rank(a.prefix) - rank(b.prefix))[0];
  if (best) return { codeField: best.codeField, nameField: best.nameField, level: levelOfPrefix(best.prefix) };
  const unique = properties.find((property) => property.filled === features && property.distinct === features && /code|cd$|id$/i.test(property.name));
  const named = properties.find((property) => property.filled === features && /name|nm$/i.test(property.name));
  return { codeField: unique?.name ?? null, nameField: named?.name ?? null, level: 'other' };
}

function geometryMessage(problem: GeometryProblem, fileName: string, area: string): Error {
  switch (problem.kind) {
    case 'missing':
      return boundaryFileProblem(fileName, `has no shape for ${area}.`, downloadAgain);
    case 'not-polygons':
      return boundaryFileProblem(
        fileName,
        `holds ${problem.type} shapes (${area}), not polygons, so it has no areas to draw.`,
        'Choose the boundaries (polygons) file: for LSOAs or wards, the ONS’s “Boundaries” download, not their centroids.',
      );
    case 'malformed':
      return boundaryFileProblem(fileName, `has a damaged shape for ${area}: its coordinates are not pairs of numbers.`, downloadAgain);
    case 'not-longitude-latitude': {
      const [x, y] = problem.example.map((value) => formatCount(Math.round(value)));
      return boundaryFileProblem(
        fileName,
        `has coordinates such as ${x}, ${y} (${area}), which are not longitude and latitude: they look like metres, as in British National Grid.`,
        saveAsWgs84,
      );
    }
    case 'off-the-grid': {
      const [x, y] = problem.example.map((value) => formatCount(Math.round(value)));
      return boundaryFileProblem(
        fileName,
        `has coordinates such as ${x}, ${y} (${area}), outside British National Grid, which its .prj says it is in.`,
        'Check the file in QGIS: its .prj may be wrong. Download the boundaries again from the ONS Open Geography Portal, and import that.',
      );
    }
    case 'no-area':
      return boundaryFileProblem(fileName, `has a shape with no area for ${area} (its rings have fewer than three distinct points).`, downloadAgain);
  }
}

/**
 * The areas, with the code and name the analyst chose. Every area must have both, no code may
 * appear twice, and every geometry must be polygons in longitude/latitude (or reprojected from
 * the National Grid); any failure names the file, the area and what to do.
 */
export function readAreas(file: DecodedBoundaryFile, fileName: string, fields: { codeField: string; nameField: string }, limits: BoundaryLimits): ReadAreas {
  const properties = describeProperties(file);
  const known = properties.map((property) => property.name);
  for (const field of [fields.codeField, fields.nameField]) {
    if (!known.includes(field)) {
      throw boundaryFileProblem(
        fileName,
        `has no property “${field}”.`,
        `Choose the code and the name from its properties: ${known.length > 0 ? known.map((name) => `“${name}”`).join(', ') : '(it has none)'}.`,
      );
    }
  }
  const firstRow = new Map<string, number>();
  const areas: ReadArea[] = [];
  let points = 0;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  file.features.forEach((feature, index) => {
    const number = `area ${formatCount(index + 1)}`;
    const code = text(feature.properties[fields.codeField]);
    if (code === null) throw boundaryFileProblem(fileName, `has no “${fields.codeField}” for ${number} of ${formatCount(file.features.length)}.`, 'Choose a property every area has as the code, or correct the file in QGIS, and import it again.');
    if (code.length > 100) throw boundaryFileProblem(fileName, `has a “${fields.codeField}” of ${formatCount(code.length)} characters for ${number}, too long for an area code.`, 'Choose the property that holds the areas’ codes (such as LSOA11CD).');
    const name = text(feature.properties[fields.nameField]);
    if (name === null) throw boundaryFileProblem(fileName, `has no “${fields.nameField}” for ${code} (${number}).`, 'Choose a property every area has as the name, or correct the file in QGIS, and import it again.');
    const earlier = firstRow.get(code);
    if (earlier !== undefined) {
      throw boundaryFileProblem(
        fileName,
        `has the code ${code} twice (areas ${formatCount(earlier + 1)} and ${formatCount(index + 1)}), so “${fields.codeField}” does not tell its areas apart.`,
        'Choose the property that is different for every area as the code (for LSOAs, LSOA11CD or LSOA21CD), or dissolve the file by that code in QGIS, and import it again.',
      );
    }
    firstRow.set(code, index);
    let normalised;
    try {
      normalised = normaliseGeometry(feature.geometry, file.sourceCrs);
    } catch (error) {
      if (error instanceof GeometryError) throw geometryMessage(error.problem, fileName, `${code}, ${name}`);
      throw error;
    }
    points += normalised.points;
    if (points > limits.maxPoints) {
      throw boundaryFileProblem(
        fileName,
        `has more than ${formatCount(limits.maxPoints)} points in its shapes, more than the workbench keeps from one file.`,
        'Use the ONS’s generalised (“BGC”) boundaries rather than the full-resolution ones, or simplify the file in mapshaper or QGIS, and import that.',
      );
    }
    const [w, s, e, n] = normalised.bbox;
    west = Math.min(west, w);
    south = Math.min(south, s);
    east = Math.max(east, e);
    north = Math.max(north, n);
    areas.push({ code, name: name.slice(0, 500), geometry: JSON.stringify(normalised.geometry), bbox: normalised.bbox });
  });
  // Longitude and latitude the wrong way round: every point would sit in the sea off Somalia.
  if (file.sourceCrs === 'EPSG:4326' && west >= 49 && east <= 61 && south >= -9 && north <= 2.5) {
    throw boundaryFileProblem(
      fileName,
      'has its coordinates as latitude, longitude: GeoJSON gives longitude first, so its areas would be drawn far from Britain.',
      'Save it again from QGIS (Export, Save Features As, GeoJSON, EPSG:4326), which writes longitude first, and import that.',
    );
  }
  return { areas, bbox: [west, south, east, north], points };
}
