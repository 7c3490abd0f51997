import { expect, it } from 'vitest';
import { quotaLine } from '../src/quota.js';

it('shows both sizes in readable units', () => {
  expect(quotaLine(512, 2048)).toBe('512 B of 2 KB');
});
