/**
 * Which test files can reach the mutated files, decided before anything runs, so that the dry
 * run runs only those (as `vitest related` and StrykerJS's vitest runner choose them): a test file
 * counts when the module graph vite builds by transforming it, followed through static imports
 * and `import('./literal')`, reaches a mutated file. A test file that cannot reach one cannot
 * kill a mutant, nor reach one while modules load; running it only costs time.
 *
 * The graph is only as good as what vite's transforms show, so every way code can load a module
 * past them counts as reaching the mutated files — a test file is kept whenever in doubt, never
 * dropped (a dropped test file would silently turn its mutants NoCoverage):
 * - a module calling `require(`, `importActual(` / `importMock(`, or `import()` with a computed
 *   path: kept;
 * - a setup file of the project that reaches a mutated file (or is in doubt): every test file of
 *   that project is kept;
 * - a module that fails to transform: kept (the run will say why).
 * Workspace packages reached through their link in `node_modules` count by their real path;
 * other files in `node_modules` (packages) are not followed. Typecheck-only specifications
 * (vitest's `typecheck`, pool "typescript") are never kept: tsc reads the files on disk, where no
 * mutant ever is, so they cannot kill one.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { TestProject, TestSpecification } from 'vitest/node';
import { cachedRealPath } from '../listed-file.js';

/** Code that loads a module vite's dependency lists do not show. */
const LOADS_PAST_VITE = /\brequire\s*\(|\bimport(?:Actual|Mock)\s*\(|__vite_ssr_dynamic_import__\(\s*(?!["'`][^"'`$]*["'`]\s*[,)])/;

export interface RelatedTests {
  specifications: TestSpecification[];
  /** Test files (runtime specifications) found in all, related or not. */
  found: number;
}

/**
 * The runtime specifications among `specifications` that can reach any of `mutated` (absolute
 * paths; undefined: every runtime specification); `ownFiles`: assay's own setup files, which are
 * not followed.
 */
export async function relatedSpecifications(
  specifications: readonly TestSpecification[],
  mutated: readonly string[] | undefined,
  ownFiles: ReadonlySet<string>,
): Promise<RelatedTests> {
  const runtime = specifications.filter((specification) => specification.pool !== 'typescript');
  if (mutated === undefined) return { specifications: runtime, found: runtime.length };
  const real = cachedRealPath();
  const targets = new Set(mutated.map((file) => real(file) ?? file));
  const walkers = new Map<TestProject, GraphWalker>();
  const walkerOf = (project: TestProject) => {
    let walker = walkers.get(project);
    if (walker === undefined) walkers.set(project, (walker = new GraphWalker(project, targets, real)));
    return walker;
  };
  const setupReaches = new Map<TestProject, Promise<boolean>>();
  const setupOf = (project: TestProject) => {
    let reaches = setupReaches.get(project);
    if (reaches === undefined) {
      const setupFiles = project.config.setupFiles.filter((file) => !ownFiles.has(file));
      reaches = Promise.all(setupFiles.map((file) => walkerOf(project).reaches(file))).then((answers) => answers.some(Boolean));
      setupReaches.set(project, reaches);
    }
    return reaches;
  };
  const related = await Promise.all(
    runtime.map(async (specification) => (await setupOf(specification.project)) || walkerOf(specification.project).reaches(specification.moduleId)),
  );
  return { specifications: runtime.filter((_, index) => related[index]), found: runtime.length };
}

/** What one module's transform says: the project files it imports, and whether it may load others past vite. */
interface ModuleImports {
  imports: string[];
  doubtful: boolean;
}

/** Walks one vitest project's modules through vite's transforms, each module transformed once. */
class GraphWalker {
  /** By real path. */
  private readonly modules = new Map<string, Promise<ModuleImports>>();

  constructor(
    private readonly project: TestProject,
    private readonly targets: ReadonlySet<string>,
    private readonly real: (file: string) => string | undefined,
  ) {}

  /** Whether `file` (absolute) or anything it imports, directly or not, is a target or may load one past vite. */
  async reaches(file: string): Promise<boolean> {
    const seen = new Set<string>();
    // Level by level, each level's transforms at once.
    for (let level = [file]; level.length > 0; ) {
      const fresh: Array<readonly [key: string, file: string]> = [];
      for (const next of level) {
        const key = this.real(next) ?? next;
        if (!seen.has(key)) {
          seen.add(key);
          fresh.push([key, next]);
        }
      }
      if (fresh.some(([key]) => this.targets.has(key))) return true;
      const modules = await Promise.all(fresh.map(([key, next]) => this.importsOf(key, next)));
      if (modules.some((module) => module.doubtful)) return true;
      level = modules.flatMap((module) => module.imports);
    }
    return false;
  }

  private importsOf(key: string, file: string): Promise<ModuleImports> {
    let module = this.modules.get(key);
    if (module === undefined) this.modules.set(key, (module = this.transform(file)));
    return module;
  }

  private async transform(file: string): Promise<ModuleImports> {
    const environment = this.project.vite.environments.ssr;
    let transformed;
    try {
      transformed = environment.moduleGraph.getModuleById(file)?.transformResult ?? (await environment.transformRequest(file));
    } catch {
      return { imports: [], doubtful: true };
    }
    if (!transformed) return { imports: [], doubtful: false };
    if (LOADS_PAST_VITE.test(transformed.code)) return { imports: [], doubtful: true };
    const imports = [...(transformed.deps ?? []), ...(transformed.dynamicDeps ?? [])]
      .map((dep) => this.fileOf(dep))
      .filter((dep): dep is string => dep !== undefined);
    return { imports, doubtful: false };
  }

  /** The project file an import names (`/@fs/abs` or root-relative), or undefined for packages and virtual modules. */
  private fileOf(dep: string): string | undefined {
    const file = dep.startsWith('/@fs/') ? dep.slice('/@fs'.length) : join(this.project.config.root, dep);
    if (!existsSync(file)) return undefined;
    const real = this.real(file) ?? file;
    return real.split(sep).includes('node_modules') ? undefined : file;
  }
}
