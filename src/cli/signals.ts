/**
 * Ctrl-C and SIGTERM during `assay run`. The first signal aborts the run's AbortSignal: the
 * pipeline stops its workers and returns what finished, and the command writes that and exits
 * with 128 + the signal's number (130, 143), as shells expect. A second signal exits at once, and
 * so does a stop that hangs for longer than FORCE_EXIT_MS.
 */
import { constants } from 'node:os';

const FORCE_EXIT_MS = 5_000;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof SIGNALS)[number];

export interface SignalStop {
  signal: AbortSignal;
  /** The signal received, if any. */
  received(): StopSignal | undefined;
  /** 128 + the received signal's number. */
  exitCode(): number;
  /** Removes the handlers (the run is over). */
  dispose(): void;
}

export function stopOnSignals(stderr: NodeJS.WritableStream): SignalStop {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const exitCode = () => 128 + (received === undefined ? 0 : constants.signals[received]);
  const onSignal = (signal: StopSignal) => {
    if (received !== undefined) process.exit(exitCode());
    received = signal;
    stderr.write(`\nassay: ${signal}: stopping the workers and writing what finished (${signal === 'SIGINT' ? 'Ctrl-C' : 'signal'} again to quit at once)\n`);
    controller.abort();
    setTimeout(() => process.exit(exitCode()), FORCE_EXIT_MS).unref();
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    received: () => received,
    exitCode,
    dispose: () => SIGNALS.forEach((name) => process.off(name, onSignal)),
  };
}
