/**
 * The `assay` command starts itself once more, on Linux, with glibc's malloc held to two arenas.
 *
 * glibc gives a thread that finds the arenas busy one of its own, up to 8 per core, and what is
 * freed in an arena stays with it. An assay run holds a dozen threads that allocate (pool workers,
 * test threads, libuv's and V8's): on a 2,014-mutant library that kept 150–200 MB more resident
 * at the peak than with two arenas, at no measured cost in time. glibc reads `MALLOC_ARENA_MAX`
 * only as a process starts, hence the second process. It is skipped when the user set
 * `MALLOC_ARENA_MAX` themselves, under a debugger (the inspector's port is the parent's), and off
 * Linux; the library API (`import { run } from 'assay'`) runs in the caller's process as it is.
 *
 * Node 22.15 and later replace the running process (`process.execve`); on older ones the parent
 * waits for a child process, passes on SIGINT, SIGTERM and SIGHUP, and ends as the child did:
 * with its exit code, or by the same signal. A Ctrl-C reaches both processes then (the terminal
 * signals its foreground process group), so the child counts the same signal twice in a row as
 * one (cli/signals.ts).
 */
import { spawn } from 'node:child_process';

/** Set in the child: it was relaunched, and `MALLOC_ARENA_MAX` is assay's, not the user's. */
const RELAUNCHED = 'ASSAY_RELAUNCHED';
const ARENAS = '2';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * In the process `node bin/assay.js` started: runs the command again with two malloc arenas, in
 * place of this process or in a child (then resolves to the exit code to end with); undefined: run
 * here (this is the relaunched process, or a relaunch does not apply). In the child, it takes `MALLOC_ARENA_MAX` back out of the environment,
 * so the tests' own processes do not inherit it.
 */
export async function relaunchWithTwoArenas(): Promise<number | undefined> {
  if (process.env[RELAUNCHED] !== undefined) {
    delete process.env[RELAUNCHED];
    delete process.env.MALLOC_ARENA_MAX;
    return undefined;
  }
  if (process.platform !== 'linux' || process.env.MALLOC_ARENA_MAX !== undefined) return undefined;
  if (process.execArgv.some((flag) => flag.startsWith('--inspect') || flag.startsWith('--debug'))) return undefined;
  const args = [...process.execArgv, ...process.argv.slice(1)];
  const env = { ...process.env, MALLOC_ARENA_MAX: ARENAS, [RELAUNCHED]: '1' };
  // Node 22.15 and later replace the process in place: no second process to hold or pass signals to.
  const { execve } = process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never };
  if (execve !== undefined) {
    try {
      execve(process.execPath, [process.execPath, ...args], env);
    } catch {
      return undefined;
    }
  }
  const child = spawn(process.execPath, args, { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined>((resolve) => {
    // Not started at all (no process to be had): the command runs here, as it would have.
    child.once('error', () => resolve(child.pid === undefined ? undefined : { code: 1, signal: null }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  for (const each of FORWARDED) process.off(each, forward);
  if (ended?.signal) process.kill(process.pid, ended.signal);
  return ended === undefined ? undefined : (ended.code ?? 1);
}
