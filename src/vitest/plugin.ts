/**
 * The vite plugin through which assay serves instrumented code to vitest. The user's files are
 * never written: `load` answers with the in-memory schemata version of each mutated file, and
 * vite's own pipeline then transpiles it as it would the original.
 */
import type { Plugin } from 'vite';

export interface PluginInput {
  /** Absolute file path → instrumented source. */
  instrumented: ReadonlyMap<string, string>;
  /** Absolute path of assay's setup file. */
  setupFile: string;
  /** Absolute path of the user's `vitest` entry, so the setup file uses the user's vitest. */
  vitestEntry: string;
}

export function assayPlugin({ instrumented, setupFile, vitestEntry }: PluginInput): Plugin {
  return {
    name: 'assay:schemata',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'vitest' && importer !== undefined && stripQuery(importer) === setupFile) return vitestEntry;
      return null;
    },
    load(id) {
      return instrumented.get(stripQuery(id)) ?? null;
    },
  };
}

function stripQuery(id: string): string {
  const cut = id.search(/[?#]/);
  return cut === -1 ? id : id.slice(0, cut);
}
