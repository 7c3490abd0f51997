/**
 * sha256 of files' content, read once per run and cached: the modules tests loaded, config files,
 * the lockfile. A file that cannot be read (deleted since the dry run) hashes as such, so the keys
 * it is part of match nothing a run with the file stored.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sha256 } from '../sha256.js';

/** `file` relative to `projectRoot` (or absolute) → sha256 of its content. */
export type ContentOf = (file: string) => string;

export function contentHashes(projectRoot: string): ContentOf {
  const cache = new Map<string, string>();
  return (file) => {
    let hash = cache.get(file);
    if (hash === undefined) {
      try {
        hash = sha256(readFileSync(resolve(projectRoot, file)));
      } catch (error) {
        hash = `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
      }
      cache.set(file, hash);
    }
    return hash;
  };
}
