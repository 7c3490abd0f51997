/**
 * The import graph of the dry run: per test file (per vitest project), every source file its
 * tests loaded, read from the module graphs of the project's vite server once the suite ran —
 * what incremental runs key verdicts on (incremental/verdict-key.ts), so that a change to any of
 * them, inside `mutate` or not, re-runs the mutants those tests cover.
 *
 * vitest 4.1 runs node-environment test files in the project's `ssr` vite environment and
 * jsdom / happy-dom ones in `client` (the environment's `viteEnvironment`); the environment
 * whose module graph holds the test file is the one walked, as vitest's own UI finds it. From the
 * test file, `importedModules` leads to everything it imports, statically or through
 * `import('./literal')`, `vi.mock` factories and `importOriginal` included (edges come from each
 * module's transform, so a module imported but mocked away counts too: safe, never too few).
 * Two kinds of module have no edge from the test file and are added on purpose:
 * - the project's setup files (and what they import): every test file of the project loads them;
 * - orphans: modules in the graph that no test or setup file reaches, such as a manual mock in
 *   `__mocks__/` (loaded by vitest's mocker) or an `import(\`./${name}\`)` with a computed path,
 *   each with what it imports. A manual mock `dir/__mocks__/x.ts` counts for the test files that
 *   load `dir/x.ts` (and for every test file of the project when none does, as for mocks of
 *   packages); any other orphan counts for every test file of the project. Other test files
 *   (one whose tests were all skipped) are not orphans.
 * A test file's snapshot file (`__snapshots__/<test file>.snap` next to it, where vitest keeps
 * them), which its tests read rather than import, counts too. Files in `node_modules` (the
 * lockfile stands for them) and assay's own files are left out, except a workspace package's
 * source reached through its link there (vite keeping symlinks): it counts by its real path.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { fileKey, relativeName, type TestFile } from '../vitest/session.js';
import { cachedRealPath } from '../listed-file.js';
import { commonJsFiles } from '../instrument/commonjs-scope.js';

/** The part of a vite module node the walk reads. */
export interface GraphModule {
  file: string | null;
  importedModules: Set<GraphModule>;
}

/** The part of a vite environment's module graph the walk reads. */
export interface ModuleGraph {
  getModuleById(id: string): GraphModule | undefined;
  idToModuleMap: Map<string, GraphModule>;
}

/** What one vitest project's vite server knows after the run. */
export interface ProjectGraphs {
  name: string;
  /** The module graph of each of its vite environments. */
  graphs: ModuleGraph[];
  /** Absolute paths of its setup files. */
  setupFiles: readonly string[];
  /** Absolute paths of its vite / vitest config file and the files that config imports. */
  configFiles: readonly string[];
  /** Whether a file is one of the project's test files (one with no test that passed is no orphan either). */
  isTestFile?: (file: string) => boolean;
}

export interface ImportGraph {
  /** By fileKey(test file): the files (relative to the project root) its tests loaded, sorted. */
  loaded: Record<string, string[]>;
  /** The vitest config files of the run and the files they import (relative, sorted), node_modules left out. */
  configFiles: string[];
}

/** The module graphs, setup and config files of vitest projects (`root`: the one whose config lists the others, if any). */
export function projectGraphs(projects: readonly TestProject[], root: TestProject): ProjectGraphs[] {
  return [...new Set([root, ...projects])].map((project) => ({
    name: project.name,
    graphs: Object.values(project.vite.environments).map((environment) => environment.moduleGraph as unknown as ModuleGraph),
    setupFiles: project.config.setupFiles,
    configFiles: [project.vite.config.configFile ?? [], project.vite.config.configFileDependencies].flat(),
    isTestFile: (file: string) => project.matchesTestGlob(file),
  }));
}

/** assay's own built files (setup file, batch runner): part of assay's version, not of the project. */
const ASSAY_DIR = fileURLToPath(new URL('..', import.meta.url));
const NODE_MODULES = `${sep}node_modules${sep}`;
const MOCKS_DIR = `${sep}__mocks__${sep}`;

/**
 * `requirable`: the mutated files Node's own `require` may load (instrument/commonjs-scope.ts).
 * A CommonJS file's `require()` never shows in vite's graph, so every test file that loaded a
 * file which may be CommonJS counts all of them: a change to one re-runs its dependents' mutants
 * (more than needed where a file requires none of them, never fewer).
 */
