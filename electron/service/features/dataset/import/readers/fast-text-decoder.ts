import { isAscii } from 'node:buffer';

/**
 * A streaming decoder that copies chunks of plain ASCII instead of decoding them.
 *
 * Most of a large file is ASCII, for which UTF-8, Windows-1252 and Latin-1 are the same bytes,
 * and Latin-1 is a plain copy: a chunk that is all ASCII, with no character left half-read by
 * the one before it, is copied that way, about three times faster than TextDecoder decodes
 * it. Anything else goes through the TextDecoder given (with its own rules: fatal or not).
 */
export class FastTextDecoder {
  /** Whether the decoder may hold the first bytes of a character that the next chunk finishes. */
  private pending = false;
  private readonly copiesAscii: boolean;

  constructor(
    private readonly decoder: InstanceType<typeof TextDecoder>,
    encoding: string,
  ) {
    this.copiesAscii = encoding === 'utf-8' || encoding === 'windows-1252';
  }

  decode(chunk: Uint8Array): string {
    if (this.copiesAscii && !this.pending && isAscii(chunk)) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
    const text = this.decoder.decode(chunk, { stream: true });
    this.pending = this.copiesAscii && endsPartWayThroughCharacter(chunk);
    return text;
  }

  end(): string {
    return this.decoder.decode();
  }
}

/**
 * Whether the bytes may end with an incomplete UTF-8 sequence (which a streaming decoder
 * keeps for the next chunk). When in doubt (a short chunk of continuation bytes), yes: the
 * next chunk then goes through the decoder, which is always right.
 */
function endsPartWayThroughCharacter(bytes: Uint8Array): boolean {
  const length = bytes.length;
  for (let back = 1; back <= 4 && back <= length; back += 1) {
    const byte = bytes[length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back;
  }
  return true;
}
