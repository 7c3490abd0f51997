/**
 * What `--incremental` saves: generates a project (bench/generate.ts, ~1,000 mutants by default)
 * and times, with the same concurrency, a plain full run; the first `--incremental` run (a full
 * run that also keys every verdict and writes the store); an unchanged rerun (every result
 * reused); and reruns after editing one source module, one test file, or a helper that every
 * test file imports. Prints per run the results reused and run, the wall time and its ratio to
 * the full run, and checks that every run gives the full run's verdicts. A measurement to run by
 * hand, not a test.
 *
 * Usage: npm run build && npx tsx bench/incremental.ts [--size 1000] [--concurrency 2] [--repeat 1]
 */
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, runAssay, type AssayRun } from '../test/support/assay.js';
import { generateProject, MUTANTS_PER_MODULE } from './generate.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '2' },
    repeat: { type: 'string', default: '1' },
  },
});
const concurrency = ['--concurrency', values.concurrency];
const repeat = Math.max(1, Number(values.repeat));
const modules = Math.max(2, Math.round(Number(values.size) / MUTANTS_PER_MODULE));

const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-bench-incremental-'));
try {
  await generateProject(dir, modules);
  // A helper outside `mutate` that every test file imports: editing it re-runs everything.
  await writeFile(path.join(dir, 'test/helper.ts'), 'export const EMPTY: number[] = [];\n');
  for (let i = 0; i < modules; i++) {
    const file = path.join(dir, `test/module${i}.test.ts`);
    await writeFile(file, (await readFile(file, 'utf8')).replace("expect(average([])).toBe(0);", "expect(average(EMPTY)).toBe(0);").replace("import { describe", "import { EMPTY } from './helper';\nimport { describe"));
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

  const rows: Array<{ name: string; run: AssayRun }> = [];
  const storeFile = path.join(dir, 'reports/assay-incremental.json');
  let storeText: string | undefined;
  /** Runs assay `repeat` times (each from the store the first incremental run wrote, with `edited` edited) and keeps the fastest. */
  const measure = async (name: string, args: string[], edited?: string) => {
    const original = edited === undefined ? undefined : await readFile(path.join(dir, edited), 'utf8');
    let best: AssayRun | undefined;
    for (let attempt = 0; attempt < repeat; attempt++) {
      if (storeText !== undefined) await writeFile(storeFile, storeText);
      if (edited !== undefined) await writeFile(path.join(dir, edited), `${original}// edited\n`);
      const run = await runAssay(dir, [...args, ...concurrency]);
      if (run.exitCode !== 0) throw new Error(`${name} failed:\n${run.stderr}`);
      if (best === undefined || run.wallMs < best.wallMs) best = run;
    }
    if (edited !== undefined) await writeFile(path.join(dir, edited), original!);
    rows.push({ name, run: best! });
    console.log(`${name}: ${(best!.wallMs / 1000).toFixed(1)} s  ${/assay: (reused .*)/.exec(best!.stderr)?.[1] ?? ''}`);
    return best!;
  };
  const full = await measure('full run', []);
  await measure('first --incremental run (writes the store)', ['--incremental', '--force']);
  storeText = await readFile(storeFile, 'utf8');
  await measure('unchanged rerun', ['--incremental']);
  await measure('one source module edited', ['--incremental'], 'src/module0.ts');
  await measure('one test file edited', ['--incremental'], 'test/module1.test.ts');
  await measure('a helper every test file imports edited', ['--incremental'], 'test/helper.ts');

  const mutants = full.verdicts.length;
  console.log(`\n${mutants} mutants (${modules} modules), concurrency ${values.concurrency}, node ${process.version}, best of ${repeat}\n`);
  console.log('| run | reused | ran | wall | vs full run | same verdicts |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { name, run } of rows) {
    const reused = /reused (\d+) of (\d+)/.exec(run.stderr);
    const same = run.verdicts.filter((verdict, index) => verdict.status === full.verdicts[index]?.status).length;
    console.log(
      `| ${name} | ${reused ? `${reused[1]} of ${reused[2]}` : '–'} | ${run.timings?.mutantsRun ?? '?'} | ${(run.wallMs / 1000).toFixed(1)} s | ×${(run.wallMs / full.wallMs).toFixed(2)} | ${same}/${mutants} |`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
