import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { WorkbenchError } from '../../../../../shared/result';
import { importOpenFault } from '../../../faults';
import { describeProperties, readAreas } from './boundary-areas';
import { decodeBoundaryFile } from './boundary-file';
import { resolveBoundaryLimits } from './boundary-limits';
import { tooLarge } from './boundary-messages';
import type { BoundaryReadRequest, FromBoundaryReader } from './boundary-reader-protocol';

/**
 * What the reading thread does with one request: read the file whole (its size checked first),
 * hash it, decode it, and either describe its properties or read every area, checked,
 * reprojected and rounded. Any failure comes back as a message for the analyst.
 */
export async function readBoundaryFile(request: BoundaryReadRequest): Promise<FromBoundaryReader> {
  const limits = resolveBoundaryLimits(request.limits);
  try {
    let bytes: Buffer;
    try {
      const info = await stat(request.path);
      if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      if (info.size > limits.maxFileBytes) throw tooLarge(request.fileName, info.size, limits.maxFileBytes);
      bytes = await readFile(request.path);
    } catch (error) {
      throw importOpenFault(error, request.path, request.fileName);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = await decodeBoundaryFile(bytes, request.fileName, limits);
    const facts = { format: file.format, sourceCrs: file.sourceCrs, bytes: bytes.length, sha256, features: file.features.length };
    if (request.fields === null) return { type: 'described', ...facts, properties: describeProperties(file) };
    const read = readAreas(file, request.fileName, request.fields, limits);
    return { type: 'read', ...facts, ...read };
  } catch (error) {
    if (error instanceof WorkbenchError) return { type: 'failed', code: error.code, message: error.message };
    return { type: 'failed', code: null, message: error instanceof Error ? error.message : String(error) };
  }
}
