/** An audit log kept in module state; callers are expected to clear it. */
export const entries: string[] = [];

export function record(action: string, user: string): void {
  if (user.length === 0) throw new Error('an audit entry needs a user');
  entries.push(`${user.trim()}: ${action}`);
}

export function clear(): void {
  entries.length = 0;
}
