/** Runs `fn` with the process-wide locale (APP_LOCALE) set, then puts the previous one back. */
export function withLocale<T>(locale: string, fn: () => T): T {
  const previous = process.env.APP_LOCALE;
  process.env.APP_LOCALE = locale;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.APP_LOCALE;
    else process.env.APP_LOCALE = previous;
  }
}

export function greeting(): string {
  return process.env.APP_LOCALE === 'fr' ? 'bonjour' : 'hello';
}
