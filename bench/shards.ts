/**
 * How evenly `--shard i/n` splits the work: generates a project (bench/generate.ts, ~1,000
 * mutants by default), runs it whole once, then shards 1..n one after another (each as its own CI
 * job would, with the same concurrency), and prints per shard its mutants, its cost (planned test
 * executions of the mutants it ran: the partition's measure) and its wall time, then the slowest
 * against the fastest shard. It merges the shards and checks the merge gives the full run's verdicts.
 * A measurement to run by hand, not a test.
 *
 * Usage: npm run build && npx tsx bench/shards.ts [--shards 4] [--size 1000] [--concurrency 2]
 */
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assayCommand, repoRoot, runAssay, verdictsOf } from '../test/support/assay.js';
import { generateProject, MUTANTS_PER_MODULE } from './generate.js';
import type { MutantResult } from '../src/model.js';

const { values } = parseArgs({
  options: {
    shards: { type: 'string', default: '4' },
    size: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '2' },
  },
});
const count = Number(values.shards);
const concurrency = values.concurrency;
const SETTLED = new Set(['NoCoverage', 'Ignored', 'CompileError']);

const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-bench-shards-'));
try {
  await generateProject(dir, Math.max(1, Math.round(Number(values.size) / MUTANTS_PER_MODULE)));
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const full = await runAssay(dir, ['--concurrency', concurrency]);
  if (full.exitCode !== 0) throw new Error(`the full run failed:\n${full.stderr}`);
  console.log(`full run: ${full.verdicts.length} mutants, ${(full.wallMs / 1000).toFixed(1)} s, concurrency ${concurrency}`);

  const rows: Array<{ index: number; mutants: number; run: number; timeouts: number; cost: number; wallMs: number; executeMs: number }> = [];
  for (let index = 1; index <= count; index++) {
    const shard = await runAssay(dir, ['--concurrency', concurrency, '--shard', `${index}/${count}`]);
    if (shard.exitCode !== 0) throw new Error(`shard ${index} failed:\n${shard.stderr}`);
    const file = JSON.parse(await readFile(path.join(dir, `reports/assay-shard-${index}-of-${count}.json`), 'utf8')) as { result: { mutants: MutantResult[] } };
    const ran = file.result.mutants.filter((mutant) => !SETTLED.has(mutant.status));
    rows.push({
      index,
      mutants: file.result.mutants.length,
      run: ran.length,
      timeouts: ran.filter((mutant) => mutant.status === 'Timeout').length,
      // What the partition balanced: planned test executions (every planned test reaches the mutant, so coveredBy lists them).
      cost: ran.reduce((sum, mutant) => sum + mutant.coveredBy.length, 0),
      wallMs: shard.wallMs,
      executeMs: shard.timings?.executeMs ?? Number.NaN,
    });
    const row = rows.at(-1)!;
    console.log(`shard ${index}/${count}: ${row.mutants} mutants (${row.run} run, ${row.timeouts} timeouts), cost ${row.cost}, wall ${(row.wallMs / 1000).toFixed(1)} s, executing ${(row.executeMs / 1000).toFixed(1)} s`);
  }
  const files = rows.map((row) => `reports/assay-shard-${row.index}-of-${count}.json`);
  const merged = await assayCommand(dir, 'merge', '--reporters', 'json', ...files);
  const mergedVerdicts = verdictsOf(JSON.parse(await readFile(path.join(dir, 'reports/mutation/mutation.json'), 'utf8')));
  const same = merged.exitCode === 0 && JSON.stringify(mergedVerdicts) === JSON.stringify(full.verdicts);
  console.log(`merge: exit ${merged.exitCode}, verdicts ${same ? 'equal to' : 'DIFFERENT from'} the full run's`);
  if (!same) {
    const where = (v: (typeof mergedVerdicts)[number]) => `${v.file}:${v.line}:${v.column} ${v.mutator} → ${v.replacement}`;
    const before = new Map(full.verdicts.map((v) => [where(v), v.status]));
    for (const v of mergedVerdicts) if (before.get(where(v)) !== v.status) console.log(`  ${where(v)}: full run ${before.get(where(v))}, merged ${v.status}`);
  }

  const spread = (pick: (row: (typeof rows)[number]) => number, unit: (value: number) => string) => {
    const sorted = [...rows].sort((a, b) => pick(a) - pick(b));
    const [low, high] = [sorted[0], sorted.at(-1)!];
    return `slowest shard ${high.index} ${unit(pick(high))} vs fastest shard ${low.index} ${unit(pick(low))} (×${(pick(high) / pick(low)).toFixed(2)})`;
  };
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\n${count} shards of ${full.verdicts.length} mutants:`);
  console.log(`  wall time: ${spread((row) => row.wallMs, seconds)}`);
  console.log(`  executing mutants: ${spread((row) => row.executeMs, seconds)}`);
  console.log(`  cost: ${spread((row) => row.cost, (cost) => `${cost} planned tests`)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
