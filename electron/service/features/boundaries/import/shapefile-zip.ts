import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { WorkbenchError } from '../../../../../shared/result';
import type { BoundaryLimits } from './boundary-limits';
import { boundaryFileProblem, downloadAgain, formatCount, formatSize } from './boundary-messages';

/**
 * The parts of one shapefile, from a zip as the ONS Open Geography Portal serves it. The zip is
 * checked before anything is inflated, as the workbook reader checks an .xlsx
 * (readers/xlsx-package.ts): the number of entries, each entry's declared size and expansion
 * ratio, their total, encryption, and names that climb out of the archive (“../”, absolute
 * paths), which no genuine download has. yauzl's validateEntrySizes stops an entry that
 * inflates past what it declared, so the declared sizes checked here bind. Nothing is written
 * to disk: the parts are read into memory, by name.
 */
export interface ShapefileParts {
  /** The shapefile's name inside the zip, without its extension. */
  name: string;
  shp: Buffer;
  dbf: Buffer;
  prj: string;
  /** The .cpg file's code page (the .dbf's text encoding), when the zip has one. */
  cpg: string | null;
}

const parts = ['.shp', '.dbf', '.prj', '.cpg'] as const;

export async function readShapefileZip(bytes: Buffer, fileName: string, limits: BoundaryLimits): Promise<ShapefileParts> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true, strictFileNames: false });
  } catch {
    throw damagedZip(fileName);
  }
  try {
    const entries = await checkedEntries(zip, fileName, limits);
    const shapefiles = [...entries.keys()].filter((name) => name.endsWith('.shp')).map((name) => name.slice(0, -4));
    if (shapefiles.length === 0) {
      throw boundaryFileProblem(
        fileName,
        'is a zip, but holds no shapefile (.shp).',
        `${entries.size === 0 ? 'The zip is empty. ' : ''}${downloadAgain}`,
      );
    }
    if (shapefiles.length > 1) {
      throw boundaryFileProblem(
        fileName,
        `holds ${formatCount(shapefiles.length)} shapefiles (${shapefiles.map((name) => `${posix.basename(name)}.shp`).join(', ')}), and the workbench imports one set of boundaries at a time.`,
        'Put the one you want (its .shp, .dbf and .prj together) in a zip of its own, and import that.',
      );
    }
    const name = shapefiles[0]!;
    const missing = (['.dbf', '.prj'] as const).filter((extension) => !entries.has(`${name}${extension}`));
    if (missing.length > 0) {
      const why = missing.includes('.prj')
        ? 'without its .prj, the workbench cannot tell which coordinate system it is in'
        : 'without its .dbf, the areas have no codes or names';
      throw boundaryFileProblem(fileName, `holds ${posix.basename(name)}.shp but not its ${missing.join(' or ')}: ${why}.`, downloadAgain);
    }
    const read = async (extension: (typeof parts)[number]) => {
      const entry = entries.get(`${name}${extension}`);
      return entry ? readEntry(zip, entry, fileName) : null;
    };
    const [shp, dbf, prj, cpg] = [await read('.shp'), await read('.dbf'), await read('.prj'), await read('.cpg')];
    return { name: posix.basename(name), shp: shp!, dbf: dbf!, prj: prj!.toString('utf8'), cpg: cpg ? cpg.toString('latin1').trim() : null };
  } finally {
    zip.close();
  }
}

/** Entries by their name in lower case, after every check. */
async function checkedEntries(zip: ZipFile, fileName: string, limits: BoundaryLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.maxZipEntries) {
    throw boundaryFileProblem(
      fileName,
      `has ${formatCount(zip.entryCount)} files inside, far more than a shapefile download has, so it has not been opened.`,
      'Extract the shapefile you want (its .shp, .dbf and .prj) into a zip of its own, and import that.',
    );
  }
  const entries = new Map<string, Entry>();
  let inflatedTotal = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (climbsOut(entry.fileName)) throw climbsOutOfTheZip(fileName, entry.fileName);
      if (entry.isEncrypted()) {
        throw boundaryFileProblem(fileName, 'is protected with a password, so it cannot be read.', 'Extract the shapefile, zip it again without a password, and import that.');
      }
      inflatedTotal += entry.uncompressedSize;
      if (entry.uncompressedSize >= limits.ratioCheckMinBytes && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio) {
        throw likelyZipBomb(fileName, `“${entry.fileName}” expands more than ${formatCount(limits.maxCompressionRatio)} times (to ${formatSize(entry.uncompressedSize)})`);
      }
      if (entry.fileName.endsWith('/')) continue;
      const lower = entry.fileName.toLowerCase();
      if (parts.some((extension) => lower.endsWith(extension))) entries.set(lower, entry);
    }
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    // yauzl itself refuses such a name while it decodes the entry ("invalid relative path: ../x").
    const climbing = error instanceof Error ? /^(absolute path|invalid relative path): (.*)$/.exec(error.message) : null;
    if (climbing) throw climbsOutOfTheZip(fileName, climbing[2]!);
    throw damagedZip(fileName);
  }
  if (inflatedTotal > limits.maxInflatedBytes) {
    throw boundaryFileProblem(
      fileName,
      `would expand to ${formatSize(inflatedTotal)}, more than the ${formatSize(limits.maxInflatedBytes)} the workbench accepts from one boundary zip.`,
      'Use the ONS’s generalised (“BGC”) boundaries, or clip the shapefile to your area in QGIS, and import that.',
    );
  }
  return entries;
}

/** A name that is absolute, has a drive letter, or climbs with “..”: never in a genuine download. */
function climbsOut(name: string): boolean {
  const unified = name.replace(/\\/g, '/');
  return unified.startsWith('/') || /^[A-Za-z]:/.test(unified) || unified.split('/').includes('..');
}

async function readEntry(zip: ZipFile, entry: Entry, fileName: string): Promise<Buffer> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw damagedZip(fileName);
  }
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    // yauzl's validateEntrySizes: the entry inflated past the size it declared.
    if (error instanceof Error && /too many bytes|expected/i.test(error.message)) {
      throw likelyZipBomb(fileName, `“${entry.fileName}” expands to more than its own header says`);
    }
    throw damagedZip(fileName);
  }
  return Buffer.concat(chunks);
}

function climbsOutOfTheZip(fileName: string, entryName: string): WorkbenchError {
  return boundaryFileProblem(
    fileName,
    `holds a file named “${entryName}”, which points outside the zip. Genuine downloads never do; zips made to attack a computer do.`,
    `It has not been opened. ${downloadAgain}`,
  );
}

function damagedZip(fileName: string): WorkbenchError {
  return boundaryFileProblem(fileName, 'is a damaged zip: parts of it cannot be read (the download may have been cut short).', downloadAgain);
}

function likelyZipBomb(fileName: string, how: string): WorkbenchError {
  return boundaryFileProblem(
    fileName,
    `does not look like a genuine shapefile download: ${how}, which is typical of a “zip bomb” made to exhaust the computer’s memory.`,
    `It has not been opened. ${downloadAgain}`,
  );
}
