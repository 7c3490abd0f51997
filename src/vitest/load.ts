/**
 * Finds and loads the user's own vitest (not assay's copy), and checks its version (majors.ts).
 * assay drives the vitest the project is tested with, so results match `npx vitest`.
 * Its `createVitest` reports a vitest config file that fails to load as a UserError naming the file.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError, describeError, stripAnsi } from '../errors.js';
import { SUPPORTED_VITEST, vitestMajor, type VitestMajor } from './majors.js';

type VitestNode = typeof import('vitest/node');

export interface UserVitest {
  version: string;
  /** What this major of vitest differs in: its batch runner, among others. */
  major: VitestMajor;
  /** Absolute paths of the entries assay's own files import (`vitest`, and `vitest/runners` on vitest 4), by specifier. */
  entries: Record<string, string>;
  /** vitest/node: createVitest and friends. */
  node: VitestNode;
}

export async function loadUserVitest(projectRoot: string): Promise<UserVitest> {
  const require = createRequire(join(projectRoot, 'package.json'));
  let nodeEntry: string | undefined;
  try {
    nodeEntry = require.resolve('vitest/node');
  } catch {
    // not installed, or a version without this entry: its package.json tells which
  }
  const version = installedVersion(require) ?? (nodeEntry === undefined ? undefined : readVersion(findPackageDir(nodeEntry)));
  if (version === undefined) {
    throw new UserError(`vitest is not installed in ${projectRoot}: run 'npm i -D vitest' (assay supports vitest ${SUPPORTED_VITEST})`);
  }
  const major = vitestMajor(version, process.versions.node);
  if (nodeEntry === undefined) {
    throw new UserError(`vitest ${version} in ${projectRoot} has no 'vitest/node' entry: reinstall it with 'npm i -D vitest@${major.major}'`);
  }
  const packageDir = findPackageDir(nodeEntry);
  const entries = Object.fromEntries(Object.entries(major.entries).map(([specifier, subpath]) => [specifier, esmEntry(packageDir, subpath, major)]));
  const node = (await import(pathToFileURL(nodeEntry).href)) as VitestNode;
  return { version, major, entries, node: { ...node, createVitest: namingConfigErrors(node.createVitest, projectRoot) } };
}

/**
 * The file an `import` of vitest's export `subpath` loads (its `import` condition): require.resolve
 * would give the CommonJS entry, which vitest refuses to be loaded through.
 */
function esmEntry(packageDir: string, subpath: string, { major }: VitestMajor): string {
  const exports = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> }).exports ?? {};
  let target: unknown = exports[subpath];
  while (target !== null && typeof target === 'object') {
    const conditions = target as Record<string, unknown>;
    target = conditions.import ?? conditions.default;
  }
  if (typeof target !== 'string') throw new UserError(`vitest in ${packageDir} has no '${subpath}' export for import: reinstall it with 'npm i -D vitest@${major}'`);
  return join(packageDir, target);
}

/** The version of the vitest the project resolves, from its package.json; undefined when none resolves. */
function installedVersion(require: NodeRequire): string | undefined {
  try {
    return readVersion(dirname(require.resolve('vitest/package.json')));
  } catch {
    return undefined;
  }
}

function readVersion(packageDir: string): string {
  return String((JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: unknown }).version);
}

function findPackageDir(file: string): string {
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'vitest') return dir;
    } catch {
      // no package.json here: keep walking up
    }
    dir = dirname(dir);
  }
  throw new UserError(`could not find vitest's package.json above ${file}`);
}

/**
 * `createVitest` that turns a vitest (or vite) config file failing to load — the project's own or
 * one of its `projects` — into one line naming the file (it throws, has a syntax error, imports a
 * missing package), instead of vite's printed error and a stack trace. vite reports the file on
 * the console (`failed to load config from …`), as does the config bundler its warnings: what
 * they print while vitest starts is held back, and dropped when a config file fails to load.
 */
function namingConfigErrors(createVitest: VitestNode['createVitest'], projectRoot: string): VitestNode['createVitest'] {
  return async (...args) => {
    holdConsole();
    let vitest;
    try {
      vitest = await createVitest(...args);
    } catch (error) {
      const failedFile = heldFailedConfigFile();
      releaseConsole(failedFile === undefined);
      if (failedFile === undefined) throw error;
      // Projects' errors come together.
      const cause = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
      const file = relative(projectRoot, failedFile);
      throw new UserError(`${file}: could not be loaded: ${configProblem(cause)}; the error is in that file ('npx vitest run' fails the same way)`);
    }
    releaseConsole(true);
    return vitest;
  };
}

type Held = { method: 'warn' | 'error'; args: unknown[] };

/** The console while vitest sessions start in this thread: its own methods, and the calls held back. */
const holding = { starting: 0, warn: console.warn, error: console.error, held: [] as Held[] };

function holdConsole(): void {
  if (holding.starting++ > 0) return;
  holding.warn = console.warn;
  holding.error = console.error;
  console.warn = (...args: unknown[]) => void holding.held.push({ method: 'warn', args });
  console.error = (...args: unknown[]) => void holding.held.push({ method: 'error', args });
}

/** Once no session is starting any more, restores the console and prints (or drops) what was held. */
function releaseConsole(print: boolean): void {
  if (!print) holding.held.length = 0;
  if (--holding.starting > 0) return;
  console.warn = holding.warn;
  console.error = holding.error;
  holding.held.splice(0).forEach(({ method, args }) => console[method](...args));
}

/** The first config file vite said it failed to load, among the calls held back. */
function heldFailedConfigFile(): string | undefined {
  for (const { args } of holding.held) {
    const failed = typeof args[0] === 'string' ? /failed to load config from (.+)$/.exec(stripAnsi(args[0])) : null;
    if (failed !== null) return failed[1].trim();
  }
  return undefined;
}

interface BundleError {
  code?: string;
  message?: string;
  loc?: { line: number; column: number };
}

/**
 * The config's problem in one line. The bundler's errors carry a code and a position
 * (`syntax error at line 2, column 61: Unexpected token`); an error the config threw is
 * shown as thrown; a missing import loses the path of vite's temporary bundle.
 */
function configProblem(error: unknown): string {
  const [first] = (error as { errors?: BundleError[] } | undefined)?.errors ?? [];
  if (first?.message !== undefined) {
    const text = stripAnsi(first.message).split('\n')[0].replace(/^\s*\[[A-Z_]+\]\s*/, '');
    // vite puts code of its own in front of line 1 before the bundler parses it: no column there.
    const at = first.loc === undefined ? '' : first.loc.line === 1 ? ' at line 1' : ` at line ${first.loc.line}, column ${first.loc.column + 1}`;
    return first.code === 'PARSE_ERROR' ? `syntax error${at}: ${text}` : `${text}${at}`;
  }
  return describeError(error).replace(/ imported from \S*[\\/]\.vite-temp[\\/]\S+$/, '');
}
