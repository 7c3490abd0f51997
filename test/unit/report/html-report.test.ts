import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { renderHtmlReport, writeHtmlReport } from '../../../src/report/html-report.js';
import { toMutationTestReport } from '../../../src/report/json-report.js';
import type { HistoryEntry } from '../../../src/report/history.js';
import { mutant, runResult } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// On a developer's machine a missing Chromium skips the browser tests, with a warning. Under CI
// (.ci/run installs Chromium) they run, and fail on the missing browser: CI skips nothing silently.
const inCI = Boolean(process.env.CI) && process.env.CI !== 'false';
const skipBrowser = !hasChromium && !inCI;
if (skipBrowser) console.warn(`html-report.test: skipping the browser tests, ${CHROMIUM} does not exist`);
const missingChromium = `${CHROMIUM} does not exist: under CI the HTML report's browser tests must run (install chromium)`;

/** A source file whose last line would end the script element if it were embedded raw. */
const SOURCE = [
  'export const add = (a: number, b: number) => a + b;',
  'export const big = (a: number) => a > 10;',
  '// </script><script>document.title = "broken"</script><!-- <script>',
].join('\n');

function exampleRun() {
  return runResult({
    files: [{ name: 'src/math.ts', text: SOURCE }],
    tests: [{ id: 't1', name: 'math > adds', fileName: 'test/math.test.ts', durationMs: 3 }],
    mutants: [
      mutant('Killed', {
        fileName: 'src/math.ts',
        mutatorName: 'ArithmeticOperator',
        replacement: 'a - b',
        location: { start: { line: 1, column: 46 }, end: { line: 1, column: 51 } },
        coveredBy: ['t1'],
        killedBy: ['t1'],
        testsCompleted: 1,
      }),
      mutant('Survived', {
        fileName: 'src/math.ts',
        mutatorName: 'EqualityOperator',
        replacement: 'a >= 10',
        location: { start: { line: 2, column: 35 }, end: { line: 2, column: 41 } },
        coveredBy: ['t1'],
        testsCompleted: 1,
      }),
    ],
  });
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Runs of the history: the total's mutation score and line coverage per day. */
function history(scores: Array<[number, number]>): HistoryEntry[] {
  return scores.map(([mutationScore, lines], index) => ({
    date: new Date(Date.UTC(2025, 4, 1 + index, 10)).toISOString(),
    assay: '0.1.0',
    modules: { 'All files': { mutationScore, lines, branches: null } },
  }));
}

describe('renderHtmlReport', () => {
  it('embeds the JSON report so that the page script reads it back unchanged', () => {
    const result = exampleRun();
    const html = renderHtmlReport(result);
    expect(html).toContain('<title>assay mutation report</title>');
    const embedded = /\.report = (.*);<\/script>\n<\/body>/s.exec(html)?.[1];
    expect(JSON.parse(embedded ?? 'null')).toEqual(toMutationTestReport(result));
  });

  it('keeps `</script>` and `<!--` in a source file from breaking out of the script element', () => {
    const html = renderHtmlReport(exampleRun());
    const bundleOnly = renderHtmlReport(runResult());
    expect(count(html, /<script/gi)).toBe(2);
    expect(count(html, /<\/script/gi)).toBe(2);
    expect(count(html, /<!--/g)).toBe(count(bundleOnly, /<!--/g));
  });

  it('puts the trend chart above the report app with two history entries or more, and none otherwise', () => {
    const run = exampleRun();
    const noChart = renderHtmlReport(run);
    expect(noChart).not.toContain('assay-trend');
    expect(renderHtmlReport(run, history([[40, 90]]))).toBe(noChart);
    const html = renderHtmlReport(run, history([[40, 90], [50, 95]]));
    expect(html).toMatch(/<body>\n<section id="assay-trend">\n[\s\S]*<\/svg>\n<\/section>\n<mutation-test-report-app /);
    expect(count(html, /<script/gi)).toBe(2);
  });
});

describe('the HTML report in a browser', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(skipBrowser)('shows the files and surviving mutants offline, without network requests', async () => {
    expect(existsSync(CHROMIUM), missingChromium).toBe(true);
    dir = await mkdtemp(path.join(tmpdir(), 'assay-html-'));
    const file = path.join(dir, 'reports', 'index.html');
    await writeHtmlReport(exampleRun(), file);

    const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.setDefaultTimeout(15_000);
    try {
      const blocked: string[] = [];
      await context.route('**/*', (route) => {
        if (route.request().url().startsWith('file:')) return route.continue();
        blocked.push(route.request().url());
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(file).href);

      // The app drops the directory all files share: src/math.ts is listed as math.ts.
      const fileLink = page.locator('mte-metrics-table a', { hasText: 'math.ts' });
      await fileLink.click();
      const survivor = page.locator('.mutant.Survived[title="EqualityOperator Survived"]');
      await expect.poll(() => survivor.isVisible()).toBe(true);
      expect(await survivor.innerText()).toBe('a > 10');
      expect(await page.getByText('// </script><script>document.title').isVisible()).toBe(true);
      expect(await page.title()).toBe('math.ts - assay mutation report');
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.skipIf(skipBrowser)('shows the trend chart above the report, which still works, offline', async () => {
    expect(existsSync(CHROMIUM), missingChromium).toBe(true);
    dir = await mkdtemp(path.join(tmpdir(), 'assay-html-'));
    const file = path.join(dir, 'reports', 'index.html');
    await writeHtmlReport(exampleRun(), file, history([[40, 90], [45, 92.5], [42.5, 95]]));

    const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 800 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context.setDefaultTimeout(15_000);
    try {
      const blocked: string[] = [];
      await context.route('**/*', (route) => {
        if (route.request().url().startsWith('file:')) return route.continue();
        blocked.push(route.request().url());
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(file).href);

      const chart = page.locator('#assay-trend svg');
      await expect.poll(() => chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      // 640 × 200 at full size, starting where the report's content column starts.
      expect(box && { width: Math.round(box.width), height: Math.round(box.height) }).toEqual({ width: 640, height: 200 });
      const heading = await page.locator('mutation-test-report-app h1').first().boundingBox();
      expect(Math.round(box?.x ?? 0)).toBe(Math.round(heading?.x ?? -1));
      expect(box!.y + box!.height).toBeLessThanOrEqual(heading!.y);
      expect(await page.locator('#assay-trend circle.mutationScore').count()).toBe(3);
      expect(await page.locator('#assay-trend circle.lines').count()).toBe(3);
      expect(await page.locator('#assay-trend text.legend').allTextContents()).toEqual(['mutation score 42.50%', 'line coverage 95.00%']);
      if (process.env.ASSAY_SCREENSHOT) await page.screenshot({ path: process.env.ASSAY_SCREENSHOT });

      // The report below works as before.
      await page.locator('mte-metrics-table a', { hasText: 'math.ts' }).click();
      const survivor = page.locator('.mutant.Survived[title="EqualityOperator Survived"]');
      await expect.poll(() => survivor.isVisible()).toBe(true);
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
