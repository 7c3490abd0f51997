import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, renderSarif, SARIF_SCHEMA, toSarif, writeSarifReport } from '../../../src/report/sarif.js';
import { assayVersion } from '../../../src/report/version.js';
import { ciRun, PRICE, priceMutant } from './ci-fixtures.js';
import { runResult } from './fixtures.js';
import { sarifSchemaErrors as schemaErrors } from '../../support/sarif-schema.js';

describe('toSarif', () => {
  it('is valid SARIF 2.1.0 (the schema also rejects a broken log)', () => {
    const log = toSarif(ciRun(), { repoRoot: '/repo' });
    expect(schemaErrors(log)).toEqual([]);
    const broken = structuredClone(log) as any;
    broken.runs[0].results[0].level = 'severe';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
  });

  it('has one rule per mutator with an undetected mutant, and a result per undetected mutant', () => {
    const log = toSarif(ciRun(), { repoRoot: '/repo' });
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({ name: 'assay', version: assayVersion });
    expect(run.tool.driver.rules.map((rule) => [rule.id, rule.shortDescription.text])).toEqual([
      ['BlockStatement', 'A block of statements is emptied, and no test notices'],
      ['ConditionalExpression', 'A condition is replaced by true or by false, and no test notices'],
      ['EqualityOperator', 'A comparison operator is changed (< and <=, === and !==, …), and no test notices'],
      ['StringLiteral', 'A string is emptied, or an empty one filled, and no test notices'],
    ]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run.results.map((result) => [result.ruleId, result.ruleIndex, result.level, result.message.text])).toEqual([
      ['BlockStatement', 0, 'warning', `Changing "{ if (a >= b) return 'big…'; return \`\${a}% off\`; }" to "{}" does not fail any test: 2 tests ran with the change and passed.`],
      ['EqualityOperator', 2, 'warning', 'Changing "a >= b" to "a > b" does not fail any test: 2 tests ran with the change and passed.'],
      ['ConditionalExpression', 1, 'warning', 'Changing "a >= b" to "true" does not fail any test: 1 test ran with the change and passed.'],
      ['StringLiteral', 3, 'note', 'No test runs this code: changing "`${a}% off`" to "``" would go unnoticed.'],
    ]);
    expect(run.results[1]).toMatchObject({
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'app/src/price.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 13, snippet: { text: 'a >= b' } },
          },
        },
      ],
      properties: { status: 'Survived', replacement: 'a > b' },
    });
    expect(run.results[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 53, endLine: 4, endColumn: 2 });
  });

  it('after --since reports every undetected mutant of the run, also those that start before the changed lines', () => {
    const log = toSarif(ciRun({ since: { ref: 'main', base: 'abc', changed: { 'src/price.ts': [{ start: 3, end: 3 }] } } }));
    expect(log.runs[0].results.map((result) => result.ruleId)).toEqual(['BlockStatement', 'EqualityOperator', 'ConditionalExpression', 'StringLiteral']);
  });

  it('keeps fingerprints when lines move, tells identical mutants apart, and changes them when the change does', () => {
    const fingerprints = (run: ReturnType<typeof ciRun>) => toSarif(run).runs[0].results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    const before = fingerprints(ciRun());
    expect(before).toHaveLength(4);
    expect(new Set(before).size).toBe(4);
    expect(before.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    // Two lines added above: other offsets and line numbers, the same fingerprints.
    const moved = `// a\n// b\n${PRICE}`;
    const shifted = ciRun();
    shifted.files[0] = { name: 'src/price.ts', text: moved };
    shifted.mutants = shifted.mutants.map((mutant) =>
      mutant.fileName !== 'src/price.ts'
        ? mutant
        : {
            ...mutant,
            start: mutant.start + 10,
            end: mutant.end + 10,
            location: { start: { ...mutant.location.start, line: mutant.location.start.line + 2 }, end: { ...mutant.location.end, line: mutant.location.end.line + 2 } },
          },
    );
    expect(fingerprints(shifted)).toEqual(before);
    // The same mutant twice in a file: two fingerprints.
    const twice = runResult({ projectRoot: '/repo/app', files: [{ name: 'src/price.ts', text: PRICE }], mutants: [priceMutant('Survived', 'a >= b', 'a > b'), priceMutant('Survived', 'a >= b', 'a > b')] });
    const [first, second] = fingerprints(twice);
    expect(first).not.toBe(second);
    // Another replacement: another fingerprint.
    const other = runResult({ projectRoot: '/repo/app', files: [{ name: 'src/price.ts', text: PRICE }], mutants: [priceMutant('Survived', 'a >= b', 'a <= b')] });
    expect(fingerprints(other)[0]).not.toBe(first);
  });

  it('is valid with no results', () => {
    const log = toSarif(runResult({ files: [{ name: 'src/a.ts', text: '' }] }));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
    expect(schemaErrors(log)).toEqual([]);
  });
});

describe('writeSarifReport', () => {
  it('writes the log as JSON, creating the directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-sarif-'));
    try {
      const file = path.join(dir, 'reports/assay.sarif');
      const run = ciRun();
      await writeSarifReport(run, file, { repoRoot: '/repo' });
      const text = await readFile(file, 'utf8');
      expect(text).toBe(renderSarif(run, { repoRoot: '/repo' }));
      expect(schemaErrors(JSON.parse(text))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
