/**
 * How a run names the tests it selects in a test file, per vitest version (majors.ts
 * `selectsTestsById`). vitest 4.1+ takes test ids. vitest 4.0 takes line numbers: a test runs
 * when the line of its `test()` call is listed, and so does every test in a `describe` whose line
 * is listed; every other test of the file is skipped. So by line a run may select more than the
 * planned tests — the other cases of a `test.each`, tests a loop defines on one line, tests on the
 * line of their `describe` — never fewer. Verdicts read the planned tests only (execute/verdict.ts
 * `plannedOnly`), so the extra tests change nothing but the run's time.
 */

/** What `TestProject.createSpecification` takes after the module id: all tests, test ids, or lines. */
export type SpecificationTests = undefined | { testIds: string[] } | number[];

/**
 * The second argument of `createSpecification` for `testIds` of one file (undefined: all of its
 * tests), given each test's line as the dry run saw it. A test of unknown line runs its whole file.
 */
export function specificationTests(testIds: readonly string[] | undefined, selectsTestsById: boolean, lines: ReadonlyMap<string, number>): SpecificationTests {
  if (testIds === undefined) return undefined;
  if (selectsTestsById) return { testIds: [...testIds] };
  const found = testIds.map((id) => lines.get(id));
  if (found.some((line) => line === undefined)) return undefined;
  return [...new Set(found as number[])].sort((a, b) => a - b);
}

/**
 * vitest 4.0 fails a file in which a listed line has no test. The planned test is then missing
 * from the outcome, as it is when selected by id, and the verdict counts it as not run.
 */
export const NO_TEST_ON_LINE = /^Error: No test found in .* in lines? \d/;
