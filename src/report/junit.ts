/**
 * `reports/junit.xml` (`--reporters junit`): the mutants as JUnit test results, for CI test
 * dashboards (GitLab's `artifacts:reports:junit`, Jenkins, Azure DevOps, CircleCI…).
 *
 * One `<testsuite>` per mutated file, one `<testcase>` per mutant, named
 * `EqualityOperator a >= b → a > b (src/x.ts:12:7)`:
 * - Survived and NoCoverage (the mutants that count against the score) are `<failure>`s;
 * - Killed and Timeout pass;
 * - Ignored, Pending (an interrupted run), CompileError and RuntimeError are `<skipped>`, with
 *   the reason: they say nothing of the tests either way, and the score leaves them out too.
 * Every suite and the `<testsuites>` root carry their counts (`tests`, `failures`, `errors` — always
 * 0 —, `skipped`) and times in seconds. Text and attributes are escaped for XML 1.0, and
 * characters XML cannot hold at all become U+FFFD.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MutantResult, RunResult } from '../model.js';
import { changeOf, sourceTexts } from './mutant-text.js';
import { fileNames, mutantsOf } from './scores.js';
import { repositoryPath } from './undetected.js';

export interface JunitOptions {
  /** `file` attributes are relative to it. Default: the project root. */
  repoRoot?: string;
}

type Outcome = 'passed' | 'failure' | 'skipped';

function outcomeOf(mutant: MutantResult): Outcome {
  switch (mutant.status) {
    case 'Survived':
    case 'NoCoverage':
      return 'failure';
    case 'Killed':
    case 'Timeout':
      return 'passed';
    default:
      return 'skipped';
  }
}

/** The JUnit XML document, ending in a newline. */
export function renderJunit(result: RunResult, options: JunitOptions = {}): string {
  const texts = sourceTexts(result);
  const repoRoot = options.repoRoot ?? result.projectRoot;
  const suites: string[] = [];
  const totals = { tests: 0, failures: 0, skipped: 0 };
  for (const fileName of fileNames(result)) {
    const mutants = mutantsOf(result, fileName);
    if (mutants.length === 0) continue;
    const text = texts.get(fileName) ?? '';
    const file = repositoryPath(result.projectRoot, fileName, repoRoot);
    const count = (outcome: Outcome) => mutants.filter((mutant) => outcomeOf(mutant) === outcome).length;
    const counts = { tests: mutants.length, failures: count('failure'), skipped: count('skipped') };
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.skipped += counts.skipped;
    const time = seconds(mutants.reduce((sum, mutant) => sum + (mutant.durationMs ?? 0), 0));
    const cases = mutants.map((mutant) => testcase(mutant, text, file));
    suites.push(
      `  <testsuite ${attributes({ name: fileName, tests: counts.tests, failures: counts.failures, errors: 0, skipped: counts.skipped, time })}>\n${cases.join('')}  </testsuite>\n`,
    );
  }
  const root = attributes({ name: 'assay mutation testing', tests: totals.tests, failures: totals.failures, errors: 0, skipped: totals.skipped, time: seconds(result.durationMs) });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${root}>\n${suites.join('')}</testsuites>\n`;
}

/** Writes the report to `absolutePath` (reports/junit.xml), creating its directory. */
export async function writeJunitReport(result: RunResult, absolutePath: string, options: JunitOptions = {}): Promise<void> {
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, renderJunit(result, options), 'utf8');
}

function testcase(mutant: MutantResult, text: string, file: string): string {
  const { line, column } = mutant.location.start;
  const { original, replacement } = changeOf(mutant, text);
  const where = `${mutant.fileName}:${line}:${column}`;
  const name = `${mutant.mutatorName} ${original} → ${replacement} (${where})`;
  const open = `    <testcase ${attributes({ name, classname: mutant.fileName, file, line, time: seconds(mutant.durationMs ?? 0) })}`;
  const outcome = outcomeOf(mutant);
  if (outcome === 'passed') return `${open}/>\n`;
  if (outcome === 'skipped') {
    const message = mutant.statusReason ? `${mutant.status}: ${mutant.statusReason}` : mutant.status;
    return `${open}>\n      <skipped ${attributes({ message })}/>\n    </testcase>\n`;
  }
  const survived = mutant.status === 'Survived';
  const message = survived
    ? 'Survived: no test failed with this change'
    : `NoCoverage: no test runs this code${mutant.statusReason ? ` (${mutant.statusReason})` : ''}`;
  const details = [
    `${where} ${mutant.mutatorName}`,
    `Original:    ${original}`,
    `Replacement: ${replacement}`,
    survived ? `${mutant.testsCompleted} test${mutant.testsCompleted === 1 ? '' : 's'} ran with the change and passed.` : 'No test reaches it: add one that runs this code and checks its result.',
  ].join('\n');
  return `${open}>\n      <failure ${attributes({ type: mutant.status, message })}>${escapeText(details)}</failure>\n    </testcase>\n`;
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${escapeAttribute(String(value))}"`)
    .join(' ');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function xmlChars(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

/** Element text: `&`, `<` and `>` escaped. */
export function escapeText(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value in double quotes: as text, plus quotes, and whitespace a parser would otherwise fold into spaces. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
