/**
 * loadUserVitest: finds the project's own vitest, refuses a missing or unsupported one, and its
 * createVitest names a vitest config file that fails to load.
 */
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUserVitest } from '../../../src/vitest/load.js';
import { repoRoot } from '../../support/assay.js';
import { tempProject } from '../config/temp-project.js';
import { userError } from '../../support/user-error.js';


/** The vitest major `npm i -D` should bring on the Node running this suite: 5 needs Node 22.12. */
const [nodeMajor, nodeMinor] = process.versions.node.split('.').map(Number);
const installable = nodeMajor > 22 || (nodeMajor === 22 && nodeMinor >= 12) ? 5 : 4;

/** A project whose node_modules holds only a stand-in vitest package with this package.json. */
const withFakeVitest = (pkg: object) =>
  tempProject({
    'package.json': { type: 'module' },
    'node_modules/vitest/package.json': { name: 'vitest', ...pkg },
    'node_modules/vitest/dist/node.js': 'export {};\n',
    'node_modules/vitest/dist/index.js': 'export {};\n',
  });

/** A project with `files` and the repo's node_modules (vitest 4) linked in. */
async function withRealVitest(files: Record<string, string>): Promise<string> {
  const dir = await tempProject({ 'package.json': { type: 'module' }, ...files });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('loadUserVitest', () => {
  it('says how to install vitest when the project has none', async () => {
    const dir = await tempProject({ 'package.json': { type: 'module' } });
    expect(await userError(loadUserVitest(dir))).toBe(
      `vitest is not installed in ${dir}: run 'npm i -D vitest' (assay supports vitest 4.x and 5.x)`,
    );
  });

  it('refuses another major version', async () => {
    const dir = await withFakeVitest({ version: '3.2.4', exports: { '.': './dist/index.js', './node': './dist/node.js', './package.json': './package.json' } });
    expect(await userError(loadUserVitest(dir))).toBe(
      `vitest 3.2.4 is not supported: assay supports vitest 4.x and 5.x; upgrade with 'npm i -D vitest@${installable}'`,
    );
  });

  it('reads the version of a vitest whose exports leave out its package.json', async () => {
    const dir = await withFakeVitest({ version: '3.0.0', exports: { './node': './dist/node.js' } });
    expect(await userError(loadUserVitest(dir))).toBe(
      `vitest 3.0.0 is not supported: assay supports vitest 4.x and 5.x; upgrade with 'npm i -D vitest@${installable}'`,
    );
  });

  it('names the version of an old vitest without a vitest/node entry, rather than calling it missing', async () => {
    const dir = await withFakeVitest({ version: '0.9.0', main: 'dist/index.js' });
    expect(await userError(loadUserVitest(dir))).toBe(
      `vitest 0.9.0 is not supported: assay supports vitest 4.x and 5.x; upgrade with 'npm i -D vitest@${installable}'`,
    );
  });

  it.runIf(installable === 4)('refuses vitest 5 on a Node older than 22.12, naming the Node it needs', async () => {
    const dir = await withFakeVitest({ version: '5.1.2', exports: { '.': './dist/index.js', './node': './dist/node.js', './package.json': './package.json' } });
    expect(await userError(loadUserVitest(dir))).toBe(
      `vitest 5.1.2 needs Node 22.12 or newer, and this is Node ${process.versions.node}: run assay with a newer Node, or use vitest 4 ('npm i -D vitest@4')`,
    );
  });

  it('loads vitest 4', async () => {
    const dir = await withRealVitest({});
    const vitest = await loadUserVitest(dir);
    expect(vitest.version).toMatch(/^4\./);
    expect(vitest.major.major).toBe(4);
    expect(Object.keys(vitest.entries)).toEqual(['vitest', 'vitest/runners']);
  });
});

describe("loadUserVitest's createVitest", () => {
  const start = async (files: Record<string, string>, config?: string) => {
    const root = await withRealVitest(files);
    const { node } = await loadUserVitest(root);
    return node.createVitest('test', { root, watch: false, config: config === undefined ? undefined : path.join(root, config) }, {}, {});
  };
  const inThatFile = "; the error is in that file ('npx vitest run' fails the same way)";

  it('names a config file that throws', async () => {
    expect(await userError(start({ 'vitest.config.ts': "throw new Error('no config today');\n" }))).toBe(
      `vitest.config.ts: could not be loaded: no config today${inThatFile}`,
    );
  });

  it('names a config file with a syntax error, at its line and column', async () => {
    expect(await userError(start({ 'vite.config.mjs': 'export default {\n  test: { include: [] },,\n};\n' }))).toBe(
      `vite.config.mjs: could not be loaded: syntax error at line 2, column 25: Unexpected token${inThatFile}`,
    );
  });

  it('names a config file given by path that imports a package that is not installed', async () => {
    expect(
      await userError(start({ 'configs/vitest.mutation.ts': "import plugin from 'no-such-plugin';\nexport default { plugins: [plugin()] };\n" }, 'configs/vitest.mutation.ts')),
    ).toBe(`${path.join('configs', 'vitest.mutation.ts')}: could not be loaded: Cannot find package 'no-such-plugin'${inThatFile}`);
  });

  it('gives no column for a syntax error on line 1, where vite puts code of its own', async () => {
    expect(await userError(start({ 'vitest.config.mjs': 'export default { test: {} },;\n' }))).toBe(
      `vitest.config.mjs: could not be loaded: syntax error at line 1: Expected a semicolon or an implicit semicolon after a statement, but found none${inThatFile}`,
    );
  });

  it("names the config file of one of the projects when that is the one that fails", async () => {
    const files = {
      'vitest.config.mjs': "export default { test: { projects: [{ test: { name: 'unit' } }, 'packages/api'] } };\n",
      'packages/api/package.json': '{}',
      'packages/api/vitest.config.mjs': "throw new Error('API_URL is not set');\n",
    };
    expect(await userError(start(files))).toBe(
      `${path.join('packages', 'api', 'vitest.config.mjs')}: could not be loaded: API_URL is not set${inThatFile}`,
    );
  });

  it('names a config file that exports no object', async () => {
    expect(await userError(start({ 'vitest.config.mjs': 'export default 3;\n' }))).toBe(
      `vitest.config.mjs: could not be loaded: config must export or return an object.${inThatFile}`,
    );
  });

  it('starts vitest with a config that loads', async () => {
    const vitest = await start({ 'vitest.config.mjs': 'export default { test: { include: ["none/**"] } };\n' });
    expect(vitest.config.include).toEqual(['none/**']);
    await vitest.close();
  });
});
