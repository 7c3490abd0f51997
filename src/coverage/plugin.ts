/**
 * The vite plugin of the coverage pass: istanbul counters on the code vite produced from each
 * selected source file, instrumented exactly as vitest's own istanbul provider does (same
 * instrumenter options, on the transformed code, with the combined source map), so line and
 * branch figures agree with `vitest --coverage.provider=istanbul`.
 */
import type { Plugin } from 'vite';
import { createInstrumenter } from 'istanbul-lib-instrument';
import istanbulSchema from '@istanbuljs/schema';
import { COVERAGE_VARIABLE } from '../vitest/settings.js';
import { listedFileOf } from '../listed-file.js';

export interface CoveragePlugin {
  plugin: Plugin;
  /** The zero-count coverage data of every file instrumented so far, by path. */
  emptyCoverage: Map<string, object>;
  /** The code with counters of every file instrumented so far, by path (what Node's `require` is served). */
  instrumentedCode: Map<string, string>;
}

export function coveragePlugin(files: ReadonlySet<string>): CoveragePlugin {
  const instrumenter = createInstrumenter({
    produceSourceMap: true,
    autoWrap: false,
    esModules: true,
    compact: false,
    coverageVariable: COVERAGE_VARIABLE,
    coverageGlobalScope: 'globalThis',
    coverageGlobalScopeFunc: false,
    parserPlugins: [...istanbulSchema.defaults.instrumenter.parserPlugins, ['importAttributes', { deprecatedAssertSyntax: true }]] as never,
    generatorOpts: { importAttributesKeyword: 'with' },
    ignoreLines: true,
  } as Parameters<typeof createInstrumenter>[0]);
  // A file reached through a symlink is counted under its selected path, with the others.
  const listedFile = listedFileOf(files);
  const emptyCoverage = new Map<string, object>();
  const instrumentedCode = new Map<string, string>();
  const plugin: Plugin = {
    name: 'assay:coverage',
    enforce: 'post',
    transform(code, id) {
      const path = listedFile(id);
      if (path === undefined) return null;
      const sourceMap = this.getCombinedSourcemap();
      sourceMap.sources = sourceMap.sources.map((source) => source.split('?')[0]);
      const instrumented = instrumenter.instrumentSync(code, path, sourceMap as never);
      emptyCoverage.set(path, instrumenter.lastFileCoverage());
      instrumentedCode.set(path, instrumented);
      return { code: instrumented, map: instrumenter.lastSourceMap() as never };
    },
  };
  return { plugin, emptyCoverage, instrumentedCode };
}
