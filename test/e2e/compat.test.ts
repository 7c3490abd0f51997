/**
 * The compatibility matrix: the fixtures for the project shapes users have, run by the real assay
 * command under every toolchain CI has (see `toolchains` in test/support/assay.ts and compat/),
 * each giving exactly the verdicts its expected.json states, in batch mode.
 *
 * Pairwise, not every pair: each vitest other than the root's gets every shape on its first leg
 * (what assay drives differs between vitest versions); every other leg, where only Node differs,
 * gets the shapes whose loading Node decides (ES modules and CommonJS, `require` past vite,
 * projects). The fixtures e2e test runs every fixture under this repo's own toolchain already.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, ownToolchain, runAssayOnFixture, toolchains, type MutantVerdict, type Toolchain } from '../support/assay.js';

/** The shapes: config files, projects, aliases, environments, module formats, monorepos. */
const compatFixtures = ['weak-assertions', 'path-aliases', 'vitest-projects', 'jsdom-env', 'snapshots', 'vi-mock', 'react-jsdom', 'react-happy-dom', 'vite-config', 'module-formats', 'commonjs'];
/** The shapes a leg that differs from another only in its Node runs. */
const nodeShapes = ['weak-assertions', 'vitest-projects', 'module-formats', 'commonjs'];

/** The fixtures a leg runs: all shapes on the first leg of a vitest other than the root's, else the Node shapes. */
function shapesFor(toolchain: Toolchain): string[] {
  const firstOfItsVitest = toolchains.find((other) => other.nodeModules === toolchain.nodeModules) === toolchain;
  return firstOfItsVitest && toolchain.nodeModules !== ownToolchain.nodeModules ? compatFixtures : nodeShapes;
}

describe('compatibility matrix', () => {
  it('has every toolchain installed (npm test runs npm run compat:install first)', () => {
    expect(toolchains.filter((toolchain) => !existsSync(toolchain.node)).map((toolchain) => toolchain.name)).toEqual([]);
  });

  it('runs every shape under each vitest, and the Node shapes under each Node', () => {
    const legs = toolchains.filter((candidate) => candidate !== ownToolchain);
    expect(legs.map((toolchain) => [toolchain.name, shapesFor(toolchain).length])).toEqual([
      ['vitest 4, Node 22', 4],
      ['vitest 4, Node 24', 4],
      [`vitest 4.0, Node ${process.versions.node.split('.')[0]}`, 11],
      ['vitest 5, Node 22', 11],
      ['vitest 5, Node 24', 4],
    ]);
  });

  for (const toolchain of toolchains.filter((candidate) => candidate !== ownToolchain)) {
    for (const fixture of shapesFor(toolchain)) {
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
