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

/**
 * The crime identifiers seen so far, as an open-addressing hash set of 64-bit keys: 16 bytes
 * a slot, so a million identifiers take about 32 MB rather than the hundreds a Set of strings
 * would.
 */
export class CrimeIdSet {
  private high = new Int32Array(1 << 16);
  private low = new Int32Array(1 << 16);
  private used = new Uint8Array(1 << 16);
  private size = 0;

  /** Adds the key; false when it was already there. */
  add(high: number, low: number): boolean {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    const mask = this.used.length - 1;
    let slot = (Math.imul(low ^ high, 0x9e3779b1) >>> 0) & mask;
    while (this.used[slot]) {
      if (this.high[slot] === high && this.low[slot] === low) return false;
      slot = (slot + 1) & mask;
    }
    this.used[slot] = 1;
    this.high[slot] = high;
    this.low[slot] = low;
    this.size += 1;
    return true;
  }

  private grow(): void {
    const { high, low, used } = this;
    const capacity = used.length * 2;
    this.high = new Int32Array(capacity);
    this.low = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.size = 0;
    for (let slot = 0; slot < used.length; slot += 1) if (used[slot]) this.add(high[slot]!, low[slot]!);
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
