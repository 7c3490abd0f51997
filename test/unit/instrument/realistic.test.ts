import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instrument } from '../../../src/instrument/index.js';
import { generateMutants } from './generate.js';
import { checkMutants, syntaxErrors } from './harness.js';

/** Each realistic file with the number of mutants the operators find in it. */
const FIXTURES = (
  [
    ['inventory.ts', 94],
    ['widget.tsx', 40],
    ['config.ts', 33],
  ] as const
).map(([fileName, mutants]) => ({
  fileName,
  mutants,
  text: readFileSync(new URL(`fixtures/${fileName}.txt`, import.meta.url), 'utf8'),
}));

describe('instrumentFile on realistic files', () => {
  it.each(FIXTURES)('$fileName: places every mutant and the schemata parse, all together and one by one', ({ fileName, mutants, text }) => {
    const list = generateMutants(text, fileName);
    expect(list).toHaveLength(mutants);
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
    // 90 of its 94 mutants are reached when the file's run() executes unmutated; each of those is compared.
    expect(covered).toHaveLength(90);
  });
});
