/**
 * Zod schemas for single option values, each carrying the "what is expected" text shown to users.
 * Shared by the config file schema and the command-line overrides, so both validate alike.
 */
import { z } from 'zod';
import { MUTATOR_NAMES } from '../model.js';
import { mutatePatternProblem } from './mutate-pattern.js';

const REPORTER_NAMES = ['clear-text', 'progress', 'json', 'html', 'dots', 'markdown', 'junit', 'sarif'] as const;
const COVERAGE_ANALYSES = ['perTest', 'all', 'off'] as const;
const ISOLATIONS = ['batch', 'full'] as const;
const CHECKER_NAMES = ['typescript'] as const;

const quotedList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

export const object = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.object(shape, { error: 'must be an object' });

export const flag = () => z.boolean({ error: 'must be true or false' });

export const nonEmptyString = () => {
  const error = 'must be a non-empty string';
  return z.string({ error }).min(1, { error });
};

/** A git ref or revision (`main`, `origin/main`, `v1.2`, `HEAD~3`, a sha), never an option. */
export const gitRef = () => {
  const error = 'must be a git ref (a branch, tag or commit)';
  return z.string({ error }).min(1, { error }).refine((ref) => !ref.startsWith('-'), { error });
};

/** `--shard i/n`: shard i of n, whole numbers with 1 ≤ i ≤ n; parsed to { index, count }. */
export const shard = () => {
  const error = 'must be i/n, shard i of n with i from 1 to n (e.g. 2/3)';
  return z
    .string({ error })
    .check((ctx) => {
      const match = /^(\d+)\/(\d+)$/.exec(ctx.value.trim());
      const [index, count] = match === null ? [0, 0] : [Number(match[1]), Number(match[2])];
      if (!(index >= 1 && index <= count)) ctx.issues.push({ code: 'custom', message: error, input: ctx.value });
    })
    .transform((value) => {
      const [index, count] = value.trim().split('/').map(Number);
      return { index, count };
    });
};

export const positiveInteger = () => {
  const error = 'must be a positive integer';
  return z.number({ error }).int({ error }).min(1, { error });
};

export const nonNegativeNumber = () => {
  const error = 'must be a number of 0 or more';
  return z.number({ error }).min(0, { error });
};

export const percentage = (error = 'must be a number from 0 to 100') =>
  z.number({ error }).min(0, { error }).max(100, { error });

export const stringList = () =>
  z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of strings' });

export const mutatePatterns = () =>
  z.array(
    z.string({ error: 'must be a string' }).check((ctx) => {
      const problem = mutatePatternProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
    { error: 'must be an array of strings' },
  );

export const testRunner = () =>
  z.literal('vitest', { error: 'must be "vitest" (assay only runs vitest suites)' });

export const coverageAnalysis = () =>
  z.enum(COVERAGE_ANALYSES, { error: `must be one of ${quotedList(COVERAGE_ANALYSES)}` });

export const isolation = () => z.enum(ISOLATIONS, { error: `must be one of ${quotedList(ISOLATIONS)}` });

/** StrykerJS's `checkers`: assay has the TypeScript one. */
export const checkers = () =>
  z.array(z.enum(CHECKER_NAMES, { error: `must be one of ${quotedList(CHECKER_NAMES)}` }), {
    error: 'must be an array of checker names',
  });

export const reporters = () =>
  z.array(z.enum(REPORTER_NAMES, { error: `must be one of ${quotedList(REPORTER_NAMES)}` }), {
    error: 'must be an array of reporter names',
  });

/** `assay.modules`: glob → the least mutation score, line and branch coverage (0–100) of its files together. */
export const moduleThresholds = () =>
  z.record(
    z.string(),
    z.strictObject(
      { mutationScore: percentage().optional(), lines: percentage().optional(), branches: percentage().optional() },
      { error: 'must be an object of "mutationScore", "lines" and "branches" thresholds (0 to 100)' },
    ),
    { error: 'must be an object: a glob of files → their thresholds' },
  );

export const mutatorNames = () =>
  z.array(z.enum(MUTATOR_NAMES, { error: `must be one of ${quotedList(MUTATOR_NAMES)}` }), {
    error: 'must be an array of mutator names',
  });
