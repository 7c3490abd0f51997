/**
 * Per-test coverage contexts saved by a run (`reports/assay-contexts.json`), and `which-tests`,
 * which answers from them — without re-running anything — which tests execute a given line.
 * Each file's content hash is saved too, so answers about a changed file are refused as stale.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../model.js';
import { UserError } from '../errors.js';
import { sha256 } from '../sha256.js';

export const CONTEXTS_FILE = 'reports/assay-contexts.json';

interface SavedContexts {
  version: 1;
  tests: Array<{ id: string; name: string; fileName: string }>;
  files: Record<string, { sha256: string; codeLines: number[]; staticLines: number[]; lines: Record<string, number[]> }>;
}

export async function writeContexts(result: RunResult, file: string): Promise<void> {
  const coverage = result.coverage;
  if (coverage === undefined) return;
  const index = new Map(result.tests.map((test, i) => [test.id, i]));
  const saved: SavedContexts = {
    version: 1,
    tests: result.tests.map(({ id, name, fileName }) => ({ id, name, fileName })),
    files: Object.fromEntries(
      result.files.map((source) => {
        const byLine = coverage.lineTests[source.name] ?? {};
        const lines = Object.fromEntries(
          Object.entries(byLine).map(([line, ids]) => [line, ids.flatMap((id) => index.get(id) ?? [])]),
        );
        return [
          source.name,
          {
            sha256: sha256(source.text),
            codeLines: coverage.files[source.name]?.codeLines ?? [],
            staticLines: coverage.staticLines[source.name] ?? [],
            lines,
          },
        ];
      }),
    ),
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(saved));
}

/** `file:line` → the answer's lines. Throws UserError when the question can't be answered. */
export async function whichTests(projectRoot: string, spec: string): Promise<string[]> {
  const match = /^(.+):(\d+)$/.exec(spec);
  if (match === null) throw new UserError(`which-tests takes <file>:<line>, e.g. src/cart.ts:42; got '${spec}'`);
  const name = path.relative(projectRoot, path.resolve(projectRoot, match[1])).split(path.sep).join('/');
  const line = Number(match[2]);
  let saved: SavedContexts;
  try {
    saved = JSON.parse(await readFile(path.join(projectRoot, CONTEXTS_FILE), 'utf8')) as SavedContexts;
  } catch {
    throw new UserError(`no saved coverage contexts (${CONTEXTS_FILE}): run 'assay run' first`);
  }
  const file = saved.files[name];
  if (file === undefined) throw new UserError(`${name} was not mutated in the last run: add it to 'mutate' and run 'assay run'`);
  let text: string;
  try {
    text = await readFile(path.join(projectRoot, name), 'utf8');
  } catch {
    throw new UserError(`${name} no longer exists`);
  }
  if (sha256(text) !== file.sha256) throw new UserError(`${name} changed since the last run, so its saved contexts are stale: run 'assay run' again`);
  const tests = file.lines[String(line)] ?? [];
  if (tests.length > 0) {
    return [`${name}:${line} is run by ${tests.length} test${tests.length === 1 ? '' : 's'}:`, ...tests.map((i) => `  ${saved.tests[i].fileName} > ${saved.tests[i].name}`)];
  }
  if (file.staticLines.includes(line)) return [`${name}:${line} runs only while modules load (or in suite hooks), outside any test`];
  if (file.codeLines.includes(line)) return [`${name}:${line} is not covered by any test`];
  return [`${name}:${line} holds no statement (blank, a comment, a declaration or part of a longer statement)`];
}
