/**
 * The HTML report's trend chart: an inline SVG of the whole project's mutation score and line
 * coverage over the last runs of the history, for a block above the report app. Self-contained
 * (no script, no network; its few style rules inline); drawn only when the history holds two runs
 * or more. Each point has a tooltip (date, commit, figure); a figure a run did not have leaves a gap.
 */
import { TOTAL_MODULE, type HistoryEntry } from './history.js';

/** Runs the chart shows, at most. */
export const CHART_RUNS = 10;

const WIDTH = 640;
const HEIGHT = 200;
const PLOT = { left: 44, right: WIDTH - 16, top: 34, bottom: HEIGHT - 28 };
const SERIES = [
  { key: 'mutationScore', name: 'mutation score', color: '#2f6fdb', dash: '' },
  { key: 'lines', name: 'line coverage', color: '#17907f', dash: ' stroke-dasharray="5 3"' },
] as const;

/** The `<section>` holding the chart, or undefined with fewer than two runs. */
export function trendChart(entries: readonly HistoryEntry[], runs = CHART_RUNS): string | undefined {
  if (entries.length < 2) return undefined;
  const shown = entries.slice(-runs);
  const x = (index: number) => round(PLOT.left + (index * (PLOT.right - PLOT.left)) / (shown.length - 1));
  const y = (percent: number) => round(PLOT.bottom - (percent / 100) * (PLOT.bottom - PLOT.top));
  const title = `Mutation score and line coverage of all files over the last ${shown.length} runs`;

  const grid = [0, 50, 100].map(
    (percent) =>
      `<line x1="${PLOT.left}" y1="${y(percent)}" x2="${PLOT.right}" y2="${y(percent)}" stroke="currentColor" stroke-opacity="0.2"/>` +
      `<text class="y-label" x="${PLOT.left - 6}" y="${y(percent) + 4}" text-anchor="end">${percent}%</text>`,
  );
  const dates = shown.map((entry, index) => `<text class="x-label" x="${x(index)}" y="${HEIGHT - 10}" text-anchor="middle">${escape(entry.date.slice(5, 10))}</text>`);
  const series = SERIES.map(({ key, name, color, dash }) => {
    const values = shown.map((entry) => entry.modules[TOTAL_MODULE]?.[key] ?? null);
    const points = values.flatMap((value, index) =>
      value === null
        ? []
        : [`<circle class="${key}" cx="${x(index)}" cy="${y(value)}" r="3" fill="${color}" data-value="${value.toFixed(2)}"><title>${escape(pointTitle(shown[index], name, value))}</title></circle>`],
    );
    return `<path class="${key}" d="${pathOf(values, x, y)}" fill="none" stroke="${color}" stroke-width="2"${dash}/>${points.join('')}`;
  });
  const latest = shown.at(-1)?.modules[TOTAL_MODULE];
  const caption = `<text class="caption" x="${PLOT.left}" y="18" font-weight="600">Last ${shown.length} runs</text>`;
  const legend = SERIES.map(({ key, name, color, dash }, index) => {
    const left = PLOT.left + 90 + index * 190;
    const value = latest?.[key];
    const figure = value === null || value === undefined ? 'n/a' : `${value.toFixed(2)}%`;
    return `<line x1="${left}" y1="14" x2="${left + 18}" y2="14" stroke="${color}" stroke-width="2"${dash}/><text class="legend" x="${left + 24}" y="18">${name} ${figure}</text>`;
  });

  return `<section id="assay-trend">
<style>${SECTION_STYLE}</style>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="assay-trend-title" font-family="system-ui,sans-serif" font-size="11" fill="currentColor">
<title id="assay-trend-title">${title}</title>
${[caption, ...legend, ...grid, ...dates, ...series].join('\n')}
</svg>
</section>`;
}

/**
 * The block takes the width of the report's own content column (mutation-testing-elements' page
 * container: full width, then 640, 768, 1024, 1280 and 1536 px from those viewport widths on), so
 * the chart starts where the report does.
 */
const SECTION_STYLE = [
  '#assay-trend{margin:12px auto 0;color:#555}',
  `#assay-trend svg{display:block;max-width:${WIDTH}px}`,
  ...[640, 768, 1024, 1280, 1536].map((width) => `@media (min-width:${width}px){#assay-trend{max-width:${width}px}}`),
].join('');

/** `M x y L x y …`, a new `M` after each run without a figure. */
function pathOf(values: ReadonlyArray<number | null>, x: (index: number) => number, y: (percent: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((value, index) => {
    if (value === null) {
      pen = false;
      return;
    }
    d += `${d === '' ? '' : ' '}${pen ? 'L' : 'M'}${x(index)} ${y(value)}`;
    pen = true;
  });
  return d;
}

/** `2025-05-02 09:30 UTC, commit 1a2b3c4: mutation score 37.50%`. */
function pointTitle(entry: HistoryEntry, name: string, value: number): string {
  const when = `${entry.date.slice(0, 16).replace('T', ' ')} UTC`;
  return `${when}${entry.commit === undefined ? '' : `, commit ${entry.commit.slice(0, 7)}`}: ${name} ${value.toFixed(2)}%`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
