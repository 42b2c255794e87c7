import { createReadStream, type ReadStream } from 'node:fs';
import { createTextDecoder, detectEncoding, lineBreaksBeforeBadByte } from './csv-encoding';
import { sniffDelimiter } from './csv-delimiter';
import { CsvRecordSplitter } from './csv-record-splitter';
import { type ReaderLimits } from './reader-limits';
import { cancelled, emptyFile, formatCount, invalidFile, isAbortError, quotedFileName } from './reader-messages';
import { type SourceDelimiter, type SourceEncoding, type SourceRow, type SourceTable } from './source-table';

export interface CsvTableInput {
  fileName: string;
  size: number;
  /** The first bytes of the file, already read to recognise it. */
  head: Buffer;
  signal?: AbortSignal;
  limits: ReaderLimits;
}

/** Large enough to keep per-chunk costs small, small enough that memory stays flat. */
const chunkBytes = 256 * 1024;

/**
 * Opens a delimited text file. Encoding, line breaks and delimiter are settled from the
 * start of the file here, so that a problem there is reported before any row is read; no
 * file handle stays open until rows() is iterated.
 */
export function openCsvTable(path: string, input: CsvTableInput): SourceTable {
  const { fileName, size, head } = input;
  const encoding = detectEncoding(head, fileName);
  let sample: string;
  try {
    sample = createTextDecoder(encoding).decode(head, { stream: true });
  } catch {
    throw notValidText(fileName, encoding, 1, false);
  }
  const sampleIsWholeFile = head.length === size;
  if (sampleIsWholeFile && sample.trim() === '') throw emptyFile(fileName);
  // Old Mac files end lines with CR alone; CRLF files contain LF and are split on it.
  const lineBreak = sample.includes('\n') || !sample.includes('\r') ? '\n' : '\r';
  const delimiter = sniffDelimiter(sample, lineBreak, sampleIsWholeFile);
  return new CsvSourceTable(path, input, encoding, delimiter, lineBreak);
}

class CsvSourceTable implements SourceTable {
  readonly kind = 'csv';
  readonly fileName: string;
  readonly bytesTotal: number;
  readonly details: SourceTable['details'];
  private consumed = 0;
  private started = false;
  private closed = false;
  /** Aborted by close(), to stop a read in progress as the caller's signal would. */
  private readonly stop = new AbortController();
  private reading: AsyncGenerator<SourceRow> | undefined;

  constructor(
    private readonly path: string,
    private readonly input: CsvTableInput,
    private readonly encoding: SourceEncoding,
    private readonly delimiter: SourceDelimiter,
    private readonly lineBreak: '\n' | '\r',
  ) {
    this.fileName = input.fileName;
    this.bytesTotal = input.size;
    this.details = { encoding, delimiter };
  }

  bytesRead(): number {
    return this.consumed;
  }

  rows(): AsyncIterable<SourceRow> {
    if (this.started) throw new Error(`The rows of ${this.fileName} have already been read; open the file again to reread it.`);
    if (this.closed) throw new Error(`${this.fileName} has been closed.`);
    this.started = true;
    this.reading = this.readRows();
    return this.reading;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop.abort();
    // Runs the reader's finally blocks if it is paused between rows.
    await this.reading?.return(undefined);
  }

  private async *readRows(): AsyncGenerator<SourceRow> {
    const { fileName, signal, limits } = this.input;
    const stopOrCancel = signal === undefined ? this.stop.signal : AbortSignal.any([signal, this.stop.signal]);
    const decoder = createTextDecoder(this.encoding);
    const splitter = new CsvRecordSplitter({
      fileName,
      delimiter: this.delimiter,
      lineBreak: this.lineBreak,
      maxColumns: limits.maxColumns,
      maxRecordBytes: limits.maxRecordBytes,
    });
    // The stream is destroyed (closing the file) on abort, on error, and when the caller
    // stops iterating early, through the finally below.
    const stream = createReadStream(this.path, { highWaterMark: chunkBytes, signal: stopOrCancel });
    let rowsYielded = 0;
    try {
      for await (const chunk of bufferChunks(stream)) {
        this.consumed += chunk.length;
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          const near = splitter.currentLine + lineBreaksBeforeBadByte(chunk, this.encoding, this.lineBreak);
          throw notValidText(fileName, this.encoding, near, true);
        }
        for (const row of splitter.push(text)) {
          if (stopOrCancel.aborted) throw cancelled();
          yield row;
          rowsYielded++;
        }
      }
      let tail: string;
      try {
        tail = decoder.decode();
      } catch {
        throw notValidText(fileName, this.encoding, splitter.currentLine, true);
      }
      for (const row of splitter.end(tail)) {
        if (stopOrCancel.aborted) throw cancelled();
        yield row;
        rowsYielded++;
      }
      if (rowsYielded === 0) throw emptyFile(fileName);
    } catch (error) {
      // close() while reading: the caller asked for it, so just stop.
      if (this.closed) return;
      if (signal?.aborted || isAbortError(error)) throw cancelled();
      throw error;
    } finally {
      stream.destroy();
    }
  }
}

async function* bufferChunks(stream: ReadStream): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    if (!Buffer.isBuffer(chunk)) throw new TypeError('Expected the file to be read as bytes.');
    yield chunk;
  }
}

function notValidText(fileName: string, encoding: SourceEncoding, nearRow: number, startWasValid: boolean): Error {
  const saved = encoding === 'utf-16le' ? 'Unicode (UTF-16)' : 'UTF-8';
  const contrast = startWasValid ? ', although the start of the file is' : '';
  return invalidFile(
    `${quotedFileName(fileName)} has text near row ${formatCount(nearRow)} that is not valid ${saved}${contrast}. The file may be damaged, or joined together from files saved in different ways. Open it in Excel, save it as “CSV UTF-8 (Comma delimited)”, and import it again.`,
  );
}
