import proj4 from 'proj4';

/**
 * Longitude and latitude (WGS 84, as police.uk and the ONS's GeoJSON give them) to British
 * National Grid eastings and northings in metres (OSGB36, EPSG:27700), and back, with proj4:
 * the hotspot analyses need metres (a 250 m cell means the same everywhere on the grid, which
 * degrees do not), and the ONS's shapefiles come in metres.
 *
 * The projection is the National Grid's Transverse Mercator on the Airy 1830 ellipsoid
 * (a = 6,377,563.396 m, b = 6,356,256.909 m; true origin 49°N 2°W, scale 0.9996012717, false
 * origin 400,000 m east and −100,000 m north), as Ordnance Survey's "A guide to coordinate
 * systems in Great Britain" (section "The National Grid" and its annex of projection formulae)
 * defines it.
 *
 * The datum shift from OSGB36 to WGS84 is the guide's 7-parameter Helmert transformation
 * ("Approximate WGS84 to OSGB36/ODN transformation"), with every sign reversed for the reverse
 * direction: tX +446.448 m, tY −125.157 m, tZ +542.060 m, rX +0.1502″, rY +0.2470″, rZ +0.8421″,
 * scale −20.4894 ppm, in the position-vector convention proj4's towgs84 uses (EPSG method
 * 9606; EPSG:27700's published proj4 definition carries the same numbers, rounded to three
 * decimals). OS states
 * its error as up to 3.5 m (95%) against the definitive OSTN15 transformation: ample for
 * drawing LSOAs and wards and for placing police.uk points (themselves snapped to anonymous map
 * points), and it needs no grid file, so the app stays small and offline.
 */
export const nationalGridProjection = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs';

/** OSGB36 to WGS84: tX, tY, tZ in metres, rX, rY, rZ in seconds of arc, scale in parts per million. */
export const osgb36ToWgs84Helmert = [446.448, -125.157, 542.06, 0.1502, 0.247, 0.8421, -20.4894] as const;

export const britishNationalGridDefinition = `${nationalGridProjection} +towgs84=${osgb36ToWgs84Helmert.join(',')}`;

export const wgs84 = '+proj=longlat +datum=WGS84 +no_defs';

const converter = proj4(wgs84, britishNationalGridDefinition);

/** [easting, northing] in metres for [longitude, latitude] in degrees. */
export function lonLatToBritishNationalGrid(longitude: number, latitude: number): [number, number] {
  const [x, y] = converter.forward([longitude, latitude]);
  return [x!, y!];
}

/** [longitude, latitude] in degrees for [easting, northing] in metres. */
export function britishNationalGridToLonLat(easting: number, northing: number): [number, number] {
  const [x, y] = converter.inverse([easting, northing]);
  return [x!, y!];
}

/**
 * Many points at once, into typed arrays (the shape the hotspot analyses read). A point with
 * no location (NaN) stays NaN.
 */
export function lonLatArraysToBritishNationalGrid(longitudes: ArrayLike<number>, latitudes: ArrayLike<number>): { x: Float64Array; y: Float64Array } {
  if (longitudes.length !== latitudes.length) throw new RangeError('Each point needs a longitude and a latitude.');
  const x = new Float64Array(longitudes.length);
  const y = new Float64Array(longitudes.length);
  for (let index = 0; index < longitudes.length; index += 1) {
    const longitude = longitudes[index]!;
    const latitude = latitudes[index]!;
    if (!(Number.isFinite(longitude) && Number.isFinite(latitude))) {
      x[index] = Number.NaN;
      y[index] = Number.NaN;
      continue;
    }
    const [easting, northing] = converter.forward([longitude, latitude]);
    x[index] = easting!;
    y[index] = northing!;
  }
  return { x, y };
}

/**
 * The National Grid's extent, with a margin: a coordinate outside it is not British National
 * Grid at all (or the file is damaged), and reprojecting it would draw nonsense.
 */
export function isOnTheNationalGrid(easting: number, northing: number): boolean {
  return easting >= -100_000 && easting <= 800_000 && northing >= -100_000 && northing <= 1_400_000;
}
