/**
 * The checker's compiler on TypeScript 7, the native compiler (`typescript` ≥ 7 or
 * `@typescript/native-preview`), through its synchronous API (`<package>/unstable/sync`): one
 * compiler process whose snapshot is updated per check with the changed files, which it reads
 * through this module's file system hook; it keeps every unchanged file as it was.
 *
 * Each tsconfig (the root one and every project it references) is opened through a wrapper that
 * extends it with the options StrykerJS's checker forces (allowUnreachableCode, noUnusedLocals,
 * noUnusedParameters off), served from memory. The native API emits no declarations: what
 * importers of a file see is told by its exports' types instead, and which files import which
 * comes from the import graph (import-graph.ts).
 */
import path from 'node:path';
import type { API, Project, Snapshot } from '@typescript/native-preview/unstable/sync';
import { ts } from 'ts-morph';
import { STRYKER_FORCED_OPTIONS, type Compiler, type FileChanges, type TypeError } from './compiler.js';
import { importersOf } from './import-graph.js';
import { projectConfigs } from './project-configs.js';

/** The API module of a native TypeScript package. */
export type NativeApi = { API: typeof API };

const ERROR = 1;
/** The checker's TypeFormatFlags.NoTruncation. */
const NO_TRUNCATION = 1;

export function nativeCompiler(api: NativeApi, version: string, tsconfig: string, relative: (file: string) => string): Compiler {
  const configs = projectConfigs(ts as unknown as Parameters<typeof projectConfigs>[0], tsconfig, relative);
  const wrappers = new Map(configs.map((config, index) => [path.join(path.dirname(config.file), `tsconfig.assay-check-${index}.json`).split(path.sep).join('/'), config]));
  const wrapperText = (file: string) =>
    JSON.stringify({ extends: `./${path.basename(wrappers.get(file)!.file)}`, compilerOptions: STRYKER_FORCED_OPTIONS });
  let shown: FileChanges = new Map();
  const client = new api.API({
    cwd: path.dirname(tsconfig),
    fs: {
      readFile: (file) => (wrappers.has(file) ? wrapperText(file) : shown.get(file)),
      fileExists: (file) => (wrappers.has(file) ? true : undefined),
    },
  });
  let snapshot: Snapshot = client.updateSnapshot({ openProjects: [...wrappers.keys()] });
  const projects = () => snapshot.getProjects().filter((project) => wrappers.has(project.configFileName));
  const rootFiles = projects().map((project) => new Set(project.rootFiles));
  const owner = (file: string): Project | undefined => projects().find((_, index) => rootFiles[index].has(file));
  const files = new Set(rootFiles.flatMap((set) => [...set]));
  let importers: Map<string, string[]> | undefined;
  // What the unmutated files declare is asked for again and again: each answer is kept.
  const unmutated = new Map<string, string | undefined | string[]>();
  const kept = <T extends string | undefined | string[]>(changes: FileChanges, key: string, answer: () => T): T => {
    if (changes.size > 0) return answer();
    if (!unmutated.has(key)) unmutated.set(key, answer());
    return unmutated.get(key) as T;
  };

  /** Brings the snapshot to `changes` (the files changed since the last one told). */
  const show = (changes: FileChanges) => {
    if (changes === shown) return;
    const changed = [...new Set([...shown.keys(), ...changes.keys()])].filter((file) => shown.get(file) !== changes.get(file));
    shown = changes;
    if (changed.length === 0) return;
    snapshot.dispose();
    snapshot = client.updateSnapshot({ fileChanges: { changed } });
  };
  const convert = (diagnostics: ReadonlyArray<{ fileName?: string; pos: number; code: number; category: number; text: string }>): TypeError[] =>
    diagnostics
      .filter((diagnostic) => diagnostic.category === ERROR)
      .map((diagnostic) => ({ ...(diagnostic.fileName !== undefined && { file: diagnostic.fileName, start: diagnostic.pos }), code: diagnostic.code, message: diagnostic.text.split('\n')[0] }));

  return {
    name: `typescript ${version} (native)`,
    has: (file) => files.has(file),
    dependents: (file) => (importers ??= importersOf(configs, files)).get(file) ?? [],
    globalErrors() {
      show(new Map());
      return projects().flatMap(({ program }) => convert([...program.getConfigFileParsingDiagnostics(), ...program.getGlobalDiagnostics()]));
    },
    errors(changes, checked) {
      show(changes);
      return checked.flatMap((file) => {
        const program = owner(file)?.program;
        return program === undefined ? [] : convert([...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]);
      });
    },
    declarations: (changes, file) => kept(changes, `declarations ${file}`, () => {
      show(changes);
      const project = owner(file);
      const sourceFile = project?.program.getSourceFile(file);
      const module = sourceFile && project!.checker.getSymbolAtLocation(sourceFile);
      if (module === undefined) return undefined;
      const { checker } = project!;
      return checker
        .getExportsOfModule(module)
        .map((symbol) => {
          const type = checker.getTypeOfSymbol(symbol);
          return `${symbol.name}: ${type === undefined ? '?' : checker.typeToString(type, undefined, NO_TRUNCATION)}`;
        })
        .join('\n');
    }),
    declaredTypes: (changes, file, names) => kept(changes, `types ${file} ${names.join(',')}`, () => {
      show(changes);
      const project = owner(file);
      if (project === undefined) return [];
      const { checker } = project;
      return names.map((offset) => {
        const symbol = checker.getSymbolAtPosition(file, offset);
        const type = symbol && checker.getTypeOfSymbol(symbol);
        return type === undefined ? '' : checker.typeToString(type, undefined, NO_TRUNCATION);
      });
    }),
    close: () => {
      snapshot.dispose();
      client.close();
    },
  };
}
