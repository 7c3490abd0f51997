/**
 * The HTML report: one self-contained file showing the JSON report with mutation-testing-elements,
 * the web components of Stryker's HTML report. Their browser bundle and the report are inlined,
 * so the file opens offline from file:// without any network request. With two runs or more in the
 * run history, a small inline SVG chart of the mutation score and line coverage stands above it.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RunResult } from '../model.js';
import type { HistoryEntry } from './history.js';
import { toMutationTestReport } from './json-report.js';
import { trendChart } from './trend-chart.js';

const TITLE = 'assay mutation report';

/**
 * The report page; `history` (oldest first) gives the trend chart. The bundle holds no `<script`
 * or `</script`, so it is inlined as is.
 */
export function renderHtmlReport(result: RunResult, history: readonly HistoryEntry[] = []): string {
  const bundlePath = createRequire(import.meta.url).resolve('mutation-testing-elements/dist/mutation-test-elements.js');
  const bundle = readFileSync(bundlePath, 'utf8');
  // `<` occurs in JSON text only inside strings, where `\u003c` means the same; without it, no
  // `</script>` or `<!--` from a source file can end the script element or change how it parses.
  const report = JSON.stringify(toMutationTestReport(result)).replaceAll('<', '\\u003c');
  const chart = trendChart(history);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<script>${bundle}</script>
</head>
<body>
${chart === undefined ? '' : `${chart}\n`}<mutation-test-report-app title-postfix="${TITLE}">This report needs a browser with custom elements.</mutation-test-report-app>
<script>document.querySelector('mutation-test-report-app').report = ${report};</script>
</body>
</html>
`;
}

/** Writes the report page to `absolutePath`, creating its directory. */
export async function writeHtmlReport(result: RunResult, absolutePath: string, history: readonly HistoryEntry[] = []): Promise<void> {
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, renderHtmlReport(result, history), 'utf8');
}
