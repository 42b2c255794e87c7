/**
 * Guards that keep one odd file from exhausting the analyst's laptop. Every limit has a
 * default that real partner files stay well inside, and callers may tighten them (the tests
 * do, to trigger each guard with a small file).
 */
export interface ReaderLimits {
  /** Cells in one row. Police.uk has 12 columns, wide partner extracts a few hundred. */
  maxColumns: number;
  /**
   * Characters in one CSV record (for the mostly-ASCII data we read, about bytes). A record
   * this long is almost always an unclosed quote swallowing the file, or not a CSV at all.
   */
  maxRecordBytes: number;
  /** Total size the parts of an .xlsx may expand to, from the zip's central directory. */
  maxInflatedBytes: number;
  /**
   * The same for an OpenDocument spreadsheet. Its sheets are streamed and nothing of them is
   * kept, so size costs time rather than memory, and national tables are published with over
   * a gigabyte of XML inside.
   */
  maxOdsInflatedBytes: number;
  /** Expansion ratio above which a large zip entry is treated as a decompression bomb. */
  maxCompressionRatio: number;
  /** Entries smaller than this are not ratio-checked: a tiny, very compressible part is harmless. */
  ratioCheckMinBytes: number;
  /** Parts in one .xlsx; Excel workbooks have tens, rarely a few thousand with many images. */
  maxZipEntries: number;
}

const MiB = 1024 * 1024;

export const defaultReaderLimits: Readonly<ReaderLimits> = Object.freeze({
  maxColumns: 1_000,
  maxRecordBytes: 1 * MiB,
  maxInflatedBytes: 1024 * MiB,
  maxOdsInflatedBytes: 8 * 1024 * MiB,
  // Real worksheet XML deflates about 5–20 : 1; even a sheet of identical styled empty
  // cells stays under 100 : 1, while a bomb made of one repeated byte reaches ~1,000 : 1.
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 10 * MiB,
  maxZipEntries: 10_000,
});

export function resolveLimits(overrides: Partial<ReaderLimits> | undefined): ReaderLimits {
  return { ...defaultReaderLimits, ...overrides };
}
