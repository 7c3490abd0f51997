/** `--since <ref>`: a flag only (no config file key), validated like the others. */
import { describe, expect, it } from 'vitest';
import { loadOptions } from '../../../src/config/index.js';
import { tempProject } from './temp-project.js';
import { userError } from '../../support/user-error.js';

const load = async (cli: { since?: string }, config: object = {}) => {
  const cwd = await tempProject({ 'package.json': { type: 'module' }, 'stryker.config.json': config });
  return loadOptions({ cwd, cli });
};

describe('loadOptions: --since', () => {
  it('passes the ref on', async () => {
    for (const ref of ['main', 'origin/main', 'v1.2.0', 'HEAD~3', '0123abc']) {
      expect((await load({ since: ref })).options.since).toBe(ref);
    }
  });

  it('is absent without the flag', async () => {
    expect('since' in (await load({})).options).toBe(false);
  });

  it('refuses an empty ref, or one that git would read as an option', async () => {
    expect(await userError(load({ since: '' }))).toBe('--since must be a git ref (a branch, tag or commit), got ""');
    expect(await userError(load({ since: '--all' }))).toBe('--since must be a git ref (a branch, tag or commit), got "--all"');
  });

  it('is not read from the config file', async () => {
    const { options, warnings } = await load({}, { since: 'main' });
    expect(options.since).toBeUndefined();
    expect(warnings).toEqual(["unknown option 'since' in stryker.config.json, ignored"]);
  });
});
