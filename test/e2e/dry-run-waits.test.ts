/**
 * How much of each test's time its thread waits (setup.ts, dry mode), through the built session
 * and the real vitest: a test that awaits a real timer mostly waits, one that computes does not.
 * The execute stage sends batches of mostly waiting tests to the waiting lane (src/execute/index.ts).
 */
import { describe, expect, it } from 'vitest';
import { dryMode, sessionOn } from '../support/session.js';

const TESTS = `import { it } from 'vitest';
it('waits for a timer', async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
});
it('computes', () => {
  const end = Date.now() + 300;
  while (Date.now() < end);
});
`;

describe('the dry run', () => {
  it("measures the share of each test's time its thread was busy", async () => {
    const { session } = await sessionOn({ 'a.test.ts': TESTS }, { bail: false });
    const dry = await session.run(dryMode, 'all', { threads: 'shared' });
    const busy = Object.fromEntries(dry.tests.map((test) => [test.name, test.busy]));
    expect(busy['waits for a timer']).toBeLessThan(0.2);
    expect(busy.computes).toBeGreaterThan(0.8);
  });
});
