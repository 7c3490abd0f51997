// The closing line of .ci/run, "N passed, N failed, N skipped", counted from vitest's JSON report.
// Usage: node .ci/count-results.mjs <results.json> <vitest's exit status>
//
// What vitest 4's JSON reporter writes (checked on a throwaway project, vitest 4.1):
// - a failing test: numFailedTests, and its file's testResults[].status "failed";
// - a file that throws at import: numTotalTests 0, numFailedTests 0; only numFailedTestSuites,
//   success false, and the file's status "failed" with the error in testResults[].message;
// - a failing beforeAll: its tests are "skipped" (numPendingTests), numFailedTests 0; the file is
//   "failed", success false;
// - a failing afterAll: every test "passed", numFailedTests 0; the file is "failed", success false;
// - an unhandled error or rejection: nothing at all. Every test "passed", success true; only
//   vitest's exit status (1) says the run failed.
// There is no numRuntimeErrorTestSuites (a Jest field).
import { existsSync, readFileSync } from 'node:fs';

const [file, exitStatus = '0'] = process.argv.slice(2);

let results;
try {
  results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
} catch {
  results = undefined;
}
// No results (the build, the install or vitest itself broke, or the file is not JSON): one failure.
if (results === undefined) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(0);
}

const passed = results.numPassedTests;
// A test file that failed with no failed test of its own: it did not load, or a beforeAll, afterAll
// (or a describe's hook) failed. numFailedTests does not count it; each such file counts once.
const filesFailedOutsideTests = results.testResults.filter(
  (testFile) => testFile.status === 'failed' && !testFile.assertionResults.some((test) => test.status === 'failed'),
).length;
let failed = results.numFailedTests + filesFailedOutsideTests;
// A failure outside every test and file (an unhandled error, no test files found, a failed
// threshold): the report may say success, but vitest exited non-zero. It counts once, so a failed
// run never reads "0 failed".
if (failed === 0 && (results.success === false || Number(exitStatus) !== 0)) failed = 1;
// Skipped (including the tests of a failed beforeAll) and todo tests are counted apart.
const skipped = results.numPendingTests + results.numTodoTests;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
