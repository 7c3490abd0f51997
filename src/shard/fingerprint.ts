/**
 * Fingerprints that let `assay merge` tell whether shard files belong to one run:
 * - of the mutant set: every mutated file's name and content, and every mutant's id, file, place,
 *   mutator and replacement (and, after `--since`, the merge-base), so shards of other code,
 *   another config or another assay version (which would number mutants differently) differ;
 * - of the partition: which shard each mutant went to, so shards whose test runs reached
 *   different code (a flaky suite) and so split the mutants differently are caught.
 */
import { sha256 } from '../sha256.js';
import type { Mutant } from '../model.js';

/** The fingerprint of what a run mutated; the same for the same code, config and assay everywhere. */
export function mutantSetFingerprint(
  files: ReadonlyArray<{ name: string; text: string }>,
  mutants: readonly Mutant[],
  sinceBase?: string,
): string {
  const byName = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sha256(
    JSON.stringify({
      since: sinceBase ?? null,
      files: byName.map((file) => [file.name, sha256(file.text)]),
      mutants: [...mutants]
        .sort((a, b) => a.id - b.id)
        .map((mutant) => [mutant.id, mutant.fileName, mutant.start, mutant.end, mutant.mutatorName, mutant.replacement]),
    }),
  );
}

/** The fingerprint of a partition: the ids of each shard, in shard order. */
export function partitionFingerprint(shards: readonly (readonly number[])[]): string {
  return sha256(JSON.stringify(shards));
}
