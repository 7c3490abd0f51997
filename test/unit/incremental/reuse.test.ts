import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reuseMessage, reuseVerdicts, saveVerdicts, type ReuseInfo } from '../../../src/incremental/reuse.js';
import { readStore } from '../../../src/incremental/store.js';
import type { MutantResult, Options } from '../../../src/model.js';
import { openJournal } from '../../../src/report/journal.js';
import { assayVersion } from '../../../src/report/version.js';
import { tempProject } from '../config/temp-project.js';
import { addMutant, dry, options, plan, PROJECT_FILES, run, sourceFiles } from './helpers.js';

const STORE = 'reports/assay-incremental.json';

async function project() {
  return { root: await tempProject(PROJECT_FILES) };
}

/** reuseVerdicts on the plan of the project at `root`: math.ts's two mutants, both planned to run. */
async function reuse(root: string, incremental: Partial<Options['incremental']>) {
  const files = await sourceFiles(root);
  const text = files[0].text;
  const runs = [run(root, addMutant(text, 1)), run(root, { ...addMutant(text, 2, 'a - b'), replacement: 'a + b' })];
  const warnings: string[] = [];
  const infos: ReuseInfo[] = [];
  const opts = options(root, { incremental: { enabled: false, file: STORE, resume: false, force: false, ...incremental } });
  const events = { warn: (message: string) => warnings.push(message), reused: (info: ReuseInfo) => infos.push(info) };
  const dryRun = dry(root);
  const result = await reuseVerdicts({ ...plan(runs), extra: 'kept' }, { files, dry: dryRun, options: opts, events });
  return { result, warnings, infos, opts, files, dry: dryRun };
}

/** What a completed run gives its two mutants. */
function results(keyed: Awaited<ReturnType<typeof reuse>>['result']): MutantResult[] {
  return keyed.runs.map((r, index) => ({ ...r.mutant, status: index === 0 ? 'Killed' : 'Survived', killedBy: index === 0 ? ['t1'] : [], coveredBy: r.coveredBy, testsCompleted: 1, static: false, durationMs: 7 }));
}

