import { describe, expect, it } from 'vitest';
import type { Piscina } from 'piscina';
import { askPool } from '../../../src/execute/ask-pool.js';
import { UserError } from '../../../src/errors.js';

/** A pool that answers every task with `answer` and records what it was sent. */
function answering(answer: unknown) {
  const sent: Array<{ message: unknown; options: unknown }> = [];
  const pool = { run: async (message: unknown, options: unknown) => (sent.push({ message, options }), answer) } as unknown as Piscina;
  return { pool, sent };
}

describe('askPool', () => {
  it('returns the answer, sending the task with its lines and no step limit', async () => {
    const { pool, sent } = answering({ files: [] });
    await expect(askPool(pool, { kind: 'suite' }, { lines: { a: 3 } })).resolves.toEqual({ files: [] });
    expect(sent[0]!.message).toEqual({ kind: 'suite', stepLimit: Number.POSITIVE_INFINITY, lines: { a: 3 } });
  });

  it('passes the abort signal on', async () => {
    const { pool, sent } = answering({});
    const signal = new AbortController().signal;
    await askPool(pool, { kind: 'suite' }, { signal });
    expect(sent[0]!.options).toEqual({ signal });
  });

  it("turns a worker's user-error answer into a UserError with its exit code", async () => {
    const { pool } = answering({ userError: 'vitest.config.ts: cannot load', exitCode: 3 });
    const error = await askPool(pool, { kind: 'suite' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ message: 'vitest.config.ts: cannot load', exitCode: 3 });
  });
});
