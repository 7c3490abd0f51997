/**
 * How much of each test's time its thread waits (setup.ts, dry mode), through the built session
 * and the real vitest: a test that awaits a real timer mostly waits, one that computes does not.
 * The execute stage sends batches of mostly waiting tests to the waiting lane (src/execute/index.ts).
 */
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Session from '../../src/vitest/session.js';
import { repoRoot } from '../support/assay.js';
import { tempProject } from '../unit/config/temp-project.js';

const { VitestSession } = (await import(pathToFileURL(path.join(repoRoot, 'dist/vitest/session.js')).href)) as typeof Session;

const TESTS = `import { it } from 'vitest';
it('waits for a timer', async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
});
it('computes', () => {
  const end = Date.now() + 300;
  while (Date.now() < end);
});
`;

let session: Session.VitestSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the dry run', () => {
  it("measures the share of each test's time its thread was busy", async () => {
    const dir = await tempProject({ 'package.json': { type: 'module' }, 'vitest.config.ts': 'export default {};\n', 'a.test.ts': TESTS });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    session = await VitestSession.start({ projectRoot: dir, code: { instrumented: {} }, bail: false, maxWorkers: 1, memoryLimitMb: 512, batch: true });
    const dry = await session.run({ mode: 'dry', active: -1, hitLimit: Number.POSITIVE_INFINITY }, 'all', { threads: 'shared' });
    const busy = Object.fromEntries(dry.tests.map((test) => [test.name, test.busy]));
    expect(busy['waits for a timer']).toBeLessThan(0.2);
    expect(busy.computes).toBeGreaterThan(0.8);
  });
});
