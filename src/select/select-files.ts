/**
 * The select stage: finds the files `mutate` asks for, minus `ignorePatterns` and the
 * directories assay never mutates, and reads them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { parseMutatePattern } from '../config/mutate-pattern.js';
import { UserError } from '../errors.js';
import type { Options, SourceFile } from '../model.js';
import { ignoreMatcher } from './ignore-patterns.js';
import { applyMutatePatterns } from './mutate-selection.js';

/** Never mutated, whatever the patterns say: dependencies anywhere, build and report output at the root. */
const ALWAYS_EXCLUDED = [
  '**/node_modules/**',
  'dist/**',
  'coverage/**',
  'reports/**',
  '.stryker-tmp/**',
];

export async function selectFiles(options: Options): Promise<SourceFile[]> {
  const patterns = options.mutate.map(parseMutatePattern);
  const candidates = await glob(
    patterns.filter((p) => !p.negated).map((p) => p.glob),
    { cwd: options.projectRoot, ignore: ALWAYS_EXCLUDED, expandDirectories: false },
  );
  const isIgnored = ignoreMatcher(options.ignorePatterns);
  const selection = applyMutatePatterns(
    candidates.filter((name) => !isIgnored(name)),
    patterns,
  );
  if (selection.size === 0) {
    throw new UserError(
      `mutate matched no files: ${options.mutate.join(', ')}; check --mutate, or "mutate" in stryker.config.json`,
    );
  }
  const names = [...selection.keys()].sort((a, b) => (a < b ? -1 : 1));
  return Promise.all(
    names.map(async (name) => {
      const filePath = path.join(options.projectRoot, name);
      const lineRanges = selection.get(name);
      const text = await fs.readFile(filePath, 'utf8');
      return { path: filePath, name, text, ...(lineRanges && { lineRanges }) };
    }),
  );
}
