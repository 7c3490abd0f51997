/**
 * Finds the keys of a config file that assay will not use and words one warning for each:
 * StrykerJS options assay ignores, and keys nobody knows. `$schema` and `_`-prefixed keys
 * (comments) pass silently.
 */
import { z } from 'zod';
import { IGNORED_STRYKER_KEYS } from './stryker-keys.js';

/** The object schema under default/prefault/optional wrappers, if there is one. */
function objectSchema(schema: z.ZodType): z.ZodObject | undefined {
  if (schema instanceof z.ZodObject) return schema;
  if (
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodOptional
  ) {
    return objectSchema(schema.unwrap() as z.ZodType);
  }
  return undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function unusedKeyWarnings(raw: unknown, schema: z.ZodObject, fileLabel: string): string[] {
  return unusedKeys(raw, schema, '').map((key) =>
    IGNORED_STRYKER_KEYS.has(key)
      ? `StrykerJS option '${key}' in ${fileLabel} is not used by assay, ignored`
      : `unknown option '${key}' in ${fileLabel}, ignored`,
  );
}

function unusedKeys(raw: unknown, schema: z.ZodObject, prefix: string): string[] {
  if (!isPlainObject(raw)) return [];
  return Object.entries(raw).flatMap(([key, value]) => {
    if (key === '$schema' || key.startsWith('_')) return [];
    const path = prefix + key;
    if (!Object.hasOwn(schema.shape, key)) return [path];
    const nested = objectSchema(schema.shape[key] as z.ZodType);
    return nested ? unusedKeys(value, nested, `${path}.`) : [];
  });
}
