import { afterEach, describe, expect, it } from 'vitest';
import { adoptLoadedGlobals, changedGlobals, fingerprintGlobals, restoreGlobals } from '../../../src/vitest/global-state.js';

const scratch = globalThis as Record<string, unknown>;

describe('global-state fingerprints', () => {
  afterEach(() => {
    delete scratch.assayProbe;
    delete scratch.__assayProbe;
    delete scratch.__libProbe;
    delete process.env.ASSAY_PROBE;
    delete process.env.ASSAY_PROBE_KEPT;
    delete scratch.assayProbeAdded;
    delete (Array.prototype as unknown as Record<string, unknown>).assayProbe;
  });

  it('see nothing change when nothing did', () => {
    expect(changedGlobals(fingerprintGlobals(), fingerprintGlobals())).toEqual([]);
  });

  it('name globals added, replaced or removed, environment variables and prototype patches', () => {
    scratch.assayProbe = 1;
    const before = fingerprintGlobals();
    scratch.assayProbe = 2;
    process.env.ASSAY_PROBE = 'on';
    (Array.prototype as unknown as Record<string, unknown>).assayProbe = () => 0;
    expect(changedGlobals(before, fingerprintGlobals())).toEqual(['Array.assayProbe', 'assayProbe', 'process.env.ASSAY_PROBE']);
    delete scratch.assayProbe;
    expect(changedGlobals(before, fingerprintGlobals())).toContain('assayProbe');
  });

  it("name a built-in prototype's symbol key replaced (a broken `Symbol.iterator` breaks every spread)", () => {
    const before = fingerprintGlobals();
    const iterator = Object.getOwnPropertyDescriptor(Map.prototype, Symbol.iterator)!;
    // Replaced by one that still works: the fingerprint's own code iterates maps.
    Object.defineProperty(Map.prototype, Symbol.iterator, { ...iterator, value: function (this: Map<unknown, unknown>) { return (iterator.value as () => unknown).call(this); } });
    try {
      expect(changedGlobals(before, fingerprintGlobals())).toEqual(['Map.Symbol(Symbol.iterator)']);
    } finally {
      Object.defineProperty(Map.prototype, Symbol.iterator, iterator);
    }
    expect(changedGlobals(before, fingerprintGlobals())).toEqual([]);
  });

  it("ignore vitest's and assay's own globals, and getters that turn into values", () => {
    const before = fingerprintGlobals();
    scratch.__assayProbe = {};
    Object.defineProperty(globalThis, 'assayLazy', { configurable: true, get: () => 1 });
    const withGetter = fingerprintGlobals();
    Object.defineProperty(globalThis, 'assayLazy', { configurable: true, value: 1 });
    expect(changedGlobals(before, withGetter)).toEqual(['assayLazy']);
    expect(changedGlobals(withGetter, fingerprintGlobals())).toEqual([]);
    delete scratch.assayLazy;
  });

  it("take a library's `__` singleton defined while a file loads into the baseline, and nothing else", () => {
    const baseline = fingerprintGlobals();
    const before = fingerprintGlobals();
    scratch.__libProbe = {};
    scratch.assayProbe = 1;
    adoptLoadedGlobals(baseline, before, fingerprintGlobals());
    delete scratch.assayProbe;
    expect(changedGlobals(baseline, fingerprintGlobals())).toEqual([]);
    scratch.__libProbe = {};
    expect(changedGlobals(baseline, fingerprintGlobals())).toEqual(['__libProbe']);
  });

  it('put back environment variables and globals an earlier file added, changed or removed; prototype patches stay, and are still named', () => {
    process.env.ASSAY_PROBE_KEPT = 'first';
    scratch.assayProbe = 'first';
    const baseline = fingerprintGlobals();
    process.env.ASSAY_PROBE = 'added';
    process.env.ASSAY_PROBE_KEPT = 'changed';
    scratch.assayProbe = 'changed';
    scratch.assayProbeAdded = 1;
    (Array.prototype as unknown as Record<string, unknown>).assayProbe = () => 0;
    restoreGlobals(baseline, changedGlobals(baseline, fingerprintGlobals()));
    expect(process.env.ASSAY_PROBE).toBeUndefined();
    expect(process.env.ASSAY_PROBE_KEPT).toBe('first');
    expect(scratch.assayProbe).toBe('first');
    expect('assayProbeAdded' in scratch).toBe(false);
    expect(changedGlobals(baseline, fingerprintGlobals())).toEqual(['Array.assayProbe']);
    delete process.env.ASSAY_PROBE_KEPT;
    restoreGlobals(baseline, changedGlobals(baseline, fingerprintGlobals()));
    expect(process.env.ASSAY_PROBE_KEPT).toBe('first');
  });

  it("name and put back a `process` method a test replaced and never restored (pathe's test of a failing process.cwd)", () => {
    const cwd = process.cwd;
    const baseline = fingerprintGlobals();
    process.cwd = () => '';
    try {
      expect(changedGlobals(baseline, fingerprintGlobals())).toEqual(['process.cwd']);
      restoreGlobals(baseline, changedGlobals(baseline, fingerprintGlobals()));
      expect(process.cwd).toBe(cwd);
      expect(changedGlobals(baseline, fingerprintGlobals())).toEqual([]);
    } finally {
      process.cwd = cwd;
    }
  });

  it("leaves Node's listener bookkeeping on `process` out: a library's once-per-thread listener neither leaks nor is undone", () => {
    const baseline = fingerprintGlobals();
    const listener = () => undefined;
    process.on('assay-probe-event' as 'exit', listener);
    try {
      expect(changedGlobals(baseline, fingerprintGlobals())).toEqual([]);
    } finally {
      process.off('assay-probe-event' as 'exit', listener);
    }
  });
});
