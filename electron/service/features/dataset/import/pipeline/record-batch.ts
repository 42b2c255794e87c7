import { cellText } from '../cells';
import { crimeIdKeyInto } from '../crime-id-set';
import type { CellValue } from '../readers/source-types';
import { detached } from '../readers/detached';

/**
 * Rows travel from the reading thread to the writing thread as a few flat buffers, which
 * are transferred (moved, not copied) and turned back into strings with one decode per
 * batch: far cheaper than structured cloning an array per row.
 */
export interface RecordBatch {
  /** The UTF-8 text of every cell sent, one after another, in its first textBytes bytes. */
  text: ArrayBuffer;
  textBytes: number;
  /** Where each cell ends in the decoded text, in UTF-16 code units. */
  cellEnds: Int32Array;
  /**
   * Six numbers a row: its row number, its number of fields, the cells sent, its flags, and
   * the two halves of its identifier's key (see rowFlags.keyed).
   */
  rows: Int32Array;
  /** What each cell was, for workbooks (CSV cells are all text): see cellKind. */
  kinds: Uint8Array | null;
  /**
   * Per cell, its place in its column's dictionary: -1 for a cell sent as text only; k ≥ 0
   * for the k-th value of the dictionary, sent before (no text); -2 − k for text that becomes
   * the k-th value. Crime types, months and areas repeat a million times: sent once each,
   * they arrive as one string each, which also keeps every lookup of them cheap.
   */
  refs: Int32Array;
  rowCount: number;
  /** Progress through the file when the batch was sent, on the scale of its size in bytes. */
  bytesRead: number;
  /**
   * The first rows of a sheet (or of a delimited file), sent with every cell so that the
   * header can be found; the reader then waits to be told what to send of that sheet.
   */
  head: boolean;
  /** The sheet the rows are from (every row of a batch is from one), or null for a delimited file. */
  sheet: { position: number; name: string } | null;
}

export const rowFlags = {
  nul: 1,
  /** The row's identifier was reduced to its 64-bit key by the reader, and its text not sent. */
  keyed: 2,
  /** The row has an identifier (its key is in the row's last two numbers). */
  hasKey: 4,
} as const;

/** Numbers a row takes in RecordBatch.rows. */
export const rowStride = 6;

const cellKind = { text: 0, number: 1, boolean: 2, date: 3, blank: 4 } as const;

/** Past this many distinct values a column (an identifier, say) is sent as plain text. */
const dictionaryLimit = 4096;

/** The buffers to hand to postMessage's transfer list. */
export function transferablesOf(batch: RecordBatch): ArrayBuffer[] {
  const buffers = [batch.text, batch.cellEnds.buffer as ArrayBuffer, batch.rows.buffer as ArrayBuffer, batch.refs.buffer as ArrayBuffer];
  if (batch.kinds) buffers.push(batch.kinds.buffer as ArrayBuffer);
  return buffers;
}

/**
 * Buffers read batches came back in, for the next batches to be written into. A buffer given
 * to another thread is freed only when that thread next collects its garbage, and the writing
 * thread makes so little that a 10,000,000-row import held some 60 MB of read batches waiting
 * for it; handed back and used again, a batch's buffers cost nothing.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  /** Buffers of batches the writer has read. */
  giveBack(buffers: readonly ArrayBuffer[]): void {
    for (const buffer of buffers) if (this.free.length < maxPooledBuffers && buffer.byteLength > 0) this.free.push(buffer);
  }

  /** The smallest free buffer of at least `bytes`, or a new one (rounded up, so that it fits later batches too). */
  take(bytes: number): ArrayBuffer {
    if (bytes === 0) return new ArrayBuffer(0);
    let best = -1;
    for (let index = 0; index < this.free.length; index += 1) {
      const size = this.free[index]!.byteLength;
      if (size >= bytes && (best === -1 || size < this.free[best]!.byteLength)) best = index;
    }
    if (best !== -1) return this.free.splice(best, 1)[0]!;
    return new ArrayBuffer(Math.max(minimumBufferBytes, 2 ** Math.ceil(Math.log2(Math.max(1, bytes)))));
  }
}

/** A few batches in flight, five buffers each, and a spare or two. */
const maxPooledBuffers = 48;
const minimumBufferBytes = 4096;