export function importGraph(projects: readonly ProjectGraphs[], testFiles: readonly TestFile[], projectRoot: string, requirable: readonly string[] = []): ImportGraph {
  const found = new Map(testFiles.map((file) => [fileKey(file), new Set<string>()]));
  const projectFile = projectFileOf();
  for (const project of projects) {
    const own = testFiles.filter((file) => file.project === project.name);
    for (const graph of project.graphs) {
      const roots = own.filter((file) => graph.getModuleById(file.moduleId) !== undefined);
      if (roots.length === 0) continue;
      const setup = reachable(project.setupFiles.flatMap((file) => graph.getModuleById(file) ?? []));
      const reached = new Set(setup);
      const perFile = roots.map((file) => {
        const modules = reachable([graph.getModuleById(file.moduleId)!]);
        modules.forEach((module) => reached.add(module));
        return { file, modules };
      });
      const orphans = orphanRoots([...new Set(graph.idToModuleMap.values())].filter((module) => !reached.has(module))).filter(
        (orphan) => orphan.file === null || project.isTestFile?.(orphan.file) !== true,
      );
      for (const { file, modules } of perFile) {
        const files = found.get(fileKey(file))!;
        const add = (module: GraphModule) => {
          const file = module.file === null ? undefined : projectFile(module.file);
          if (file !== undefined) files.add(file);
        };
        modules.forEach(add);
        setup.forEach(add);
        const mine = new Set([...modules].flatMap((module) => (module.file === null ? [] : [module.file])));
        for (const orphan of orphans) {
          if (orphanBelongs(orphan, mine, perFile)) reachable([orphan]).forEach(add);
        }
      }
    }
  }
  for (const file of testFiles) {
    const snapshots = join(dirname(file.moduleId), '__snapshots__', `${basename(file.moduleId)}.snap`);
    if (existsSync(snapshots)) found.get(fileKey(file))!.add(snapshots);
  }
  if (requirable.length > 0) {
    // One pass over every loaded file: which may be CommonJS reads package.json files, memoised per pass.
    const commonJs = new Set(commonJsFiles(new Set([...found.values()].flatMap((files) => [...files]))));
    for (const files of found.values()) if ([...files].some((file) => commonJs.has(file))) requirable.forEach((file) => files.add(file));
  }
  const loaded = Object.fromEntries([...found].map(([key, files]) => [key, [...files].map((file) => relativeName(projectRoot, file)).sort()]));
  const configFiles = new Set(projects.flatMap((project) => project.configFiles.filter(isProjectFile).map((file) => relativeName(projectRoot, file))));
  return { loaded, configFiles: [...configFiles].sort() };
}

/** Whether `orphan` counts for the test file that loaded `files` (see the module comment). */
function orphanBelongs(orphan: GraphModule, files: ReadonlySet<string>, all: ReadonlyArray<{ modules: Set<GraphModule> }>): boolean {
  const file = orphan.file;
  if (file === null || !file.includes(MOCKS_DIR)) return true;
  const original = join(dirname(dirname(file)), basename(file));
  if (files.has(original)) return true;
  return !all.some(({ modules }) => [...modules].some((module) => module.file === original));
}

/** Of modules no test reaches, those no other of them imports (one of each cycle among them too): each stands for what it imports. */
function orphanRoots(orphans: readonly GraphModule[]): GraphModule[] {
  const all = new Set(orphans);
  const imported = new Set(orphans.flatMap((orphan) => [...orphan.importedModules].filter((module) => module !== orphan && all.has(module))));
  const roots = orphans.filter((orphan) => !imported.has(orphan));
  const covered = reachable(roots);
  for (const orphan of orphans) {
    if (covered.has(orphan)) continue;
    roots.push(orphan);
    reachable([orphan]).forEach((module) => covered.add(module));
  }
  return roots;
}

function reachable(start: readonly GraphModule[]): Set<GraphModule> {
  const seen = new Set<GraphModule>();
  const stack = [...start];
  while (stack.length > 0) {
    const module = stack.pop()!;
    if (seen.has(module)) continue;
    seen.add(module);
    for (const imported of module.importedModules) stack.push(imported);
  }
  return seen;
}

/** A lookup: a module's file → the project file it is (a link in node_modules resolved), undefined for none. */
function projectFileOf(): (file: string) => string | undefined {
  const real = cachedRealPath();
  return (file) => {
    if (!file.includes(NODE_MODULES)) return isProjectFile(file) ? file : undefined;
    const resolved = real(file);
    return resolved !== undefined && isProjectFile(resolved) ? resolved : undefined;
  };
}

function isProjectFile(file: string): boolean {
  return !file.includes(NODE_MODULES) && !file.startsWith(ASSAY_DIR) && !file.startsWith('\0');
}
