import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOptions, type CliOverrides } from '../../../src/config/index.js';
import type { Options } from '../../../src/model.js';
import { tempProject } from './temp-project.js';
import { userError } from '../../support/user-error.js';

const defaults = (projectRoot: string): Options => ({
  projectRoot,
  mutate: [
    'src/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}',
    '!src/**/*.{test,spec}.*',
    '!src/**/__tests__/**',
    '!src/**/*.d.ts',
  ],
  ignorePatterns: [],
  testRunner: 'vitest',
  vitest: {},
  coverageAnalysis: 'perTest',
  concurrency: os.availableParallelism(),
  timeoutMS: 5000,
  timeoutFactor: 1.5,
  thresholds: { high: 80, low: 60, break: null },
  mutator: { excludedMutations: [] },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReportFile: 'reports/mutation/mutation.json',
  checkers: [],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  equivalenceFilter: true,
  disableBail: false,
  ignoreStatic: false,
  isolation: 'batch',
  memoryLimitMb: 1024,
  modules: {},
  ratchet: { enabled: false, baseline: 'assay-baseline.json', tolerance: 0 },
  historyFile: 'reports/assay-history.jsonl',
  incremental: { enabled: false, file: 'reports/assay-incremental.json', resume: false, force: false },
});

/** Loads options for a fresh project holding a package.json and `files`. */
async function load(files: Record<string, string | object>, cli: CliOverrides = {}, configFile?: string) {
  const cwd = await tempProject({ 'package.json': { type: 'module' }, ...files });
  return { cwd, ...(await loadOptions({ cwd, configFile, cli })) };
}

const withConfig = (config: object | string, cli: CliOverrides = {}) =>
  load({ 'stryker.config.json': config }, cli);


const ALL_MUTATORS =
  '"ArithmeticOperator", "ArrayDeclaration", "ArrowFunction", "AssignmentOperator", "BlockStatement", ' +
  '"BooleanLiteral", "ConditionalExpression", "EqualityOperator", "LogicalOperator", "MethodExpression", ' +
  '"ObjectLiteral", "OptionalChaining", "Regex", "StringLiteral", "UnaryOperator", "UpdateOperator"';
const ALL_REPORTERS = '"clear-text", "progress", "json", "html", "dots", "markdown", "junit", "sarif"';

describe('loadOptions: project root', () => {
  it('requires a package.json', async () => {
    const cwd = await tempProject({ 'stryker.config.json': {} });
    expect(await userError(loadOptions({ cwd, cli: {} }))).toBe(
      `no package.json in ${cwd}: run assay from your project's root`,
    );
  });

  it('resolves a relative cwd to an absolute projectRoot', async () => {
    const cwd = await tempProject({ 'package.json': {} });
    const { options } = await loadOptions({ cwd: path.relative(process.cwd(), cwd), cli: {} });
    expect(options.projectRoot).toBe(cwd);
  });
});

describe('loadOptions: defaults', () => {
  it('uses the defaults when there is no config file', async () => {
    const { cwd, options, warnings } = await load({});
    expect(options).toStrictEqual(defaults(cwd));
    expect(warnings).toEqual([]);
  });

  it('uses the defaults for an empty config file', async () => {
    const { cwd, options, warnings } = await withConfig({});
    expect(options).toStrictEqual(defaults(cwd));
    expect(warnings).toEqual([]);
  });

  it('fills the defaults of partly given sections', async () => {
    const { options } = await withConfig({ thresholds: { break: 50 }, vitest: { dir: 'pkg' } });
    expect(options.thresholds).toEqual({ high: 80, low: 60, break: 50 });
    expect(options.vitest).toStrictEqual({ dir: 'pkg' });
  });
});

