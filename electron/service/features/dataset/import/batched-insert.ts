import type { Statement } from 'better-sqlite3';
import type { WorkspaceDatabase } from '../../../workspace-file';

/**
 * Inserts rows many at a time with one multi-row statement: for a million-row import it
 * saves about a fifth of the time spent in SQLite. Table and column names come from the
 * caller's code, never from a file.
 *
 * The values wait in one array of a full batch's length, filled in place and reused: an
 * array emptied and pushed to again would be given new memory batch after batch, which on a
 * 10,000,000-row import is enough garbage to make V8 double the writing thread's nursery.
 */
export class BatchedInsert {
  private readonly many: Statement;
  private readonly one: Statement;
  private readonly values: unknown[];
  private filled = 0;

  constructor(
    db: WorkspaceDatabase,
    table: string,
    private readonly columns: readonly string[],
    rowsPerBatch = 128,
  ) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    const into = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(into + Array.from({ length: rowsPerBatch }, () => row).join(', '));
    this.one = db.prepare(into + row);
    this.values = new Array<unknown>(columns.length * rowsPerBatch).fill(null);
  }

  /** The next value of the row being added, column by column; then call added(). */
  push(value: unknown): void {
    this.values[this.filled++] = value;
  }

  add(...values: unknown[]): void {
    for (const value of values) this.push(value);
    this.added();
  }

  /** Writes a full batch once the values pushed make one. */
  added(): void {
    if (this.filled === this.values.length) {
      this.many.run(this.values);
      this.filled = 0;
    }
  }

  /** Writes what is left; call before reading the table back. */
  flush(): void {
    for (let start = 0; start < this.filled; start += this.columns.length) {
      this.one.run(this.values.slice(start, start + this.columns.length));
    }
    this.filled = 0;
  }
}
