/**
 * What the coordinator tells the setup file inside vitest's test workers, through vitest's
 * `provide`/`inject`. Kept apart from the setup file so the node side can import it without
 * loading vitest's runtime.
 */
export interface AssaySettings {
  /** `dry`: record which mutants each test reaches; `mutant`: activate one mutant. */
  mode: 'dry' | 'mutant';
  /** The active mutant id (mutant mode), -1 for none. */
  active: number;
  /** Past this many hits of the active mutant in one test file, the run is a Timeout. */
  hitLimit: number;
}

/** The key under which settings are provided to test workers. */
export const SETTINGS_KEY = 'assaySettings';

/** In an error message, marks that the hit limit stopped a probable infinite loop. */
export const HIT_LIMIT_MARKER = 'ASSAY_HIT_LIMIT';

/** `task.meta` fields the setup file writes. */
export interface TestMeta {
  /** Mutant ids reached while this test (and its hooks) ran. */
  assayCoverage?: number[];
  assayTimedOut?: boolean;
}
export interface FileMeta {
  /** Mutant ids reached in this test file outside any test (module load, beforeAll…). */
  assayStatic?: number[];
  /** Hits per mutant id in this file, for the hit limit: [id, count] pairs. */
  assayHits?: Array<[number, number]>;
  assayTimedOut?: boolean;
}
