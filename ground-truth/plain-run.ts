/**
 * One plain `vitest run` of a project, as its developer would type it (`npx vitest run --bail=1`): the
 * project's own vitest, its own config, no assay anywhere, not in CI mode (where vitest would
 * refuse to write a snapshot a test needs). It runs in a process group of its own under a hard
 * time limit; when the limit passes, or the run ends, the whole group is killed, so nothing a
 * mutant started (a hung worker, a child process) outlives it.
 *
 * With `--bail=1`: vitest stops at the first failing test, which cannot change whether the run
 * fails (a run that fails fails at its first failure; one that passes never bails) and spares the
 * files after it (half of a large suite's plain run, a fifth of a small one's).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';

export type PlainOutcome = 'passed' | 'failed' | 'hung';

export interface PlainRun {
  outcome: PlainOutcome;
  ms: number;
  /** The last lines vitest printed: why a run failed. */
  tail: string;
}

export interface PlainRunOptions {
  timeLimitMs: number;
  /** Test files left out (`vitest run --exclude`), e.g. tests flaky on purpose. */
  exclude?: readonly string[];
}

/** Runs the vitest that `dir` resolves, in `dir`. */
export async function plainVitestRun(dir: string, options: PlainRunOptions): Promise<PlainRun> {
  const args = [vitestEntry(dir), 'run', '--bail=1', ...(options.exclude ?? []).flatMap((glob) => ['--exclude', glob])];
  const started = performance.now();
  const child = execa(process.execPath, args, {
    cwd: dir,
    reject: false,
    all: true,
    stdin: 'ignore',
    detached: true,
    env: { FORCE_COLOR: '0', CI: undefined, GITHUB_ACTIONS: undefined },
    extendEnv: true,
  });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    killGroup(child.pid);
  }, options.timeLimitMs);
  const result = await child;
  clearTimeout(timer);
  killGroup(child.pid);
  const ms = Math.round(performance.now() - started);
  const outcome: PlainOutcome = hung ? 'hung' : result.exitCode === 0 ? 'passed' : 'failed';
  return { outcome, ms, tail: String(result.all ?? '').split('\n').slice(-15).join('\n') };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already ended.
  }
}

/** vitest's command entry as `dir` resolves it (the nearest node_modules/vitest up the tree). */
export function vitestEntry(dir: string): string {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const manifest = path.join(current, 'node_modules/vitest/package.json');
    if (existsSync(manifest)) {
      const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
      return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.vitest);
    }
    if (path.dirname(current) === current) throw new Error(`${dir}: no vitest installed here or above (npm i -D vitest)`);
  }
}
