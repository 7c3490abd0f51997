import { expect, it } from 'vitest';

// The module's path is computed: no import graph shows it, so this file must run all the same.
const load = (name: string) => import(`../src/${name}.ts`);

it('describes a plugin it loads by name', async () => {
  const { describePlugin } = await load('plugins');
  expect(describePlugin('zip')).toBe('plugin zip');
  expect(describePlugin('')).toBe('no plugin');
});