describe('loadOptions: every key', () => {
  it('reads every option assay uses', async () => {
    const { cwd, options, warnings } = await load({ 'vitest.unit.config.ts': '', 'stryker.config.json': {
      $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
      _comment: 'not an option',
      mutate: ['lib/**/*.ts', '!lib/gen/**', 'src/a.ts:3-9'],
      ignorePatterns: ['fixtures'],
      testRunner: 'vitest',
      vitest: { configFile: 'vitest.unit.config.ts', dir: 'packages/core' },
      coverageAnalysis: 'all',
      concurrency: 3,
      timeoutMS: 2000,
      timeoutFactor: 2.5,
      thresholds: { high: 90, low: 70, break: 65.5 },
      mutator: { excludedMutations: ['StringLiteral', 'Regex'] },
      reporters: ['html', 'dots'],
      jsonReporter: { fileName: 'out/mutation.json' },
      checkers: ['typescript'],
      tsconfigFile: 'tsconfig.app.json',
      typescriptChecker: { prioritizePerformanceOverAccuracy: false },
      disableBail: true,
      ignoreStatic: true,
      assay: {
        equivalenceFilter: false,
        isolation: 'full',
        memoryLimitMb: 4096,
        modules: { 'src/payments/**': { mutationScore: 85, lines: 90, branches: 80 } },
        baseline: 'ci/assay-baseline.json',
        ratchetTolerance: 0.5,
        historyFile: 'ci/history.jsonl',
        incremental: true,
        incrementalFile: 'ci/incremental.json',
      },
    } });
    expect(options).toStrictEqual({
      projectRoot: cwd,
      mutate: ['lib/**/*.ts', '!lib/gen/**', 'src/a.ts:3-9'],
      ignorePatterns: ['fixtures'],
      testRunner: 'vitest',
      vitest: { configFile: 'vitest.unit.config.ts', dir: 'packages/core' },
      coverageAnalysis: 'all',
      concurrency: 3,
      timeoutMS: 2000,
      timeoutFactor: 2.5,
      thresholds: { high: 90, low: 70, break: 65.5 },
      mutator: { excludedMutations: ['StringLiteral', 'Regex'] },
      reporters: ['html', 'dots'],
      jsonReportFile: 'out/mutation.json',
      checkers: ['typescript'],
      tsconfigFile: 'tsconfig.app.json',
      typescriptChecker: { prioritizePerformanceOverAccuracy: false },
      equivalenceFilter: false,
      disableBail: true,
      ignoreStatic: true,
      isolation: 'full',
      memoryLimitMb: 4096,
      modules: { 'src/payments/**': { mutationScore: 85, lines: 90, branches: 80 } },
      ratchet: { enabled: false, baseline: 'ci/assay-baseline.json', tolerance: 0.5 },
      historyFile: 'ci/history.jsonl',
      incremental: { enabled: true, file: 'ci/incremental.json', resume: false, force: false },
    });
    expect(warnings).toEqual([]);
  });

  it('accepts boundary values', async () => {
    const { options } = await withConfig({
      concurrency: 1,
      timeoutMS: 0,
      timeoutFactor: 0,
      thresholds: { high: 100, low: 100, break: 0 },
      mutate: [],
      reporters: [],
    });
    expect(options).toMatchObject({
      concurrency: 1,
      timeoutMS: 0,
      timeoutFactor: 0,
      thresholds: { high: 100, low: 100, break: 0 },
      mutate: [],
      reporters: [],
    });
  });
});

describe('loadOptions: finding the config file', () => {
  const names = [
    'stryker.config.json',
    'stryker.conf.json',
    '.stryker.config.json',
    'stryker.config.mjs',
    'stryker.config.js',
    'stryker.conf.mjs',
    'stryker.conf.js',
  ];
  const contents = (name: string, concurrency: number) =>
    name.endsWith('.json') ? { concurrency } : `export default { concurrency: ${concurrency} };\n`;

  it.each(names)('reads %s', async (name) => {
    const { options } = await load({ [name]: contents(name, 3) });
    expect(options.concurrency).toBe(3);
  });

  it.each(names.slice(0, -1).map((name, i) => [name, names[i + 1]]))(
    'prefers %s over %s',
    async (first, second) => {
      const { options } = await load({ [first]: contents(first, 1), [second]: contents(second, 2) });
      expect(options.concurrency).toBe(1);
    },
  );

  it('reads a CommonJS stryker.conf.js', async () => {
    const cwd = await tempProject({
      'package.json': {},
      'stryker.conf.js': 'module.exports = { concurrency: 4 };\n',
    });
    const { options } = await loadOptions({ cwd, cli: {} });
    expect(options.concurrency).toBe(4);
  });

  it('uses --config-file, relative to cwd, over the usual names', async () => {
    const { options } = await load(
      { 'stryker.config.json': { concurrency: 1 }, 'configs/mutation.json': { concurrency: 7 } },
      {},
      'configs/mutation.json',
    );
    expect(options.concurrency).toBe(7);
  });

  it('names a missing --config-file', async () => {
    const cwd = await tempProject({ 'package.json': {}, 'stryker.config.json': {} });
    expect(await userError(loadOptions({ cwd, configFile: 'nope.json', cli: {} }))).toBe(
      '--config-file must name an existing file, got "nope.json"',
    );
  });

  it('refuses a --config-file that is a directory', async () => {
    const cwd = await tempProject({ 'package.json': {}, 'configs/m.json': {} });
    expect(await userError(loadOptions({ cwd, configFile: 'configs', cli: {} }))).toBe(
      '--config-file must name an existing file, got "configs"',
    );
  });

  it('names the --config-file in messages and warnings', async () => {
    const cwd = await tempProject({ 'package.json': {}, 'configs/m.json': { foo: 1, concurrency: 1 } });
    const { warnings } = await loadOptions({ cwd, configFile: 'configs/m.json', cli: {} });
    expect(warnings).toEqual([`unknown option 'foo' in ${path.join('configs', 'm.json')}, ignored`]);
    const badCwd = await tempProject({ 'package.json': {}, 'configs/m.json': { concurrency: 0 } });
    expect(await userError(loadOptions({ cwd: badCwd, configFile: 'configs/m.json', cli: {} }))).toBe(
      `${path.join('configs', 'm.json')}: "concurrency" must be a positive integer, got 0`,
    );
  });
});

