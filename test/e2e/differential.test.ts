/**
 * Differential check against StrykerJS 9 (vitest runner, perTest) on every sandbox fixture.
 * The fixtures' expected.json files are what assay produces (fixtures.test.ts proves it), so
 * Stryker's real run is compared with them: assay must generate ≥ 85% of Stryker's mutants, and
 * ≥ 97% of the matched mutants must get the same verdict class. The figures are printed and
 * written to reports/differential.json.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { comparableWithPlainRuns, fixturesDir, isWorkspaceFixture, repoRoot, type MutantVerdict } from '../support/assay.js';
import { runStryker, strykerMutants } from '../support/stryker.js';
import { compareWithStryker, type Comparison } from '../support/compare.js';

const fixtures = readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, 'expected.json')));

describe('agreement with StrykerJS', () => {
  it('generates ≥ 85% of Stryker’s mutants and agrees on ≥ 97% of matched verdicts', async () => {
    const perFixture: Record<string, Comparison> = {};
    for (const fixture of fixtures.filter(comparableWithPlainRuns)) {
      const expected = JSON.parse(readFileSync(path.join(fixturesDir, fixture, 'expected.json'), 'utf8')) as {
        mutants: MutantVerdict[];
      };
      const { report } = await runStryker(path.join(fixturesDir, fixture));
      perFixture[fixture] = compareWithStryker(expected.mutants, strykerMutants(report));
    }
    const total = Object.values(perFixture).reduce(
      (sum, c) => ({ stryker: sum.stryker + c.stryker, matched: sum.matched + c.matched, comparable: sum.comparable + c.comparable, same: sum.same + c.sameVerdict }),
      { stryker: 0, matched: 0, comparable: 0, same: 0 },
    );
    const generated = total.matched / total.stryker;
    const agreement = total.same / total.comparable;
    const lines = Object.entries(perFixture).map(
      ([name, c]) =>
        `${name}: stryker ${c.stryker}, assay ${c.assay}, matched ${c.matched}, same verdict ${c.sameVerdict}/${c.comparable}` +
        c.strykerErrors.map((m) => `\n  no Stryker verdict: ${m.file}:${m.line}:${m.column} ${m.mutatorName} ${JSON.stringify(m.replacement)} ${m.status}`).join('') +
        c.disagreements.map((d) => `\n  differs: ${d.assay.file}:${d.assay.line}:${d.assay.column} ${d.assay.mutator} ${JSON.stringify(d.assay.replacement)} assay ${d.assay.status}, stryker ${d.stryker.status}`).join('') +
        c.missing.map((m) => `\n  missing: ${m.file}:${m.line}:${m.column} ${m.mutatorName} ${JSON.stringify(m.replacement)}`).join('') +
        c.extra.map((m) => `\n  extra: ${m.file}:${m.line}:${m.column} ${m.mutator} ${JSON.stringify(m.replacement)}`).join(''),
    );
    const summary = `assay generates ${(generated * 100).toFixed(1)}% of Stryker's mutants (${total.matched}/${total.stryker}); same verdict on ${(agreement * 100).toFixed(1)}% of matched mutants StrykerJS gave a verdict (${total.same}/${total.comparable})`;
    console.log([...lines, summary].join('\n'));
    mkdirSync(path.join(repoRoot, 'reports'), { recursive: true });
    writeFileSync(path.join(repoRoot, 'reports/differential.json'), JSON.stringify({ summary, perFixture }, null, 2));

    expect(fixtures.length).toBe(readdirSync(fixturesDir, { withFileTypes: true }).filter((e) => e.isDirectory() && !isWorkspaceFixture(e.name)).length);
    expect(generated).toBeGreaterThanOrEqual(0.85);
    expect(agreement).toBeGreaterThanOrEqual(0.97);
  });
});
