/**
 * Real git repositories in temp dirs for `--since` tests: files written, commits made, branches
 * taken, each step through the git command as a user would. Identity and signing are set in the
 * repository itself, so the machine's global git config does not matter.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

export class GitRepo {
  private constructor(readonly dir: string) {}

  /** A new repository on branch `main` in a fresh temp dir (remove it with `remove()`). */
  static async init(prefix = 'assay-git-'): Promise<GitRepo> {
    const repo = new GitRepo(await mkdtemp(path.join(os.tmpdir(), prefix)));
    await repo.git('init', '--quiet', '--initial-branch=main');
    await repo.git('config', 'user.email', 'dev@example.com');
    await repo.git('config', 'user.name', 'Dev');
    await repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  /** Runs git in the repository; returns stdout. Throws when git fails. */
  async git(...args: string[]): Promise<string> {
    const result = await execa('git', args, { cwd: this.dir, env: { GIT_CONFIG_NOSYSTEM: '1' } });
    return String(result.stdout);
  }

  /** Writes files (path relative to the repository → contents), creating directories. */
  write(files: Record<string, string>): Promise<void> {
    return writeFiles(this.dir, files);
  }

  /** Replaces `from` with `to` in a file (which must contain it). */
  async edit(name: string, from: string, to: string): Promise<void> {
    const text = await readFile(path.join(this.dir, name), 'utf8');
    if (!text.includes(from)) throw new Error(`${name} does not contain ${JSON.stringify(from)}`);
    await writeFile(path.join(this.dir, name), text.replace(from, to));
  }

  /** Stages everything and commits; returns the new commit's sha. */
  async commit(message: string): Promise<string> {
    await this.git('add', '--all');
    await this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Writes files (path relative to `dir` → contents), creating directories. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, contents] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, contents);
  }
}