/** Integers gathered for one batch: typed from the start, so the reader makes no garbage of boxed numbers. */
class Gathered<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    private values: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = this.make(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** The values in a buffer of their own from the pool (a batch owns its buffers, to move them), and a fresh start. */
  take(pool: BufferPool, view: (buffer: ArrayBuffer, length: number) => T): T {
    const taken = view(pool.take(this.length * this.values.BYTES_PER_ELEMENT), this.length);
    taken.set(this.values.subarray(0, this.length));
    this.length = 0;
    return taken;
  }
}

const int32s = (size: number) => new Int32Array(size);
const int32View = (buffer: ArrayBuffer, length: number) => new Int32Array(buffer, 0, length);
const uint8View = (buffer: ArrayBuffer, length: number) => new Uint8Array(buffer, 0, length);

/** Gathers rows in the reading thread. Only the columns the layout reads are sent, once it is known. */
export class RecordBatchBuilder {
  private parts: string[] = [];
  private length = 0;
  private readonly cellEnds = new Gathered(new Int32Array(1 << 14), int32s);
  private readonly rows = new Gathered(new Int32Array(1 << 14), int32s);
  private readonly kinds = new Gathered(new Uint8Array(1 << 14), (size) => new Uint8Array(size));
  private readonly refs = new Gathered(new Int32Array(1 << 14), int32s);
  /** Per column sent, its values so far, or null once it has too many to be worth it. */
  private dictionaries: (Map<string, number> | null)[] = [];
  private columnsSent: readonly number[] | null = null;
  /** The column whose text is sent as its 64-bit crime key instead (null: none). */
  identifierColumn: number | null = null;
  /** Where batches are written, refilled with the buffers of batches the writer has read. */
  readonly pool = new BufferPool();
  /** The crime key of the row being added. */
  private readonly key = new Int32Array(2);

  constructor(private readonly typed: boolean) {}

  /** Positions to send, or null for every cell (before the layout is known, with no dictionaries). */
  get columns(): readonly number[] | null {
    return this.columnsSent;
  }

  set columns(columns: readonly number[] | null) {
    this.columnsSent = columns;
    this.dictionaries = columns === null ? [] : columns.map(() => new Map());
  }

  get rowCount(): number {
    return this.rows.length / rowStride;
  }

  /** nul: the record holds a NUL character (somewhere, not only in the cells sent). */
  add(rowNumber: number, cells: readonly CellValue[], nul: boolean): void {
    const columns = this.columns;
    const sent = columns === null ? cells.length : columns.length;
    let flags = nul ? rowFlags.nul : 0;
    for (let index = 0; index < sent; index += 1) {
      const cell = cells[columns === null ? index : columns[index]!];
      if (this.typed) this.addTyped(cell, index);
      else this.addString(typeof cell === 'string' ? cell : '', index);
    }
    let high = 0;
    let low = 0;
    if (this.identifierColumn !== null) {
      // A crime is known by its key alone (crime-id-set.ts), so that is all that crosses.
      flags |= rowFlags.keyed;
      const identifier = cellText(cells[this.identifierColumn]);
      if (identifier !== '') {
        flags |= rowFlags.hasKey;
        crimeIdKeyInto(identifier, this.key);
        high = this.key[0]!;
        low = this.key[1]!;
      }
    }
    const rows = this.rows;
    rows.push(rowNumber);
    rows.push(cells.length);
    rows.push(sent);
    rows.push(flags);
    rows.push(high);
    rows.push(low);
  }

  private addText(text: string): void {
    if (text !== '') this.parts.push(text);
    this.length += text.length;
    this.cellEnds.push(this.length);
  }

  /** A text cell of the index-th column sent, through its dictionary while it has one. */
  private addString(text: string, index: number): void {
    const dictionary = this.dictionaries[index];
    if (!dictionary) {
      this.refs.push(-1);
      this.addText(text);
      return;
    }
    const known = dictionary.get(text);
    if (known !== undefined) {
      this.refs.push(known);
      this.cellEnds.push(this.length);
      return;
    }
    if (dictionary.size >= dictionaryLimit) {
      this.dictionaries[index] = null;
      this.refs.push(-1);
    } else {
      dictionary.set(text, dictionary.size);
      this.refs.push(-2 - (dictionary.size - 1));
    }
    this.addText(text);
  }

