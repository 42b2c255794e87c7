/**
 * Guards that keep one odd boundary file from exhausting the analyst's laptop. The defaults
 * take every LSOA in England and Wales (about 35,000 areas, a few million points in the ONS's
 * generalised files) with room to spare; tests tighten them to trigger each guard with a small
 * file.
 */
export interface BoundaryLimits {
  /** Bytes of the file itself. A JSON file is held whole while it is parsed. */
  maxFileBytes: number;
  /** Areas in one file. */
  maxAreas: number;
  /** Points (vertices) over all areas. */
  maxPoints: number;
  /** Entries in a shapefile zip: an ONS download has five to ten. */
  maxZipEntries: number;
  /** Bytes the zip's files may inflate to, all together. */
  maxInflatedBytes: number;
  /** Expansion ratio above which a large entry is treated as a decompression bomb. */
  maxCompressionRatio: number;
  /** Entries smaller than this are not ratio-checked: a small, very compressible .dbf is harmless. */
  ratioCheckMinBytes: number;
}

const MiB = 1024 * 1024;

export const defaultBoundaryLimits: Readonly<BoundaryLimits> = Object.freeze({
  // A JavaScript string holds at most about 512 MB; the ONS's full-resolution England and
  // Wales LSOA GeoJSON is about 400 MB, the generalised one about 60 MB.
  maxFileBytes: 500 * MiB,
  maxAreas: 100_000,
  maxPoints: 40_000_000,
  maxZipEntries: 100,
  maxInflatedBytes: 1024 * MiB,
  // Shapefile geometry deflates about 2–4 : 1 and a .dbf of codes perhaps 20 : 1; a bomb of
  // one repeated byte reaches about 1,000 : 1.
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 10 * MiB,
});

export function resolveBoundaryLimits(overrides: Partial<BoundaryLimits> | undefined): BoundaryLimits {
  return { ...defaultBoundaryLimits, ...overrides };
}