describe('loadOptions: unreadable config files', () => {
  it('points at the line and column of a JSON syntax error', async () => {
    expect(await userError(withConfig('{\n  "concurrency": 2\n  "timeoutMS": 1\n}\n'))).toBe(
      "stryker.config.json: invalid JSON at line 3, column 3: Expected ',' or '}' after property value",
    );
  });

  it('points at a trailing comma', async () => {
    expect(await userError(withConfig('{ "concurrency": 2, }'))).toBe(
      'stryker.config.json: invalid JSON at line 1, column 21: Expected double-quoted property name',
    );
  });

  it('gives the reason alone when JSON.parse reports no position', async () => {
    expect(await userError(withConfig('{ "concurrency": }'))).toBe(
      "stryker.config.json: invalid JSON: Unexpected token '}'",
    );
    expect(await userError(withConfig(''))).toBe(
      'stryker.config.json: invalid JSON: Unexpected end of JSON input',
    );
  });

  it('requires a JSON object', async () => {
    expect(await userError(withConfig('["src/a.ts"]'))).toBe(
      'stryker.config.json: must contain a JSON object, got ["src/a.ts"]',
    );
  });

  it('requires a default export from a JavaScript config', async () => {
    expect(await userError(load({ 'stryker.config.mjs': 'export const concurrency = 2;\n' }))).toBe(
      'stryker.config.mjs: must export an object as default, got undefined',
    );
    expect(await userError(load({ 'stryker.config.mjs': 'export default () => ({});\n' }))).toBe(
      'stryker.config.mjs: must export an object as default, got a function',
    );
  });

  it('reports a JavaScript config that fails to load', async () => {
    expect(await userError(load({ 'stryker.config.mjs': 'throw new Error("boom");\n' }))).toBe(
      'stryker.config.mjs: could not be loaded: boom',
    );
  });

  // (A syntax error is checked end to end, in test/e2e/cli.test.ts: under vitest, import() goes through vite.)
  it('names the kind of error a JavaScript config fails with, unless it is a plain Error', async () => {
    expect(await userError(load({ 'stryker.config.mjs': 'export default { concurrency: two };\n' }))).toBe(
      'stryker.config.mjs: could not be loaded: ReferenceError: two is not defined',
    );
  });
});

