/**
 * Serves assay's code to Node's own `require`, inside vitest's test threads. vitest runs the files
 * a test imports through vite (where assay's plugin serves them), but a CommonJS file's `require()`
 * is Node's: what it loads never passes vite, so without this a source file that only other source
 * files require would run unmutated and uncounted (its mutants silently NoCoverage or Survived).
 *
 * The hook wraps `Module.prototype._compile`, the step every CommonJS file (`.js`, `.cjs`, and
 * `.ts`/`.cts` where Node strips types itself) passes with its text: for a file assay serves, the
 * text is replaced, and Node goes on as it would (type stripping, wrapper, `require.cache`). It is
 * installed once per thread; each test file then names what to serve. Imports nothing but Node.
 */
import Module from 'node:module';

/** Absolute file path → the code Node's `require` gets for it. */
export type NativeSources = Readonly<Record<string, string>>;

/** The key under which the coordinator provides the NativeSources to test threads. */
export const NATIVE_SOURCES_KEY = 'assayNativeSources';

declare module 'vitest' {
  interface ProvidedContext {
    [NATIVE_SOURCES_KEY]: NativeSources;
  }
}

interface Compilable {
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

/** Where the thread keeps what to serve; registered, so every evaluation of this module finds it. */
const SERVED = Symbol.for('assay.nativeSources');

type HookState = { [SERVED]?: Map<string, string> };

/** Node's `require.cache`, one per thread. */
const requireCache = Module.createRequire(import.meta.url).cache;

/**
 * From now on in this thread, Node's `require` compiles `sources` in place of the files' text.
 * Those files are dropped from `require.cache` first, so each test file loads them afresh, as vite
 * gives each test file a fresh module graph (a thread may run several test files).
 */
export function serveToRequire(sources: NativeSources): void {
  const state = globalThis as HookState;
  if (state[SERVED] === undefined) install(state);
  const served = state[SERVED] as Map<string, string>;
  served.clear();
  for (const [file, code] of Object.entries(sources)) {
    served.set(file, code);
    delete requireCache[file];
  }
}

function install(state: HookState): void {
  const served = new Map<string, string>();
  state[SERVED] = served;
  const prototype = Module.prototype as unknown as Compilable;
  const compile = prototype._compile;
  prototype._compile = function (this: Compilable, content, filename, ...rest) {
    return compile.call(this, served.get(filename) ?? content, filename, ...rest);
  };
}
