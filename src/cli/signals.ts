/**
 * Ctrl-C and SIGTERM during `assay run`. The first signal aborts the run's AbortSignal: the
 * pipeline stops its workers and returns what finished, and the command writes that and exits
 * with 128 + the signal's number (130, 143), as shells expect. A second signal exits at once, and
 * so does a stop that hangs for longer than FORCE_EXIT_MS; in a child that bin/assay.js started
 * (cli/relaunch.ts), the same signal again within SAME_SIGNAL_MS is the first one delivered twice.
 */
import { constants } from 'node:os';
import { signalsArriveTwice } from './relaunch.js';

const FORCE_EXIT_MS = 5_000;
/** The same signal again within this many ms is the same signal (see onSignal). */
const SAME_SIGNAL_MS = 500;
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

/** `twice`: each signal may arrive twice, a moment apart (see onSignal). */
export function stopOnSignals(stderr: NodeJS.WritableStream, twice = signalsArriveTwice): SignalStop {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const exitCode = () => 128 + (received === undefined ? 0 : constants.signals[received]);
  let receivedAt = 0;
  const onSignal = (signal: StopSignal) => {
    // A Ctrl-C reaches this process twice when bin/assay.js started it as a child (cli/relaunch.ts):
    // from the terminal and from the parent, a moment apart. That is one signal, not a second one.
    if (twice && received === signal && performance.now() - receivedAt < SAME_SIGNAL_MS) return;
    if (received !== undefined) process.exit(exitCode());
    received = signal;
    receivedAt = performance.now();
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
