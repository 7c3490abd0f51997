/** `--shard i/n` on a plan: each shard keeps its own mutants, computed alike everywhere, with fingerprints for `assay merge`. */
import { describe, expect, it } from 'vitest';
import { plannedTestsCost, shardPlan } from '../../../src/shard/index.js';
import { mutantSetFingerprint } from '../../../src/shard/fingerprint.js';
import type { Mutant, MutantResult } from '../../../src/model.js';
import type { MutantRun, Plan } from '../../../src/plan/index.js';

function mutant(id: number, overrides: Partial<Mutant> = {}): Mutant {
  return {
    id,
    fileName: id % 2 === 0 ? 'src/b.ts' : 'src/a.ts',
    mutatorName: 'EqualityOperator',
    start: id,
    end: id + 1,
    replacement: 'x',
    placement: 'expression',
    location: { start: { line: 1, column: id + 1 }, end: { line: 1, column: id + 2 } },
    ...overrides,
  };
}

function run(id: number, plannedTests: number, expectedMs = 1): MutantRun {
  return { mutant: mutant(id), selection: [], plannedTests, coveredBy: ['t1'], static: false, expectedMs, hitLimit: 10_000 };
}

function settled(id: number, status: MutantResult['status']): MutantResult {
  return { ...mutant(id), status, coveredBy: [], killedBy: [], testsCompleted: 0, static: false };
}

const files = [
  { name: 'src/a.ts', text: 'export const a = 1;\n' },
  { name: 'src/b.ts', text: 'export const b = 2;\n' },
];

/** 12 runs of 1..12 planned tests, 3 settled mutants and one the instrumenter could not place. */
function wholePlan(): { plan: Plan; unplaced: MutantResult[] } {
  return {
    plan: {
      runs: Array.from({ length: 12 }, (_, i) => run(i + 1, i + 1)),
      settled: [settled(13, 'NoCoverage'), settled(14, 'Ignored'), settled(15, 'NoCoverage')],
    },
    unplaced: [settled(16, 'CompileError')],
  };
}

const idsOf = (plan: { runs: MutantRun[]; settled: MutantResult[] }) => [...plan.runs.map((r) => r.mutant.id), ...plan.settled.map((r) => r.id)].sort((a, b) => a - b);

describe('shardPlan', () => {
  it('without --shard, is the whole plan with the extra settled mutants after the plan\'s', () => {
    const { plan, unplaced } = wholePlan();
    const whole = shardPlan(plan, unplaced, { files });
    expect(whole.runs).toBe(plan.runs);
    expect(whole.settled.map((result) => result.id)).toEqual([13, 14, 15, 16]);
    expect(whole.shard).toBeUndefined();
  });

  it('gives every mutant to exactly one of n shards, with equal fingerprints in all of them', () => {
    for (const count of [1, 2, 3, 5]) {
      const shards = Array.from({ length: count }, (_, i) => {
        const { plan, unplaced } = wholePlan();
        return shardPlan(plan, unplaced, { files, shard: { index: i + 1, count } });
      });
      expect(shards.flatMap(idsOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      for (const shard of shards) {
        expect(shard.shard).toMatchObject({ count, mutants: 16, fingerprint: shards[0].shard?.fingerprint, partition: shards[0].shard?.partition });
      }
      expect(shards.map((shard) => shard.shard?.index)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  });

  it('balances by planned tests, settled mutants costing nothing', () => {
    const { plan, unplaced } = wholePlan();
    const shards = [1, 2, 3].map((index) => shardPlan(plan, unplaced, { files, shard: { index, count: 3 } }));
    // 1 + … + 12 = 78 planned test runs: 26 each.
    expect(shards.map((shard) => shard.runs.reduce((sum, r) => sum + r.plannedTests, 0))).toEqual([26, 26, 26]);
  });

  it('does not depend on dry-run durations, which differ between machines', () => {
    const { plan, unplaced } = wholePlan();
    const slower: Plan = { ...plan, runs: plan.runs.map((r) => ({ ...r, expectedMs: r.expectedMs * (r.mutant.id % 3 === 0 ? 7 : 0.5) })) };
    const here = shardPlan(plan, unplaced, { files, shard: { index: 2, count: 3 } });
    const there = shardPlan(slower, unplaced, { files, shard: { index: 2, count: 3 } });
    expect(idsOf(there)).toEqual(idsOf(here));
    expect(there.shard).toEqual(here.shard);
  });

  it('is the same whatever order the plan lists its mutants in', () => {
    const { plan, unplaced } = wholePlan();
    const reversed: Plan = { runs: [...plan.runs].reverse(), settled: [...plan.settled].reverse() };
    const a = shardPlan(plan, unplaced, { files, shard: { index: 1, count: 4 } });
    const b = shardPlan(reversed, unplaced, { files: [...files].reverse(), shard: { index: 1, count: 4 } });
    expect(idsOf(b)).toEqual(idsOf(a));
    expect(b.shard).toEqual(a.shard);
  });

  it('takes another cost through the costOf hook (e.g. times an incremental store measured)', () => {
    const { plan, unplaced } = wholePlan();
    // Mutant 16 (settled by default) is made the most expensive by the hook: it gets shard 1 alone.
    const costOf = (m: Mutant, r: MutantRun | undefined) => (m.id === 16 ? 1000 : plannedTestsCost(m, r));
    const first = shardPlan(plan, unplaced, { files, shard: { index: 1, count: 2 } }, costOf);
    expect(idsOf(first)).toEqual([16]);
    expect(first.shard?.partition).not.toBe(shardPlan(plan, unplaced, { files, shard: { index: 1, count: 2 } }).shard?.partition);
  });
});

describe('mutantSetFingerprint', () => {
  const mutants = [mutant(1), mutant(2), mutant(3)];
  const base = mutantSetFingerprint(files, mutants);

  it('does not depend on the order of files or mutants', () => {
    expect(mutantSetFingerprint([...files].reverse(), [...mutants].reverse())).toBe(base);
  });

  it('changes with a file\'s content, a mutant\'s place, mutator or replacement, or the --since merge-base', () => {
    const changed = [
      mutantSetFingerprint([files[0], { ...files[1], text: 'export const b = 3;\n' }], mutants),
      mutantSetFingerprint(files, [mutant(1), mutant(2, { start: 7 }), mutant(3)]),
      mutantSetFingerprint(files, [mutant(1), mutant(2, { mutatorName: 'BooleanLiteral' }), mutant(3)]),
      mutantSetFingerprint(files, [mutant(1), mutant(2, { replacement: 'y' }), mutant(3)]),
      mutantSetFingerprint(files, mutants.slice(0, 2)),
      mutantSetFingerprint(files, mutants, '1a2b3c4'),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });
});
