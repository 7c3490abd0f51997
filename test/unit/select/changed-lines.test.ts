/**
 * `--since`: from git's diff to changed line ranges. `rangesFromDiff` on diff text, then
 * `changedSince` on real repositories (commits, branches, renames, deletions, untracked and
 * uncommitted edits, a project in a subdirectory) and on each way git can refuse.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { changedSince, rangesFromDiff } from '../../../src/select/changed-lines.js';
import { GitRepo } from '../../support/git-repo.js';
import { userError } from '../../support/user-error.js';

const r = (start: number, end = start) => ({ start, end });
/** `n` lines of text; `tag` keeps files apart, so git does not take one for a rename of another. */
const lines = (n: number, tag = '') => Array.from({ length: n }, (_, i) => `${tag}line ${i + 1}`).join('\n') + '\n';

describe('rangesFromDiff', () => {
  const count = (counts: Record<string, number>) => (name: string) => counts[name] ?? 0;

  it('marks added and replaced lines on the new side', async () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1111111..2222222 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3 +3 @@ function a() {',
      '-  return 1;',
      '+  return 2;',
      '@@ -10,0 +11,2 @@',
      '+x',
      '+y',
      '@@ -20,2 +22,3 @@',
      '-p',
      '-q',
      '+p',
      '+q',
      '+r',
      '',
    ].join('\n');
    expect(await rangesFromDiff(diff, count({ 'src/a.ts': 40 }))).toEqual({ 'src/a.ts': [r(3), r(11, 12), r(22, 24)] });
  });

  it('marks the lines either side of a deletion, within the file', async () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1111111..2222222 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -1 +0,0 @@',
      '-first',
      '@@ -5,2 +3,0 @@',
      '-gone',
      '-gone too',
      '@@ -9 +6,0 @@',
      '-last',
      '',
    ].join('\n');
    // Line 1 deleted: the new first line. Lines 5-6 deleted: lines 3 and 4 around the gap.
    // The last line (9) deleted: only line 6, now the last.
    expect(await rangesFromDiff(diff, count({ 'src/a.ts': 6 }))).toEqual({ 'src/a.ts': [r(1), r(3, 4), r(6)] });
  });

  it('names a renamed file by its new name, with only its changed lines; a pure rename has none', async () => {
    const diff = [
      'diff --git a/src/old.ts b/src/new.ts',
      'similarity index 90%',
      'rename from src/old.ts',
      'rename to src/new.ts',
      'index 1111111..2222222 100644',
      '--- a/src/old.ts',
      '+++ b/src/new.ts',
      '@@ -5 +5 @@',
      '-e',
      '+E',
      'diff --git a/src/same.ts b/src/moved.ts',
      'similarity index 100%',
      'rename from src/same.ts',
      'rename to src/moved.ts',
      '',
    ].join('\n');
    expect(await rangesFromDiff(diff, count({}))).toEqual({ 'src/new.ts': [r(5)] });
  });

  it('leaves out deleted and binary files, and reads names with spaces and non-ASCII letters', async () => {
    const diff = [
      'diff --git a/src/gone.ts b/src/gone.ts',
      'deleted file mode 100644',
      'index 587be6b..0000000',
      '--- a/src/gone.ts',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-x',
      '-y',
      'diff --git a/src/logo.png b/src/logo.png',
      'new file mode 100644',
      'index 0000000..bdc955b',
      'Binary files /dev/null and b/src/logo.png differ',
      'diff --git a/src/sp ace.ts b/src/sp ace.ts',
      'index bca70f3..73c52c3 100644',
      '--- a/src/sp ace.ts\t',
      '+++ b/src/sp ace.ts\t',
      '@@ -1 +1 @@',
      '-q',
      '+Q',
      'diff --git a/src/grüße.ts b/src/grüße.ts',
      'new file mode 100644',
      'index 0000000..be761e0',
      '--- /dev/null',
      '+++ b/src/grüße.ts',
      '@@ -0,0 +1,3 @@',
      '+a',
      '+b',
      '+c',
      '',
    ].join('\n');
    expect(await rangesFromDiff(diff, count({}))).toEqual({ 'src/sp ace.ts': [r(1)], 'src/grüße.ts': [r(1, 3)] });
  });

  it('gives nothing for an empty diff', async () => {
    expect(await rangesFromDiff('', count({}))).toEqual({});
  });
});

