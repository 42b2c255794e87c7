import proj4 from 'proj4';

/**
 * Longitude and latitude (WGS 84, as police.uk and the ONS's GeoJSON give them) to British
 * National Grid eastings and northings in metres (OSGB36, EPSG:27700), and back, with proj4.
 *
 * The hotspot analyses need metres: a 250 m cell and a bandwidth in metres mean the same
 * everywhere on the grid, which degrees do not (at Colchester a degree of longitude is about
 * 69 km, a degree of latitude 111 km). The datum shift is the Ordnance Survey's
 * seven-parameter Helmert transformation between WGS 84 and OSGB36 ("A guide to coordinate
 * systems in Great Britain"), with the same parameters as the boundary import's reprojection
 * (electron/service/features/boundaries/import/british-national-grid.ts, which could take
 * them from here), so that points and boundaries meet: the OS gives its error as up to 3.5 m
 * against OSTN15, far inside a 250 m cell and the police.uk map points' own anonymisation.
 * OSTN15 itself needs a correction grid of several megabytes that the app does not carry.
 */
export const britishNationalGridDefinition =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.1502,0.247,0.8421,-20.4894 +units=m +no_defs';

const converter = proj4('EPSG:4326', britishNationalGridDefinition);

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
