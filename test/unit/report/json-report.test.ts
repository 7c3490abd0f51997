import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { schema } from 'mutation-testing-report-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { replacementOfLocation, toMutationTestReport, writeJsonReport } from '../../../src/report/json-report.js';
import { mutant, runResult } from './fixtures.js';

// ajv-formats is not installed; the schema's only format is `uri` (framework.branding.homepageUrl).
const ajv = new Ajv({ allErrors: true }).addFormat('uri', (value: string) => URL.canParse(value));
const validate = ajv.compile(schema);

function exampleRun() {
  return runResult({
    files: [
      { name: 'src/math.ts', text: 'export const add = (a, b) => a + b;' },
      { name: 'lib/util.mjs', text: 'export const x = 1;' },
    ],
    tests: [
      { id: 't1', name: 'math > adds', fileName: 'test/math.test.ts', durationMs: 3, location: { line: 4, column: 3 } },
      { id: 't2', name: 'math > subtracts', fileName: 'test/math.test.ts', durationMs: 2 },
      { id: 't3', name: 'util', fileName: 'test/util.test.ts', durationMs: 1 },
    ],
    mutants: [
      mutant('Killed', {
        id: 7,
        fileName: 'src/math.ts',
        mutatorName: 'ArithmeticOperator',
        start: 29,
        end: 34,
        replacement: 'a - b',
        location: { start: { line: 1, column: 30 }, end: { line: 1, column: 35 } },
        coveredBy: ['t1', 't2'],
        killedBy: ['t1'],
        testsCompleted: 1,
        statusReason: 'expected 3 to be -1',
        durationMs: 12.5,
      }),
      mutant('Ignored', { id: 8, fileName: 'src/math.ts', ignoredReason: 'Disabled by comment' }),
      mutant('Survived', { id: 9, fileName: 'src/math.ts', start: 13, static: true, testsCompleted: 3 }),
    ],
  });
}

describe('toMutationTestReport', () => {
  it('produces a report that the shipped JSON schema accepts', () => {
    const report = toMutationTestReport(exampleRun());
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('is rejected by the schema when invalid (the validation can fail)', () => {
    const report = toMutationTestReport(exampleRun());
    const broken = structuredClone(report);
    broken.files['src/math.ts'].mutants[0].location.start.line = 0;
    expect(validate(broken)).toBe(false);
    const { thresholds: _thresholds, ...withoutThresholds } = report;
    expect(validate(withoutThresholds)).toBe(false);
  });

  it('maps files, mutants (sorted by position) and tests', () => {
    const report = toMutationTestReport(exampleRun());
    expect(report.schemaVersion).toBe('2');
    expect(report.thresholds).toEqual({ high: 80, low: 60 });
    expect(report.projectRoot).toBe('/project');
    expect(report.framework).toEqual({ name: 'assay', version: '0.1.0' });
    expect(Object.keys(report.files)).toEqual(['lib/util.mjs', 'src/math.ts']);
    expect(report.files['lib/util.mjs']).toEqual({ language: 'javascript', source: 'export const x = 1;', mutants: [] });
    expect(report.files['src/math.ts'].language).toBe('typescript');
    expect(report.files['src/math.ts'].source).toBe('export const add = (a, b) => a + b;');
    const [ignored, survived, killed] = report.files['src/math.ts'].mutants;
    expect(killed).toEqual({
      id: '7',
      mutatorName: 'ArithmeticOperator',
      replacement: 'a - b',
      location: { start: { line: 1, column: 30 }, end: { line: 1, column: 35 } },
      status: 'Killed',
      statusReason: 'expected 3 to be -1',
      coveredBy: ['t1', 't2'],
      killedBy: ['t1'],
      testsCompleted: 1,
      static: false,
      duration: 12.5,
    });
    expect(ignored).toMatchObject({ id: '8', status: 'Ignored', statusReason: 'Disabled by comment' });
    expect(survived).toMatchObject({ id: '9', status: 'Survived', static: true, testsCompleted: 3 });
    expect(survived).not.toHaveProperty('statusReason');
    expect(survived).not.toHaveProperty('duration');
    expect(report.testFiles).toEqual({
      'test/math.test.ts': {
        tests: [
          { id: 't1', name: 'math > adds', location: { start: { line: 4, column: 3 } } },
          { id: 't2', name: 'math > subtracts' },
        ],
      },
      'test/util.test.ts': { tests: [{ id: 't3', name: 'util' }] },
    });
  });
});

describe('writeJsonReport', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the report, creating missing directories', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'assay-report-'));
    const file = path.join(dir, 'reports', 'mutation', 'mutation.json');
    await writeJsonReport(exampleRun(), file);
    const written: unknown = JSON.parse(await readFile(file, 'utf8'));
    expect(written).toEqual(toMutationTestReport(exampleRun()));
  });
});

describe('replacementOfLocation', () => {
  const text = "switch (tier) {\n  case 'gold':\n    return 0.2;\n  default:\n    return 0;\n}\n";
  const statements = text.indexOf('return 0.2;');

  it('is the replacement itself where the mutant replaces its whole location', () => {
    const expression = text.indexOf('0.2');
    const location = { start: { line: 3, column: 12 }, end: { line: 3, column: 15 } };
    expect(replacementOfLocation({ start: expression, end: expression + 3, replacement: '0', location }, text)).toBe('0');
  });

  it('keeps the rest of the node around a part it replaces: an emptied case clause reads as its label, as StrykerJS writes it', () => {
    const location = { start: { line: 2, column: 3 }, end: { line: 3, column: 16 } };
    const applied = replacementOfLocation({ start: statements, end: statements + 'return 0.2;'.length, replacement: '', location }, text);
    expect(applied).toBe("case 'gold':");
  });
});
