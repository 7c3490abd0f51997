/**
 * Progress of the mutant runs. On a TTY one line is rewritten in place (at most every 100 ms);
 * elsewhere (CI logs) a plain line is written at most every 5 seconds. `done()` always writes
 * a final line. Survived and no-coverage mutants are counted apart, as in the final table.
 */
import type { Writable } from 'node:stream';
import type { MutantStatus } from '../model.js';

export interface Progress {
  tick(status: MutantStatus): void;
  done(): void;
}

const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 5000;

export function createProgress(
  total: number,
  stream: NodeJS.WriteStream | (Writable & { isTTY?: boolean }),
): Progress {
  const tty = stream.isTTY === true;
  const startedAt = Date.now();
  let lastWrite = tty ? -Infinity : startedAt;
  let completed = 0;
  const counts = { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };

  const line = (final: boolean) => {
    const elapsedSeconds = (Date.now() - startedAt) / 1000;
    const rate = elapsedSeconds > 0 ? completed / elapsedSeconds : 0;
    const percent = total > 0 ? Math.floor((completed / total) * 100) : 100;
    const timing = final
      ? `done in ${formatDuration(elapsedSeconds)}`
      : `ETA ${rate > 0 ? formatDuration((total - completed) / rate) : '?'}`;
    return [
      `Mutants ${completed}/${total} (${percent}%)`,
      `killed ${counts.killed}`,
      `survived ${counts.survived}`,
      `no coverage ${counts.noCoverage}`,
      `timeout ${counts.timeout}`,
      `${rate < 10 ? rate.toFixed(1) : Math.round(rate)}/s`,
      timing,
    ].join(' · ');
  };
  const write = (final: boolean) => {
    lastWrite = Date.now();
    stream.write(tty ? `\r${line(final)}\x1b[K${final ? '\n' : ''}` : `${line(final)}\n`);
  };

  return {
    tick(status) {
      completed++;
      if (status === 'Killed') counts.killed++;
      else if (status === 'Survived') counts.survived++;
      else if (status === 'NoCoverage') counts.noCoverage++;
      else if (status === 'Timeout') counts.timeout++;
      if (Date.now() - lastWrite >= (tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS)) write(false);
    },
    done() {
      write(true);
    },
  };
}

/** `8s`, `2m 05s`, `1h 02m`. */
function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
