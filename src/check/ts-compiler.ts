/**
 * The checker's compiler on the `typescript` package's JavaScript API (TypeScript up to 6): one
 * program per tsconfig (the root one and every project it references), parsed once. A check with
 * some files changed builds a new program from the unmutated one, which reuses every unchanged
 * source file as it is, parsed and bound: only the changed files are parsed again, and only the
 * files asked about are type-checked.
 *
 * The tsconfig is read as StrykerJS's checker reads it, with the same options forced so that code a
 * mutant leaves unreachable or unused is no error (`allowUnreachableCode`, `noUnusedLocals`,
 * `noUnusedParameters`), and with declaration output on (never written) so that a check can tell
 * whether a mutant changes what importers of its file see.
 */
import type * as TS from 'typescript';
import { STRYKER_FORCED_OPTIONS, type Compiler, type FileChanges, type TypeError } from './compiler.js';
import { projectConfigs, type ProjectConfig } from './project-configs.js';

type Ts = typeof TS;

/** Forced on every tsconfig: StrykerJS's, and declarations (only ever kept in memory). */
const FORCED_OPTIONS: TS.CompilerOptions = {
  ...STRYKER_FORCED_OPTIONS,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  declarationMap: false,
  sourceMap: false,
  inlineSourceMap: false,
  noEmitOnError: false,
};

export function tsCompiler(ts: Ts, tsconfig: string, relative: (file: string) => string): Compiler {
  const projects = projectConfigs(ts, tsconfig, relative, FORCED_OPTIONS).map((config) => new Project(ts, compiled(config)));
  const owners = (file: string) => projects.filter((project) => project.has(file));
  return {
    name: `typescript ${ts.version}`,
    has: (file) => owners(file).length > 0,
    dependents: (file) => [...new Set(owners(file).flatMap((project) => project.dependents(file)))],
    globalErrors: () => projects.flatMap((project) => project.globalErrors()),
    errors: (changes, files) =>
      projects.flatMap((project) => {
        const own = files.filter((file) => project.has(file));
        return own.length === 0 ? [] : project.errors(changes, own);
      }),
    declarations: (changes, file) => owners(file)[0]?.declarations(changes, file),
    declaredTypes: (changes, file, names) => owners(file)[0]?.declaredTypes(changes, file, names) ?? [],
    close: () => undefined,
  };
}

/** A tsconfig as this compiler compiles it: one file's declarations at a time, never a bundle of them all; no build info. */
function compiled(config: ProjectConfig): TS.ParsedCommandLine {
  const { outFile: _outFile, tsBuildInfoFile: _buildInfo, ...options } = config.options;
  return { ...config, options: { ...options, incremental: false } };
}

/** One tsconfig's program, and the programs made from it with some files changed. */
class Project {
  private readonly host: TS.CompilerHost;
  private readonly base: TS.Program;
  private readonly files: ReadonlySet<string>;
  private dependentsOf?: Map<string, string[]>;
  private changes: FileChanges = new Map();
  private changedFiles = new Map<string, TS.SourceFile>();
  private current?: { changes: FileChanges; program: TS.Program };
  private readonly baseDeclarations = new Map<string, string>();

  constructor(
    private readonly ts: Ts,
    private readonly config: TS.ParsedCommandLine,
  ) {
    this.host = ts.createCompilerHost(config.options, true);
    // Every program shares one resolution cache: a program built per check would otherwise look up each package.json again.
    const resolutions = ts.createModuleResolutionCache(this.host.getCurrentDirectory(), (name) => this.host.getCanonicalFileName(name), config.options);
    this.host.getModuleResolutionCache = () => resolutions;
    this.host.resolveModuleNameLiterals = (literals, containingFile, redirected, options, containingSourceFile) =>
      literals.map((literal) =>
        ts.resolveModuleName(literal.text, containingFile, options, this.host, resolutions, redirected, ts.getModeForUsageLocation(containingSourceFile, literal, options)),
      );
    const parsed = new Map<string, TS.SourceFile>();
    const readSourceFile = this.host.getSourceFile.bind(this.host);
    this.host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const changed = this.changes.get(fileName);
      if (changed !== undefined) {
        // Asked for twice while a program is built: parsed once.
        let sourceFile = this.changedFiles.get(fileName);
        if (sourceFile === undefined) this.changedFiles.set(fileName, (sourceFile = ts.createSourceFile(fileName, changed, languageVersion, true)));
        return sourceFile;
      }
      let sourceFile = parsed.get(fileName);
      if (sourceFile === undefined) {
        sourceFile = readSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (sourceFile !== undefined) {
          // The builder that finds importers (dependents()) wants versions; the files on disk do not change.
          (sourceFile as { version?: string }).version = 'disk';
          parsed.set(fileName, sourceFile);
        }
      }
      return sourceFile;
    };
    this.base = this.programWith(new Map());
    this.files = new Set(
      this.base
        .getSourceFiles()
        .filter((file) => !file.isDeclarationFile && !this.base.isSourceFileFromExternalLibrary(file))
        .map((file) => file.fileName),
    );
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  dependents(file: string): string[] {
    if (this.dependentsOf === undefined) {
      // Computed once, from the unmutated program: a mutant changes no import.
      this.dependentsOf = new Map();
      const builder = this.ts.createSemanticDiagnosticsBuilderProgram(this.base, {});
      for (const importer of this.files) {
        const sourceFile = this.base.getSourceFile(importer);
        if (sourceFile === undefined) continue;
        // A script (no import or export) declares globals: every file may see them.
        const dependencies = this.ts.isExternalModule(sourceFile) ? builder.getAllDependencies(sourceFile) : [];
        for (const dependency of dependencies) {
          if (dependency === importer || !this.files.has(dependency)) continue;
          const list = this.dependentsOf.get(dependency) ?? [];
          list.push(importer);
          this.dependentsOf.set(dependency, list);
        }
      }
    }
    const sourceFile = this.base.getSourceFile(file);
    if (sourceFile !== undefined && !this.ts.isExternalModule(sourceFile)) return [...this.files].filter((other) => other !== file);
    return this.dependentsOf.get(file) ?? [];
  }