  private addTyped(cell: CellValue | undefined, index: number): void {
    if (typeof cell === 'string') {
      this.kinds.push(cellKind.text);
      this.addString(cell, index);
      return;
    }
    this.refs.push(-1);
    if (typeof cell === 'number') {
      this.kinds.push(cellKind.number);
      this.addText(String(cell));
    } else if (typeof cell === 'boolean') {
      this.kinds.push(cellKind.boolean);
      this.addText(cell ? '1' : '0');
    } else if (cell instanceof Date) {
      this.kinds.push(cellKind.date);
      this.addText(String(cell.getTime()));
    } else {
      this.kinds.push(cellKind.blank);
      this.addText('');
    }
  }

  /** The rows so far as one batch, and a fresh start. */
  take(bytesRead: number, head: boolean, sheet: RecordBatch['sheet']): RecordBatch {
    const joined = this.parts.join('');
    const textBytes = Buffer.byteLength(joined, 'utf8');
    const text = this.pool.take(textBytes);
    Buffer.from(text, 0, textBytes).write(joined, 'utf8');
    const rowCount = this.rowCount;
    const batch: RecordBatch = {
      text,
      textBytes,
      cellEnds: this.cellEnds.take(this.pool, int32View),
      rows: this.rows.take(this.pool, int32View),
      kinds: this.typed ? this.kinds.take(this.pool, uint8View) : null,
      refs: this.refs.take(this.pool, int32View),
      rowCount,
      bytesRead,
      head,
      sheet: sheet === null ? null : { position: sheet.position, name: sheet.name },
    };
    this.kinds.length = 0;
    this.parts = [];
    this.length = 0;
    return batch;
  }
}

export interface DecodedRow {
  rowNumber: number;
  /** Cells at their positions in the file; positions that were not sent are left empty. */
  cells: CellValue[];
  /** How many fields the record had in the file. */
  fieldCount: number;
  flags: number;
  /** The identifier's key, when flags has rowFlags.hasKey. */
  keyHigh: number;
  keyLow: number;
}

const decoder = new TextDecoder('utf-8');

/**
 * Turns batches back into rows, in the writing thread, keeping the columns' dictionaries from
 * batch to batch. columns: as the builder sent them (null for every cell).
 */
export class BatchDecoder {
  private readonly dictionaries: string[][];

  constructor(private readonly columns: readonly number[] | null) {
    this.dictionaries = (columns ?? []).map(() => []);
  }

  /**
   * With reuse, every row is the same object, refilled: for a visitor that keeps nothing of
   * it once it returns, which saves two allocations a row.
   */
  decode(batch: RecordBatch, visit: (row: DecodedRow) => void, reuse = false): void {
    const { columns, dictionaries } = this;
    const text = decoder.decode(new Uint8Array(batch.text, 0, batch.textBytes));
    const { cellEnds, rows, kinds, refs } = batch;
    const fresh = (): DecodedRow => ({ rowNumber: 0, cells: [], fieldCount: 0, flags: 0, keyHigh: 0, keyLow: 0 });
    const shared = fresh();
    let cell = 0;
    let start = 0;
    for (let row = 0; row < batch.rowCount; row += 1) {
      const at = row * rowStride;
      const sent = rows[at + 2]!;
      const decoded = reuse ? shared : fresh();
      const cells = decoded.cells;
      // Reused with the same columns, every row fills the same positions, so the array is
      // kept as it is: emptied, it would be given new memory every row.
      if (reuse && columns === null) cells.length = 0;
      for (let index = 0; index < sent; index += 1, cell += 1) {
        const end = cellEnds[cell]!;
        const ref = refs[cell]!;
        let value: string;
        if (ref >= 0) value = dictionaries[index]![ref]!;
        else {
          value = start === end ? '' : text.slice(start, end);
          // A dictionary's values are kept for the whole import: copied off the batch's text.
          if (ref <= -2) dictionaries[index]![-2 - ref] = value = detached(value);
        }
        start = end;
        cells[columns === null ? index : columns[index]!] = kinds === null ? value : typedValue(kinds[cell]!, value);
      }
      decoded.rowNumber = rows[at]!;
      decoded.fieldCount = rows[at + 1]!;
      decoded.flags = rows[at + 3]!;
      decoded.keyHigh = rows[at + 4]!;
      decoded.keyLow = rows[at + 5]!;
      visit(decoded);
    }
  }
}

function typedValue(kind: number, raw: string): CellValue {
  switch (kind) {
    case cellKind.text:
      return raw;
    case cellKind.number:
      return Number(raw);
    case cellKind.boolean:
      return raw === '1';
    case cellKind.date:
      return new Date(Number(raw));
    default:
      return null;
  }
}