describe('loadOptions: invalid values', () => {
  const f = (key: string, message: string) => `stryker.config.json: "${key}" ${message}`;
  it.each<[object, string]>([
    [{ mutate: 'src/a.ts' }, f('mutate', 'must be an array of strings, got "src/a.ts"')],
    [{ mutate: ['src/a.ts', 3] }, f('mutate[1]', 'must be a string, got 3')],
    [{ mutate: ['src/*.ts:1-2'] }, f('mutate[0]', 'cannot combine a glob with a line range, got "src/*.ts:1-2"')],
    [{ mutate: ['src/a.ts:0-2'] }, f('mutate[0]', 'has a line range that starts before line 1, got "src/a.ts:0-2"')],
    [{ mutate: ['src/a.ts:3-2'] }, f('mutate[0]', 'has a line range that ends before it starts, got "src/a.ts:3-2"')],
    [{ ignorePatterns: [true] }, f('ignorePatterns[0]', 'must be a string, got true')],
    [{ ignorePatterns: {} }, f('ignorePatterns', 'must be an array of strings, got {}')],
    [{ testRunner: 'jest' }, f('testRunner', 'must be "vitest" (assay only runs vitest suites), got "jest"')],
    [{ vitest: 'vitest.config.ts' }, f('vitest', 'must be an object, got "vitest.config.ts"')],
    [{ vitest: { configFile: 3 } }, f('vitest.configFile', 'must be a non-empty string, got 3')],
    [{ vitest: { dir: '' } }, f('vitest.dir', 'must be a non-empty string, got ""')],
    [{ coverageAnalysis: 'pertest' }, f('coverageAnalysis', 'must be one of "perTest", "all", "off", got "pertest"')],
    [{ concurrency: 'two' }, f('concurrency', 'must be a positive integer, got "two"')],
    [{ concurrency: 0 }, f('concurrency', 'must be a positive integer, got 0')],
    [{ concurrency: 1.5 }, f('concurrency', 'must be a positive integer, got 1.5')],
    [{ timeoutMS: -1 }, f('timeoutMS', 'must be a number of 0 or more, got -1')],
    [{ timeoutFactor: '2' }, f('timeoutFactor', 'must be a number of 0 or more, got "2"')],
    [{ thresholds: 80 }, f('thresholds', 'must be an object, got 80')],
    [{ thresholds: { high: 101 } }, f('thresholds.high', 'must be a number from 0 to 100, got 101')],
    [{ thresholds: { low: -1 } }, f('thresholds.low', 'must be a number from 0 to 100, got -1')],
    [{ thresholds: { break: '50' } }, f('thresholds.break', 'must be null or a number from 0 to 100, got "50"')],
    [{ thresholds: { break: 100.5 } }, f('thresholds.break', 'must be null or a number from 0 to 100, got 100.5')],
    [{ thresholds: { high: 50 } }, f('thresholds.high', 'must be greater than or equal to "thresholds.low" (60), got 50')],
    [{ thresholds: { high: 70, low: 75 } }, f('thresholds.high', 'must be greater than or equal to "thresholds.low" (75), got 70')],
    [{ mutator: null }, f('mutator', 'must be an object, got null')],
    [{ mutator: { excludedMutations: 'Regex' } }, f('mutator.excludedMutations', 'must be an array of mutator names, got "Regex"')],
    [{ mutator: { excludedMutations: ['Regex', 'Foo'] } }, f('mutator.excludedMutations[1]', `must be one of ${ALL_MUTATORS}, got "Foo"`)],
    [{ reporters: 'json' }, f('reporters', 'must be an array of reporter names, got "json"')],
    [{ reporters: ['json', 'dashboard'] }, f('reporters[1]', `must be one of ${ALL_REPORTERS}, got "dashboard"`)],
    [{ jsonReporter: { fileName: '' } }, f('jsonReporter.fileName', 'must be a non-empty string, got ""')],
    [{ disableBail: 'yes' }, f('disableBail', 'must be true or false, got "yes"')],
    [{ ignoreStatic: 1 }, f('ignoreStatic', 'must be true or false, got 1')],
    [{ assay: [] }, f('assay', 'must be an object, got []')],
    [{ assay: { memoryLimitMb: 0 } }, f('assay.memoryLimitMb', 'must be a positive integer, got 0')],
    [{ assay: { historyFile: '' } }, f('assay.historyFile', 'must be a non-empty string, got ""')],
    [{ assay: { incremental: 'yes' } }, f('assay.incremental', 'must be true or false, got "yes"')],
    [{ assay: { incrementalFile: '' } }, f('assay.incrementalFile', 'must be a non-empty string, got ""')],
  ])('rejects %j', async (config, message) => {
    expect(await userError(withConfig(config))).toBe(message);
  });

  it('shortens long values', async () => {
    expect(await userError(withConfig({ reporters: 'a'.repeat(100) }))).toBe(
      f('reporters', `must be an array of reporter names, got "${'a'.repeat(56)}...`),
    );
  });

  it('lists every problem, one per line', async () => {
    const config = { concurrency: 0, reporters: ['x'], thresholds: { high: 50 }, timeoutMS: -1 };
    expect(await userError(withConfig(config))).toBe(
      [
        f('concurrency', 'must be a positive integer, got 0'),
        f('timeoutMS', 'must be a number of 0 or more, got -1'),
        f('thresholds.high', 'must be greater than or equal to "thresholds.low" (60), got 50'),
        f('reporters[0]', `must be one of ${ALL_REPORTERS}, got "x"`),
      ].join('\n'),
    );
  });

  it('checks thresholds order only once both values are valid', async () => {
    expect(await userError(withConfig({ thresholds: { high: 50, low: 101 } }))).toBe(
      f('thresholds.low', 'must be a number from 0 to 100, got 101'),
    );
  });
});

