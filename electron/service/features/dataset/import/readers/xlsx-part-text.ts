import { type Readable } from 'node:stream';
import { FastTextDecoder } from './fast-text-decoder';
import { cancelled } from './reader-messages';

/**
 * The text of one part of the package, decoded as a stream.
 *
 * exceljs decodes each chunk on its own (TextDecoder without `stream: true`), so a "£" or
 * "é" split across two chunks of inflated XML turns into "��". Handing it whole strings,
 * decoded here with a streaming decoder, keeps those characters intact.
 */
export async function* decodedPartText(
  part: Readable,
  options: { signal?: AbortSignal | undefined; onInflatedBytes?: (bytes: number) => void },
): AsyncGenerator<string> {
  const decoder = new FastTextDecoder(new TextDecoder('utf-8'), 'utf-8');
  try {
    for await (const chunk of part) {
      if (options.signal?.aborted) throw cancelled();
      if (!(chunk instanceof Uint8Array)) throw new TypeError('Expected the workbook part to be read as bytes.');
      options.onInflatedBytes?.(chunk.length);
      const text = decoder.decode(chunk);
      if (text !== '') yield text;
    }
    const tail = decoder.end();
    if (tail !== '') yield tail;
  } finally {
    part.destroy();
  }
}
