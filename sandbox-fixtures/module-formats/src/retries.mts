const DEFAULT_RETRIES = 3;

/** The retry count to use: `requested` when it is a positive number, the default otherwise. */
export function retries(requested?: number): number {
  return requested !== undefined && requested > 0 ? requested : DEFAULT_RETRIES;
}
