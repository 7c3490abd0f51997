import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, renderJunit, writeJunitReport } from '../../../src/report/junit.js';
import { ciRun } from './ci-fixtures.js';
import { mutant, runResult } from './fixtures.js';
import { parseXml } from '../../support/xml.js';

describe('renderJunit', () => {
  it('is one suite per mutated file and one case per mutant, survivors and uncovered ones failing, with counts', () => {
    const root = parseXml(renderJunit(ciRun(), { repoRoot: '/repo' }));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({ name: 'assay mutation testing', tests: '8', failures: '4', errors: '0', skipped: '1', time: '2.345' });
    expect(root.children.map((suite) => [suite.name, suite.attributes])).toEqual([
      ['testsuite', { name: 'src/price.ts', tests: '7', failures: '4', errors: '0', skipped: '1', time: '5.032' }],
      ['testsuite', { name: 'src/util/tax.ts', tests: '1', failures: '0', errors: '0', skipped: '0', time: '0.004' }],
    ]);
    const cases = root.children[0].children;
    expect(cases.map((testcase) => [testcase.attributes.name, testcase.children.map((child) => child.name).join()])).toEqual([
      ["BlockStatement { if (a >= b) return 'big…'; return `${a}% off`; } → {} (src/price.ts:1:53)", 'failure'],
      ['EqualityOperator a >= b → a > b (src/price.ts:2:7)', 'failure'],
      ['ConditionalExpression a >= b → true (src/price.ts:2:7)', 'failure'],
      ['EqualityOperator a >= b → a < b (src/price.ts:2:7)', ''],
      ['ConditionalExpression a >= b → false (src/price.ts:2:7)', ''],
      [`StringLiteral 'big, "quoted" & <tagged>' → "" (src/price.ts:2:22)`, 'skipped'],
      ['StringLiteral `${a}% off` → `` (src/price.ts:3:10)', 'failure'],
    ]);
    expect(cases[1].attributes).toEqual({ name: 'EqualityOperator a >= b → a > b (src/price.ts:2:7)', classname: 'src/price.ts', file: 'app/src/price.ts', line: '2', time: '0.008' });
    expect(cases[1].children[0].attributes).toEqual({ type: 'Survived', message: 'Survived: no test failed with this change' });
    expect(cases[1].children[0].text).toBe('src/price.ts:2:7 EqualityOperator\nOriginal:    a >= b\nReplacement: a > b\n2 tests ran with the change and passed.');
    expect(cases[5].children[0].attributes).toEqual({ message: 'Ignored: wording is free (Stryker disable)' });
    expect(cases[6].children[0].attributes).toEqual({ type: 'NoCoverage', message: 'NoCoverage: no test runs this code' });
  });

  it('writes exactly this for a small run, escaping text and attributes', () => {
    const text = 'if (a < b && c > "d\'s") {}';
    const run = runResult({
      files: [{ name: 'src/a&b.ts', text }],
      durationMs: 1500,
      mutants: [
        mutant('Survived', { fileName: 'src/a&b.ts', mutatorName: 'LogicalOperator', start: 4, end: 22, replacement: 'a < b || c > "d\'s"', testsCompleted: 1, durationMs: 20, location: { start: { line: 1, column: 5 }, end: { line: 1, column: 23 } } }),
        mutant('RuntimeError', { fileName: 'src/a&b.ts', mutatorName: 'BlockStatement', start: 24, end: 26, replacement: '{ throw 1 }', statusReason: 'TypeError: <x> is "not" a function\nat line 2', location: { start: { line: 1, column: 25 }, end: { line: 1, column: 27 } } }),
      ],
    });
    expect(renderJunit(run)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="assay mutation testing" tests="2" failures="1" errors="0" skipped="1" time="1.500">',
        '  <testsuite name="src/a&amp;b.ts" tests="2" failures="1" errors="0" skipped="1" time="0.020">',
        '    <testcase name="LogicalOperator a &lt; b &amp;&amp; c &gt; &quot;d&apos;s&quot; → a &lt; b || c &gt; &quot;d&apos;s&quot; (src/a&amp;b.ts:1:5)" classname="src/a&amp;b.ts" file="src/a&amp;b.ts" line="1" time="0.020">',
        '      <failure type="Survived" message="Survived: no test failed with this change">src/a&amp;b.ts:1:5 LogicalOperator',
        'Original:    a &lt; b &amp;&amp; c &gt; "d\'s"',
        'Replacement: a &lt; b || c &gt; "d\'s"',
        '1 test ran with the change and passed.</failure>',
        '    </testcase>',
        '    <testcase name="BlockStatement {} → { throw 1 } (src/a&amp;b.ts:1:25)" classname="src/a&amp;b.ts" file="src/a&amp;b.ts" line="1" time="0.000">',
        // A newline in an attribute is a character reference, or a parser would read a space.
        '      <skipped message="RuntimeError: TypeError: &lt;x&gt; is &quot;not&quot; a function&#10;at line 2"/>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    const skipped = parseXml(renderJunit(run)).children[0].children[1].children[0];
    expect(skipped.attributes.message).toBe('RuntimeError: TypeError: <x> is "not" a function\nat line 2');
  });

  it('replaces characters XML cannot hold, so the document still parses', () => {
    expect(escapeText('a\u0000b\u001bc\uD800d\uFFFEe😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe😀');
    expect(escapeAttribute('tab\there\r\n')).toBe('tab&#9;here&#13;&#10;');
    const run = runResult({
      files: [{ name: 'src/a.ts', text: 'const s = "\u0007bell";' }],
      mutants: [mutant('NoCoverage', { mutatorName: 'StringLiteral', start: 10, end: 17, replacement: '""', location: { start: { line: 1, column: 11 }, end: { line: 1, column: 18 } } })],
    });
    const testcase = parseXml(renderJunit(run)).children[0].children[0];
    expect(testcase.attributes.name).toBe('StringLiteral "\uFFFDbell" → "" (src/a.ts:1:11)');
  });

  it('has an empty testsuites element for a run without mutants', () => {
    expect(parseXml(renderJunit(runResult({ files: [{ name: 'src/a.ts', text: '' }] }))).attributes).toMatchObject({ tests: '0', failures: '0', skipped: '0' });
  });
});

describe('writeJunitReport', () => {
  it('writes the report, creating the directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-junit-'));
    try {
      const file = path.join(dir, 'reports/junit.xml');
      await writeJunitReport(ciRun(), file);
      expect(await readFile(file, 'utf8')).toBe(renderJunit(ciRun()));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
