import { describe, expect, it } from 'vitest';
import type { TestInfo } from '../../../src/model.js';
import { weakTests } from '../../../src/report/weak-tests.js';
import { mutant, runResult } from './fixtures.js';

const test = (id: string): TestInfo => ({ id, name: `suite > ${id}`, fileName: 'test/a.test.ts', durationMs: 1 });

function exampleRun(disableBail: boolean | undefined) {
  return runResult({
    disableBail,
    tests: ['killer', 'idle', 'idle2', 'onlyUnrun', 'nothing', 'killerOfSome'].map(test),
    mutants: [
      mutant('Killed', { coveredBy: ['killer', 'idle', 'killerOfSome'], killedBy: ['killer', 'killerOfSome'] }),
      mutant('Survived', { coveredBy: ['killer', 'idle', 'idle2', 'killerOfSome'] }),
      mutant('Survived', { coveredBy: ['idle'] }),
      mutant('Killed', { coveredBy: ['killerOfSome', 'idle2'], killedBy: ['killer'] }),
      // Not run to a verdict: reaching these does not count.
      mutant('Timeout', { coveredBy: ['onlyUnrun', 'idle'] }),
      mutant('RuntimeError', { coveredBy: ['onlyUnrun'] }),
      mutant('NoCoverage', { coveredBy: ['onlyUnrun'] }),
      mutant('Ignored', { coveredBy: ['onlyUnrun'] }),
    ],
  });
}

describe('weakTests', () => {
  it('lists, with disableBail, the tests that reach run mutants but kill none, in test order', () => {
    expect(weakTests(exampleRun(true))).toEqual([
      { ...test('idle'), reached: 3 },
      { ...test('idle2'), reached: 2 },
    ]);
  });

  it('is empty without disableBail, since killedBy is then incomplete', () => {
    expect(weakTests(exampleRun(false))).toEqual([]);
    expect(weakTests(exampleRun(undefined))).toEqual([]);
  });

  it('is empty when every reaching test kills something', () => {
    const result = runResult({
      disableBail: true,
      tests: [test('t1'), test('t2')],
      mutants: [
        mutant('Killed', { coveredBy: ['t1', 't2'], killedBy: ['t1'] }),
        mutant('Killed', { coveredBy: ['t2'], killedBy: ['t2'] }),
      ],
    });
    expect(weakTests(result)).toEqual([]);
  });
});
