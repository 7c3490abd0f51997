import { pad2 } from './pad.cjs';

/** `seconds` as m:ss. */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${pad2(seconds % 60)}`;
}
