/**
 * `--since <ref>`: the lines of the project added or modified since the merge-base of `ref` and
 * HEAD, asked of git (through execa) and read from its diff with parse-diff.
 *
 * The diff runs from the merge-base to the working tree, so commits on the branch, staged and
 * unstaged edits all count; untracked files that are not ignored count as wholly added. It runs
 * in the project root with `--relative`, so a project in a subdirectory of the repository sees
 * only its own files, named relative to the project root (a file moved in from outside the project
 * is new to it). Renames are followed (`--find-renames`): a renamed file is known by its new name,
 * with only the lines that changed. Deleted files have no lines left and are not listed.
 *
 * Which new-side lines a hunk marks (`--unified=0`, so every hunk is only changes):
 * - added or replaced lines: those lines;
 * - lines only deleted: the lines either side of the gap they left (the last line before it and
 *   the first after it, those that exist), so a deletion that changes behaviour, such as a
 *   removed guard or statement, gets the code around it tested.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import parseDiff from 'parse-diff';
import { UserError } from '../errors.js';
import type { ChangedSince, LineRange } from '../model.js';
import { mergeRanges } from './line-ranges.js';

/** Changed lines per file name (relative to the project root, forward slashes). */
export type ChangedLines = Record<string, LineRange[]>;

/**
 * What changed in the project at `projectRoot` since the merge-base of `ref` and HEAD. Throws a
 * UserError naming the fix when git is missing, the project is not in a repository, the ref is
 * unknown or there is no merge-base (a shallow clone, or unrelated histories).
 */
export async function changedSince(projectRoot: string, ref: string): Promise<ChangedSince> {
  await git(projectRoot, ['rev-parse', '--show-toplevel'], (failure) =>
    /not a git repository/i.test(failure) ? `--since needs a git repository, and ${projectRoot} is not in one` : undefined,
  );
  const commit = await git(projectRoot, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => unknownRef(projectRoot, ref));
  const base = await git(projectRoot, ['merge-base', commit, 'HEAD'], async (failure) =>
    failure === '' ? noMergeBase(projectRoot, ref) : undefined,
  );
  const diff = await git(projectRoot, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--relative',
    '--unified=0',
    '--find-renames',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    base,
    '--',
  ]);
  const untracked = await git(projectRoot, ['ls-files', '--others', '--exclude-standard', '-z']);
  const lineCount = (name: string) => countLines(path.join(projectRoot, name));
  const changed = await rangesFromDiff(diff, lineCount);
  for (const name of untracked.split('\0').filter((name) => name !== '')) {
    const lines = await lineCount(name);
    if (lines > 0) changed[name] = [{ start: 1, end: lines }];
  }
  return { ref, base, changed };
}

/**
 * The new-side lines each file of a `git diff --unified=0` output added or modified (see the
 * module comment for deletions). `lineCount` gives a file's current number of lines: a deletion
 * at the end of a file marks no line past it.
 */
export async function rangesFromDiff(
  diff: string,
  lineCount: (name: string) => number | Promise<number>,
): Promise<ChangedLines> {
  const changed: ChangedLines = {};
  for (const file of parseDiff(diff)) {
    if (file.deleted || file.to === undefined || file.to === '/dev/null') continue;
    const name = file.to;
    const ranges: LineRange[] = [];
    let lines: number | undefined;
    for (const chunk of file.chunks) {
      if (chunk.newLines > 0) {
        ranges.push({ start: chunk.newStart, end: chunk.newStart + chunk.newLines - 1 });
        continue;
      }
      // Only deletions: git names the line before the gap (0 at the top of the file).
      lines ??= await lineCount(name);
      const start = Math.max(1, chunk.newStart);
      const end = Math.min(lines, chunk.newStart + 1);
      if (start <= end) ranges.push({ start, end });
    }
    if (ranges.length > 0) changed[name] = mergeRanges(ranges);
  }
  return changed;
}

/** Lines in a file: a last line without a newline counts, a trailing newline adds none. */
async function countLines(file: string): Promise<number> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

async function unknownRef(projectRoot: string, ref: string): Promise<string> {
  const remotes = (await gitOr(projectRoot, ['remote'], '')).split('\n').filter((name) => name !== '');
  const remote = remotes.find((name) => ref.startsWith(`${name}/`));
  if (remote !== undefined) {
    return `--since: unknown git ref '${ref}': check the name, or fetch it first ('git fetch ${remote} ${ref.slice(remote.length + 1)}')`;
  }
  const origin = remotes.includes('origin') ? 'origin' : remotes[0];
  if (origin === undefined) return `--since: unknown git ref '${ref}': check the name (a branch, tag or commit of this repository)`;
  return `--since: unknown git ref '${ref}': check the name, or fetch it first ('git fetch ${origin} ${ref}', then --since ${origin}/${ref})`;
}

async function noMergeBase(projectRoot: string, ref: string): Promise<string> {
  const shallow = await gitOr(projectRoot, ['rev-parse', '--is-shallow-repository'], 'false');
  if (shallow === 'true') {
    return `--since: no merge-base of '${ref}' and HEAD: this clone is shallow; fetch the full history (in GitHub Actions: actions/checkout with fetch-depth: 0)`;
  }
  return `--since: '${ref}' and HEAD have no commit in common (unrelated histories): give a ref that HEAD's branch started from`;
}

/**
 * Runs git in `cwd` and returns its stdout without the final newline. On failure, `explain` may
 * word the UserError (from git's stderr); otherwise git's own first line of complaint is shown.
 */
async function git(
  cwd: string,
  args: string[],
  explain: (stderr: string) => string | undefined | Promise<string | undefined> = () => undefined,
): Promise<string> {
  const result = await runGit(cwd, args);
  if (result.exitCode === 0) return result.stdout;
  const stderr = result.stderr.trim();
  const message = await explain(stderr);
  if (message !== undefined) throw new UserError(message);
  const complaint = stderr.split('\n')[0]?.replace(/^(fatal|error): /, '') || `exit code ${result.exitCode}`;
  throw new UserError(`--since: 'git ${args.join(' ')}' failed in ${cwd}: ${complaint}`);
}

/** git's stdout, or `fallback` when it fails: for questions that only improve a message. */
async function gitOr(cwd: string, args: string[], fallback: string): Promise<string> {
  const result = await runGit(cwd, args);
  return result.exitCode === 0 ? result.stdout : fallback;
}

async function runGit(cwd: string, args: string[]): Promise<{ exitCode?: number; stdout: string; stderr: string }> {
  // GIT_OPTIONAL_LOCKS=0: a diff must not refresh (write) the index of a repository in use.
  const result = await execa('git', args, { cwd, reject: false, stdin: 'ignore', env: { GIT_OPTIONAL_LOCKS: '0' }, maxBuffer: 1e9 });
  if (result.code === 'ENOENT') {
    throw new UserError("--since needs git, and there is no 'git' command on the PATH: install git");
  }
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}
