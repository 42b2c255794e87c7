import { type Readable } from 'node:stream';
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
  options: { signal?: AbortSignal; onInflatedBytes?: (bytes: number) => void },
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of part) {
      if (options.signal?.aborted) throw cancelled();
      if (!(chunk instanceof Uint8Array)) throw new TypeError('Expected the workbook part to be read as bytes.');
      options.onInflatedBytes?.(chunk.length);
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') yield text;
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  } finally {
    part.destroy();
  }
}

/**
 * Worksheet XML with every formula element (`<f>…</f>` or `<f …/>`) taken out, so that each
 * formula cell is read as the value Excel cached for it, with its own type.
 *
 * Why: exceljs keeps a formula's cached result only when it is truthy, so a formula showing
 * 0 (a COUNTIF with no matches), "" or FALSE came back with no value at all; boolean and
 * error results came back as numbers; date results were not dates; shared formulas became
 * `{ formula: '' }`. A cell without its formula is an ordinary value cell, which exceljs
 * reads correctly in every one of those cases. We never need the formula text itself.
 */
const maxFormulaElementChars = 64 * 1024;

export async function* withoutFormulas(xml: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of xml) {
    const text = pending + chunk;
    const { kept, rest } = stripCompleteFormulas(text);
    // Excel caps a formula at 8,192 characters; an element that never closes is damage,
    // and carrying it on would rescan an ever longer string.
    if (rest.length > maxFormulaElementChars) throw new Error('A formula element in the worksheet never closes.');
    pending = rest;
    if (kept !== '') yield kept;
  }
  if (pending !== '') yield pending;
}

/** Removes the formula elements wholly inside `text`; an element cut off at the end is left in `rest`. */
export function stripCompleteFormulas(text: string): { kept: string; rest: string } {
  let kept = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<f', from);
    if (open === -1) {
      // A lone '<' at the very end may be the start of '<f' in the next chunk.
      const cut = text.endsWith('<') ? text.length - 1 : text.length;
      return { kept: kept + text.slice(from, cut), rest: text.slice(cut) };
    }
    const after = text.charCodeAt(open + 2);
    if (Number.isNaN(after)) return { kept: kept + text.slice(from, open), rest: text.slice(open) };
    // '<f>', '<f ' or '<f/': the formula element itself, not '<filterColumn' and the like.
    if (after !== 0x3e && after !== 0x2f && after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d) {
      kept += text.slice(from, open + 2);
      from = open + 2;
      continue;
    }
    const tagEnd = text.indexOf('>', open + 2);
    if (tagEnd === -1) return { kept: kept + text.slice(from, open), rest: text.slice(open) };
    let elementEnd: number;
    if (text.charCodeAt(tagEnd - 1) === 0x2f) {
      elementEnd = tagEnd + 1;
    } else {
      // Formula text cannot contain '<' (XML escapes it), so the next '</f>' closes it.
      const close = text.indexOf('</f>', tagEnd + 1);
      if (close === -1) return { kept: kept + text.slice(from, open), rest: text.slice(open) };
      elementEnd = close + 4;
    }
    kept += text.slice(from, open);
    from = elementEnd;
  }
}
