import { expect, it } from 'vitest';
import { delay } from '../src/delay';

it('resolves with the value after the delay', async () => {
  await expect(delay(5, 'done')).resolves.toBe('done');
});
