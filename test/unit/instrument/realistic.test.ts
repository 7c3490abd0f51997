import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instrument } from '../../../src/instrument/index.js';
import { generateMutants } from './generate.js';
import { checkMutants, syntaxErrors } from './harness.js';

const FIXTURES = ['inventory.ts', 'widget.tsx', 'config.ts'].map((fileName) => ({
  fileName,
  text: readFileSync(new URL(`fixtures/${fileName}.txt`, import.meta.url), 'utf8'),
}));

describe('instrumentFile on realistic files', () => {
  it.each(FIXTURES)('$fileName: places every mutant and the schemata parse, all together and one by one', ({ fileName, text }) => {
    const list = generateMutants(text, fileName);
    expect(list.length).toBeGreaterThan(25);
    const all = instrument(text, fileName, list);
    expect(all.unplaced).toEqual([]);
    expect(syntaxErrors(all.code, fileName)).toEqual([]);
    for (const mutant of list) {
      const one = instrument(text, fileName, [mutant]);
      expect(syntaxErrors(one.code, fileName), `mutant ${mutant.id}: ${mutant.replacement}`).toEqual([]);
    }
  });

  it('inventory.ts: each mutant active behaves like the mutant applied by hand', async () => {
    const { text, fileName } = FIXTURES[0];
    const list = generateMutants(text, fileName);
    const { covered } = await checkMutants(text, list, fileName, () => true);
    expect(covered.length).toBeGreaterThan(list.length / 2);
  });
});
