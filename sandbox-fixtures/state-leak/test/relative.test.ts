import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { relativeToCwd } from '../src/workdir';

it('gives a path inside the working directory relative to it', () => {
  expect(relativeToCwd(fileURLToPath(import.meta.url))).toBe('test/relative.test.ts');
});
