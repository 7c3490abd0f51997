/**
 * The coverage pass as work for the execute stage's pool (coverage/index.ts says why there): a
 * chore one lane takes before any mutant, whose answer the pipeline awaits once the mutants are done.
 */
import type { Piscina } from 'piscina';
import type { Chore } from '../execute/index.js';
import { askPool } from '../execute/ask-pool.js';
import type { CoverageAnswer, CoverageTask } from './index.js';

export function coverageOnPool(task: CoverageTask): { chore: Chore; answer: Promise<CoverageAnswer> } {
  let resolve!: (answer: CoverageAnswer) => void;
  let reject!: (error: unknown) => void;
  const answer = new Promise<CoverageAnswer>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  const chore: Chore = {
    async run(pool: Piscina, signal: AbortSignal | undefined) {
      try {
        resolve(await askPool<CoverageAnswer>(pool, task, signal === undefined ? {} : { signal }));
      } catch (error) {
        reject(error);
      }
    },
    drop() {
      reject(new Error('the coverage pass did not run: the mutant runs stopped first'));
    },
  };
  return { chore, answer };
}
