/**
 * The vite plugin through which assay serves instrumented code to vitest. The user's files are
 * never written: `load` answers with the in-memory schemata version of each mutated file, and
 * vite's own pipeline then transpiles it as it would the original.
 */
import { dirname } from 'node:path';
import type { Plugin } from 'vite';
import { listedFileOf, withoutQuery } from '../listed-file.js';

export interface PluginInput {
  /** Absolute file path → instrumented source (known by the time vitest loads a file). */
  instrumented: Promise<ReadonlyMap<string, string>>;
  /** Absolute paths of assay's files that vitest loads (setup file, batch runner). */
  ownFiles: ReadonlySet<string>;
  /** Specifier (`vitest`, and `vitest/runners` on vitest 4) → the user's entry, so assay's files use the user's vitest. */
  vitestEntries: Readonly<Record<string, string>>;
}

export function assayPlugin({ instrumented, ownFiles, vitestEntries }: PluginInput): Plugin {
  // A mutated file reached through a symlink (a workspace package's link) is served instrumented too.
  const listedFile = instrumented.then((files) => listedFileOf(files.keys()));
  return {
    name: 'assay:schemata',
    enforce: 'pre',
    // Test environments such as jsdom load files through vite's /@fs/ URLs, which vite serves only
    // from allowed folders; assay may live outside the project (npx, a global install, a link).
    config: () => ({ server: { fs: { allow: [...new Set([...ownFiles].map((file) => dirname(file)))] } } }),
    resolveId(source, importer) {
      if (importer === undefined || !ownFiles.has(withoutQuery(importer))) return null;
      return vitestEntries[source] ?? null;
    },
    async load(id) {
      const file = (await listedFile)(id);
      return file === undefined ? null : ((await instrumented).get(file) ?? null);
    },
  };
}
