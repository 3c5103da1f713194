// Failures are reported on one line, never with a stack trace: the first non-empty line of the message.
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? 'unknown error').trim();
}
