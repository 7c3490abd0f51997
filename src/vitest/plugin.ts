/**
 * The vite plugin through which assay serves instrumented code to vitest. The user's files are
 * never written: `load` answers with the in-memory schemata version of each mutated file, and
 * vite's own pipeline then transpiles it as it would the original.
 */
import { dirname } from 'node:path';
import type { Plugin } from 'vite';

export interface PluginInput {
  /** Absolute file path → instrumented source. */
  instrumented: ReadonlyMap<string, string>;
  /** Absolute paths of assay's files that vitest loads (setup file, batch runner). */
  ownFiles: ReadonlySet<string>;
  /** Specifier (`vitest`, `vitest/runners`) → the user's entry, so assay's files use the user's vitest. */
  vitestEntries: Readonly<Record<string, string>>;
}

export function assayPlugin({ instrumented, ownFiles, vitestEntries }: PluginInput): Plugin {
  return {
    name: 'assay:schemata',
    enforce: 'pre',
    // Test environments such as jsdom load files through vite's /@fs/ URLs, which vite serves only
    // from allowed folders; assay may live outside the project (npx, a global install, a link).
    config: () => ({ server: { fs: { allow: [...new Set([...ownFiles].map((file) => dirname(file)))] } } }),
    resolveId(source, importer) {
      if (importer === undefined || !ownFiles.has(stripQuery(importer))) return null;
      return vitestEntries[source] ?? null;
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
