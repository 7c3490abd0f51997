import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeEntries, readStore, storedVerdictOf, writeStore, type StoredVerdict } from '../../../src/incremental/store.js';
import { assayVersion } from '../../../src/report/version.js';
import { tempProject } from '../config/temp-project.js';
import { mutant } from '../report/fixtures.js';

const entry = (overrides: Partial<StoredVerdict> = {}): StoredVerdict => ({
  mutant: 'm1',
  file: 'src/a.ts',
  status: 'Killed',
  statusReason: 'AssertionError: expected 2 to be 3',
  killedBy: ['t1'],
  coveredBy: ['t1', 't2'],
  testsCompleted: 1,
  static: false,
  durationMs: 4,
  ...overrides,
});

async function storeFile(text?: string): Promise<string> {
  const root = await tempProject({});
  const file = path.join(root, 'reports/assay-incremental.json');
  if (text !== undefined) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return file;
}

describe('incremental store', () => {
  it('reads back what it wrote', async () => {
    const file = await storeFile();
    const entries = new Map([
      ['k2', entry({ mutant: 'm2', status: 'Survived', statusReason: undefined, killedBy: [] })],
      ['k1', entry()],
    ]);
    await writeStore(file, entries);
    const read = await readStore(file);
    expect(read).toEqual({ state: 'read', verdicts: entries });
    const raw = JSON.parse(await readFile(file, 'utf8'));
    expect(raw).toMatchObject({ assayIncremental: 1, assay: assayVersion });
    expect(Object.keys(raw.entries)).toEqual(['k1', 'k2']);
  });

  it('is missing until the first run that completes writes it', async () => {
    expect(await readStore(await storeFile())).toEqual({ state: 'missing' });
  });

  it.each([
    ['not JSON', '{"assayIncremental": 1, "entr', /^it is not valid JSON \(/],
    ['JSON of something else', '{"stryker": true}', /^it is not an assay incremental store$/],
    ['a JSON array', '[]', /^it is not an assay incremental store$/],
    ['from another assay version', JSON.stringify({ assayIncremental: 1, assay: '0.0.1', entries: {} }), new RegExp(`^it was written by assay 0\\.0\\.1, this is ${assayVersion.replaceAll('.', '\\.')}$`)],
    ['of another store format', JSON.stringify({ assayIncremental: 99, assay: assayVersion, entries: {} }), /^it has store format 99, this assay reads 1$/],
    ['with a damaged entry', JSON.stringify({ assayIncremental: 1, assay: assayVersion, entries: { k: { status: 'Exploded' } } }), /^it is damaged \(entries\.k\./],
  ])('is ignored with a reason when %s', async (_what, text, reason) => {
    const read = await readStore(await storeFile(text));
    expect(read.state).toBe('ignored');
    expect(read.state === 'ignored' && read.reason).toMatch(reason);
  });

  it('is ignored with a reason when it cannot be read', async () => {
    const file = await storeFile();
    await mkdir(file, { recursive: true }); // a directory where the file should be
    expect(await readStore(file)).toEqual({ state: 'ignored', reason: 'it cannot be read (EISDIR)' });
  });

  it('keeps only verdicts that stand for a fresh run, of results that have a key', () => {
    const keyed = (status: Parameters<typeof mutant>[0]) => mutant(status, { verdictKey: 'k', killedBy: ['t1'], coveredBy: ['t1'], testsCompleted: 1 });
    expect(storedVerdictOf(keyed('Killed'), 'm')).toEqual({ mutant: 'm', file: 'src/a.ts', status: 'Killed', killedBy: ['t1'], coveredBy: ['t1'], testsCompleted: 1, static: false });
    expect(storedVerdictOf(keyed('Survived'), 'm')?.status).toBe('Survived');
    expect(storedVerdictOf(keyed('Timeout'), 'm')?.status).toBe('Timeout');
    for (const status of ['RuntimeError', 'CompileError', 'Pending', 'NoCoverage', 'Ignored'] as const) expect(storedVerdictOf(keyed(status), 'm')).toBeUndefined();
    expect(storedVerdictOf(mutant('Killed'), 'm')).toBeUndefined();
  });

  it('keeps earlier entries of mutants this run did not key, unless their whole file was mutated', () => {
    const previous = new Map([
      ['old-a', entry({ mutant: 'a', file: 'src/a.ts' })], // superseded: this run keyed mutant a
      ['old-b', entry({ mutant: 'b', file: 'src/a.ts' })], // src/a.ts mutated whole: b is gone from the code
      ['old-c', entry({ mutant: 'c', file: 'src/c.ts' })], // src/c.ts not mutated whole (--since): kept
      ['old-d', entry({ mutant: 'd', file: 'src/d.ts' })], // src/d.ts not in this run: kept
    ]);
    const current = new Map([['new-a', entry({ mutant: 'a', file: 'src/a.ts' })]]);
    const merged = mergeEntries(current, previous, new Set(['a']), new Set(['src/a.ts']));
    expect([...merged.keys()].sort()).toEqual(['new-a', 'old-c', 'old-d']);
  });
});
