/**
 * One plain type check of a project, as its developer would type it (`npx tsc --noEmit -p
 * tsconfig.json`): the project's own TypeScript compiler and tsconfig, no assay anywhere. What a
 * CompileError verdict is judged by.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { execa } from 'execa';

export interface PlainTypeCheck {
  compiles: boolean;
  /** The first lines tsc printed: why it failed. */
  head: string;
}

export async function plainTypeCheck(dir: string, tsconfig: string): Promise<PlainTypeCheck> {
  const tsc = createRequire(path.join(dir, 'package.json')).resolve('typescript/bin/tsc');
  const result = await execa(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', tsconfig], { cwd: dir, reject: false, all: true, stdin: 'ignore' });
  return { compiles: result.exitCode === 0, head: String(result.all ?? '').split('\n').slice(0, 5).join('\n') };
}
