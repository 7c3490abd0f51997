import { useState } from 'react';

export interface CounterProps {
  label: string;
  /** The highest count; the + button is disabled there. */
  max: number;
  initial?: number;
}

/** A bounded counter: − and + buttons, the count with its unit, a notice at the limit. */
export function Counter({ label, max, initial = 0 }: CounterProps) {
  const [count, setCount] = useState(initial);
  const atLimit = count >= max;
  return (
    <section aria-label={label}>
      <button type="button" onClick={() => setCount(count - 1)} disabled={count === 0}>
        −
      </button>
      <span className="count">
        {count} {count === 1 ? 'item' : 'items'}
      </span>
      <button type="button" onClick={() => setCount(count + 1)} disabled={atLimit}>
        +
      </button>
      {atLimit && <p role="status">Limit reached</p>}
    </section>
  );
}
