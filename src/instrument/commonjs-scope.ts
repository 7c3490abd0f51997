/**
 * Which instrumented files Node's own `require` could load as CommonJS, bypassing vite (see
 * require-hook.ts): `.cjs` and `.cts` always, `.js` and `.ts` when the nearest package.json does
 * not say `"type": "module"` (Node's rule). `.mjs`, `.mts`, `.jsx` and `.tsx` never. Each is keyed
 * by its real path too, as Node names the files it loads.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { NativeSources } from './require-hook.js';

const ALWAYS_COMMONJS = new Set(['.cjs', '.cts']);
const BY_PACKAGE_TYPE = new Set(['.js', '.ts']);

/** The files among `files` (absolute paths) that `require` may load as CommonJS. */
export function commonJsFiles(files: Iterable<string>): string[] {
  const packageTypes = new Map<string, string | undefined>();
  return [...files].filter((file) => mayBeCommonJs(file, packageTypes));
}

/** The part of `codeByPath` (absolute path → code) that `require` may load, by path and by real path. */
export function commonJsSources(codeByPath: Readonly<Record<string, string>>): NativeSources {
  const sources: Record<string, string> = {};
  for (const file of commonJsFiles(Object.keys(codeByPath))) {
    sources[file] = codeByPath[file];
    sources[realpathSync(file)] = codeByPath[file];
  }
  return sources;
}

function mayBeCommonJs(file: string, packageTypes: Map<string, string | undefined>): boolean {
  const extension = extname(file).toLowerCase();
  if (ALWAYS_COMMONJS.has(extension)) return true;
  return BY_PACKAGE_TYPE.has(extension) && packageType(dirname(file), packageTypes) !== 'module';
}

/** The `type` of the package.json nearest to `dir` (undefined when none says), memoised per folder. */
function packageType(dir: string, memo: Map<string, string | undefined>): string | undefined {
  if (memo.has(dir)) return memo.get(dir);
  const manifest = join(dir, 'package.json');
  const parent = dirname(dir);
  const type = existsSync(manifest) ? typeOf(manifest) : parent === dir ? undefined : packageType(parent, memo);
  memo.set(dir, type);
  return type;
}

function typeOf(manifest: string): string | undefined {
  try {
    const { type } = JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown };
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}
