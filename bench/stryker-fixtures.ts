/**
 * Runs StrykerJS on every sandbox fixture, one at a time, and prints per fixture the number of
 * mutants, the count per status and the wall time.
 *
 * Usage: npx tsx bench/stryker-fixtures.ts [--out DIR] [--unpatched] [fixture ...]
 * With --out, each fixture's flattened, sorted mutant list is written to DIR/<fixture>.json.
 * With --unpatched, Stryker runs without the vitest 4.1 coverage fix (see test/support/stryker.ts).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runStryker, strykerMutants } from '../test/support/stryker.js';
import { comparableWithPlainRuns } from '../test/support/assay.js';

const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../sandbox-fixtures');

const { values, positionals } = parseArgs({
  options: { out: { type: 'string' }, unpatched: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const entries = await readdir(fixturesDir, { withFileTypes: true });
const all = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
const unknown = positionals.filter((name) => !all.includes(name));
if (unknown.length > 0) throw new Error(`Unknown fixture(s): ${unknown.join(', ')}`);
const names = positionals.length > 0 ? positionals : all.filter(comparableWithPlainRuns);
if (values.out) await mkdir(values.out, { recursive: true });

for (const name of names) {
  const { report, wallMs, peakRssMb } = await runStryker(path.join(fixturesDir, name), {
    patchCoverage: !values.unpatched,
  });
  const mutants = strykerMutants(report);
  const counts = new Map<string, number>();
  for (const m of mutants) {
    const status = m.static ? `${m.status} (static)` : m.status;
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const perStatus = [...counts].sort().map(([status, n]) => `${status} ${n}`).join(', ');
  const rss = peakRssMb === undefined ? '' : `, peak RSS ${peakRssMb} MB`;
  console.log(`${name}: ${mutants.length} mutants: ${perStatus}; ${(wallMs / 1000).toFixed(1)} s${rss}`);
  if (values.out) await writeFile(path.join(values.out, `${name}.json`), JSON.stringify(mutants, null, 2) + '\n');
}