describe('loadOptions: warnings', () => {
  it('warns once per StrykerJS option assay does not use, and per unknown key', async () => {
    const { options, warnings } = await load({ 'v.ts': '', 'stryker.config.json': {
      $schema: 'x',
      _comment: 'silent',
      packageManager: 'npm',
      plugins: ['@stryker-mutator/vitest-runner'],
      checkers: ['typescript'],
      tsconfigFile: 'tsconfig.build.json',
      tempDirName: '.tmp',
      logLevel: 'debug',
      dashboard: { project: 'x' },
      htmlReporter: { fileName: 'r.html' },
      incremental: true,
      buildCommand: 'tsc',
      inPlace: false,
      typescriptChecker: { prioritizePerformanceOverAccuracy: false },
      mutator: { plugins: [], excludedMutations: ['Regex'] },
      vitest: { related: false, configFile: 'v.ts' },
      concurency: 2,
      thresholds: { _note: 'silent', hihg: 90 },
      assay: { future: true },
    } });
    expect(warnings).toEqual([
      "StrykerJS option 'packageManager' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'plugins' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'tempDirName' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'logLevel' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'dashboard' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'htmlReporter' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'incremental' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'buildCommand' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'inPlace' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'mutator.plugins' in stryker.config.json is not used by assay, ignored",
      "StrykerJS option 'vitest.related' in stryker.config.json is not used by assay, ignored",
      "unknown option 'concurency' in stryker.config.json, ignored",
      "unknown option 'thresholds.hihg' in stryker.config.json, ignored",
      "unknown option 'assay.future' in stryker.config.json, ignored",
    ]);
    expect(options.mutator).toEqual({ excludedMutations: ['Regex'] });
    expect([options.checkers, options.tsconfigFile, options.typescriptChecker]).toEqual([
      ['typescript'],
      'tsconfig.build.json',
      { prioritizePerformanceOverAccuracy: false },
    ]);
    expect(options.vitest).toStrictEqual({ configFile: 'v.ts' });
    expect(options.thresholds).toEqual({ high: 80, low: 60, break: null });
  });

  it('does not mistake inherited property names for options', async () => {
    const { warnings } = await withConfig({ constructor: 1, toString: 2 });
    expect(warnings).toEqual([
      "unknown option 'constructor' in stryker.config.json, ignored",
      "unknown option 'toString' in stryker.config.json, ignored",
    ]);
  });
});

describe('loadOptions: the vitest config file', () => {
  it('must exist when the config file names it, relative to the project root', async () => {
    expect(await userError(withConfig({ vitest: { configFile: 'vitest.mutation.ts' } }))).toBe(
      'stryker.config.json: "vitest.configFile" must name an existing file, got "vitest.mutation.ts"',
    );
    const { options } = await load({ 'configs/vitest.ts': '', 'stryker.config.json': { vitest: { configFile: 'configs/vitest.ts' } } });
    expect(options.vitest).toStrictEqual({ configFile: 'configs/vitest.ts' });
  });

  it('must exist when --vitest-config-file names it', async () => {
    expect(await userError(load({}, { vitestConfigFile: 'vitest.nope.ts' }))).toBe(
      '--vitest-config-file must name an existing file, got "vitest.nope.ts"',
    );
  });

  it('must not be a directory', async () => {
    expect(await userError(load({ 'configs/vitest.ts': '' }, { vitestConfigFile: 'configs' }))).toBe(
      '--vitest-config-file must name an existing file, got "configs"',
    );
  });

  it('is only checked where it is used: --vitest-config-file replaces the config file\'s', async () => {
    const { options } = await load(
      { 'cli.vitest.ts': '', 'stryker.config.json': { vitest: { configFile: 'gone.ts' } } },
      { vitestConfigFile: 'cli.vitest.ts' },
    );
    expect(options.vitest).toStrictEqual({ configFile: 'cli.vitest.ts' });
  });
});

