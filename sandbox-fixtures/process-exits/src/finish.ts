/** A job's last step: a failed job ends its own process with SIGTERM, as CLIs do. */
export function finish(status: { done: boolean; errors: number }): string {
  if (!status.done) {
    return 'still running';
  }
  if (status.errors > 0) {
    process.kill(process.pid, 'SIGTERM');
  }
  return 'finished';
}
