/**
 * A throwaway copy of a project, for one plain vitest run with one mutant applied. Everything is
 * copied except `node_modules` folders (any depth) and the report folder; each of those is
 * linked instead, so the copy resolves the same packages as the original:
 * - a `node_modules` that is itself a link is linked to its real path;
 * - a real `node_modules` gets one link per entry (per package inside a `@scope`). An entry that
 *   links into the project itself (a workspace package, as npm and pnpm link them) is linked the
 *   same relative way inside the copy, so a package that imports its sibling by name reaches
 *   the copy's (mutated) sibling, never the original. Tool caches (`.vite`, `.cache`) are not
 *   linked: each copy keeps its own.
 * Symbolic links elsewhere in the tree are copied as links, unchanged.
 */
import { cp, lstat, mkdir, mkdtemp, readdir, readlink, realpath, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Folders that are never copied: outputs of earlier runs. */
const SKIPPED = new Set(['reports', '.stryker-tmp']);
/** node_modules entries a copy keeps to itself. */
const CACHES = new Set(['.vite', '.cache', '.vitest']);

/** Calls `use` with a fresh copy of `source` in a temp folder (named `prefix`), removed afterwards. */
export async function withProjectCopy<T>(source: string, prefix: string, use: (copy: string) => Promise<T>): Promise<T> {
  const copy = path.join(await mkdtemp(path.join(os.tmpdir(), prefix)), 'project');
  try {
    await copyProject(source, copy);
    return await use(copy);
  } finally {
    await rm(path.dirname(copy), { recursive: true, force: true });
  }
}

/** Copies `source` (a project root) to `target`, a new or empty folder. */
export async function copyProject(source: string, target: string): Promise<void> {
  const root = await realpath(source);
  const nodeModules: string[] = [];
  await cp(root, target, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (from) => {
      const name = path.basename(from);
      if (from === root) return true;
      if (name === 'node_modules') {
        nodeModules.push(path.relative(root, from));
        return false;
      }
      return !(SKIPPED.has(name) && path.dirname(from) === root);
    },
  });
  const roots = { original: root, copy: path.resolve(target) };
  for (const relative of nodeModules) await linkNodeModules(roots, path.join(root, relative), path.join(target, relative));
}

interface Roots {
  original: string;
  copy: string;
}

async function linkNodeModules(roots: Roots, from: string, to: string): Promise<void> {
  if ((await lstat(from)).isSymbolicLink()) {
    await symlink(await realpath(from), to, 'dir');
    return;
  }
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (CACHES.has(entry.name)) continue;
    const entryFrom = path.join(from, entry.name);
    if (entry.name.startsWith('@') && entry.isDirectory()) {
      await mkdir(path.join(to, entry.name));
      for (const member of await readdir(entryFrom)) await linkEntry(roots, path.join(entryFrom, member), path.join(to, entry.name, member));
    } else {
      await linkEntry(roots, entryFrom, path.join(to, entry.name));
    }
  }
}

/** Links one package: inside the copy when it is a link to the project's own source, else to the original. */
async function linkEntry(roots: Roots, from: string, to: string): Promise<void> {
  if ((await lstat(from)).isSymbolicLink()) {
    const resolved = path.resolve(path.dirname(from), await readlink(from));
    const inProject = path.relative(roots.original, resolved);
    if (!inProject.startsWith('..') && !path.isAbsolute(inProject) && !inProject.split(path.sep).includes('node_modules')) {
      await symlink(path.relative(path.dirname(to), path.join(roots.copy, inProject)), to);
      return;
    }
  }
  // A dangling link (a package manager's leftover, e.g. pnpm's in an example folder) has nothing to share.
  const target = await realpath(from).catch(() => undefined);
  if (target !== undefined) await symlink(target, to);
}
