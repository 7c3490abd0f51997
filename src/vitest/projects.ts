/**
 * vitest `projects` (a workspace): each project gets a vite server of its own, built from its own
 * config only, so the plugins assay hands to vitest (schemata, coverage counters) would reach the
 * root server and no project. This plugin, on the root server, rewrites `test.projects` before
 * vitest reads it so that every project carries assay's plugins:
 * - an inline project (object, or function returning one) gets them in front of its own `plugins`;
 * - a config file, a directory, or a glob of those becomes the inline project vitest would have
 *   built from it (`extends` the file, `root` its directory), with assay's plugins added.
 * Names follow vitest's rules for file projects (the config's `test.name`, else the package's
 * name, else the directory's), so reports and `--project` filters read the same.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UserError } from '../errors.js';

/** vitest's names for a project config file: vitest.config.*, vite.config.*, vitest.unit.config.* … */
const CONFIG_FILE = /^vite(?:st)?(?:\.[\w-]+)?\.config\./;
/** The files vitest looks for in a project directory, in its order. */
const DIRECTORY_CONFIGS = ['vitest', 'vite'].flatMap((stem) => ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${stem}.config.${ext}`));

type ProjectDefinition = string | Record<string, unknown> | ((env: unknown) => unknown) | Promise<unknown>;

export function projectsPlugin(plugins: readonly Plugin[], projectRoot: string): Plugin {
  return {
    name: 'assay:projects',
    async config(config: UserConfig & { test?: { projects?: ProjectDefinition[]; root?: string } }) {
      const definitions = config.test?.projects;
      if (!Array.isArray(definitions) || config.test === undefined) return;
      const root = resolve(projectRoot, config.test.root ?? config.root ?? '.');
      const rewritten: ProjectDefinition[] = [];
      for (const definition of definitions) {
        if (typeof definition === 'string') rewritten.push(...(await fileProjects(definition, root)).map((project) => withPlugins(project, plugins)));
        else if (typeof definition === 'function') rewritten.push(async (env: unknown) => withPlugins((await definition(env)) as Record<string, unknown>, plugins));
        else rewritten.push(withPlugins((await definition) as Record<string, unknown>, plugins));
      }
      config.test.projects = rewritten;
    },
  };
}

function withPlugins(project: Record<string, unknown>, plugins: readonly Plugin[]): Record<string, unknown> {
  const own = Array.isArray(project.plugins) ? project.plugins : [];
  return { ...project, plugins: [...plugins, ...own] };
}

/** The inline projects a string entry of `projects` stands for, as vitest resolves it. */
async function fileProjects(definition: string, root: string): Promise<Array<Record<string, unknown>>> {
  const pattern = definition.replace('<rootDir>', root);
  const matches = isDynamicPattern(pattern)
    ? await glob(pattern, { cwd: root, absolute: true, dot: true, onlyFiles: false, expandDirectories: false, ignore: ['**/node_modules/**', '**/*.timestamp-*', '**/.DS_Store'] })
    : [resolve(root, pattern)];
  const projects: Array<Record<string, unknown>> = [];
  for (const match of matches) {
    if (!existsSync(match)) throw new UserError(`vitest "projects" names ${match}, which does not exist: fix "projects" in your vitest config`);
    if (statSync(match).isDirectory()) {
      const configFile = DIRECTORY_CONFIGS.map((name) => join(match, name)).find((file) => existsSync(file));
      projects.push(configFile === undefined ? { root: match, test: { name: packageName(match) } } : fromConfigFile(configFile));
    } else if (CONFIG_FILE.test(basename(match))) {
      projects.push(fromConfigFile(match));
    } else {
      throw new UserError(`vitest "projects" names ${match}, which is not a vitest or vite config file: fix "projects" in your vitest config`);
    }
  }
  return projects;
}

/** A project built from a config file: vitest names it after the package when the file does not. */
function fromConfigFile(file: string): Record<string, unknown> {
  return { extends: file, root: dirname(file), plugins: [defaultName(packageName(dirname(file)))] };
}

/** Sets the project's name unless its own config gave one (vitest's rule for file projects). */
function defaultName(name: string): Plugin {
  return {
    name: 'assay:project-name',
    config(config: UserConfig & { test?: { name?: unknown } }) {
      if (config.test?.name === undefined) return { test: { name } } as UserConfig;
      return undefined;
    },
  };
}

function packageName(dir: string): string {
  try {
    const name = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') return name;
  } catch {
    // no package.json, or not JSON: vitest falls back to the directory's name too
  }
  return basename(dir);
}
