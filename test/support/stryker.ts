/**
 * Runs StrykerJS (with @stryker-mutator/vitest-runner) on a sandbox fixture, so assay's
 * verdicts can be compared with the reference implementation's.
 *
 * The fixture is copied to a fresh temp dir with this repository's node_modules symlinked in,
 * Stryker's CLI runs there as a child process, and its JSON report is read back. The temp dir
 * is always removed.
 *
 * Stryker 9.5.1's vitest runner loses all coverage on vitest >= 4.1 (stryker-js#5928): its setup
 * file stores coverage and hit counts with `afterAll(({ meta }) => …)`, but vitest 4.1 passes
 * fixtures, not the suite, as a hook's first argument, so the hook throws (unnoticed) and Stryker
 * falls back to running every test against every mutant: no NoCoverage, no static mutants, no hit
 * limit for infinite loops. Unless `patchCoverage: false`, the run therefore uses a wrapper vitest
 * config that adds a setup file storing the same values through the hook's second argument.
 *
 * For a project that is not a fixture (bench/projects.ts), optional settings give the copy step,
 * the `mutate` globs, the vitest config file and the fields of the project's own StrykerJS config
 * (this module's settings win, `vitest` is merged), and report each output line as it arrives.
 * The wrapper config sits next to the vitest config it wraps, or stands alone when there is none.
 */
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { sampleTreeRss } from './peak-rss.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const strykerBin = path.join(repoRoot, 'node_modules/@stryker-mutator/core/bin/stryker.js');

export interface StrykerRun {
  /** Stryker's mutation-testing-report-schema JSON report. */
  report: any;
  wallMs: number;
  /** Peak resident set size in MB of StrykerJS's process tree, summed over its processes (peak-rss.ts); absent without /proc. */
  peakRssMb?: number;
}

/** One mutant of a Stryker report, positions 1-based as in the report. */
export interface StrykerMutant {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  mutatorName: string;
  replacement: string;
  status: string;
  /** Set when Stryker found the mutant only reached while modules load. */
  static?: boolean;
}

/** Setup file that stores Stryker's coverage / hit count in the test file's meta, vitest 4.1 style. */
const coverageSetup = `import { afterAll, inject } from 'vitest';

afterAll(({}, file) => {
  const ns = globalThis[inject('globalNamespace')];
  if (inject('mode') === 'mutant') file.meta.hitCount = ns.hitCount;
  else file.meta.mutantCoverage = ns.mutantCoverage;
});
`;

