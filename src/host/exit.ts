// Ends the process once the verdict is written. Everything the step owes its platform is on stdout, stderr and
// in its files by then; what may still be running is what the run gave up on: a name lookup the system
// resolver has not answered holds a thread and keeps Node alive until the resolver gives up (40 s and more when
// DNS is black-holed, whatever timeout-seconds says). So the doors flush both streams and exit.

/** Waits until `stream` has handed over what was written to it (a write callback), at most `ms`. */
function drained(stream: NodeJS.WriteStream, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    const timer = setTimeout(resolve, ms);
    stream.write('', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Flushes stdout and stderr, then exits with `code` (default: the exit code the step set). */
export async function exitOnceWritten(code?: number): Promise<never> {
  await Promise.all([drained(process.stdout, 2_000), drained(process.stderr, 2_000)]);
  process.exit(code ?? process.exitCode ?? 0);
}
