/**
 * Progress of the mutant runs, on stderr. On a TTY a progress bar (cli-progress) redrawn in
 * place ten times a second: mutants done of the total, mutants per second, the ETA, and the
 * killed, survived, no-coverage and timed-out mutants so far. Elsewhere (CI logs) a plain line at
 * most every 5 seconds. `done()` always writes a final line. Survived and no-coverage mutants are
 * counted apart, as in the final table.
 *
 * The bar leaves the terminal as it found it: it neither hides the cursor nor switches line
 * wrapping off (it fits its line to the width instead), so a run that exits at once (a second
 * Ctrl-C) leaves nothing to restore; and a process exit while the bar is shown ends its line.
 */
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { MutantStatus } from '../model.js';

export interface Progress {
  tick(status: MutantStatus): void;
  /** Writes a whole line (ending in '\n') that does not break the bar: on a TTY it goes above it. */
  log(line: string): void;
  done(): void;
}

export type ProgressStream = NodeJS.WriteStream | (Writable & { isTTY?: boolean; columns?: number });

const TTY_FPS = 10;
const LOG_INTERVAL_MS = 5000;
/** The bar's width in characters, when the terminal has room for it. */
const BAR_WIDTH = 20;
/** Below this the bar is left out and the figures alone are shown. */
const MIN_BAR_WIDTH = 5;

/** What the progress line shows: counts so far and the time since the start. */
interface Tally {
  completed: number;
  total: number;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  elapsedSeconds: number;
}

export function createProgress(total: number, stream: ProgressStream): Progress {
  return stream.isTTY === true ? progressBar(total, stream) : logLines(total, stream);
}

/** Counts verdicts as they arrive. */
function counter(total: number) {
  const startedAt = Date.now();
  const counts = { completed: 0, killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
  return {
    count(status: MutantStatus) {
      counts.completed++;
      if (status === 'Killed') counts.killed++;
      else if (status === 'Survived') counts.survived++;
      else if (status === 'NoCoverage') counts.noCoverage++;
      else if (status === 'Timeout') counts.timeout++;
    },
    tally: (): Tally => ({ ...counts, total, elapsedSeconds: (Date.now() - startedAt) / 1000 }),
  };
}

/** The plain line for logs: `Mutants 3/10 (30%) · killed 1 · … · 1.5/s · ETA 5s`. */
function logLines(total: number, stream: ProgressStream): Progress {
  const { count, tally } = counter(total);
  let lastWrite = Date.now();
  const write = (final: boolean) => {
    lastWrite = Date.now();
    const t = tally();
    stream.write(`${[figures(t), `killed ${t.killed}`, `survived ${t.survived}`, `no coverage ${t.noCoverage}`, `timeout ${t.timeout}`, ...timing(t, final)].join(' · ')}\n`);
  };
  return {
    tick(status) {
      count(status);
      if (Date.now() - lastWrite >= LOG_INTERVAL_MS) write(false);
    },
    log: (line) => void stream.write(line),
    done: () => write(true),
  };
}

/**
 * The bar on a TTY: `Mutants ██████░░░░ 12/40 (30%) · 4.0/s · ETA 7s · killed 8 · survived 3 · …`.
 * cli-progress's MultiBar (with one bar) draws it on a timer and writes logged lines above it.
 */
function progressBar(total: number, stream: ProgressStream): Progress {
  const { count, tally } = counter(total);
  let final = false;
  const multibar = new cliProgress.MultiBar({
    stream: stream as NodeJS.WritableStream,
    fps: TTY_FPS,
    format: (_options, params) => barLine(tally(), params.maxWidth, final),
    // Drawn on every frame, so a line logged above it never leaves the bar missing.
    forceRedraw: true,
    // `true` keeps the terminal's wrapping as it is (cli-progress would switch it off and on).
    linewrap: true,
    hideCursor: false,
    gracefulExit: false,
  });
  const bar = multibar.create(total, 0);
  // A process exit while the bar is up (a second Ctrl-C) still ends its line.
  const endLine = () => void stream.write('\n');
  process.on('exit', endLine);
  let stopped = false;
  return {
    tick(status) {
      count(status);
      bar.increment();
    },
    log(line) {
      if (stopped) stream.write(line);
      else multibar.log(line);
    },
    done() {
      if (stopped) return;
      stopped = true;
      final = true;
      process.off('exit', endLine);
      // Lines logged since the last frame are written first: stop() alone would drop them.
      multibar.update();
      multibar.stop();
    },
  };
}

/**
 * The bar's line, fitted into `width - 1` columns (writing the last column would wrap on some
 * terminals): the bar gets shorter, then goes, then the last figures go.
 */
function barLine(t: Tally, width: number, final: boolean): string {
  const fields = [figures(t).slice('Mutants '.length), ...timing(t, final), `killed ${t.killed}`, `survived ${t.survived}`, `no coverage ${t.noCoverage}`, `timeout ${t.timeout}`];
  const rest = fields.join(' · ');
  const barWidth = Math.min(BAR_WIDTH, width - 1 - 'Mutants '.length - rest.length - 1);
  if (barWidth >= MIN_BAR_WIDTH) return `Mutants ${bar(t, barWidth)} ${rest}`;
  for (let count = fields.length; count > 0; count--) {
    const line = `Mutants ${fields.slice(0, count).join(' · ')}`;
    if (line.length < width) return line;
  }
  return `Mutants ${fields[0]}`.slice(0, Math.max(0, width - 1));
}

function bar(t: Tally, width: number): string {
  const filled = t.total > 0 ? Math.min(width, Math.floor((t.completed / t.total) * width)) : width;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** `Mutants 3/10 (30%)`. */
function figures(t: Tally): string {
  const percent = t.total > 0 ? Math.floor((t.completed / t.total) * 100) : 100;
  return `Mutants ${t.completed}/${t.total} (${percent}%)`;
}

/** Mutants per second, then the ETA, or the duration once done. */
function timing(t: Tally, final: boolean): [string, string] {
  const rate = t.elapsedSeconds > 0 ? t.completed / t.elapsedSeconds : 0;
  const when = final
    ? `done in ${formatDuration(t.elapsedSeconds)}`
    : `ETA ${rate > 0 ? formatDuration((t.total - t.completed) / rate) : '?'}`;
  return [`${rate < 10 ? rate.toFixed(1) : Math.round(rate)}/s`, when];
}

/** `8s`, `2m 05s`, `1h 02m`. */
function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
