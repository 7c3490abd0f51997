/**
 * End to end on a monorepo: the real assay command on sandbox-fixtures/monorepo (npm workspaces
 * plus pnpm-workspace.yaml; `@mono/app` imports `@mono/core` by name), its node_modules laid out
 * as npm and as pnpm install a workspace (test/support/workspace-copy.ts), under one toolchain per
 * vitest of the compatibility matrix (4 latest, 4.0, 5). Started at the root (`mutate` spans both packages, vitest
 * `projects` runs each package's config) it must give exactly expected-root.json: core's mutants
 * that only app's tests reach, through the package link, are killed or survive, never
 * NoCoverage. Started inside packages/app (its own stryker.config.json and vitest config) it must
 * give exactly packages/app/expected.json. Both in batch mode and, on this repo's toolchain, with
 * `--isolation full`; every file untouched, no process left behind.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, hashTree, oneToolchainPerVitest, ownToolchain, runAssay, type MutantVerdict } from '../support/assay.js';
import { withWorkspaceCopy, type Layout } from '../support/workspace-copy.js';

const fixture = 'monorepo';
/** Where `assay run` starts, and the verdicts it must give there. */
const startPoints = [
  { start: '.', expected: 'expected-root.json' },
  { start: 'packages/app', expected: 'packages/app/expected.json' },
];
const layouts: Layout[] = ['npm', 'pnpm'];

/** sha256 of every file of the workspace (every package, whichever the run started in), reports left out. */
async function workspaceFiles(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await hashTree(dir)).filter(([file]) => !file.split(path.sep).includes('reports')));
}

describe('assay run in a monorepo', () => {
  for (const toolchain of oneToolchainPerVitest) {
    const isolations = toolchain === ownToolchain ? ['batch', 'full'] : ['batch'];
    for (const layout of layouts) {
      for (const isolation of isolations) {
        it(`${layout} layout, isolation ${isolation}, on ${toolchain.name}: every verdict as expected from the root and from packages/app, files untouched`, async () => {
          await withWorkspaceCopy(
            fixture,
            layout,
            async (dir) => {
              const before = await workspaceFiles(dir);
              for (const { start, expected } of startPoints) {
                const { mutants } = JSON.parse(readFileSync(path.join(fixturesDir, fixture, expected), 'utf8')) as { mutants: MutantVerdict[] };
                const run = await runAssay(path.join(dir, start), ['--concurrency', '2', '--isolation', isolation], toolchain);
                expect(run.stderr).not.toMatch(/\n\s+at /);
                expect(run.report, run.stderr).toBeDefined();
                expect(run.verdicts, `started in ${start}`).toEqual(mutants);
                expect(run.leftover).toEqual([]);
              }
              expect(await workspaceFiles(dir)).toEqual(before);
            },
            toolchain,
          );
        });
      }
    }
  }
});