describe('changedSince on real repositories', () => {
  const repos: GitRepo[] = [];
  const others: string[] = [];
  afterAll(async () => {
    await Promise.all(repos.map((repo) => repo.remove()));
    await Promise.all(others.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const newRepo = async () => {
    const repo = await GitRepo.init();
    repos.push(repo);
    return repo;
  };

  it('finds commits on the branch, uncommitted and untracked files, renames and deletions, from the merge-base', async () => {
    const repo = await newRepo();
    await repo.write({
      'src/kept.ts': lines(10),
      'src/old-name.ts': lines(8),
      'src/deleted.ts': lines(3, 'deleted '),
      'src/guarded.ts': lines(6),
      'src/edited.ts': lines(5),
      '.gitignore': 'generated/\n',
    });
    await repo.commit('start');
    const base = await repo.git('rev-parse', 'HEAD');
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.edit('src/kept.ts', 'line 4\n', 'line four\nline 4.5\n');
    await repo.git('mv', 'src/old-name.ts', 'src/new-name.ts');
    await repo.edit('src/new-name.ts', 'line 6\n', 'line six\n');
    await repo.git('rm', '--quiet', 'src/deleted.ts');
    await repo.edit('src/guarded.ts', 'line 3\n', '');
    await repo.write({ 'src/added.ts': lines(2, 'added ') });
    await repo.commit('feature work');
    // main moves on after the branch started: its changes are not the branch's.
    await repo.git('checkout', '--quiet', 'main');
    await repo.edit('src/kept.ts', 'line 9\n', 'line nine\n');
    await repo.commit('main moves on');
    await repo.git('checkout', '--quiet', 'feature');
    // Uncommitted: a staged and an unstaged edit, an untracked file, an ignored one.
    await repo.edit('src/edited.ts', 'line 2\n', 'line two\n');
    await repo.git('add', 'src/edited.ts');
    await repo.edit('src/edited.ts', 'line 5\n', 'line five\n');
    await repo.write({ 'src/untracked.ts': lines(4, 'untracked '), 'generated/out.ts': lines(3) });

    const since = await changedSince(repo.dir, 'main');
    expect(since.ref).toBe('main');
    expect(since.base).toBe(base);
    expect(since.changed).toEqual({
      'src/kept.ts': [r(4, 5)],
      'src/new-name.ts': [r(6)],
      'src/guarded.ts': [r(2, 3)],
      'src/added.ts': [r(1, 2)],
      'src/edited.ts': [r(2), r(5)],
      'src/untracked.ts': [r(1, 4)],
    });
  });

  it('names files relative to a project in a subdirectory, and sees only that project', async () => {
    const repo = await newRepo();
    await repo.write({ 'packages/app/src/a.ts': lines(3), 'packages/lib/src/b.ts': lines(3), 'README.md': 'x\n' });
    await repo.commit('start');
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.edit('packages/app/src/a.ts', 'line 2\n', 'line two\n');
    await repo.edit('packages/lib/src/b.ts', 'line 2\n', 'line two\n');
    await repo.edit('README.md', 'x\n', 'y\n');
    await repo.commit('both packages');
    await repo.write({ 'packages/app/src/new.ts': lines(1), 'packages/lib/src/new.ts': lines(1) });
    expect((await changedSince(path.join(repo.dir, 'packages/app'), 'main')).changed).toEqual({
      'src/a.ts': [r(2)],
      'src/new.ts': [r(1)],
    });
  });

  it('finds nothing when nothing changed', async () => {
    const repo = await newRepo();
    await repo.write({ 'src/a.ts': lines(3) });
    await repo.commit('start');
    await repo.git('checkout', '--quiet', '-b', 'feature');
    expect((await changedSince(repo.dir, 'main')).changed).toEqual({});
  });

  it('takes any commit-ish: a sha, a tag, HEAD~1', async () => {
    const repo = await newRepo();
    await repo.write({ 'src/a.ts': lines(3) });
    const first = await repo.commit('start');
    await repo.git('tag', 'v1');
    await repo.edit('src/a.ts', 'line 3\n', 'line three\n');
    await repo.commit('change');
    for (const ref of [first, 'v1', 'HEAD~1']) {
      expect(await changedSince(repo.dir, ref)).toEqual({ ref, base: first, changed: { 'src/a.ts': [r(3)] } });
    }
  });

  it('refuses a directory outside any repository', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-nogit-'));
    others.push(dir);
    expect(await userError(changedSince(dir, 'main'))).toBe(`--since needs a git repository, and ${dir} is not in one`);
  });

  it('refuses an unknown ref, suggesting a fetch from the remote when there is one', async () => {
    const repo = await newRepo();
    await repo.write({ 'src/a.ts': lines(1) });
    await repo.commit('start');
    expect(await userError(changedSince(repo.dir, 'mian'))).toBe(
      "--since: unknown git ref 'mian': check the name (a branch, tag or commit of this repository)",
    );
    await repo.git('remote', 'add', 'origin', 'https://example.com/project.git');
    expect(await userError(changedSince(repo.dir, 'origin/mian'))).toBe(
      "--since: unknown git ref 'origin/mian': check the name, or fetch it first ('git fetch origin mian')",
    );
    expect(await userError(changedSince(repo.dir, 'develop'))).toBe(
      "--since: unknown git ref 'develop': check the name, or fetch it first ('git fetch origin develop', then --since origin/develop)",
    );
  });

  it('refuses unrelated histories', async () => {
    const repo = await newRepo();
    await repo.write({ 'src/a.ts': lines(1) });
    await repo.commit('start');
    await repo.git('checkout', '--quiet', '--orphan', 'other');
    await repo.commit('another root');
    expect(await userError(changedSince(repo.dir, 'main'))).toBe(
      "--since: 'main' and HEAD have no commit in common (unrelated histories): give a ref that HEAD's branch started from",
    );
  });

  it('refuses a shallow clone that lacks the merge-base, naming fetch-depth: 0', async () => {
    const origin = await newRepo();
    await origin.write({ 'src/a.ts': lines(3) });
    await origin.commit('start');
    await origin.git('checkout', '--quiet', '-b', 'feature');
    await origin.edit('src/a.ts', 'line 2\n', 'line two\n');
    await origin.commit('feature');
    await origin.git('checkout', '--quiet', 'main');
    await origin.edit('src/a.ts', 'line 3\n', 'line three\n');
    await origin.commit('main moves on');
    // As actions/checkout does by default: one commit of the branch, then the base fetched shallow.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-shallow-'));
    others.push(dir);
    const clone = path.join(dir, 'clone');
    await origin.git('clone', '--quiet', '--depth=1', '--branch=feature', `file://${origin.dir}`, clone);
    await execa('git', ['fetch', '--quiet', '--depth=1', 'origin', 'main:refs/remotes/origin/main'], { cwd: clone });
    expect(await userError(changedSince(clone, 'origin/main'))).toBe(
      "--since: no merge-base of 'origin/main' and HEAD: this clone is shallow; fetch the full history (in GitHub Actions: actions/checkout with fetch-depth: 0)",
    );
    // With the history fetched, it works.
    await execa('git', ['fetch', '--quiet', '--unshallow', 'origin'], { cwd: clone });
    expect((await changedSince(clone, 'origin/main')).changed).toEqual({ 'src/a.ts': [r(2)] });
  });

  it('takes a new file that git pairs with a deleted, similar one for a rename: only its different lines count', async () => {
    const repo = await newRepo();
    await repo.write({ 'src/old.ts': lines(6) });
    await repo.commit('start');
    await unlink(path.join(repo.dir, 'src/old.ts'));
    await repo.write({ 'src/new.ts': lines(6).replace('line 3\n', 'line three\n') });
    await repo.git('add', '--all');
    expect((await changedSince(repo.dir, 'HEAD')).changed).toEqual({ 'src/new.ts': [r(3)] });
  });

  it('ignores a deleted file even when it is only deleted in the working tree', async () => {
    const repo = await newRepo();
    await repo.write({ 'src/a.ts': lines(2), 'src/b.ts': lines(2) });
    await repo.commit('start');
    await unlink(path.join(repo.dir, 'src/a.ts'));
    await writeFile(path.join(repo.dir, 'src/b.ts'), lines(3));
    expect((await changedSince(repo.dir, 'HEAD')).changed).toEqual({ 'src/b.ts': [r(3)] });
  });
});
