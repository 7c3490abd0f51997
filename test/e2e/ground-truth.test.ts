/**
 * Ground truth for every fixture verdict: each mutant of each expected.json is applied by hand
 * to a copy of the fixture and checked against a plain `vitest run` (ground-truth/check.ts), and in
 * a fixture with the TypeScript checker on, against a plain `tsc --noEmit`. An equivalent mutant
 * (Ignored) claims what a survivor claims: the suite passes with it. A Killed or Timeout verdict
 * must make the run fail or hang, a Survived or NoCoverage one must leave it passing. expected.json files were written from assay's output; this is what proves
 * them right rather than merely unchanged. Test files flaky on purpose (expected.json's
 * `flakyTestFiles`) are left out of the plain runs: no verdict may rest on them.
 *
 * The check must be able to fail: verdicts turned the wrong way round are reported wrong.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkGroundTruth, type GroundTruth } from '../../ground-truth/check.js';
import { describeMutant, type JudgedMutant } from '../../ground-truth/mutants.js';
import { fixturesDir, withFixtureCopy } from '../support/assay.js';
import { withWorkspaceCopy } from '../support/workspace-copy.js';

const fixtures = readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, 'expected.json')));
/** Plain runs take a second or more each, and a hang its time limit. */
const FIXTURE_TIMEOUT_MS = 900_000;

interface Expected {
  mutants: JudgedMutant[];
  flakyTestFiles?: string[];
}

/** The tsconfig of a fixture whose stryker.config.json turns the TypeScript checker on. */
function typeCheckedWith(fixture: string): string | undefined {
  const file = path.join(fixturesDir, fixture, 'stryker.config.json');
  if (!existsSync(file)) return undefined;
  const config = JSON.parse(readFileSync(file, 'utf8')) as { checkers?: string[]; tsconfigFile?: string };
  return config.checkers?.includes('typescript') === true ? (config.tsconfigFile ?? 'tsconfig.json') : undefined;
}

const expectedOf = (file: string) => JSON.parse(readFileSync(path.join(fixturesDir, file), 'utf8')) as Expected;

/** The contradicted verdicts, as lines that say what the plain runs did. */
function contradictions(truth: GroundTruth): string[] {
  return truth.findings.filter((f) => f.finding !== 'agrees').map((f) => `${f.finding}: ${describeMutant(f.mutant)} is ${f.mutant.status}, plain runs: ${f.outcomes.join(', ')}\n${f.tail ?? ''}`);
}

describe('ground truth: every fixture verdict is what a plain vitest run says', () => {
  for (const fixture of fixtures) {
    it(`${fixture}`, { timeout: FIXTURE_TIMEOUT_MS }, async () => {
      const expected = expectedOf(`${fixture}/expected.json`);
      const tsconfig = typeCheckedWith(fixture);
      // The fixtures' Ignored mutants are the equivalence filter's: they claim no test can notice them, as Survived does.
      const judged = expected.mutants.map((mutant) => (mutant.status === 'Ignored' ? { ...mutant, status: 'Survived' } : mutant));
      const truth = await withFixtureCopy(fixture, (dir) => checkGroundTruth(dir, judged, { concurrency: 2, exclude: expected.flakyTestFiles, ...(tsconfig && { tsconfig }) }));
      expect(contradictions(truth)).toEqual([]);
      expect(truth.findings.length).toBe(expected.mutants.length);
    });
  }

  for (const [start, file] of [['.', 'expected-root.json'], ['packages/app', 'packages/app/expected.json']]) {
    it(`monorepo (npm workspace) from ${start}`, { timeout: FIXTURE_TIMEOUT_MS }, async () => {
      const expected = expectedOf(`monorepo/${file}`);
      const truth = await withWorkspaceCopy('monorepo', 'npm', (dir) => checkGroundTruth(path.join(dir, start), expected.mutants, { concurrency: 2, copyRoot: dir }));
      expect(contradictions(truth)).toEqual([]);
      expect(truth.findings.length).toBe(expected.mutants.length);
    });
  }
});

describe('ground truth catches wrong verdicts', () => {
  it('a killed mutant said to survive, and an unreached one said to be killed, are wrong', async () => {
    const killed = expectedOf('strong-tests/expected.json').mutants.find((m) => m.status === 'Killed')!;
    const unreached = expectedOf('uncovered/expected.json').mutants.find((m) => m.status === 'NoCoverage')!;
    const check = (fixture: string, mutant: JudgedMutant) => withFixtureCopy(fixture, (dir) => checkGroundTruth(dir, [mutant], { concurrency: 1 }));
    const [survived, detected] = [await check('strong-tests', { ...killed, status: 'Survived' }), await check('uncovered', { ...unreached, status: 'Killed' })];
    expect(survived.findings.map((f) => [f.finding, f.outcomes])).toEqual([['wrong', ['failed', 'failed']]]);
    expect(detected.findings.map((f) => [f.finding, f.outcomes])).toEqual([['wrong', ['passed', 'passed']]]);
  });

  it('a mutant that compiles said not to, and one that does not compile said to survive, are wrong', async () => {
    const mutants = expectedOf('typed-code/expected.json').mutants;
    const compiles = mutants.find((m) => m.status === 'Killed')!;
    const fails = mutants.find((m) => m.status === 'CompileError')!;
    const truth = await withFixtureCopy('typed-code', (dir) => checkGroundTruth(dir, [{ ...compiles, status: 'CompileError' }, { ...fails, status: 'Survived' }], { concurrency: 2, tsconfig: 'tsconfig.json' }));
    expect(truth.findings.map((f) => [f.finding, f.outcomes])).toEqual([['wrong', ['compiles']], ['wrong', ['does-not-compile']]]);
  });

  it('a mutant with no verdict is not run', async () => {
    const [mutant] = expectedOf('strong-tests/expected.json').mutants;
    const truth = await withFixtureCopy('strong-tests', (dir) => checkGroundTruth(dir, [{ ...mutant, status: 'Ignored' }], { concurrency: 1 }));
    expect(truth.findings.map((f) => [f.finding, f.outcomes])).toEqual([['no-verdict', []]]);
  });
});
