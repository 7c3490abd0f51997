import { expect } from 'vitest';
import { UserError } from '../../src/errors.js';

/** The message of the UserError the promise rejects with (it fails the test otherwise). */
export async function userError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}
