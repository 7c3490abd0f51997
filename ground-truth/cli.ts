/**
 * `npm run ground-truth -- <project> [--report <file> | --mutate <globs>] [--concurrency N]
 * [--exclude <glob>]… [--workspace-root <dir>] [--tsconfig <file>]`:
 * audits assay's verdicts on any vitest project. Without `--report`, assay (this repository's
 * build) runs on a copy of the project first (on the files `--mutate` names, or those its config
 * does) and its JSON report is judged; with it, the given
 * report (assay's or StrykerJS's mutation.json) or fixture expected.json is. Each mutant is then
 * applied by hand to a fresh copy and checked against a plain `vitest run` (check.ts). A package
 * of a monorepo names the workspace root, so that copies hold the packages it imports. With
 * `--tsconfig`, a plain `tsc --noEmit` judges CompileError verdicts too.
 *
 * Prints each verdict that a plain run contradicts, then one summary line. Exits 0 when every
 * verdict agrees, 1 when any is wrong or unsettled, 2 on bad input (one line naming it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { checkGroundTruth, type MutantFinding } from './check.js';
import { describeMutant, readMutants, type JudgedMutant } from './mutants.js';
import { withProjectCopy } from './project-copy.js';

const assayBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/assay.js');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      mutate: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      exclude: { type: 'string', multiple: true, default: [] },
      'workspace-root': { type: 'string' },
      tsconfig: { type: 'string' },
    },
  });
  const [project] = positionals;
  if (project === undefined || positionals.length > 1) return usage('name one project directory');
  if (!existsSync(path.join(project, 'package.json'))) return usage(`${project}: no package.json there; name a vitest project's root`);
  const copyRoot = values['workspace-root'] ?? project;
  if (path.relative(copyRoot, project).startsWith('..')) return usage(`--workspace-root ${copyRoot}: must hold ${project}`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) return usage(`--concurrency ${values.concurrency}: a whole number from 1 up`);

  if (values.report !== undefined && values.mutate !== undefined) return usage('--report and --mutate: name one (the report already says what was mutated)');
  const assayArgs = values.mutate === undefined ? [] : ['--mutate', values.mutate];
  const mutants = values.report !== undefined ? await readMutants(values.report) : await assayVerdicts(copyRoot, path.relative(copyRoot, project), assayArgs);
  console.error(`ground truth: ${mutants.length} mutants, ${concurrency} plain vitest runs at a time`);
  const truth = await checkGroundTruth(project, mutants, {
    concurrency,
    exclude: values.exclude,
    ...(values.tsconfig !== undefined && { tsconfig: values.tsconfig }),
    copyRoot,
    onFinding: (finding) => {
      if (finding.finding === 'wrong' || finding.finding === 'unsettled') console.log(contradiction(finding));
    },
  });
  const count = (finding: MutantFinding['finding']) => truth.findings.filter((f) => f.finding === finding).length;
  console.log(
    `ground truth: ${mutants.length} mutants, ${count('agrees')} agree, ${count('wrong')} wrong, ${count('unsettled')} unsettled, ` +
      `${count('no-verdict')} without a verdict (plain run ${seconds(truth.baselineMs)}, limit ${seconds(truth.timeLimitMs)}, took ${seconds(truth.wallMs)})`,
  );
  return count('wrong') + count('unsettled') === 0 ? 0 : 1;
}

function contradiction({ mutant, finding, outcomes, tail }: MutantFinding): string {
  return `${finding}: ${describeMutant(mutant)} is ${mutant.status}, plain vitest runs: ${outcomes.join(', ')}\n${indent(tail ?? '')}`;
}

/** assay's verdicts on a copy of `root`, run in its folder `project` (this repository's build, the project's own config). */
async function assayVerdicts(root: string, project: string, args: string[]): Promise<JudgedMutant[]> {
  return withProjectCopy(root, 'assay-ground-truth-run-', async (copy) => {
    const dir = path.join(copy, project);
    console.error('ground truth: running assay for the verdicts to check');
    const run = await execa(process.execPath, [assayBin, 'run', '--reporters', 'json', ...args], { cwd: dir, reject: false, all: true, env: { FORCE_COLOR: '0' } });
    const report = path.join(dir, 'reports/mutation/mutation.json');
    if (!existsSync(report)) throw new Error(`assay wrote no report (exit code ${run.exitCode}):\n${indent(String(run.all).split('\n').slice(-10).join('\n'))}`);
    return readMutants(report);
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const indent = (text: string) => text.replace(/^/gm, '    ');

function usage(problem: string): number {
  console.error(`ground-truth: ${problem}\nusage: npm run ground-truth -- <project> [--report <mutation.json|expected.json> | --mutate <globs>] [--concurrency N] [--exclude <test glob>]… [--workspace-root <dir>]`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ground-truth: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
