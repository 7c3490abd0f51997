/**
 * A copy of a monorepo fixture with node_modules laid out as a package manager installs a
 * workspace, so a package imports its sibling by name and reaches the sibling's source through
 * a link, as in a real checkout:
 * - `npm`: one real node_modules at the root linking every package of the toolchain's
 *   node_modules, and every workspace package linked there (`node_modules/@mono/core` →
 *   `../../packages/core`, relative, as npm links them);
 * - `pnpm`: the same root node_modules without the workspace packages; instead each package's own
 *   node_modules links the workspace packages it depends on (`packages/app/node_modules/@mono/core`
 *   → `../../../core`), as pnpm does.
 * The toolchain's packages are linked, not installed: what decides the vitest a run uses.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixturesDir, ownToolchain, type Toolchain } from './assay.js';

export type Layout = 'npm' | 'pnpm';

interface WorkspacePackage {
  /** Its directory, relative to the workspace root. */
  dir: string;
  /** The names in its `dependencies` and `devDependencies`. */
  dependencies: string[];
}

/** Calls `use` with a fresh copy of `fixture` (node_modules laid out as `layout` installs it), removed afterwards. */
export async function withWorkspaceCopy<T>(fixture: string, layout: Layout, use: (dir: string) => Promise<T>, toolchain: Toolchain = ownToolchain): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `assay-e2e-${fixture}-`));
  try {
    await cp(path.join(fixturesDir, fixture), dir, {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|reports)$/.test(src),
    });
    const packages = await workspacePackages(dir);
    const linkedAtRoot = layout === 'npm' ? [...packages.keys()] : [];
    await linkShared(dir, toolchain.nodeModules, linkedAtRoot);
    for (const name of linkedAtRoot) await linkPackage(dir, name, path.join(dir, packages.get(name)!.dir));
    if (layout === 'pnpm') {
      for (const { dir: from, dependencies } of packages.values()) {
        for (const name of dependencies.filter((dependency) => packages.has(dependency))) await linkPackage(path.join(dir, from), name, path.join(dir, packages.get(name)!.dir));
      }
    }
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every workspace package `root/package.json` lists (`workspaces`, in its `dir/*` form), by name. */
async function workspacePackages(root: string): Promise<Map<string, WorkspacePackage>> {
  const { workspaces = [] } = await readPackageJson(root);
  const packages = new Map<string, WorkspacePackage>();
  for (const pattern of workspaces) {
    if (!pattern.endsWith('/*')) throw new Error(`unsupported workspaces pattern in ${root}: ${pattern}`);
    const parent = pattern.slice(0, -2);
    for (const entry of await readdir(path.join(root, parent), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = path.join(parent, entry.name);
      const manifest = await readPackageJson(path.join(root, dir));
      packages.set(manifest.name!, { dir, dependencies: Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }) });
    }
  }
  return packages;
}

async function readPackageJson(dir: string): Promise<{ name?: string; workspaces?: string[]; dependencies?: object; devDependencies?: object }> {
  return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
}

/**
 * root/node_modules as a real directory with a link to each entry of `shared`. The scope of a
 * package about to be linked there (`@mono` of `@mono/core`) becomes a real directory too,
 * holding links to what `shared` has in that scope.
 */
async function linkShared(root: string, shared: string, ownNames: readonly string[]): Promise<void> {
  const nodeModules = path.join(root, 'node_modules');
  await mkdir(nodeModules);
  const ownScopes = new Set(ownNames.filter((name) => name.startsWith('@')).map((name) => name.split('/')[0]));
  for (const entry of await readdir(shared)) {
    if (!ownScopes.has(entry)) await symlink(path.join(shared, entry), path.join(nodeModules, entry));
  }
  for (const scope of ownScopes) {
    await mkdir(path.join(nodeModules, scope));
    const members = await readdir(path.join(shared, scope)).catch(() => [] as string[]);
    for (const member of members) await symlink(path.join(shared, scope, member), path.join(nodeModules, scope, member));
  }
}

/** from/node_modules/<name> → the package directory `target`, as a relative link. */
async function linkPackage(from: string, name: string, target: string): Promise<void> {
  const link = path.join(from, 'node_modules', name);
  await mkdir(path.dirname(link), { recursive: true });
  await symlink(path.relative(path.dirname(link), target), link);
}
