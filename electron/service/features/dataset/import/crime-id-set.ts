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
  const key = new Int32Array(2);
  crimeIdKeyInto(id, key);
  return [key[0]!, key[1]!];
}

/** crimeIdKey into key[0] (high) and key[1] (low): for the reader, which works one out for every row. */
export function crimeIdKeyInto(id: string, key: Int32Array): void {
  // Read digit by digit: it runs once per imported crime.
  const high = id.length >= 16 ? hexWord(id, 0) : null;
  const low = high === null ? null : hexWord(id, 8);
  if (high !== null && low !== null) {
    key[0] = high;
    key[1] = low;
    return;
  }
  const hex = createHash('sha256').update(id).digest('hex');
  key[0] = hexWord(hex, 0)!;
  key[1] = hexWord(hex, 8)!;
}

/** Tables the set is split into, by the top bits of a key's mixed form, so that each grows alone. */
const segmentBits = 8;
/**
 * How full a table may get before it grows, by half again. Mixed keys spread evenly, so runs
 * of taken slots stay short even this full (about six probes a new key on average while a
 * table fills, mostly in one cache line); the set is the largest part of a large import's
 * memory, and ten million keys timed the same at 0.9 as at 0.85, in 5 MB less.
 */
const maxLoad = 0.9;
const initialSlots = 64;
/** A slot holds the 56 bits of a mixed key that its table's number does not: 7 bytes. */
const slotBytes = 7;

/** One round of the mix: any function will do for a Feistel network to be reversible; this one spreads bits well. */
function round(value: number, multiplier: number): number {
  let mixed = Math.imul(value ^ (value >>> 16), multiplier);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0x27d4eb2f);
  return mixed ^ (mixed >>> 16);
}

/**
 * The crime identifiers seen so far, as open-addressing hash tables of 64-bit keys. Ten
 * million identifiers take about 83 MB rather than the gigabytes a Set of strings would.
 *
 * Each key is first mixed by a three-round Feistel network on its two 32-bit halves: a
 * reversible mix, so two keys stay two keys, but one that spreads any keys evenly (a
 * partner's sequential hexadecimal identifiers as well as police.uk's digests). The top 8
 * bits of the mixed key choose one of 256 tables, each of which grows on its own, so growing
 * never holds two copies of the whole set; the next 24 place it in its table; and since the
 * table's number is those top bits, a slot stores only the other 56, in 7 bytes rather than 8
 * (an empty slot is all zero; the key that mixes to that is kept aside, per table).
 */
export class CrimeIdSet {
  private readonly tables: Uint8Array[] = Array.from({ length: 1 << segmentBits }, () => new Uint8Array(initialSlots * slotBytes));
  private readonly sizes = new Int32Array(1 << segmentBits);
  private readonly hasZero = new Uint8Array(1 << segmentBits);
  private mixedHigh = 0;
  private mixedLow = 0;

  /** The memory the tables take, in bytes. */
  get bytes(): number {
    let total = 0;
    for (const table of this.tables) total += table.byteLength;
    return total;
  }

  /** How many keys the set holds. */
  get size(): number {
    let total = 0;
    for (let index = 0; index < this.sizes.length; index += 1) total += this.sizes[index]! + this.hasZero[index]!;
    return total;
  }

  /** Adds the key; false when it was already there. */
  add(high: number, low: number): boolean {
    this.mix(high, low);
    return this.addMixed(this.mixedHigh >>> (32 - segmentBits), this.mixedHigh & 0xffffff, this.mixedLow | 0);
  }

  private mix(high: number, low: number): void {
    let left = high | 0;
    let right = low | 0;
    left ^= round(right, 0x9e3779b1);
    right ^= round(left, 0x85ebca6b);
    left ^= round(right, 0xc2b2ae35);
    this.mixedHigh = left >>> 0;
    this.mixedLow = right;
  }

  /** rest: the 24 bits of the mixed high half below the table's number; low: the mixed low half. */
  private addMixed(index: number, rest: number, low: number): boolean {
    if (rest === 0 && low === 0) {
      if (this.hasZero[index]) return false;
      this.hasZero[index] = 1;
      return true;
    }
    let table = this.tables[index]!;
    if (this.sizes[index]! + 1 > maxLoad * (table.length / slotBytes)) table = this.grow(index);
    const slots = table.length / slotBytes;
    // The key's next bits place it, scaled to the table's size.
    let slot = Math.floor((rest * slots) / (1 << 24));
    for (;;) {
      const at = slot * slotBytes;
      const storedLow = table[at]! | (table[at + 1]! << 8) | (table[at + 2]! << 16) | (table[at + 3]! << 24);
      const storedRest = table[at + 4]! | (table[at + 5]! << 8) | (table[at + 6]! << 16);
      if (storedLow === 0 && storedRest === 0) {
        table[at] = low;
        table[at + 1] = low >>> 8;
        table[at + 2] = low >>> 16;
        table[at + 3] = low >>> 24;
        table[at + 4] = rest;
        table[at + 5] = rest >>> 8;
        table[at + 6] = rest >>> 16;
        this.sizes[index] = this.sizes[index]! + 1;
        return true;
      }
      if (storedLow === low && storedRest === rest) return false;
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
      if (this.tables[index]!.length / slotBytes < slots) this.grow(index, slots);
    }
  }

  private grow(index: number, slots = Math.ceil((this.tables[index]!.length / slotBytes) * 1.5)): Uint8Array {
    const old = this.tables[index]!;
    const table = new Uint8Array(slots * slotBytes);
    this.tables[index] = table;
    this.sizes[index] = 0;
    for (let at = 0; at < old.length; at += slotBytes) {
      const low = old[at]! | (old[at + 1]! << 8) | (old[at + 2]! << 16) | (old[at + 3]! << 24);
      const rest = old[at + 4]! | (old[at + 5]! << 8) | (old[at + 6]! << 16);
      if (low !== 0 || rest !== 0) this.addMixed(index, rest, low);
    }
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
