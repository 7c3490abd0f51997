/** assay's batch runner (batch-runner.ts) on vitest 5's test runner class, which its `vitest` entry exports. */
import { TestRunner } from 'vitest';
import { withBatchRuns } from './batch-runner.js';

export default withBatchRuns(TestRunner);
