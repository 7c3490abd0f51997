import { expect, it } from 'vitest';
import { workdirName } from '../src/workdir';

// Puts process.cwd back only when the check passes: a mutant that fails it leaves the stub
// behind, for the next test file in the same thread.
it('names the working directory by its last segment', () => {
  const cwd = process.cwd;
  process.cwd = () => '/home/app';
  expect(workdirName()).toBe('app');
  process.cwd = cwd;
});
