import { type FileHandle, open } from 'node:fs/promises';

/**
 * What an OLE compound file (MS-CFB) holds, from the names in its directory: legacy .xls and
 * .doc files are compound files, and so is any Office file saved with a password
 * (MS-OFFCRYPTO wraps the encrypted package in one). Partners rename files, so the name on
 * the file says nothing.
 */
export type CompoundFileKind = 'encrypted-office' | 'legacy-excel' | 'legacy-word' | 'legacy-powerpoint' | 'unknown';

const freeSector = -1;
const endOfChain = -2;
/** Directory sectors followed at most: a genuine file's directory is a few sectors long. */
const maxDirectorySectors = 4096;

export async function compoundFileKind(path: string): Promise<CompoundFileKind> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const names = await directoryNames(handle);
    if (names.has('encryptedpackage')) return 'encrypted-office';
    if (names.has('workbook') || names.has('book')) return 'legacy-excel';
    if (names.has('worddocument')) return 'legacy-word';
    if (names.has('powerpoint document')) return 'legacy-powerpoint';
    return 'unknown';
  } catch {
    // Not a compound file we can read: the caller says what it most likely is.
    return 'unknown';
  } finally {
    await handle?.close();
  }
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  if (bytesRead !== length) throw new Error('The compound file ends early.');
  return buffer;
}

/** The names of the streams and storages in the directory, in lower case. */
async function directoryNames(handle: FileHandle): Promise<Set<string>> {
  const header = await readAt(handle, 0, 512);
  const sectorShift = header.readUInt16LE(30);
  if (sectorShift !== 9 && sectorShift !== 12) throw new Error('Not a compound file.');
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  // The first 109 sectors of the allocation table are listed in the header, enough for a
  // file of several megabytes; a directory further in than that is not looked for.
  const fatSectors: number[] = [];
  for (let index = 0; index < 109; index += 1) {
    const sector = header.readInt32LE(76 + index * 4);
    if (sector === freeSector || sector === endOfChain) break;
    fatSectors.push(sector);
  }
  const entriesPerSector = sectorSize / 4;
  const nextSector = async (sector: number): Promise<number> => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerSector)];
    if (fatSector === undefined) throw new Error('The directory lies beyond the allocation table read.');
    const entry = await readAt(handle, sectorOffset(fatSector) + (sector % entriesPerSector) * 4, 4);
    return entry.readInt32LE(0);
  };
  const names = new Set<string>();
  let sector = header.readInt32LE(48);
  for (let visited = 0; sector >= 0 && visited < maxDirectorySectors; visited += 1) {
    const block = await readAt(handle, sectorOffset(sector), sectorSize);
    for (let at = 0; at + 128 <= block.length; at += 128) {
      const nameBytes = block.readUInt16LE(at + 64);
      const type = block[at + 66];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.add(block.toString('utf16le', at, at + nameBytes - 2).toLowerCase());
    }
    sector = await nextSector(sector);
  }
  return names;
}
