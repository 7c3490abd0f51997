/**
 * One plain type check of a project, as its developer would type it (`npx tsc --noEmit -p
 * tsconfig.json`): the project's own TypeScript compiler and tsconfig, no assay anywhere. What a
 * CompileError verdict is judged by.
 *
 * A check can start from the build info of an earlier one (`tsc --incremental`, which gives the
 * same diagnostics as a full check by design): the unmutated project is checked once, and each
 * mutant's check, in a copy of the same project, rechecks only what the mutated file reaches.
 */
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';

export interface PlainTypeCheck {
  compiles: boolean;
  /** The first lines tsc printed: why it failed. */
  head: string;
  /** The build info a check that started from none left (see above), for the checks that follow; undefined after a check that started from one. */
  buildInfo: string | undefined;
}

/** Where, in the project, the build info goes: paths in it are relative to it, so a copy of the project can use it as is. */
const BUILD_INFO = '.ground-truth.tsbuildinfo';

export async function plainTypeCheck(dir: string, tsconfig: string, from?: string): Promise<PlainTypeCheck> {
  const tsc = createRequire(path.join(dir, 'package.json')).resolve('typescript/bin/tsc');
  const buildInfoFile = path.join(dir, BUILD_INFO);
  if (from !== undefined) await writeFile(buildInfoFile, from);
  const result = await execa(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '--incremental', '--tsBuildInfoFile', buildInfoFile, '-p', tsconfig], {
    cwd: dir,
    reject: false,
    all: true,
    stdin: 'ignore',
  });
  return {
    compiles: result.exitCode === 0,
    head: String(result.all ?? '').split('\n').slice(0, 5).join('\n'),
    buildInfo: from === undefined ? await readFile(buildInfoFile, 'utf8').catch(() => undefined) : undefined,
  };
}
