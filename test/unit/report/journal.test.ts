import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/report/journal.js';
import { mutant } from './fixtures.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('journal', () => {
  it('writes a header, then one line per verdict as it arrives, replacing an earlier run', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'assay-journal-'));
    const file = path.join(dir, 'reports/assay-journal.jsonl');
    const header = { assay: '0.1.0', startedAt: '2026-12-01T00:00:00.000Z', mutants: 2 };
    openJournal(file, { ...header, mutants: 9 }).close();
    const journal = openJournal(file, header);
    journal.append(mutant('Killed', { id: 1, killedBy: ['t1'] }));
    // Written at once, before the journal is closed (a crash after this line keeps it).
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ journal: header });
    expect(lines[1]).toMatchObject({ id: 1, status: 'Killed', killedBy: ['t1'] });
    journal.append(mutant('Survived', { id: 2 }));
    journal.close();
    journal.append(mutant('Killed', { id: 3 }));
    const statuses = (await readFile(file, 'utf8')).trim().split('\n').slice(1).map((line) => JSON.parse(line).status);
    expect(statuses).toEqual(['Killed', 'Survived']);
  });
});
