import { cancelled } from './reader-messages';
import type { SheetOfRows, SourceRow, SourceTable } from './source-types';

/**
 * What every reader shares: rows can be read once, close() may come at any moment (even
 * between rows, from another part of the import), and it always releases the file.
 */
export abstract class OnceReadTable implements SourceTable {
  abstract readonly kind: SourceTable['kind'];
  abstract readonly details: SourceTable['details'];
  private started = false;
  /** Set by close(): a read that stops because of it ends quietly rather than with an error. */
  protected closed = false;
  /** Aborted by close(), to stop a read in progress as the caller's signal would. */
  private readonly stop = new AbortController();
  private reading: AsyncGenerator<SourceRow[]> | undefined;

  constructor(
    readonly fileName: string,
    readonly bytesTotal: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  abstract bytesRead(): number;

  /** A delimited file has no sheets; a workbook's reader says which sheet each row is from. */
  currentSheet(): SheetOfRows | null {
    return null;
  }

  skipSheet(sheet: SheetOfRows): void {
    void sheet;
  }

  /** Only a delimited file's reader can save work by leaving cells out. */
  selectColumns(columns: readonly number[] | null): void {
    void columns;
  }

  /**
   * Reads the rows, some at a time (each batch from one sheet), stopping when stopOrCancel
   * aborts; finally blocks release the file.
   */
  protected abstract readBatches(stopOrCancel: AbortSignal): AsyncGenerator<SourceRow[]>;

  rowBatches(): AsyncIterable<SourceRow[]> {
    if (this.started) throw new Error(`The rows of ${this.fileName} have already been read; open the file again to reread it.`);
    if (this.closed) throw new Error(`${this.fileName} has been closed.`);
    this.started = true;
    const stopOrCancel = this.signal === undefined ? this.stop.signal : AbortSignal.any([this.signal, this.stop.signal]);
    this.reading = this.readBatches(stopOrCancel);
    return this.reading;
  }

  rows(): AsyncIterable<SourceRow> {
    // Started here, not on the first next(), so that a second read fails at once.
    return this.oneByOne(this.rowBatches());
  }

  private async *oneByOne(batches: AsyncIterable<SourceRow[]>): AsyncGenerator<SourceRow> {
    for await (const batch of batches) {
      for (const row of batch) {
        // A close() or a Cancel between rows stops at once, not at the end of the batch.
        if (this.closed) return;
        if (this.signal?.aborted) throw cancelled();
        yield row;
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop.abort();
    // Runs the reader's finally blocks if it is paused between rows.
    await this.reading?.return(undefined);
  }
}