/** The config files vitest looks for in a project's root, in its order. */
const VITEST_CONFIGS = ['vitest', 'vite'].flatMap((stem) => ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${stem}.config.${ext}`));

/**
 * Vitest config that adds the setup file above to the config file `configFile` (a file name in
 * the same directory); a config exported as a function (or promise) is called (awaited) first.
 */
const patchedVitestConfig = (configFile: string) => `import { mergeConfig } from 'vitest/config';
import base from './${configFile}';

const setup = { test: { setupFiles: ['./stryker-coverage-setup.js'] } };
export default typeof base === 'function' ? async (env) => mergeConfig(await base(env), setup) : mergeConfig(await base, setup);
`;

/** Vitest config with only the setup file above, for a project that has no vitest config. */
const standaloneVitestConfig = `import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { setupFiles: ['./stryker-coverage-setup.js'] } });
`;

/** runStryker's settings; every one is optional and the defaults are what the fixtures need. */
export interface StrykerOptions {
  /** Default 2. */
  concurrency?: number;
  /** Add the vitest 4.1 coverage fix (see above); default true. */
  patchCoverage?: boolean;
  /** `mutate` globs; default every src/ file with a JS or TS extension but `.d.ts`. */
  mutate?: string[];
  /**
   * `vitest.related`: StrykerJS's default (true) runs only the test files vite's module graph links
   * to a mutated file; default false here (see the config below).
   */
  related?: boolean;
  /**
   * Fields of the project's own StrykerJS config to run with. The settings this module makes
   * (runner, perTest, json reporter, concurrency, mutate, plugins, temp dir) override them; its
   * `vitest` object is merged with theirs; `jsonReporter.fileName` says where the report is read.
   */
  config?: Record<string, any>;
  /**
   * The vitest config file, relative to the project; default `config.vitest.configFile`, else the
   * first of vitest's own names in the project's root, else none (a standalone wrapper when patched).
   */
  vitestConfigFile?: string;
  /**
   * Fills the (existing, empty) temp dir `to` with the project `from`; default: a copy without
   * node_modules, reports and .stryker-tmp anywhere, with this repository's node_modules linked in.
   */
  copy?: (from: string, to: string) => Promise<void>;
  /** Called with each line of Stryker's output (stdout and stderr) as it arrives, and ms since its start. */
  onLine?: (line: string, ms: number) => void;
}

/** The default `copy`: the fixture without node_modules, reports and .stryker-tmp, this repository's node_modules linked in. */
async function copyFixture(fixtureDir: string, dir: string): Promise<void> {
  await cp(fixtureDir, dir, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|reports|\.stryker-tmp)$/.test(src),
  });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/** Runs Stryker on a copy of `fixtureDir` and returns its JSON report. */
export async function runStryker(fixtureDir: string, opts: StrykerOptions = {}): Promise<StrykerRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-stryker-'));
  try {
    await (opts.copy ?? copyFixture)(fixtureDir, dir);
    const own = opts.config ?? {};
    const baseConfigFile: string | undefined =
      opts.vitestConfigFile ?? own.vitest?.configFile ?? VITEST_CONFIGS.find((name) => existsSync(path.join(dir, name)));
    // The wrapper goes next to the config it wraps, so that vitest's root (the config's directory) stays the same.
    const wrapperDir = baseConfigFile === undefined ? '.' : path.dirname(baseConfigFile);
    const wrapperFile = path.posix.join(wrapperDir.split(path.sep).join('/'), 'vitest.stryker.config.mts');
    // Unpatched, a config file is named only when the caller names one; else vitest finds its own.
    const unpatchedConfigFile = opts.vitestConfigFile === undefined ? {} : { configFile: opts.vitestConfigFile };
    const config = {
      ...own,
      testRunner: 'vitest',
      coverageAnalysis: 'perTest',
      reporters: ['json'],
      concurrency: opts.concurrency ?? 2,
      mutate: opts.mutate ?? ['src/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}', '!src/**/*.d.ts'],
      plugins: ['@stryker-mutator/vitest-runner', ...((own.checkers as string[] | undefined)?.includes('typescript') === true ? ['@stryker-mutator/typescript-checker'] : [])],
      // Relative to the working directory, i.e. inside the temp dir.
      tempDirName: '.stryker-tmp',
      // `related: false`: by default Stryker runs only test files vite's module graph links to the
      // mutated file, and a file loaded by Node's `require` is not in that graph: zero tests ran,
      // scored Survived (sandbox-fixtures/commonjs). Its tests are chosen from perTest coverage anyway.
      vitest: {
        ...own.vitest,
        related: opts.related ?? false,
        ...(opts.patchCoverage === false ? unpatchedConfigFile : { configFile: wrapperFile }),
      },
    };
    if (opts.patchCoverage !== false) {
      await writeFile(path.join(dir, wrapperDir, 'stryker-coverage-setup.js'), coverageSetup);
      const wrapper = baseConfigFile === undefined ? standaloneVitestConfig : patchedVitestConfig(path.basename(baseConfigFile));
      await writeFile(path.join(dir, wrapperFile), wrapper);
    }
    await writeFile(path.join(dir, 'stryker.config.json'), JSON.stringify(config, null, 2));

    // The config file named, lest a project's own stryker.conf.json or .js (which StrykerJS looks for first) win.
    const args = [strykerBin, 'run', 'stryker.config.json'];
    const started = performance.now();
    const onLine = opts.onLine;
    const tell = onLine && function* (line: unknown) {
      onLine(String(line), performance.now() - started);
      yield line;
    };
    const subprocess = execa(process.execPath, args, { cwd: dir, all: true, reject: false, ...(tell ? { stdout: tell, stderr: tell } : {}) });
    const memory = sampleTreeRss(subprocess.pid);
    const result = await subprocess;
    const wallMs = Math.round(performance.now() - started);
    const peakRssMb = memory.stop();
    if (result.exitCode !== 0) {
      const tail = (result.all ?? '').split('\n').slice(-40).join('\n');
      throw new Error(`Stryker failed on ${fixtureDir} (exit code ${result.exitCode}):\n${tail}`);
    }

    const reportFile = own.jsonReporter?.fileName ?? 'reports/mutation/mutation.json';
    const report = JSON.parse(await readFile(path.join(dir, reportFile), 'utf8'));
    return { report, wallMs, ...(peakRssMb === undefined ? {} : { peakRssMb }) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Flattens a Stryker report to one row per mutant, sorted by file, position, mutator, replacement. */
export function strykerMutants(report: any): StrykerMutant[] {
  const rows: StrykerMutant[] = [];
  for (const [file, result] of Object.entries<any>(report.files)) {
    for (const m of result.mutants) {
      rows.push({
        file,
        line: m.location.start.line,
        column: m.location.start.column,
        endLine: m.location.end.line,
        endColumn: m.location.end.column,
        mutatorName: m.mutatorName,
        replacement: m.replacement,
        status: m.status,
        ...(m.static ? { static: true } : {}),
      });
    }
  }
  const key = (m: StrykerMutant) => [m.file, m.line, m.column, m.endLine, m.endColumn];
  return rows.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    }
    return a.mutatorName.localeCompare(b.mutatorName) || a.replacement.localeCompare(b.replacement);
  });
}
