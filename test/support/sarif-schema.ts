/** Validation against the SARIF 2.1.0 JSON schema (draft-04), as the @microsoft/jest-sarif package ships it. */
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv-draft-04';

const require = createRequire(import.meta.url);
// A CommonJS module whose class is its `default` export.
const Ajv = (require('ajv-draft-04') as { default: typeof import('ajv-draft-04').default }).default;
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
// The schema's `language` pattern is not a valid Unicode regular expression, hence unicodeRegExp: false.
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);

/** The schema's complaints about `log`, or [] when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath} ${error.message}`);
}
