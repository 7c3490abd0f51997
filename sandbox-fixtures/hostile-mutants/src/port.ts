/** Reads a TCP port from text, as a command-line tool would: a bad value ends the process. */
export function readPort(text: string): number {
  const port = Number(text);
  if (Number.isInteger(port) && port > 0 && port < 65536) {
    return port;
  }
  process.exit(2);
}
