/** @jsxRuntime classic */
/** @jsx h */
import { h } from './h.js';

/** A count badge: a `span` element object, highlighted once `count` passes `limit`. */
export function badge(count: number, limit: number) {
  const className = count > limit ? 'badge alert' : 'badge';
  return <span className={className}>{count}</span>;
}
