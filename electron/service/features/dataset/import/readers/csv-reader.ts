import { createReadStream, type ReadStream } from 'node:fs';
import { createTextDecoder, detectEncoding, lineBreaksBeforeBadByte } from './csv-encoding';
import { FastTextDecoder } from './fast-text-decoder';
import { sniffDelimiter } from './csv-delimiter';
import { CsvRecordSplitter } from './csv-record-splitter';
import { type ReaderLimits } from './reader-limits';
import { cancelled, emptyFile, invalidFile, isAbortError, quotedFileName } from './reader-messages';
import { formatCount } from '../../../../../../shared/format/index';
import { OnceReadTable } from './once-read-table';
import type { SourceDelimiter, SourceEncoding, SourceRow, SourceTable } from './source-types';

export interface CsvTableInput {
  fileName: string;
  size: number;
  /** The first bytes of the file, already read to recognise it. */
  head: Buffer;
  signal?: AbortSignal;
  limits: ReaderLimits;
  /** Sees every byte of the file, in order, as it is read: for a digest computed on the way. */
  onBytes?: (chunk: Buffer) => void;
}

/**
 * Large enough to keep per-chunk costs small, small enough that memory stays flat, and that
 * a chunk's text fits V8's young generation (a larger string takes fresh pages of its own).
 */
const chunkBytes = 64 * 1024;

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

class CsvSourceTable extends OnceReadTable {
  readonly kind = 'csv';
  readonly details: SourceTable['details'];
  private consumed = 0;
  private splitter: CsvRecordSplitter | null = null;
  private wanted: readonly number[] | null = null;

  constructor(
    private readonly path: string,
    private readonly input: CsvTableInput,
    private readonly encoding: SourceEncoding,
    private readonly delimiter: SourceDelimiter,
    private readonly lineBreak: '\n' | '\r',
  ) {
    super(input.fileName, input.size, input.signal);
    this.details = { encoding, delimiter };
  }

  bytesRead(): number {
    return this.consumed;
  }

  override selectColumns(columns: readonly number[] | null): void {
    this.wanted = columns;
    this.splitter?.selectColumns(columns);
  }

  protected async *readBatches(stopOrCancel: AbortSignal): AsyncGenerator<SourceRow[]> {
    const { fileName, signal, limits } = this.input;
    const decoder = new FastTextDecoder(createTextDecoder(this.encoding), this.encoding);
    const splitter = new CsvRecordSplitter({
      fileName,
      delimiter: this.delimiter,
      lineBreak: this.lineBreak,
      maxColumns: limits.maxColumns,
      maxRecordBytes: limits.maxRecordBytes,
      bareCarriageReturn: 'line-break',
    });
    this.splitter = splitter;
    splitter.selectColumns(this.wanted);
    // The stream is destroyed (closing the file) on abort, on error, and when the caller
    // stops iterating early, through the finally below.
    const stream = createReadStream(this.path, { highWaterMark: chunkBytes, signal: stopOrCancel });
    let rowsYielded = 0;
    try {
      for await (const chunk of bufferChunks(stream)) {
        this.consumed += chunk.length;
        this.input.onBytes?.(chunk);
        // A NUL byte in the first megabyte refused the file; after that, it rejects its row.
        if (!splitter.checksNul && chunk.includes(0)) splitter.checksNul = true;
        let text: string;
        try {
          text = decoder.decode(chunk);
        } catch {
          const near = splitter.currentLine + lineBreaksBeforeBadByte(chunk, this.encoding, this.lineBreak);
          throw notValidText(fileName, this.encoding, near, true);
        }
        const rows = splitter.push(text);
        if (stopOrCancel.aborted) throw cancelled();
        if (rows.length > 0) {
          yield rows;
          rowsYielded += rows.length;
        }
      }
      let tail: string;
      try {
        tail = decoder.end();
      } catch {
        throw notValidText(fileName, this.encoding, splitter.currentLine, true);
      }
      const rows = splitter.end(tail);
      if (stopOrCancel.aborted) throw cancelled();
      if (rows.length > 0) {
        yield rows;
        rowsYielded += rows.length;
      }
      if (rowsYielded === 0) throw emptyFile(fileName);
    } catch (error) {
      // close() while reading: the caller asked for it, so just stop.
      if (this.closed) return;
      if (signal?.aborted || isAbortError(error)) throw cancelled();
      throw error;
    } finally {
      this.splitter = null;
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
