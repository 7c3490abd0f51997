import { expect, it } from 'vitest';
import { entries, record } from '../src/audit';

// This test never clears the log: run twice in one module graph it would see two entries.
it('records who did what', () => {
  record('login', ' ann ');
  expect(entries).toEqual(['ann: login']);
});

it('refuses an entry without a user', () => {
  expect(() => record('login', '')).toThrow('an audit entry needs a user');
});
