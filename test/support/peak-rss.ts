/**
 * Peak memory of a process tree: the highest sum of the resident set sizes of a process and all
 * its descendants, sampled from Linux's /proc. GNU time's %M is the largest single process, which
 * undercounts a tool that runs its tests in child processes (StrykerJS) beside one that runs them
 * in threads of one process (assay). Written by hand: the packages that read process memory
 * (pidusage, pidtree) give one process or a list of pids, not a tree's sum over time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Samples the tree under `pid` every `everyMs` until `stop()`, which returns the peak in MB (undefined without /proc). */
export function sampleTreeRss(pid: number | undefined, everyMs = 100): { stop(): number | undefined } {
  if (pid === undefined || !existsSync('/proc/self/statm')) return { stop: () => undefined };
  let peakBytes = 0;
  const sample = () => {
    peakBytes = Math.max(peakBytes, treeRssBytes(pid));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peakBytes === 0 ? undefined : Math.round(peakBytes / 2 ** 20);
    },
  };
}

/** The resident bytes of `root` and every process under it, now. */
export function treeRssBytes(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  let bytes = 0;
  for (const pending = [root]; pending.length > 0; ) {
    const pid = pending.pop()!;
    bytes += residentBytes(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return bytes;
}

/** The parent pid from /proc/<pid>/stat (its fourth field, after the command name in parentheses). */
function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

function residentBytes(pid: number): number {
  const pages = Number(read(`/proc/${pid}/statm`)?.split(' ')[1] ?? 0);
  return Number.isFinite(pages) ? pages * PAGE_BYTES : 0;
}

/** A /proc file's text, or undefined once the process has gone. */
function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
