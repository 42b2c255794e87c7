import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPackedKeys, crimeIdKey, CrimeIdSet, packKeys } from '../../../electron/service/features/dataset/import/crime-id-set';

describe('the crime identifier set', () => {
  it('reports each identifier new once, however large it grows', () => {
    const set = new CrimeIdSet();
    for (let index = 0; index < 200_000; index += 1) expect(set.add(index, index * 7)).toBe(true);
    for (let index = 0; index < 200_000; index += 1000) expect(set.add(index, index * 7)).toBe(false);
    expect(set.add(1, 0)).toBe(true);
  });

  it('agrees with a Set of strings on any sequence of identifiers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.stringMatching(/^[0-9a-f]{16,64}$/), fc.string()), { maxLength: 300 }), (ids) => {
        const set = new CrimeIdSet();
        const seen = new Set<string>();
        for (const id of ids) {
          const [high, low] = crimeIdKey(id);
          const normalised = /^[0-9a-f]{16}/i.test(id) ? id.slice(0, 16).toLowerCase() : id;
          expect(set.add(high, low)).toBe(!seen.has(normalised));
          seen.add(normalised);
        }
      }),
    );
  });

  it('uses a police.uk Crime ID’s own leading digits', () => {
    expect(crimeIdKey('910e17a935b5bd3c5d7f5e1b1f947a279b52e77933eb0fcf92b7aec8e4e6e94a')).toEqual([0x910e17a9 | 0, 0x35b5bd3c | 0]);
  });

  it('packs keys into a block that reads back as the same keys', () => {
    const keys = new Int32Array([1, 2, -3, 4, 0x7fffffff, -0x80000000, 9, 9]);
    const block = packKeys(keys, 3);
    expect(block.length).toBe(24);
    const set = new CrimeIdSet();
    // An unaligned copy, as a database may hand it back.
    addPackedKeys(set, Buffer.concat([Buffer.from([0]), block]).subarray(1));
    expect(set.add(1, 2)).toBe(false);
    expect(set.add(-3, 4)).toBe(false);
    expect(set.add(0x7fffffff, -0x80000000)).toBe(false);
    expect(set.add(9, 9)).toBe(true);
  });

  it('spreads keys that differ only in a few bits, as sequential identifiers do, and keeps the key that mixes to nothing', () => {
    const set = new CrimeIdSet();
    for (let index = 0; index < 100_000; index += 1) expect(set.add(0, index)).toBe(true);
    for (let index = 0; index < 100_000; index += 1) expect(set.add(0, index)).toBe(false);
    // No table took more than a few times its share.
    const tables = (set as unknown as { sizes: Int32Array }).sizes;
    expect(Math.max(...tables)).toBeLessThan((100_000 / 256) * 1.5);
    expect(set.size).toBe(100_000);
  });

  it('keeps every key when made room for in advance, and counts them', () => {
    const set = new CrimeIdSet();
    for (let index = 1; index <= 5_000; index += 1) set.add(index, -index);
    set.reserve(100_000);
    expect(set.size).toBe(5_000);
    for (let index = 1; index <= 5_000; index += 1) expect(set.add(index, -index)).toBe(false);
    expect(set.add(0, 0)).toBe(true);
    expect(set.size).toBe(5_001);
  });

  it('holds a million keys in under 9 bytes each once made room for', () => {
    const set = new CrimeIdSet();
    set.reserve(1_000_000);
    const reserved = set.bytes;
    expect(reserved).toBeLessThan(9_000_000);
    let added = 0;
    for (let index = 1; index <= 1_000_000; index += 1) if (set.add(Math.imul(index, 0x2545f491), index)) added += 1;
    expect(added).toBe(1_000_000);
    expect(set.size).toBe(1_000_000);
    // Room made in advance is enough: no table had to grow.
    expect(set.bytes).toBe(reserved);
  });
});
