/** Plugins are loaded by name at run time (test/plugins.test.ts). */
export function describePlugin(name: string): string {
  return name.length > 0 ? `plugin ${name}` : 'no plugin';
}
