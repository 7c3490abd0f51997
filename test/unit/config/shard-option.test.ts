/** `--shard i/n`: a flag only (no config file key), parsed to { index, count }, refused with one line naming the flag. */
import { describe, expect, it } from 'vitest';
import { loadOptions } from '../../../src/config/index.js';
import { tempProject } from './temp-project.js';
import { userError } from '../../support/user-error.js';

const load = async (cli: { shard?: string }, config: object = {}) => {
  const cwd = await tempProject({ 'package.json': { type: 'module' }, 'stryker.config.json': config });
  return loadOptions({ cwd, cli });
};

describe('loadOptions: --shard', () => {
  it('parses shard i of n', async () => {
    expect((await load({ shard: '2/3' })).options.shard).toEqual({ index: 2, count: 3 });
    expect((await load({ shard: '1/1' })).options.shard).toEqual({ index: 1, count: 1 });
    expect((await load({ shard: '10/12' })).options.shard).toEqual({ index: 10, count: 12 });
  });

  it('is absent without the flag', async () => {
    expect('shard' in (await load({})).options).toBe(false);
  });

  it.each(['3/2', '0/2', '2/0', 'x/y', '1.5/2', '1/2.5', '-1/2', '2', '', '1/2/3'])('refuses %j naming the flag and the form', async (value) => {
    expect(await userError(load({ shard: value }))).toBe(`--shard must be i/n, shard i of n with i from 1 to n (e.g. 2/3), got ${JSON.stringify(value)}`);
  });

  it('is not read from the config file', async () => {
    const { options, warnings } = await load({}, { shard: '1/2' });
    expect(options.shard).toBeUndefined();
    expect(warnings).toEqual(["unknown option 'shard' in stryker.config.json, ignored"]);
  });
});