describe('loadOptions: command-line overrides', () => {
  const cli: Required<CliOverrides> = {
    mutate: ['lib/a.ts:1-5'],
    concurrency: 8,
    timeoutMS: 100,
    timeoutFactor: 3,
    reporters: ['dots'],
    checkers: ['typescript'],
    equivalenceFilter: false,
    disableBail: true,
    ignoreStatic: true,
    coverageAnalysis: 'off',
    thresholdBreak: 42,
    vitestConfigFile: 'cli.vitest.ts',
    isolation: 'full',
    memoryLimitMb: 512,
    since: 'origin/main',
    ratchet: true,
    baseline: 'ci/baseline.json',
    ratchetTolerance: 0.5,
    shard: '2/3',
    incremental: true,
    resume: true,
    force: true,
  };

  it('override the config file', async () => {
    const { cwd, options } = await load(
      { 'cli.vitest.ts': '', 'stryker.config.json': {
        mutate: ['src/x.ts'],
        concurrency: 2,
        timeoutMS: 1,
        timeoutFactor: 1,
        reporters: ['json'],
        disableBail: false,
        ignoreStatic: false,
        coverageAnalysis: 'all',
        thresholds: { high: 90, low: 10, break: 5 },
        vitest: { configFile: 'file.vitest.ts', dir: 'd' },
      } },
      cli,
    );
    expect(options).toStrictEqual({
      ...defaults(cwd),
      mutate: ['lib/a.ts:1-5'],
      concurrency: 8,
      timeoutMS: 100,
      timeoutFactor: 3,
      reporters: ['dots'],
      checkers: ['typescript'],
      equivalenceFilter: false,
      disableBail: true,
      ignoreStatic: true,
      isolation: 'full',
      memoryLimitMb: 512,
      since: 'origin/main',
      shard: { index: 2, count: 3 },
      incremental: { enabled: true, file: 'reports/assay-incremental.json', resume: true, force: true },
      ratchet: { enabled: true, baseline: 'ci/baseline.json', tolerance: 0.5 },
      coverageAnalysis: 'off',
      thresholds: { high: 90, low: 10, break: 42 },
      vitest: { configFile: 'cli.vitest.ts', dir: 'd' },
    });
  });

  it('override the defaults when there is no config file', async () => {
    const { options } = await load({ 'v.ts': '' }, { concurrency: 2, vitestConfigFile: 'v.ts' });
    expect(options.concurrency).toBe(2);
    expect(options.vitest).toStrictEqual({ configFile: 'v.ts' });
  });

  it('leave the file value alone when undefined', async () => {
    const { options } = await withConfig(
      { concurrency: 2, reporters: ['json'] },
      { concurrency: undefined, reporters: undefined },
    );
    expect(options.concurrency).toBe(2);
    expect(options.reporters).toEqual(['json']);
  });

  it.each<[CliOverrides, string]>([
    [{ mutate: ['src/*.ts:1-3'] }, '--mutate cannot combine a glob with a line range, got "src/*.ts:1-3"'],
    [{ concurrency: 0 }, '--concurrency must be a positive integer, got 0'],
    [{ checkers: ['flow'] }, '--checkers must be one of "typescript", got "flow"'],
    [{ timeoutMS: -5 }, '--timeout-ms must be a number of 0 or more, got -5'],
    [{ timeoutFactor: NaN }, '--timeout-factor must be a number of 0 or more, got NaN'],
    [{ reporters: ['json', 'nope'] }, `--reporters must be one of ${ALL_REPORTERS}, got "nope"`],
    [{ disableBail: 'yes' as unknown as boolean }, '--disable-bail must be true or false, got "yes"'],
    [{ ignoreStatic: 0 as unknown as boolean }, '--ignore-static must be true or false, got 0'],
    [{ coverageAnalysis: 'some' }, '--coverage-analysis must be one of "perTest", "all", "off", got "some"'],
    [{ thresholdBreak: 101 }, '--threshold-break must be a number from 0 to 100, got 101'],
    [{ vitestConfigFile: '' }, '--vitest-config-file must be a non-empty string, got ""'],
  ])('reject %j naming the flag', async (overrides, message) => {
    expect(await userError(load({}, overrides))).toBe(message);
  });
});
