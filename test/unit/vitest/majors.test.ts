/**
 * vitestMajor: the supported majors of vitest (4 and 5), each on the Nodes it runs on, and one
 * clear line for any other version or for a Node too old for the installed one.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VITEST, vitestMajor } from '../../../src/vitest/majors.js';
import { userError } from '../../support/user-error.js';

const refusal = (version: string, node: string) => userError((async () => vitestMajor(version, node))());

describe('vitestMajor', () => {
  it('names the supported range', () => {
    expect(SUPPORTED_VITEST).toBe('4.x and 5.x');
  });

  it('takes vitest 4 from Node 20.19, with the vitest/runners entry its batch runner imports', () => {
    const major = vitestMajor('4.1.12', '20.19.0');
    expect(major.major).toBe(4);
    expect(Object.keys(major.entries)).toEqual(['vitest', 'vitest/runners']);
    expect(major.batchRunner).toMatch(/runner-vitest4\.[jt]s$/);
  });

  it('takes vitest 5 from Node 22.12, whose batch runner imports vitest only', () => {
    for (const node of ['22.12.0', '22.23.3', '24.21.0']) {
      const major = vitestMajor('5.1.2', node);
      expect(major.major).toBe(5);
      expect(Object.keys(major.entries)).toEqual(['vitest']);
      expect(major.batchRunner).toMatch(/runner-vitest5\.[jt]s$/);
    }
    expect(vitestMajor('5.0.0-beta.3', '24.0.0').major).toBe(5);
  });

  it('selects tests by id from vitest 4.1 on, and by line on vitest 4.0', () => {
    expect(vitestMajor('4.0.18', '20.19.0').selectsTestsById).toBe(false);
    expect(vitestMajor('4.0.0-beta.1', '20.19.0').selectsTestsById).toBe(false);
    expect(vitestMajor('4.1.0', '20.19.0').selectsTestsById).toBe(true);
    expect(vitestMajor('4.12.3', '22.12.0').selectsTestsById).toBe(true);
    expect(vitestMajor('5.0.0', '22.12.0').selectsTestsById).toBe(true);
  });

  it('refuses vitest 5 on a Node older than 22.12, naming the Node it needs', async () => {
    expect(await refusal('5.1.2', '22.11.0')).toBe(
      "vitest 5.1.2 needs Node 22.12 or newer, and this is Node 22.11.0: run assay with a newer Node, or use vitest 4 ('npm i -D vitest@4')",
    );
    expect(await refusal('5.0.0', '20.19.5')).toBe(
      "vitest 5.0.0 needs Node 22.12 or newer, and this is Node 20.19.5: run assay with a newer Node, or use vitest 4 ('npm i -D vitest@4')",
    );
  });

  it('refuses other majors, advising the newest one this Node runs', async () => {
    expect(await refusal('3.2.4', '20.19.0')).toBe("vitest 3.2.4 is not supported: assay supports vitest 4.x and 5.x; upgrade with 'npm i -D vitest@4'");
    expect(await refusal('3.2.4', '22.12.0')).toBe("vitest 3.2.4 is not supported: assay supports vitest 4.x and 5.x; upgrade with 'npm i -D vitest@5'");
    expect(await refusal('6.0.0', '24.1.0')).toBe(
      "vitest 6.0.0 is not supported: assay supports vitest 4.x and 5.x; install a supported one with 'npm i -D vitest@5'",
    );
    expect(await refusal('6.0.0', '20.19.0')).toBe(
      "vitest 6.0.0 is not supported: assay supports vitest 4.x and 5.x; install a supported one with 'npm i -D vitest@4'",
    );
  });
});
