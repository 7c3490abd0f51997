import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How many times `name` has run in this process (vitest's threads share the process id). It
 * makes the flaky tests below deterministic: like a test racing a clock, but the same every time.
 */
export function runNumber(name: string): number {
  const counter = join(tmpdir(), `flaky-fixture-${name}-${process.pid}.count`);
  let runs = 0;
  try {
    runs = Number(readFileSync(counter, 'utf8'));
  } catch {
    // first run in this process
  }
  writeFileSync(counter, String(runs + 1));
  return runs + 1;
}
