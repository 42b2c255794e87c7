import { describe, expect, it } from 'vitest';
import {
  BatchDecoder,
  BufferPool,
  RecordBatchBuilder,
  transferablesOf,
  type DecodedRow,
} from '../../../electron/service/features/dataset/import/pipeline/record-batch';

/** Rows through a builder and back, as the two threads see them. */
function decodeAll(decoder: BatchDecoder, batch: ReturnType<RecordBatchBuilder['take']>, reuse: boolean) {
  const rows: { rowNumber: number; cells: unknown[] }[] = [];
  decoder.decode(batch, (row: DecodedRow) => rows.push({ rowNumber: row.rowNumber, cells: [...row.cells] }), reuse);
  return rows;
}

describe('record batches', () => {
  it('are written into the buffers of batches already read, and read back as exactly their own rows', () => {
    const builder = new RecordBatchBuilder(false);
    builder.columns = [1, 3];
    const decoder = new BatchDecoder([1, 3]);
    // A large first batch, whose buffers come back bigger than the next batch needs.
    for (let row = 2; row < 202; row += 1) builder.add(row, ['x', `label-${row}`, 'y', `area ${row % 7} with a long name`], false);
    const first = builder.take(100, false, null);
    expect(decodeAll(decoder, first, true)).toHaveLength(200);
    const buffers = transferablesOf(first);
    builder.pool.giveBack(buffers);

    builder.add(300, ['x', 'Burglary', 'y', 'Colchester 001A'], false);
    builder.add(301, ['x', 'Drugs', 'y', 'area 3 with a long name'], false);
    const second = builder.take(200, false, null);
    // Every buffer of the second batch is one the first batch came back in.
    for (const buffer of transferablesOf(second)) if (buffer.byteLength > 0) expect(buffers).toContain(buffer);
    expect(second.textBytes).toBeLessThan(second.text.byteLength);
    expect(decodeAll(decoder, second, true)).toEqual([
      { rowNumber: 300, cells: [undefined, 'Burglary', undefined, 'Colchester 001A'] },
      { rowNumber: 301, cells: [undefined, 'Drugs', undefined, 'area 3 with a long name'] },
    ]);
  });

  it('keep a reused row’s cells at their columns, each row’s own', () => {
    const builder = new RecordBatchBuilder(false);
    builder.columns = [0, 2];
    builder.add(2, ['a', 'ignored', 'b'], false);
    builder.add(3, ['', 'ignored', 'c'], false);
    const rows = decodeAll(new BatchDecoder([0, 2]), builder.take(1, false, null), true);
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['a', undefined, 'b'] },
      { rowNumber: 3, cells: ['', undefined, 'c'] },
    ]);
  });
});

describe('the buffer pool', () => {
  it('gives the smallest free buffer that fits, and a new one, rounded up, when none does', () => {
    const pool = new BufferPool();
    const small = new ArrayBuffer(8192);
    const large = new ArrayBuffer(65536);
    pool.giveBack([large, small]);
    expect(pool.take(5000)).toBe(small);
    expect(pool.take(5000)).toBe(large);
    const fresh = pool.take(5000);
    expect(fresh).not.toBe(small);
    expect(fresh.byteLength).toBe(8192);
    expect(pool.take(0).byteLength).toBe(0);
  });
});
