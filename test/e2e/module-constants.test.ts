/**
 * Plain module constants switched where they are read (src/instrument/module-constants.ts), end
 * to end on the static-mutants fixture: a constant read only inside functions gives mutants that
 * are covered per test, not static; one read while the module loads keeps them static. The
 * verdicts themselves are the fixture's expected.json (fixtures.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { runAssayOnFixture } from '../support/assay.js';

interface ReportedMutant {
  location: { start: { line: number } };
  static?: boolean;
  coveredBy?: string[];
}

describe('module constants', () => {
  it('covers per test the mutants of constants read only inside functions; those read while loading stay static', async () => {
    const run = await runAssayOnFixture('static-mutants', ['--concurrency', '1']);
    expect(run.exitCode, run.stderr).toBe(0);
    const mutants = run.report.files['src/shipping.ts'].mutants as ReportedMutant[];
    const testName = (id: string) => run.report.testFiles['test/shipping.test.ts'].tests.find((test: { id: string }) => test.id === id).name;
    const onLine = (line: number) => mutants.filter((mutant) => mutant.location.start.line === line);
    // ZONES (line 8) is read by buildRateTable while the module loads.
    expect(onLine(8).map((mutant) => mutant.static)).toEqual([true, true, true, true]);
    // CURRENCY (line 9) and ZONE_NAME (line 36) are read only by formatPrice and isZoneName.
    for (const [line, count, test] of [[9, 1, 'formatPrice > shows euros with two decimals'], [36, 4, 'isZoneName > accepts lower-case words only']] as const) {
      expect(onLine(line)).toHaveLength(count);
      for (const mutant of onLine(line)) {
        expect(mutant.static).toBe(false);
        expect(mutant.coveredBy?.map(testName)).toEqual([test]);
      }
    }
  });
});
