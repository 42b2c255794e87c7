import { z } from 'zod';
import { StagedFileToken } from './dataset';

/**
 * Boundary sets: the areas (LSOAs, wards, or any other polygons a partnership uses) that maps
 * are drawn and figures are matched with, each imported from one file and kept in the
 * workspace with where it came from.
 */

/** The files a boundary set is imported from, recognised by their content. */
export const boundaryFormats = ['geojson', 'topojson', 'shapefile'] as const;
export const BoundaryFormat = z.enum(boundaryFormats);
export type BoundaryFormat = z.infer<typeof BoundaryFormat>;

export const boundaryFormatLabels: Record<BoundaryFormat, string> = {
  geojson: 'GeoJSON (longitude/latitude)',
  topojson: 'TopoJSON (longitude/latitude)',
  shapefile: 'Shapefile zip (.shp, .dbf, .prj)',
};

/** What the areas are: the geography a map or a figure is for. */
export const geographyLevels = ['lsoa', 'ward', 'other'] as const;
export const GeographyLevel = z.enum(geographyLevels);
export type GeographyLevel = z.infer<typeof GeographyLevel>;

export const geographyLevelLabels: Record<GeographyLevel, string> = {
  lsoa: 'Lower layer super output areas (LSOAs)',
  ward: 'Electoral wards',
  other: 'Other areas',
};

/** The coordinate systems a source may be in. Every stored geometry is in longitude/latitude (WGS84). */
export const sourceCrsLabels = {
  'EPSG:4326': 'WGS84 longitude/latitude',
  'EPSG:27700': 'British National Grid (OSGB36), reprojected to WGS84 on import',
} as const;
export type SourceCrs = keyof typeof sourceCrsLabels;

/** West, south, east, north, in degrees of longitude and latitude. */
export type BoundingBox = [west: number, south: number, east: number, north: number];

/** One property of the file's features, with a few of its values, so that the analyst can choose the code and the name. */
export interface BoundaryProperty {
  name: string;
  /** Up to five distinct values, as text, in the file's order. */
  examples: string[];
  /** Features with a value for it (not null, not blank). */
  filled: number;
  /** Distinct values among them: a code field has one per feature. */
  distinct: number;
}

export interface BoundaryPreview {
  fileName: string;
  bytes: number;
  format: BoundaryFormat;
  sourceCrs: SourceCrs;
  /** Features in the file (each becomes one area). */
  features: number;
  properties: BoundaryProperty[];
  /** The fields to start from: the ONS's own names (LSOA11CD and LSOA11NM, WD13CD and WD13NM…), or those used last time. */
  suggestedCodeField: string | null;
  suggestedNameField: string | null;
  suggestedLevel: GeographyLevel;
}

/** A file chosen for import as boundaries, known to the service by a token: its path never reaches the page. */
export interface StagedBoundaryFile {
  token: string;
  preview: BoundaryPreview;
}

export const BoundarySetId = z.number().int().positive();

const FieldName = z.string().trim().min(1, 'Choose a property.').max(200);

export const BoundaryImportSettings = z
  .object({
    token: StagedFileToken,
    operationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    codeField: FieldName,
    nameField: FieldName,
    level: GeographyLevel,
    /** The licence and attribution every map drawn from the set carries (OGL: "Contains OS data © Crown copyright…"). */
    attribution: z
      .string()
      .trim()
      .max(5000)
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  .strict();
export type BoundaryImportSettings = z.input<typeof BoundaryImportSettings>;

export interface BoundarySetSummary {
  id: number;
  fileName: string;
  sha256: string;
  bytes: number;
  format: BoundaryFormat;
  sourceCrs: SourceCrs;
  codeField: string;
  nameField: string;
  level: GeographyLevel;
  attribution: string | null;
  importedAt: string;
  areas: number;
  bbox: BoundingBox;
}

/**
 * A GeoJSON Polygon or MultiPolygon (RFC 7946) in longitude/latitude, WGS84, coordinates
 * rounded to 6 decimals (about 0.1 m). Rings follow RFC 7946's right-hand rule: exterior rings
 * counter-clockwise, holes clockwise. (d3-geo's spherical paths want the opposite winding:
 * rewind, or draw with a planar projection such as geoIdentity, where winding does not matter.)
 */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface BoundaryArea {
  code: string;
  name: string;
  bbox: BoundingBox;
  geometry: AreaGeometry;
}

export interface BoundarySetView {
  set: BoundarySetSummary;
  areas: BoundaryArea[];
}
