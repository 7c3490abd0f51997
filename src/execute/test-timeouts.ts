/**
 * Shorter vitest test timeouts for runs of many mutants. A mutant that makes a test wait for
 * something that never comes (an event, a promise) is ended by vitest's test timeout, 5 s by
 * default: in a batch or a group, every such mutant would spend it, and a few of them would push
 * the whole run past its wall-clock budget and lose every verdict in it. There, a test file's tests
 * are collected with a timeout of SLOW_FACTOR times the slowest of its planned tests in the dry
 * run plus SLOW_FLOOR_MS, at most the project's own (the test runner keeps the shorter,
 * src/vitest/batch-runner.ts). A test that passes it is a Timeout that nothing proved
 * (isUnprovenTimeout): the mutant's own run confirms it with the project's timeout, so a mutant
 * that only slows a test down still survives.
 */
import { fileKey, type TestSelection } from '../vitest/session.js';
import type { TestFacts } from './batches.js';

/** How many times its dry-run duration a test may take with a mutant active, in a shared run. */
const SLOW_FACTOR = 10;
/** Added to every shorter timeout: a few milliseconds of dry-run time say little under load. */
const SLOW_FLOOR_MS = 500;

/** Per fileKey, the slowest test of each file in the dry run (ms). */
const slowestByFile = new WeakMap<TestFacts, Map<string, number>>();

function slowest(tests: TestFacts): Map<string, number> {
  let known = slowestByFile.get(tests);
  if (known === undefined) {
    known = new Map();
    for (const [id, file] of Object.entries(tests.files)) {
      const key = fileKey(file);
      known.set(key, Math.max(known.get(key) ?? 0, tests.duration.get(id) ?? 0));
    }
    slowestByFile.set(tests, known);
  }
  return known;
}

/** Per test file of `selection` (fileKey), the shorter timeout of its tests (see the top of this file). */
export function testTimeouts(selection: readonly TestSelection[], tests: TestFacts): Record<string, number> {
  const timeouts: Record<string, number> = {};
  for (const file of selection) {
    const key = fileKey(file);
    const durations = file.testIds?.map((id) => tests.duration.get(id) ?? 0) ?? [slowest(tests).get(key) ?? 0];
    timeouts[key] = Math.max(timeouts[key] ?? 0, Math.round(SLOW_FACTOR * Math.max(0, ...durations) + SLOW_FLOOR_MS));
  }
  return timeouts;
}

/**
 * What a run's wall-clock budget allows for its mutants' timeouts: each mutant stops at its first
 * failure, so each can spend the longest timeout of its files once.
 */
export function timeoutAllowance(runs: ReadonlyArray<{ selection: readonly TestSelection[] }>, timeouts: Readonly<Record<string, number>>): number {
  return runs.reduce((sum, run) => sum + Math.max(0, ...run.selection.map((file) => timeouts[fileKey(file)] ?? 0)), 0);
}
