/** The sha256 of a text or bytes, as lowercase hex: the one hash assay keys and fingerprints with. */
import { createHash } from 'node:crypto';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
