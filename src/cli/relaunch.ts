/**
 * `assay run` starts itself once more, on Linux with glibc, with malloc held to two arenas.
 *
 * glibc gives a thread that finds the arenas busy one of its own, up to 8 per core, and what is
 * freed in an arena stays with it. A run holds a dozen threads that allocate (pool workers, test
 * threads, libuv's and V8's): on a 2,014-mutant library that kept 150–200 MB more resident at the
 * peak than with two arenas, at no measured cost in time. glibc reads `MALLOC_ARENA_MAX` only as a
 * process starts, hence the restart. It is skipped for the other commands (they hold no threads),
 * off glibc (musl ignores the variable), when the user set the arena count themselves
 * (`MALLOC_ARENA_MAX`, or `arena_max` in `GLIBC_TUNABLES`; `MALLOC_ARENA_MAX=8` keeps glibc's own
 * count for two cores), and under a debugger (its session is with this process). The library API
 * (`import { run } from 'assay'`) runs in the caller's process as it is.
 *
 * Where Node has `process.execve` (22.15 and later; not 23.0–23.10), the restart replaces this
 * process. Elsewhere this process waits for a child, passes on SIGINT, SIGTERM and SIGHUP, and
 * ends as the child did: with its exit code, or by the same signal. A Ctrl-C then reaches both
 * processes (the terminal signals its foreground process group), so the child counts the same
 * signal twice in a row as one (`signalsArriveTwice`, cli/signals.ts).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { url as inspectorUrl } from 'node:inspector';
import { constants } from 'node:os';
import { familySync, GLIBC } from 'detect-libc';

/** Set in the restarted process: how it was started ('exec' or 'child'). */
const RELAUNCHED = 'ASSAY_RELAUNCHED';
const ARENAS = '2';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Signals that would dump the waiting parent's core too, were it to raise them on itself. */
const CORE_DUMPING = new Set<NodeJS.Signals>(['SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGILL', 'SIGQUIT', 'SIGSEGV', 'SIGSYS', 'SIGTRAP']);

/** This process is a child of a parent that passes signals on: a Ctrl-C reaches it twice. */
export let signalsArriveTwice = false;

/**
 * In the process `node bin/assay.js` started: runs the command again with two malloc arenas, in
 * place of this process or in a child (then resolves to the exit code to end with); undefined:
 * run here (this is the restarted process, or a restart does not apply). In the restarted
 * process, it takes `MALLOC_ARENA_MAX` back out of the environment, so the tests' own processes
 * do not inherit it.
 */
export async function relaunchWithTwoArenas(argv: readonly string[]): Promise<number | undefined> {
  const relaunched = process.env[RELAUNCHED];
  if (relaunched !== undefined) {
    signalsArriveTwice = relaunched === 'child';
    delete process.env[RELAUNCHED];
    delete process.env.MALLOC_ARENA_MAX;
    return undefined;
  }
  if (!applies(argv)) return undefined;
  const args = [...process.execArgv, ...argv.slice(1)];
  const env = (how: string) => ({ ...process.env, MALLOC_ARENA_MAX: ARENAS, [RELAUNCHED]: how });
  const { execve } = process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never };
  if (execve !== undefined) {
    // A failed exec aborts the process (Node cannot return from it): the binary is checked first.
    try {
      accessSync(process.execPath, fsConstants.X_OK);
      execve(process.execPath, [process.execPath, ...args], env('exec'));
    } catch {
      return undefined;
    }
  }
  return inChild(args, env('child'));
}

function applies(argv: readonly string[]): boolean {
  if (argv[2] !== 'run' || process.platform !== 'linux') return false;
  if (process.env.MALLOC_ARENA_MAX !== undefined || /\barena_max\b/.test(process.env.GLIBC_TUNABLES ?? '')) return false;
  if (inspectorUrl() !== undefined || process.execArgv.some((flag) => flag.startsWith('--inspect') || flag.startsWith('--debug'))) return false;
  return familySync() === GLIBC;
}

/** Runs the command in a child process and resolves to the exit code to end with (undefined: none could start; run here). */
async function inChild(args: string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  let child: ReturnType<typeof spawn> | undefined;
  const forward = (signal: NodeJS.Signals) => child?.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  let ended: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  try {
    const started = (child = spawn(process.execPath, args, { stdio: 'inherit', env }));
    ended = await new Promise((resolve) => {
      // Not started at all: the command runs here, as it would have. An error after the start
      // (a signal that could not be passed on) leaves the child running: its exit is awaited.
      started.once('error', () => {
        if (started.pid === undefined) resolve(undefined);
      });
      started.once('exit', (code, signal) => resolve({ code, signal }));
    });
  } catch {
    ended = undefined;
  } finally {
    for (const signal of FORWARDED) process.off(signal, forward);
  }
  if (ended === undefined) return undefined;
  if (ended.signal === null) return ended.code ?? 1;
  // Ended by a signal: so does this process, by the same one, unless it would dump a core too.
  if (!CORE_DUMPING.has(ended.signal)) process.kill(process.pid, ended.signal);
  return 128 + constants.signals[ended.signal];
}
