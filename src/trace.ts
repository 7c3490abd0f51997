/**
 * `ASSAY_TRACE=1`: a timeline on stderr of the run's stages, vitest sessions, runs and test
 * threads, each line with seconds since the run started, the thread, the process's RSS and the
 * thread's own heap: for
 * finding where a run's time and memory go. Off, it costs one check per call.
 */
import { threadId } from 'node:worker_threads';

const enabled = process.env.ASSAY_TRACE !== undefined && process.env.ASSAY_TRACE !== '';
// Worker threads inherit the environment they start with, so every thread counts from the same origin.
const origin = enabled ? Number((process.env.ASSAY_TRACE_ORIGIN ??= String(Date.now()))) : 0;

export function trace(what: string): void {
  if (!enabled) return;
  process.stderr.write(`[trace ${((Date.now() - origin) / 1000).toFixed(2)}s t${threadId} rss=${Math.round(process.memoryUsage().rss / 1e6)}MB heap=${Math.round(process.memoryUsage().heapUsed / 1e6)}MB] ${what}\n`);
}
