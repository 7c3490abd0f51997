/**
 * The Node API as a user imports it (the built package entry, dist/index.js): `run` on a sandbox
 * fixture gives exactly the verdicts the CLI gives (the fixture's expected.json), reports each
 * verdict through its events, writes no report, and rejects a user's mistake with the CLI's message.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir, repoRoot, withFixtureCopy, type MutantVerdict } from '../support/assay.js';
import type * as Assay from '../../src/index.js';

const assay = (await import(pathToFileURL(path.join(repoRoot, 'dist/index.js')).href)) as typeof Assay;

describe("import { run } from 'assay'", () => {
  it('returns the run result with the verdicts the CLI gives, and writes nothing', async () => {
    const expected = JSON.parse(readFileSync(path.join(fixturesDir, 'weak-assertions/expected.json'), 'utf8')) as { mutants: MutantVerdict[] };
    await withFixtureCopy('weak-assertions', async (dir) => {
      const seen: number[] = [];
      const result = await assay.run({ cwd: dir, overrides: { concurrency: 2 }, events: { result: (mutant) => seen.push(mutant.id) } });
      const verdicts = result.mutants
        .map(({ fileName, location, mutatorName, replacement, status }) => ({ file: fileName, line: location.start.line, column: location.start.column, mutator: mutatorName, replacement, endLine: location.end.line, endColumn: location.end.column, status }))
        .sort((a, b) => a.line - b.line || a.column - b.column || a.mutator.localeCompare(b.mutator) || a.replacement.localeCompare(b.replacement));
      expect(verdicts).toEqual(expected.mutants);
      expect(seen.sort((a, b) => a - b)).toEqual(result.mutants.map((mutant) => mutant.id));
      expect(result.coverage?.files['src/cart.ts'].lines.pct).toBe(100);
      expect(existsSync(path.join(dir, 'reports'))).toBe(false);
    });
  });

  it('rejects a mistake with a UserError carrying the CLI message', async () => {
    await withFixtureCopy('weak-assertions', async (dir) => {
      const failure = assay.run({ cwd: dir, overrides: { mutate: ['lib/**/*.ts'] } });
      await expect(failure).rejects.toBeInstanceOf(assay.UserError);
      await expect(failure).rejects.toThrow('mutate matched no files: lib/**/*.ts; check --mutate, or "mutate" in stryker.config.json');
    });
  });
});
