/** What the coordinator sends a pool worker for one mutant. */
import type { TestSelection } from '../vitest/session.js';

export interface WorkerTask {
  mutantId: number;
  hitLimit: number;
  selection: TestSelection[];
}
