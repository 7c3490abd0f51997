/** The name of the working directory: its last path segment. */
export function workdirName(): string {
  const parts = process.cwd().split('/');
  return parts[parts.length - 1];
}

/** `path` relative to the working directory when it lies inside it, else `path` itself. */
export function relativeToCwd(path: string): string {
  const root = `${process.cwd()}/`;
  if (!path.startsWith(root)) return path;
  return path.slice(root.length);
}
