/**
 * A fingerprint of the state one test file can leave behind for the next in the same thread,
 * where vitest resets modules but not globals: own properties of `globalThis`, of `process` (a
 * test that replaces `process.cwd` and fails before it puts it back), of the built-in prototypes
 * and namespaces (symbol keys too), and `process.env`. When test files share a thread (assay's fast
 * path), a file whose fingerprint at start differs from the thread's first file's ran in a
 * changed world — a global set by an earlier test or mutant, a patched prototype, a stubbed
 * timer — and its results are not trusted, unless restoreGlobals could put it back (an
 * environment variable, a global a test set or replaced). Runs inside vitest's test threads.
 */

export type GlobalFingerprint = Map<string, unknown>;

/** Built-ins whose own properties tests or polyfills patch. */
const BUILTINS: Record<string, object> = {
  Object: Object.prototype,
  Array: Array.prototype,
  String: String.prototype,
  Number: Number.prototype,
  Function: Function.prototype,
  Promise: Promise.prototype,
  Map: Map.prototype,
  Set: Set.prototype,
  Date: Date.prototype,
  RegExp: RegExp.prototype,
  Error: Error.prototype,
  JSON,
  Math,
  Reflect,
};

/** Globals and variables vitest and assay themselves set per test file. */
const OWN_GLOBALS = /^(__vitest|__VITEST|__assay)/;
const OWN_ENV = /^VITEST_/;

/**
 * Stands for an accessor property, whose getter is not called (it could have effects) nor
 * compared: vitest defines some globals as fresh getters for every file, and Node defines others
 * as getters that turn into plain values on first use.
 */
// Registered, so fingerprints taken by different evaluations of this module (one per test file) agree.
const ACCESSOR = Symbol.for('assay.accessor');

export function fingerprintGlobals(): GlobalFingerprint {
  const print: GlobalFingerprint = new Map();
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (!OWN_GLOBALS.test(name)) print.set(name, valueOf(globalThis, name));
  }
  for (const [owner, target] of Object.entries(BUILTINS)) {
    // Symbol keys too: a prototype's `Symbol.iterator` replaced breaks every spread in the thread.
    for (const key of Reflect.ownKeys(target)) print.set(`${owner}.${String(key)}`, valueOf(target, key));
  }
  // Not Node's own bookkeeping (`_eventsCount`, `_maxListeners`…): it moves with every listener a
  // library adds once per thread, and putting it back would corrupt the listener table.
  for (const name of Object.getOwnPropertyNames(process)) if (!name.startsWith('_')) print.set(`${PROCESS}${name}`, valueOf(process, name));
  for (const [name, value] of Object.entries(process.env)) if (!OWN_ENV.test(name)) print.set(`${ENV}${name}`, value);
  return print;
}

/** Names whose presence or value differs between two fingerprints, sorted. */
export function changedGlobals(before: GlobalFingerprint, after: GlobalFingerprint): string[] {
  const changed = new Set<string>();
  for (const [name, value] of before) if (!after.has(name) || !same(value, after.get(name))) changed.add(name);
  for (const name of after.keys()) if (!before.has(name)) changed.add(name);
  return [...changed].sort();
}

/** How libraries name the private singletons they put on `globalThis` (`__zod_globalConfig`). */
const LIBRARY_GLOBAL = /^__/;

/**
 * Adds to `baseline` the `__`-named globals `loaded` has and `before` lacks: the singletons the
 * libraries a test file imports define as they load, like zod's `__zod_globalConfig`. A fresh
 * thread would define them too, and the library that owns one stays loaded in the thread, so it is
 * part of the thread's baseline from then on; changing or removing it later still counts.
 */
export function adoptLoadedGlobals(baseline: GlobalFingerprint, before: GlobalFingerprint, loaded: GlobalFingerprint): void {
  for (const [name, value] of loaded) {
    if (LIBRARY_GLOBAL.test(name) && !before.has(name) && !baseline.has(name)) baseline.set(name, value);
  }
}

const ENV = 'process.env.';
const PROCESS = 'process.';

/**
 * Puts back, of the `changed` names (changedGlobals(baseline, …)), what an earlier test file in
 * the thread left in `process.env` and in the own properties of `globalThis` and `process`:
 * variables and properties it added are removed, those it changed or removed get the baseline's
 * value back, as a fresh thread would have them. Built-in prototypes and namespaces, accessors,
 * and properties that cannot be written or deleted are left as they are, for changedGlobals to report.
 */
export function restoreGlobals(baseline: GlobalFingerprint, changed: readonly string[]): void {
  for (const name of changed) {
    if (name.startsWith(ENV)) {
      const key = name.slice(ENV.length);
      if (baseline.has(name)) process.env[key] = baseline.get(name) as string;
      else delete process.env[key];
    } else if (name.startsWith(PROCESS)) {
      restoreProperty(process, name.slice(PROCESS.length), name, baseline, { keepAccessors: true });
    } else if (!(name.split('.')[0] in BUILTINS && name.includes('.'))) {
      restoreProperty(globalThis, name, name, baseline);
    }
  }
}

/**
 * Puts back `owner[key]`, fingerprinted as `name`, as `baseline` has it. `keepAccessors`: an
 * accessor now there (a module's patch, like `domain`'s `process.domain`) is left as it is.
 */
function restoreProperty(owner: object, key: string, name: string, baseline: GlobalFingerprint, { keepAccessors = false } = {}): void {
  const target = owner as Record<string, unknown>;
  const now = Object.getOwnPropertyDescriptor(target, key);
  if (keepAccessors && now !== undefined && !('value' in now)) return;
  try {
    if (!baseline.has(name)) {
      if (now?.configurable) delete target[key];
      return;
    }
    const value = baseline.get(name);
    if (value === ACCESSOR) return;
    if (now === undefined || ('value' in now && now.writable === true)) target[key] = value;
    else if (now.configurable) Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: now.enumerable });
  } catch {
    // Left as it is: changedGlobals reports it.
  }
}

function same(before: unknown, after: unknown): boolean {
  return before === ACCESSOR || Object.is(before, after);
}

function valueOf(target: object, name: PropertyKey): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  if (descriptor === undefined) return undefined;
  return 'value' in descriptor ? descriptor.value : ACCESSOR;
}