  globalErrors(): TypeError[] {
    // Not the options' diagnostics: those would tell of the options this module forces.
    return this.convert(this.base.getGlobalDiagnostics());
  }

  errors(changes: FileChanges, files: readonly string[]): TypeError[] {
    const program = changes.size === 0 ? this.base : this.programFor(changes);
    return files.flatMap((file) => {
      const sourceFile = program.getSourceFile(file);
      return sourceFile === undefined ? [] : this.errorsIn(program, sourceFile);
    });
  }

  declarations(changes: FileChanges, file: string): string | undefined {
    if (changes.size === 0 || !changes.has(file)) {
      let text = this.baseDeclarations.get(file);
      if (text === undefined) {
        text = this.emitDeclarations(this.base, file);
        this.baseDeclarations.set(file, text);
      }
      return text;
    }
    return this.emitDeclarations(this.programFor(changes), file);
  }

  declaredTypes(changes: FileChanges, file: string, names: readonly number[]): string[] {
    const program = changes.size === 0 ? this.base : this.programFor(changes);
    const sourceFile = program.getSourceFile(file);
    if (sourceFile === undefined) return [];
    const checker = program.getTypeChecker();
    return names.map((offset) => {
      const name = nameAt(sourceFile, offset);
      const symbol = name && checker.getSymbolAtLocation(name);
      return symbol === undefined ? '' : checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, name!), undefined, this.ts.TypeFormatFlags.NoTruncation);
    });
  }

  private emitDeclarations(program: TS.Program, file: string): string {
    const sourceFile = program.getSourceFile(file);
    let text = '';
    if (sourceFile !== undefined) program.emit(sourceFile, (_name, output) => (text += output), undefined, true);
    return text;
  }

  private errorsIn(program: TS.Program, sourceFile: TS.SourceFile): TypeError[] {
    return this.convert([...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]);
  }

  private convert(diagnostics: readonly TS.Diagnostic[]): TypeError[] {
    return diagnostics
      .filter((diagnostic) => diagnostic.category === this.ts.DiagnosticCategory.Error)
      .map((diagnostic) => {
        const message = this.ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0];
        return { ...(diagnostic.file && { file: diagnostic.file.fileName }), ...(diagnostic.start !== undefined && { start: diagnostic.start }), code: diagnostic.code, message };
      });
  }

  /** The program with `changes`, kept while the same changes are asked about (errors, then declarations). */
  private programFor(changes: FileChanges): TS.Program {
    if (this.current?.changes !== changes) this.current = { changes, program: this.programWith(changes) };
    return this.current.program;
  }

  private programWith(changes: FileChanges): TS.Program {
    this.changes = changes;
    try {
      return this.ts.createProgram({
        rootNames: this.config.fileNames,
        options: this.config.options,
        projectReferences: this.config.projectReferences,
        host: this.host,
        ...(this.base !== undefined && { oldProgram: this.base }),
      });
    } finally {
      this.changes = new Map();
      this.changedFiles = new Map();
    }
  }
}

/** The name (an identifier, mostly) that starts at `offset`, if one does. */
function nameAt(sourceFile: TS.SourceFile, offset: number): TS.Node | undefined {
  let node: TS.Node = sourceFile;
  for (;;) {
    const child = node.getChildren(sourceFile).find((candidate) => candidate.getStart(sourceFile) <= offset && offset < candidate.end);
    if (child === undefined) return undefined;
    if (child.getStart(sourceFile) === offset && child.getChildCount(sourceFile) === 0) return child;
    node = child;
  }
}
