import { expect, it } from 'vitest';
import { greeting, withLocale } from '../src/locale';

// Never checks that the locale is put back: mutants in the `finally` block survive here, and
// leave APP_LOCALE set for whatever test file runs next in the same thread.
it('greets in the locale it is given', () => {
  expect(withLocale('fr', greeting)).toBe('bonjour');
});
