import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../../src/report/progress.js';

/** A stream that records what is written to it. */
function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    }),
    { isTTY },
  );
  return { stream, chunks };
}

/**
 * A fake terminal `columns` wide: a TTY stream, and the screen its output draws. It knows the
 * few sequences a one-line bar needs (cursor to a column, clear to the end of the line, clear the
 * line) and throws on any other — so a hidden cursor or a wrapping switch cannot go unnoticed —
 * and on a character written past the last column.
 */
function terminal(columns: number) {
  let raw = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        raw += chunk.toString();
        callback();
      },
    }),
    { isTTY: true, columns },
  );
  const screen = () => {
    const lines: string[][] = [[]];
    let row = 0;
    let column = 0;
    for (const token of raw.match(/\x1b\[[0-9;?]*[A-Za-z]|\x1b.|[^\x1b]/gsu) ?? []) {
      const csi = /^\x1b\[([0-9;?]*)([A-Za-z])$/.exec(token);
      if (token === '\n') {
        row++;
        column = 0;
        lines[row] ??= [];
      } else if (token === '\r') column = 0;
      else if (csi?.[2] === 'G') column = Number(csi[1] || '1') - 1;
      else if (csi?.[2] === 'K' && (csi[1] === '' || csi[1] === '0')) lines[row].length = Math.min(lines[row].length, column);
      else if (csi?.[2] === 'K' && csi[1] === '2') lines[row] = [];
      else if (token.startsWith('\x1b')) throw new Error(`unexpected escape sequence ${JSON.stringify(token)}`);
      else {
        if (column >= columns) throw new Error(`wrote past column ${columns}: ${JSON.stringify(lines[row].join(''))}`);
        lines[row][column++] = token;
      }
    }
    return lines.map((line) => Array.from(line, (char) => char ?? ' ').join(''));
  };
  return { stream, screen, raw: () => raw };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createProgress on a TTY: a progress bar', () => {
  it('shows done/total, mutants per second, the ETA, killed and survived, and ends its line on done', () => {
    const { stream, screen, raw } = terminal(120);
    const progress = createProgress(10, stream);
    vi.advanceTimersByTime(900);
    expect(screen()).toEqual(['Mutants ░░░░░░░░░░░░░░░░░░░░ 0/10 (0%) · 0.0/s · ETA ? · killed 0 · survived 0 · no coverage 0 · timeout 0']);

    progress.tick('Killed');
    vi.advanceTimersByTime(100);
    expect(screen()).toEqual(['Mutants ██░░░░░░░░░░░░░░░░░░ 1/10 (10%) · 1.0/s · ETA 9s · killed 1 · survived 0 · no coverage 0 · timeout 0']);

    vi.advanceTimersByTime(900);
    progress.tick('Survived');
    progress.tick('Timeout');
    progress.tick('NoCoverage');
    vi.advanceTimersByTime(100);
    expect(screen()).toEqual(['Mutants ████████░░░░░░░░░░░░ 4/10 (40%) · 2.0/s · ETA 3s · killed 1 · survived 1 · no coverage 1 · timeout 1']);

    progress.tick('RuntimeError');
    progress.done();
    expect(screen()).toEqual(['Mutants ██████████░░░░░░░░░░ 5/10 (50%) · 2.5/s · done in 2s · killed 1 · survived 1 · no coverage 1 · timeout 1', '']);
    expect(raw().endsWith('\n')).toBe(true);

    // Stopped: nothing is drawn any more.
    const written = raw();
    vi.advanceTimersByTime(1000);
    expect(raw()).toBe(written);
  });

  it('redraws at most ten times a second, on a timer, and keeps rate and ETA moving between verdicts', () => {
    const { stream, screen, raw } = terminal(120);
    const progress = createProgress(100_000, stream);
    for (let i = 0; i < 25; i++) progress.tick('Killed');
    expect(raw()).toBe(''); // the first frame comes after 100 ms
    vi.advanceTimersByTime(2000);
    expect(screen()).toEqual(['Mutants ░░░░░░░░░░░░░░░░░░░░ 25/100000 (0%) · 13/s · ETA 2h 13m · killed 25 · survived 0 · no coverage 0 · timeout 0']);
    vi.advanceTimersByTime(8000);
    expect(screen()[0]).toContain(' · 2.5/s · ETA 11h 06m · ');
    expect(raw().match(/Mutants/g)).toHaveLength(100);
    progress.done();
  });

  it('fits its line into a narrow terminal: a shorter bar, then none, then fewer figures', () => {
    const medium = terminal(100);
    const progress = createProgress(40, medium.stream);
    for (let i = 0; i < 20; i++) progress.tick('Survived');
    vi.advanceTimersByTime(4000);
    expect(medium.screen()).toEqual(['Mutants ████░░░░░ 20/40 (50%) · 5.0/s · ETA 4s · killed 0 · survived 20 · no coverage 0 · timeout 0']);
    expect(medium.screen()[0]).toHaveLength(99);
    progress.done();

    const narrow = terminal(60);
    const other = createProgress(40, narrow.stream);
    for (let i = 0; i < 20; i++) other.tick('Survived');
    vi.advanceTimersByTime(4000);
    const [line] = narrow.screen();
    expect(line).toBe('Mutants 20/40 (50%) · 5.0/s · ETA 4s · killed 0');
    other.done();
  });

  it('writes logged lines above the bar, including one logged just before done', () => {
    const { stream, screen } = terminal(120);
    const progress = createProgress(4, stream);
    vi.advanceTimersByTime(1000);
    progress.tick('Killed');
    progress.log('assay: warning: something to know\n');
    vi.advanceTimersByTime(100);
    expect(screen()).toEqual([
      'assay: warning: something to know',
      'Mutants █████░░░░░░░░░░░░░░░ 1/4 (25%) · 0.9/s · ETA 3s · killed 1 · survived 0 · no coverage 0 · timeout 0',
    ]);
    progress.log('assay: warning: one more\n');
    progress.done();
    expect(screen()).toEqual([
      'assay: warning: something to know',
      'assay: warning: one more',
      'Mutants █████░░░░░░░░░░░░░░░ 1/4 (25%) · 0.9/s · done in 1s · killed 1 · survived 0 · no coverage 0 · timeout 0',
      '',
    ]);
  });

  it('leaves the terminal as it was: no cursor or wrapping changes, and a process exit ends the line', () => {
    const { stream, raw, screen } = terminal(120);
    const before = process.listeners('exit');
    const progress = createProgress(3, stream);
    progress.tick('Killed');
    vi.advanceTimersByTime(500);
    const added = process.listeners('exit').filter((listener) => !before.includes(listener));
    expect(added).toHaveLength(1);
    added[0].call(process, 130); // what a second Ctrl-C's process.exit runs
    expect(raw().endsWith('\n')).toBe(true);
    expect(screen().at(-1)).toBe('');
    progress.done();
    expect(process.listeners('exit')).toEqual(before);
    expect(raw()).not.toMatch(/\x1b\[\?25[lh]|\x1b\[\?7[lh]|\x1b[78]/);
  });

  it('shows a full bar for an empty run', () => {
    const { stream, screen } = terminal(120);
    createProgress(0, stream).done();
    expect(screen()).toEqual(['Mutants ████████████████████ 0/0 (100%) · 0.0/s · done in 0s · killed 0 · survived 0 · no coverage 0 · timeout 0', '']);
  });
});

describe('createProgress without a TTY', () => {
  it('writes a plain line at most every 5 seconds, plus a final line', () => {
    const { stream, chunks } = recorder(false);
    const progress = createProgress(4, stream);
    vi.advanceTimersByTime(4000);
    progress.tick('Killed');
    expect(chunks).toEqual([]);

    vi.advanceTimersByTime(1000);
    progress.tick('RuntimeError');
    expect(chunks).toEqual(['Mutants 2/4 (50%) · killed 1 · survived 0 · no coverage 0 · timeout 0 · 0.4/s · ETA 5s\n']);

    vi.advanceTimersByTime(4999);
    progress.tick('Killed');
    expect(chunks).toHaveLength(1);

    progress.done();
    expect(chunks).toEqual([
      'Mutants 2/4 (50%) · killed 1 · survived 0 · no coverage 0 · timeout 0 · 0.4/s · ETA 5s\n',
      'Mutants 3/4 (75%) · killed 2 · survived 0 · no coverage 0 · timeout 0 · 0.3/s · done in 10s\n',
    ]);
    expect(chunks.join('')).not.toMatch(/\r|\x1b/);
  });

  it('shows 100% for an empty run', () => {
    const { stream, chunks } = recorder(false);
    createProgress(0, stream).done();
    expect(chunks).toEqual(['Mutants 0/0 (100%) · killed 0 · survived 0 · no coverage 0 · timeout 0 · 0.0/s · done in 0s\n']);
  });

  it('writes logged lines as they come, and nothing on a timer', () => {
    const { stream, chunks } = recorder(false);
    const progress = createProgress(2, stream);
    progress.log('assay: warning: something to know\n');
    vi.advanceTimersByTime(60_000);
    expect(chunks).toEqual(['assay: warning: something to know\n']);
    progress.done();
  });
});
