import { createHash } from 'node:crypto';

/** The value of a hex digit's character code, or -1. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** Eight hex digits from `start` as a signed 32-bit integer, or null if any is not a hex digit. */
function hexWord(text: string, start: number): number | null {
  let value = 0;
  for (let at = start; at < start + 8; at += 1) {
    const digit = hexDigit(text.charCodeAt(at));
    if (digit < 0) return null;
    value = (value << 4) | digit;
  }
  return value;
}

/**
 * A crime identifier reduced to 64 bits, as two 32-bit halves. police.uk Crime IDs are
 * already SHA-256 digests, so their first 16 hex digits are used as they are; any other
 * identifier is hashed first. Two different identifiers share a key with a chance of about
 * 1 in 10^13 for a million rows, far below any error in the data itself.
 */
export function crimeIdKey(id: string): [number, number] {
  // Read digit by digit: it runs once per imported crime.
  const high = id.length >= 16 ? hexWord(id, 0) : null;
  const low = high === null ? null : hexWord(id, 8);
  if (high !== null && low !== null) return [high, low];
  const hex = createHash('sha256').update(id).digest('hex');
  return [hexWord(hex, 0)!, hexWord(hex, 8)!];
}

/** Tables the set is split into, by the top bits of a key's hash, so that each grows alone. */
const segmentBits = 8;
/**
 * How full a table may get before it grows, by half again. Keys are digests, so they spread
 * evenly and runs of taken slots stay short even this full (about five probes a new key on
 * average while a table fills); the set is most of a large import's memory.
 */
const maxLoad = 0.85;
const initialSlots = 64;

/**
 * The crime identifiers seen so far, as open-addressing hash tables of 64-bit keys, 8 bytes
 * a slot (an empty slot is the key 0, 0; that key itself is kept aside). Ten million
 * identifiers take about 100 MB rather than the gigabytes a Set of strings would. The keys
 * are split over 256 tables that each grow on their own, so growing never holds two copies
 * of the whole set.
 */
export class CrimeIdSet {
  private readonly tables: Int32Array[] = Array.from({ length: 1 << segmentBits }, () => new Int32Array(initialSlots * 2));
  private readonly sizes = new Int32Array(1 << segmentBits);
  private hasZero = false;

  /** The memory the tables take, in bytes. */
  get bytes(): number {
    let total = 0;
    for (const table of this.tables) total += table.byteLength;
    return total;
  }

  /** How many keys the set holds. */
  get size(): number {
    let total = this.hasZero ? 1 : 0;
    for (const size of this.sizes) total += size;
    return total;
  }

  /** Adds the key; false when it was already there. */
  add(high: number, low: number): boolean {
    if (high === 0 && low === 0) {
      if (this.hasZero) return false;
      this.hasZero = true;
      return true;
    }
    const hash = Math.imul(low ^ high, 0x9e3779b1) >>> 0;
    const index = hash >>> (32 - segmentBits);
    let table = this.tables[index]!;
    if (this.sizes[index]! + 1 > maxLoad * (table.length >> 1)) table = this.grow(index);
    const slots = table.length >> 1;
    // The hash's other bits place the key, scaled to the table's size.
    let slot = Math.floor(((hash & ((1 << (32 - segmentBits)) - 1)) * slots) / (1 << (32 - segmentBits)));
    for (;;) {
      const at = slot * 2;
      const storedHigh = table[at]!;
      const storedLow = table[at + 1]!;
      if (storedHigh === 0 && storedLow === 0) {
        table[at] = high;
        table[at + 1] = low;
        this.sizes[index] = this.sizes[index]! + 1;
        return true;
      }
      if (storedHigh === high && storedLow === low) return false;
      slot = slot + 1 === slots ? 0 : slot + 1;
    }
  }

  /**
   * Makes room for about `keys` keys in all, at once. Keys spread evenly, so the tables would
   * otherwise all grow at about the same moment, holding their old copies until the garbage
   * collector comes round: sizing them once, early, keeps a large import's memory flat.
   */
  reserve(keys: number): void {
    // Each table gets its share of the keys, and room for the chance spread around it (four
    // standard deviations), so that none has to grow.
    const share = keys / (1 << segmentBits);
    const slots = Math.ceil((share + 4 * Math.sqrt(share) + 8) / maxLoad);
    for (let index = 0; index < this.tables.length; index += 1) {
      if (this.tables[index]!.length >> 1 < slots) this.grow(index, slots);
    }
  }

  private grow(index: number, slots = Math.ceil((this.tables[index]!.length >> 1) * 1.5)): Int32Array {
    const old = this.tables[index]!;
    const table = new Int32Array(slots * 2);
    this.tables[index] = table;
    this.sizes[index] = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at] !== 0 || old[at + 1] !== 0) this.add(old[at]!, old[at + 1]!);
    return table;
  }
}

/** Keys a block of crime_key_block holds: 512 KB, written as the import goes. */
export const keysPerBlock = 65_536;

/**
 * Crime keys packed for storage: each key as two 32-bit integers (high, low), little-endian
 * as on every platform the workbench runs on. One row a block instead of one row a crime
 * takes the identifiers out of the import's per-row database work.
 */
export function packKeys(keys: Int32Array, count: number): Buffer {
  return Buffer.from(keys.buffer, keys.byteOffset, count * 8);
}

export function addPackedKeys(set: CrimeIdSet, block: Uint8Array): void {
  // A copy, because a 32-bit view needs aligned memory.
  const keys = new Int32Array(new Uint8Array(block).buffer, 0, Math.floor(block.length / 8) * 2);
  for (let at = 0; at < keys.length; at += 2) set.add(keys[at]!, keys[at + 1]!);
}
