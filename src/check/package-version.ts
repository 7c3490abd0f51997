/** The version of an installed package, from its package.json. */
import { readFileSync } from 'node:fs';

export function packageVersion(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
