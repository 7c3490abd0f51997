/**
 * The code the pool's vitest sessions serve — each mutated file's instrumented text and the files
 * under test — handed to the workers after they have started: the pool starts before the files are
 * parsed and mutated (loading the parser alone takes about a second), so that its workers' vitest
 * sessions start meanwhile. A worker asks on a BroadcastChannel and is answered once the code is
 * there; the code is also broadcast when it arrives, so a worker that asked before has it then.
 */
import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';

export interface ServedCode {
  /** Absolute file path → instrumented source. */
  instrumented: Record<string, string>;
  /**
   * Absolute paths of the files under test: a run of 'all' then runs only the test files that
   * can reach one of them (vitest/related.ts). Without it, every test file vitest finds.
   */
  relatedTo?: string[];
}

const NEED = 'need';

/** The coordinator's end. */
export class CodeChannel {
  readonly name = `assay-code-${randomUUID()}`;
  private readonly channel = new BroadcastChannel(this.name);
  private code: ServedCode | undefined;

  constructor() {
    this.channel.onmessage = (event) => {
      if (event.data === NEED && this.code !== undefined) this.channel.postMessage(this.code);
    };
    this.channel.unref();
  }

  provide(code: ServedCode): void {
    this.code = code;
    this.channel.postMessage(code);
  }

  close(): void {
    this.channel.close();
  }
}

/** A worker's end: the code, once the coordinator has it. */
export function receiveCode(name: string): Promise<ServedCode> {
  const channel = new BroadcastChannel(name);
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      const data = event.data as ServedCode | typeof NEED;
      if (data === NEED) return;
      channel.close();
      resolve(data);
    };
    channel.postMessage(NEED);
  });
}
