import type { WorkbenchError } from '../../../../../shared/result';
import { formatSize, invalidFile, quotedFileName } from '../../dataset/import/readers/reader-messages';
import { formatCount } from '../../../../../shared/format/index';

/**
 * Sentences for a boundary file that cannot be imported. Each names the file, says what is
 * wrong in the analyst's terms, and what to do: usually, download the file again from the
 * ONS Open Geography Portal, or save it from QGIS in the form the workbench reads.
 */

export { formatCount, formatSize, quotedFileName };

/** What every boundary failure ends with: nothing changed. */
const unchanged = 'Nothing was imported.';

export function boundaryFileProblem(fileName: string, problem: string, whatToDo: string): WorkbenchError {
  return invalidFile(`${quotedFileName(fileName)} ${problem} ${unchanged} ${whatToDo}`);
}

export const downloadAgain =
  'Download the boundaries again from the ONS Open Geography Portal (geoportal.statistics.gov.uk) as GeoJSON or as a shapefile zip, and import that.';

export const saveAsWgs84 =
  'Save it as GeoJSON in WGS84 longitude/latitude (in QGIS: Export, Save Features As, CRS EPSG:4326), or import the ONS shapefile zip in British National Grid, which the workbench reprojects itself.';

export function emptyBoundaryFile(fileName: string): WorkbenchError {
  return boundaryFileProblem(fileName, 'is empty.', `Check that you chose the right file. ${downloadAgain}`);
}

export function notABoundaryFile(fileName: string, looksLike: string): WorkbenchError {
  return boundaryFileProblem(
    fileName,
    `is not a boundary file (it looks like ${looksLike}).`,
    'Choose a GeoJSON or TopoJSON file in longitude/latitude, or a zip holding a shapefile (.shp, .dbf and .prj), as the ONS Open Geography Portal provides them.',
  );
}

export function tooLarge(fileName: string, bytes: number, limit: number): WorkbenchError {
  return boundaryFileProblem(
    fileName,
    `is ${formatSize(bytes)}, more than the ${formatSize(limit)} the workbench reads as one boundary file.`,
    'Use the ONS’s generalised (“BGC” or “BSC”) boundaries rather than the full-resolution ones, or clip the file to your area in QGIS, and import that.',
  );
}
