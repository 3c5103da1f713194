// A closed stdout/stderr pipe (EPIPE, e.g. `imds-check --json | head -c0`) must not become an unhandled
// 'error' event, which Node reports with a stack trace.
export function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}
