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

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createProgress on a TTY', () => {
  it('rewrites one line in place, at most every 100 ms, and ends it on done', () => {
    const { stream, chunks } = recorder(true);
    const progress = createProgress(10, stream);
    vi.advanceTimersByTime(1000);
    progress.tick('Killed');
    expect(chunks).toEqual(['\rMutants 1/10 (10%) · killed 1 · survived 0 · no coverage 0 · timeout 0 · 1.0/s · ETA 9s\x1b[K']);

    vi.advanceTimersByTime(50);
    progress.tick('Survived');
    expect(chunks).toHaveLength(1); // throttled

    vi.advanceTimersByTime(950);
    progress.tick('Timeout');
    progress.tick('NoCoverage');
    expect(chunks[1]).toBe('\rMutants 3/10 (30%) · killed 1 · survived 1 · no coverage 0 · timeout 1 · 1.5/s · ETA 5s\x1b[K');

    progress.done();
    expect(chunks.at(-1)).toBe('\rMutants 4/10 (40%) · killed 1 · survived 1 · no coverage 1 · timeout 1 · 2.0/s · done in 2s\x1b[K\n');
  });

  it('shows an unknown ETA before time has passed, then whole rates and long ETAs', () => {
    const { stream, chunks } = recorder(true);
    const progress = createProgress(100_000, stream);
    for (let i = 0; i < 25; i++) progress.tick('Killed');
    expect(chunks).toEqual(['\rMutants 1/100000 (0%) · killed 1 · survived 0 · no coverage 0 · timeout 0 · 0.0/s · ETA ?\x1b[K']);
    vi.advanceTimersByTime(2000);
    progress.tick('Killed');
    expect(chunks.at(-1)).toBe('\rMutants 26/100000 (0%) · killed 26 · survived 0 · no coverage 0 · timeout 0 · 13/s · ETA 2h 08m\x1b[K');

    const short = recorder(true);
    const other = createProgress(1000, short.stream);
    for (let i = 0; i < 99; i++) other.tick('Killed');
    vi.advanceTimersByTime(10_000);
    other.tick('Killed');
    expect(short.chunks.at(-1)).toContain(' · 10/s · ETA 1m 30s\x1b[K');
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
});