describe('reuseVerdicts', () => {
  it('keys every run, and reuses nothing without --incremental or --resume', async () => {
    const { root } = await project();
    const { result, infos } = await reuse(root, {});
    expect(result.runs).toHaveLength(2);
    expect(result.runs.every((r) => /^[0-9a-f]{64}$/.test(r.mutant.verdictKey ?? ''))).toBe(true);
    expect(result.runs[0].mutant.verdictKey).not.toBe(result.runs[1].mutant.verdictKey);
    expect(result).toMatchObject({ extra: 'kept', settled: [] });
    expect(infos).toEqual([]);
  });

  it('reuses what the store holds for the same keys, as the run gave it, and says so', async () => {
    const { root } = await project();
    const first = await reuse(root, { enabled: true });
    expect(first.infos).toEqual([{ reused: 0, of: 2, from: [], missing: [STORE] }]);
    expect(reuseMessage(first.infos[0])).toBe(`reused 0 of 2 results (no ${STORE} yet); running 2`);
    const fresh = results(first.result);
    await saveVerdicts(fresh, { files: first.files, dry: first.dry, options: first.opts, events: {} });
    const second = await reuse(root, { enabled: true });
    expect(second.result.runs).toEqual([]);
    expect(second.result.settled).toEqual(fresh.map((r) => ({ ...r, reusedFrom: STORE })));
    expect(second.infos).toEqual([{ reused: 2, of: 2, from: [{ file: STORE, reused: 2 }], missing: [] }]);
    expect(reuseMessage(second.infos[0])).toBe(`reused 2 of 2 results from ${STORE}; running 0`);
    expect(second.warnings).toEqual([]);
  });

  it('re-runs what changed: a helper the tests load', async () => {
    const { root } = await project();
    const first = await reuse(root, { enabled: true });
    await saveVerdicts(results(first.result), { files: first.files, dry: first.dry, options: first.opts, events: {} });
    await writeFile(path.join(root, 'test/helper.ts'), 'export const two = 1 + 1;\n');
    const second = await reuse(root, { enabled: true });
    expect(second.result.runs).toHaveLength(2);
    expect(second.infos[0]).toMatchObject({ reused: 0, of: 2 });
  });

  it('with --force reuses nothing, and the store is still written', async () => {
    const { root } = await project();
    const first = await reuse(root, { enabled: true });
    await saveVerdicts(results(first.result), { files: first.files, dry: first.dry, options: first.opts, events: {} });
    const forced = await reuse(root, { enabled: true, force: true });
    expect(forced.result.runs).toHaveLength(2);
    expect(forced.infos).toEqual([]);
    await writeFile(path.join(root, STORE), 'overwritten');
    await saveVerdicts(results(forced.result), { files: forced.files, dry: forced.dry, options: forced.opts, events: {} });
    expect((await readStore(path.join(root, STORE))).state).toBe('read');
  });

  it('ignores a corrupt store with a warning and runs everything', async () => {
    const { root } = await project();
    await mkdir(path.join(root, 'reports'), { recursive: true });
    await writeFile(path.join(root, STORE), '{ "assayIncremental": 1, "entries": ');
    const { result, warnings, infos } = await reuse(root, { enabled: true });
    expect(result.runs).toHaveLength(2);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^ignoring the incremental store ${STORE}: it is not valid JSON \\(.+\\)$`))]);
    expect(reuseMessage(infos[0])).toBe('reused 0 of 2 results; running 2');
  });

  it('with --resume reuses the journal of an interrupted run, before the store', async () => {
    const { root } = await project();
    const first = await reuse(root, { enabled: true });
    const [one, two] = results(first.result);
    await saveVerdicts([two], { files: first.files, dry: first.dry, options: first.opts, events: {} });
    const journal = openJournal(path.join(root, 'reports/assay-journal.jsonl'), { assay: assayVersion, startedAt: '', mutants: 2 });
    journal.append(one);
    journal.close();
    const resumed = await reuse(root, { enabled: true, resume: true });
    expect(resumed.result.runs).toEqual([]);
    expect(resumed.result.settled.map((r) => [r.id, r.status, r.reusedFrom])).toEqual([
      [1, 'Killed', 'reports/assay-journal.jsonl'],
      [2, 'Survived', STORE],
    ]);
    expect(reuseMessage(resumed.infos[0])).toBe(`reused 2 of 2 results from reports/assay-journal.jsonl (1) and ${STORE} (1); running 0`);
  });

  it('warns when there is nothing to resume, or the journal is foreign', async () => {
    const { root } = await project();
    expect((await reuse(root, { resume: true })).warnings).toEqual(['nothing to resume: reports/assay-journal.jsonl does not exist']);
    await mkdir(path.join(root, 'reports'), { recursive: true });
    await writeFile(path.join(root, 'reports/assay-journal.jsonl'), 'id,status\n1,Killed\n');
    const foreign = await reuse(root, { resume: true });
    expect(foreign.warnings).toEqual(['ignoring the journal reports/assay-journal.jsonl: it is not an assay journal (no header line)']);
    expect(foreign.result.runs).toHaveLength(2);
  });
});

describe('saveVerdicts', () => {
  it('writes nothing without --incremental', async () => {
    const { root } = await project();
    const first = await reuse(root, {});
    await saveVerdicts(results(first.result), { files: first.files, dry: first.dry, options: first.opts, events: {} });
    expect((await readStore(path.join(root, STORE))).state).toBe('missing');
  });

  it('warns, and does not throw, when the store cannot be written', async () => {
    const { root } = await project();
    const first = await reuse(root, { enabled: true });
    await mkdir(path.join(root, STORE, 'in-the-way'), { recursive: true });
    const warnings: string[] = [];
    await saveVerdicts(results(first.result), { files: first.files, dry: first.dry, options: first.opts, events: { warn: (m) => warnings.push(m) } });
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^could not write the incremental store ${STORE}: `))]);
  });

  it('does not store a verdict one of whose tests this run found flaky', async () => {
    const { root } = await project();
    const first = await reuse(root, { enabled: true });
    const flakyDry = { ...first.dry, flaky: [{ id: 't1', name: 'adds', fileName: 'test/math.test.ts', reason: 'passed, then failed in a second run' }] };
    await saveVerdicts(results(first.result), { files: first.files, dry: flakyDry, options: first.opts, events: {} });
    const read = await readStore(path.join(root, STORE));
    expect(read.state === 'read' && read.verdicts.size).toBe(0);
  });

  it('stores neither errors nor results without a key', async () => {
    const { root } = await project();
    const first = await reuse(root, { enabled: true });
    const [one, two] = results(first.result);
    await saveVerdicts([{ ...one, status: 'RuntimeError' }, { ...two, verdictKey: undefined }], { files: first.files, dry: first.dry, options: first.opts, events: {} });
    const read = await readStore(path.join(root, STORE));
    expect(read.state === 'read' && read.verdicts.size).toBe(0);
    expect(JSON.parse(await readFile(path.join(root, STORE), 'utf8')).entries).toEqual({});
  });
});
