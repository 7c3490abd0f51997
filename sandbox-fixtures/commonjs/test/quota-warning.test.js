import { expect, it } from 'vitest';
import { quotaLine } from '../src/quota.js';

it('warns when almost full', () => {
  expect(quotaLine(1000, 1024)).toContain('almost full');
});
