/**
 * Stopping a run early. The pipeline takes an AbortSignal (the CLI aborts it on SIGINT/SIGTERM);
 * a stage that cannot return anything useful yet rejects with Interrupted.
 */
export class Interrupted extends Error {
  constructor() {
    super('the run was interrupted');
    this.name = 'Interrupted';
  }
}

/**
 * `work`, or an Interrupted rejection as soon as `signal` aborts (the work is left to the process's
 * end, and its own failure then goes unreported: ending the workers fails their tasks).
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) {
    // Aborted before the wait began (a Ctrl-C while the files were parsed): nothing else may handle the work's failure.
    work.catch(() => undefined);
    return Promise.reject(new Interrupted());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Interrupted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
