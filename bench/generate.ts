/**
 * Generates a benchmark project: `modules` TypeScript modules of realistic code (branches, loops,
 * string and array work; about 67 mutants each) with a vitest test file each, whose tests range
 * from exact (kill everything) to weak (kill little), as real suites do.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** About this many mutants per generated module (measured; used to size projects). */
export const MUTANTS_PER_MODULE = 67;

function moduleSource(i: number): string {
  return `/** Generated module ${i}. */
export function clamp(value: number, min: number, max: number): number {
  if (value < min) return min;
  if (value > max) return max;
  return value;
}

export function sumEven(values: number[]): number {
  let total = 0;
  for (let k = 0; k < values.length; k++) {
    if (values[k] % 2 === 0) total += values[k];
  }
  return total;
}

export function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function topScores(items: Array<{ name: string; score: number }>, threshold: number): string[] {
  return items
    .filter((item) => item.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .map((item) => item.name);
}

export function label(n: number): string {
  return n === 0 ? 'none' : n === 1 ? 'one' : n < 10 ? 'few' : 'many';
}

export function average(values: number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((sum, v) => sum + v, 0) / values.length + ${i % 3} - ${i % 3};
}

export const settings = { retries: ${(i % 5) + 1}, verbose: false, name: 'module-${i}' };
`;
}

function testSource(i: number): string {
  return `import { describe, expect, it } from 'vitest';
import { average, clamp, label, settings, slug, sumEven, topScores } from '../src/module${i}';

describe('module ${i}', () => {
  it('clamps below, inside and above the range', () => {
    expect(clamp(-5, 0, 10)).toBe(0);
    expect(clamp(5, 0, 10)).toBe(5);
    expect(clamp(15, 0, 10)).toBe(10);
  });

  it('sums even numbers', () => {
    expect(sumEven([1, 2, 3, 4])).toBeGreaterThan(0);
  });

  it('makes slugs', () => {
    expect(slug('  Hello World ')).toContain('hello');
  });

  it('picks top scores', () => {
    const names = topScores([{ name: 'a', score: 3 }, { name: 'b', score: 9 }, { name: 'c', score: 1 }], 2);
    expect(names).toEqual(['b', 'a']);
  });

  it('labels counts', () => {
    expect(label(0)).toBe('none');
    expect(label(1)).toBe('one');
    expect(label(5)).toBe('few');
  });

  it('averages', () => {
    expect(average([])).toBe(0);
    expect(average([2, 4])).toBeDefined();
  });

  it('has settings', () => {
    expect(settings.name).toBe('module-${i}');
  });
});
`;
}

export async function generateProject(dir: string, modules: number): Promise<void> {
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await mkdir(path.join(dir, 'test'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: `bench-${modules}`, private: true, type: 'module' }, null, 2));
  await writeFile(
    path.join(dir, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'] } });\n",
  );
  for (let i = 0; i < modules; i++) {
    await writeFile(path.join(dir, 'src', `module${i}.ts`), moduleSource(i));
    await writeFile(path.join(dir, 'test', `module${i}.test.ts`), testSource(i));
  }
}
