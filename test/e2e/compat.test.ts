/**
 * The compatibility matrix: the fixtures for the project shapes users have, run by the real assay
 * command under every toolchain CI has (see `toolchains` in test/support/assay.ts and compat/),
 * each giving exactly the verdicts its expected.json states, in batch mode.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, ownToolchain, runAssayOnFixture, toolchains, type MutantVerdict } from '../support/assay.js';

/** The shapes: config files, projects, aliases, environments, module formats, monorepos. */
const compatFixtures = ['weak-assertions', 'path-aliases', 'vitest-projects', 'jsdom-env', 'snapshots', 'vi-mock', 'react-jsdom', 'react-happy-dom', 'vite-config', 'module-formats', 'commonjs'];

describe('compatibility matrix', () => {
  it('has every toolchain installed (npm test runs npm run compat:install first)', () => {
    expect(toolchains.filter((toolchain) => !existsSync(toolchain.node)).map((toolchain) => toolchain.name)).toEqual([]);
  });

  // The fixtures e2e test runs every fixture under this repo's own toolchain already.
  for (const toolchain of toolchains.filter((candidate) => candidate !== ownToolchain)) {
    for (const fixture of compatFixtures) {
      it(`${fixture} on ${toolchain.name}: every verdict as expected, files untouched`, async () => {
        const expected = JSON.parse(readFileSync(path.join(fixturesDir, fixture, 'expected.json'), 'utf8')) as { mutants: MutantVerdict[] };
        const run = await runAssayOnFixture(fixture, ['--concurrency', '2'], toolchain);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(run.report, run.stderr).toBeDefined();
        expect(run.verdicts).toEqual(expected.mutants);
        expect(run.hashesAfter).toEqual(run.hashesBefore);
        expect(run.leftover).toEqual([]);
      });
    }
  }
});
