/** assay's batch runner (batch-runner.ts) on vitest 4's test runner class, from its `vitest/runners` entry. */
import { VitestTestRunner } from 'vitest/runners';
import { withBatchRuns } from './batch-runner.js';

export default withBatchRuns(VitestTestRunner);
