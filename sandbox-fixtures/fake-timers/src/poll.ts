/** Checks `ready()` every `intervalMs` until it is true, then stops and calls `onReady` once. */
export function pollUntil(ready: () => boolean, intervalMs: number, onReady: () => void): void {
  const stop = () => clearInterval(id);
  const id = setInterval(() => {
    if (ready()) {
      stop();
      onReady();
    }
  }, intervalMs);
}
