import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { throwIfCancelled, type OperationContext } from '../operation-context';

/** SHA-256 of a file, streamed, so the same file is recognised however it is named. */
export async function sha256OfFile(path: string, bytesTotal: number, context: OperationContext): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  let reported = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    throwIfCancelled(context);
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    if (done - reported >= 32 << 20 || done === bytesTotal) {
      reported = done;
      context.progress({ stage: 'Checking the file', done, total: bytesTotal, unit: 'bytes' });
    }
  }
  return hash.digest('hex');
}
