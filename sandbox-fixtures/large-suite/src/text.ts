/** `text` cut to at most `max` characters, the last one an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, max - 1) + '…';
}

/** `text` padded on the left with spaces to `width` characters. */
export function padLeft(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - text.length)) + text;
}
