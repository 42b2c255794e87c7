import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { WorkbenchError } from '../../../../../../shared/result';
import { openSourceTable } from '../readers/source-table';
import type { CellValue, SheetOfRows, SourceTable } from '../readers/source-types';
import { RecordBatchBuilder, transferablesOf } from './record-batch';
import type { SourceWorkerData, SourceWorkerPort, ToSourceWorker } from './source-worker-protocol';

/** Control messages from the writer, awaited one kind at a time. */
class Inbox {
  private credits = 0;
  private readonly plans: { columns: number[] | null; identifierColumn: number | null; skipSheet: boolean }[] = [];
  stopped = false;
  private wake: (() => void) | undefined;
  /** Where the buffers of read batches go back to. */
  onBuffers: (buffers: ArrayBuffer[]) => void = () => undefined;

  private readonly listener = (message: ToSourceWorker) => {
    if (message.type === 'buffers') {
      this.onBuffers(message.buffers);
      return;
    }
    if (message.type === 'plan') {
      this.plans.push({ columns: message.columns, identifierColumn: message.identifierColumn, skipSheet: message.skipSheet });
      this.credits += message.credits;
    } else if (message.type === 'credit') this.credits += message.count;
    else if (message.type === 'stop') this.stopped = true;
    this.wake?.();
  };

  constructor(private readonly port: SourceWorkerPort) {
    port.on('message', this.listener);
  }

  /** Stops listening: this file is finished with. */
  dispose(): void {
    this.port.off('message', this.listener);
  }

  private async until(ready: () => boolean): Promise<void> {
    while (!ready() && !this.stopped) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
  }

  /** The writer's answer to the last head batch. */
  async plan(): Promise<{ columns: number[] | null; identifierColumn: number | null; skipSheet: boolean }> {
    await this.until(() => this.plans.length > 0);
    return this.plans.shift() ?? { columns: null, identifierColumn: null, skipSheet: true };
  }

  /** Waits until a batch may be sent, and spends the credit. */
  async credit(): Promise<void> {
    await this.until(() => this.credits > 0);
    this.credits -= 1;
  }
}

function hasNul(cells: readonly CellValue[]): boolean {
  return cells.some((cell) => typeof cell === 'string' && cell.includes('\u0000'));
}

async function sha256OfFile(path: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The reading thread's work: open the file, read, decode and split its records (for a
 * workbook, inflate and parse the sheet's XML), and send them on in batches, never more
 * batches ahead than the writer allows, with the file's SHA-256 at the end.
 */
export async function readSource(data: SourceWorkerData, port: SourceWorkerPort): Promise<void> {
  const inbox = new Inbox(port);
  const hash = createHash('sha256');
  // A NUL byte in the first megabyte refuses the whole file; after that, it rejects its row.
  let checkNul = false;
  let table: SourceTable | undefined;
  // Ends the workbook's digest, and releases the file, if reading stops before it is done.
  const stopDigest = new AbortController();
  let workbookDigest: Promise<string> | null = null;
  try {
    table = await openSourceTable(data.path, {
      ...(data.sheet ? { sheet: data.sheet } : {}),
      ...(data.limits ? { limits: data.limits } : {}),
      allSheets: data.allSheets,
      // The sheet was checked by the preview; listing an OpenDocument file's sheets would read all of it once more.
      listSheets: false,
      onBytes: (chunk) => {
        hash.update(chunk);
        if (!checkNul && chunk.includes(0)) checkNul = true;
      },
    });
    const opened = table;
    // A workbook is read part by part, out of order, so its bytes are hashed alongside.
    workbookDigest = opened.kind === 'csv' ? null : sha256OfFile(data.path, stopDigest.signal);
    workbookDigest?.catch(() => undefined);
    port.postMessage({ type: 'opened', kind: opened.kind, details: opened.details, bytesTotal: opened.bytesTotal });
    const builder = new RecordBatchBuilder(opened.kind !== 'csv');
    inbox.onBuffers = (buffers) => builder.pool.giveBack(buffers);
    // Each sheet (or the delimited file) starts with a head batch of every cell, sent before any
    // credit is given for the first, after which the reader waits to hear what to send of it.
    let sheet: SheetOfRows | null = null;
    let head = true;
    let skipping = false;
    let planned = false;
    const send = async () => {
      if (planned) await inbox.credit();
      if (inbox.stopped) return;
      const batch = builder.take(opened.bytesRead(), head, sheet);
      port.postMessage({ type: 'batch', batch }, transferablesOf(batch));
      if (!head) return;
      const plan = await inbox.plan();
      planned = true;
      head = false;
      builder.columns = plan.columns;
      builder.identifierColumn = plan.identifierColumn;
      // A delimited file's reader then cuts only those cells out of each record.
      opened.selectColumns(plan.skipSheet || plan.columns === null ? null : plan.identifierColumn === null ? plan.columns : [...plan.columns, plan.identifierColumn]);
      if (plan.skipSheet && sheet !== null) {
        skipping = true;
        opened.skipSheet(sheet);
      }
    };
    for await (const rows of opened.rowBatches()) {
      const rowSheet = opened.currentSheet();
      if (rowSheet !== sheet) {
        // The last sheet's rows go first, with what was asked of them.
        if (builder.rowCount > 0) await send();
        if (inbox.stopped) return;
        sheet = rowSheet;
        head = true;
        skipping = false;
        builder.columns = null;
        builder.identifierColumn = null;
        opened.selectColumns(null);
      }
      for (const row of rows) {
        if (skipping) break;
        builder.add(row.rowNumber, row.cells, row.nul === true || (checkNul && hasNul(row.cells)));
        if (builder.rowCount >= (head ? data.headRows : data.rowsPerBatch)) await send();
        if (inbox.stopped) return;
      }
    }
    if (builder.rowCount > 0) await send();
    if (inbox.stopped) return;
    const sha256 = workbookDigest ? await workbookDigest : hash.digest('hex');
    port.postMessage({ type: 'done', sha256, bytesRead: opened.bytesRead() });
  } catch (error) {
    if (error instanceof WorkbenchError) port.postMessage({ type: 'failed', code: error.code, message: error.message });
    else port.postMessage({ type: 'failed', code: null, message: error instanceof Error ? error.message : String(error) });
  } finally {
    stopDigest.abort();
    await workbookDigest?.catch(() => undefined);
    await table?.close();
    inbox.dispose();
  }
}
