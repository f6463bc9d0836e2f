// An uploaded file read once into one buffer of at most the file limit. Collecting the stream's pieces and
// joining them (`toBuffer`) holds the file twice at the join; here each piece is copied once into a buffer
// reserved at the limit, whose untouched pages never become resident, and the pieces are let go as they come.
import type { Readable } from 'node:stream';

export class UploadTooLarge extends Error {}

/** The bytes of `file`; throws UploadTooLarge past `limit` (or when the parser truncated the file there). */
export async function readBounded(file: Readable & { truncated?: boolean }, limit: number): Promise<Buffer> {
  const target = Buffer.allocUnsafeSlow(limit);
  let length = 0;
  for await (const piece of file as AsyncIterable<Buffer>) {
    if (length + piece.length > limit) {
      file.resume();
      throw new UploadTooLarge();
    }
    piece.copy(target, length);
    length += piece.length;
  }
  if (file.truncated) throw new UploadTooLarge();
  return target.subarray(0, length);
}
