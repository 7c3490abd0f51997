import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/report/history.js';
import { CHART_RUNS, trendChart } from '../../../src/report/trend-chart.js';

function entry(date: string, mutationScore: number | null, lines: number | null, commit?: string): HistoryEntry {
  return { date, assay: '0.1.0', ...(commit !== undefined && { commit }), modules: { 'All files': { mutationScore, lines, branches: null }, 'src/a.ts': { mutationScore: 1, lines: 1, branches: 1 } } };
}

const THREE = [
  entry('2025-05-01T10:00:00.000Z', 40, 100, '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d'),
  entry('2025-05-02T09:30:00.000Z', 37.5, null),
  entry('2025-05-03T11:00:00.000Z', 50, 90, '<b>&"'),
];

/** The circles of one series: position, value and tooltip. */
function points(svg: string, series: string) {
  return [...svg.matchAll(new RegExp(`<circle class="${series}" cx="([\\d.]+)" cy="([\\d.]+)" r="3" fill="#[0-9a-f]+" data-value="([\\d.]+)"><title>([^<]*)</title></circle>`, 'g'))].map(
    ([, cx, cy, value, title]) => ({ cx: Number(cx), cy: Number(cy), value, title }),
  );
}

describe('trendChart', () => {
  it('is drawn only with two runs or more', () => {
    expect(trendChart([])).toBeUndefined();
    expect(trendChart(THREE.slice(0, 1))).toBeUndefined();
    expect(trendChart(THREE.slice(0, 2))).toContain('<svg');
  });

  it('plots the total mutation score and line coverage per run, evenly spaced, 0–100% from bottom to top', () => {
    const svg = trendChart(THREE) ?? '';
    // Plot area: x from 44 to 624, y from 172 (0%) to 34 (100%).
    expect(points(svg, 'mutationScore')).toEqual([
      { cx: 44, cy: 116.8, value: '40.00', title: '2025-05-01 10:00 UTC, commit 1a2b3c4: mutation score 40.00%' },
      { cx: 334, cy: 120.3, value: '37.50', title: '2025-05-02 09:30 UTC: mutation score 37.50%' },
      { cx: 624, cy: 103, value: '50.00', title: '2025-05-03 11:00 UTC, commit &#60;b&#62;&#38;&#34;: mutation score 50.00%' },
    ]);
    expect(points(svg, 'lines').map(({ cx, cy, value }) => ({ cx, cy, value }))).toEqual([
      { cx: 44, cy: 34, value: '100.00' },
      { cx: 624, cy: 47.8, value: '90.00' },
    ]);
    expect(svg).toContain('<path class="mutationScore" d="M44 116.8 L334 120.3 L624 103"');
    // A run without a figure leaves a gap: the line starts again after it.
    expect(svg).toContain('<path class="lines" d="M44 34 M624 47.8"');
  });

  it('labels the axes, the runs and the series with their latest figures', () => {
    const svg = trendChart(THREE) ?? '';
    const texts = (kind: string) => [...svg.matchAll(new RegExp(`<text class="${kind}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]);
    expect(texts('y-label')).toEqual(['0%', '50%', '100%']);
    expect(texts('x-label')).toEqual(['05-01', '05-02', '05-03']);
    expect(texts('caption')).toEqual(['Last 3 runs']);
    expect(texts('legend')).toEqual(['mutation score 50.00%', 'line coverage 90.00%']);
    expect(svg).toContain('<title id="assay-trend-title">Mutation score and line coverage of all files over the last 3 runs</title>');
  });

  it(`shows the last ${CHART_RUNS} runs at most`, () => {
    const many = Array.from({ length: 14 }, (_, i) => entry(new Date(Date.UTC(2025, 4, 1 + i)).toISOString(), 30 + i, 80));
    const svg = trendChart(many) ?? '';
    const scores = points(svg, 'mutationScore');
    expect(scores).toHaveLength(CHART_RUNS);
    expect(scores[0].value).toBe('34.00');
    expect(scores.at(-1)?.value).toBe('43.00');
    expect(svg).toContain('>Last 10 runs</text>');
  });

  it('is self-contained: no script, no external reference, one section', () => {
    const svg = trendChart(THREE) ?? '';
    expect(svg).not.toMatch(/<script|href=|src=|url\(|@import/i);
    expect(svg.startsWith('<section id="assay-trend">')).toBe(true);
    expect(svg.endsWith('</section>')).toBe(true);
  });
});
