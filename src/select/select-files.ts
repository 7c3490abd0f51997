/**
 * The select stage: finds the files `mutate` asks for, minus `ignorePatterns` and the
 * directories assay never mutates, and reads them. Given what changed (`--since`), it keeps only
 * the changed files among them, each limited to its changed lines.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { parseMutatePattern } from '../config/mutate-pattern.js';
import { UserError } from '../errors.js';
import type { LineRange, Options, SourceFile } from '../model.js';
import { ignoreMatcher } from './ignore-patterns.js';
import { applyMutatePatterns, type MutateSelection } from './mutate-selection.js';
import { intersectRanges } from './line-ranges.js';

/** Never mutated, whatever the patterns say: dependencies anywhere, build and report output at the root. */
const ALWAYS_EXCLUDED = [
  '**/node_modules/**',
  'dist/**',
  'coverage/**',
  'reports/**',
  '.stryker-tmp/**',
];

/**
 * `changed` (file name → changed lines, from `--since`) narrows the selection: a selected file
 * without changes is dropped, one with changes keeps only its changed lines (within any
 * `file.ts:10-20` range `mutate` gave), and changed files `mutate` does not select stay out.
 * The result may then be empty; without `changed`, an empty selection is a UserError.
 */
export async function selectFiles(options: Options, changed?: Record<string, LineRange[]>): Promise<SourceFile[]> {
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
  const selected = changed === undefined ? selection : onlyChanged(selection, changed);
  const names = [...selected.keys()].sort((a, b) => (a < b ? -1 : 1));
  return Promise.all(
    names.map(async (name) => {
      const filePath = path.join(options.projectRoot, name);
      const lineRanges = selected.get(name);
      const text = await fs.readFile(filePath, 'utf8');
      return { path: filePath, name, text, ...(lineRanges && { lineRanges }) };
    }),
  );
}

/** The selected files that changed, each with its changed lines (within its selected ranges). */
function onlyChanged(selection: MutateSelection, changed: Record<string, LineRange[]>): MutateSelection {
  const narrowed: MutateSelection = new Map();
  for (const [name, ranges] of selection) {
    const lines = Object.hasOwn(changed, name) ? changed[name] : [];
    const kept = ranges === undefined ? lines : intersectRanges(ranges, lines);
    if (kept.length > 0) narrowed.set(name, kept);
  }
  return narrowed;
}
