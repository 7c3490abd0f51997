/**
 * Finds which of assay's files (the selected source files, by the absolute path select gave them)
 * a vite module id names. A file can be reached by more than one path: through a workspace link
 * (`node_modules/@scope/pkg` → `packages/pkg`) when vite keeps symlinks (`resolve.preserveSymlinks`),
 * or by its real path when the selected path runs through a linked folder. Matching ids by the
 * file they resolve to on disk, not by spelling, keeps such a file instrumented and counted under
 * its one selected path; otherwise its mutants would silently find no test (NoCoverage).
 */
import { realpathSync } from 'node:fs';

/** Returns a lookup: vite module id (query and hash allowed) → the listed path naming the same file, if any. */
export function listedFileOf(paths: Iterable<string>): (id: string) => string | undefined {
  const listed = new Set(paths);
  const byRealPath = new Map([...listed].map((file) => [realPath(file) ?? file, file]));
  const real = cachedRealPath();
  return (id) => {
    const file = withoutQuery(id);
    if (listed.has(file)) return file;
    const resolved = real(file);
    return resolved === undefined ? undefined : byRealPath.get(resolved);
  };
}

/** realPath, remembering each answer: vite asks about the same module ids again and again. */
export function cachedRealPath(): (file: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (file) => {
    if (!seen.has(file)) seen.set(file, realPath(file));
    return seen.get(file);
  };
}

/** `id` without vite's `?query` or `#hash`. */
export function withoutQuery(id: string): string {
  const cut = id.search(/[?#]/);
  return cut === -1 ? id : id.slice(0, cut);
}

/** The file's path with every symlink resolved; undefined for ids that are no file (virtual modules). */
export function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
