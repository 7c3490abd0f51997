/** @jsxRuntime classic */
/** @jsx h */
import { h } from './h.js';

/** A bold label element object, its text in capitals. */
export function label(text) {
  return <b>{text.toUpperCase()}</b>;
}
