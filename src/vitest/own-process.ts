/**
 * Test threads share one process with assay: code under test that signals its own process
 * (`process.kill(process.pid)`, a common way for a CLI to end itself, and an easy mutant) would
 * stop or kill the whole run rather than one test. In test threads such a call throws instead, so
 * the test fails as it would in a process of its own, and a mutant that does it is Killed.
 * Signal 0 (a liveness check) and signals to other processes pass through.
 */
import { OWN_PROCESS_SIGNAL } from './settings.js';

const GUARDED = Symbol.for('assay.ownProcessGuarded');

export function guardOwnProcess(): void {
  const guarded = process as NodeJS.Process & { [GUARDED]?: true };
  if (guarded[GUARDED]) return;
  guarded[GUARDED] = true;
  const kill = process.kill.bind(process);
  process.kill = (pid: number, signal?: string | number) => {
    const own = pid === process.pid || pid <= 0; // pid 0 and negative pids reach this process's group
    if (own && signal !== 0) {
      throw new Error(`${OWN_PROCESS_SIGNAL}: code under test sent ${signal ?? 'SIGTERM'} to its own process, which the test threads share with assay`);
    }
    return kill(pid, signal);
  };
}
