import { jest } from '@jest/globals';
import { exitOnceWritten } from '../../src/host/exit.js';

// exitOnceWritten is how every door ends: flush both streams, then exit, so nothing the run gave up on (a
// resolver thread, a socket) holds the step. process.exit and the two streams' writes are replaced here; the
// doors' own exit timing is measured in __tests__/netns/dns-blackhole.test.ts.

type WriteCallback = (error?: Error | null) => void;

class ExitCalled extends Error {
  constructor(readonly code: number | undefined) {
    super(`exit ${String(code)}`);
  }
}

let savedExitCode: typeof process.exitCode;

beforeEach(() => {
  savedExitCode = process.exitCode;
  jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
    throw new ExitCalled(typeof code === 'number' ? code : undefined);
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = savedExitCode;
});

/** Makes a stream's write call its callback after `ms` (never when null), and records the calls. */
function stubWrite(stream: NodeJS.WriteStream, ms: number | null): { calls: number } {
  const seen = { calls: 0 };
  jest.spyOn(stream, 'write').mockImplementation(((_chunk: unknown, callback?: WriteCallback) => {
    seen.calls += 1;
    if (ms !== null && typeof callback === 'function') setTimeout(() => callback(null), ms);
    return true;
  }) as typeof stream.write);
  return seen;
}

async function exitCodeOf(run: Promise<never>): Promise<number | undefined> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ExitCalled) return error.code;
    throw error;
  }
  throw new Error('exitOnceWritten returned without exiting');
}

test('waits until both streams have handed over what was written, then exits with the given code', async () => {
  const out = stubWrite(process.stdout, 150);
  const err = stubWrite(process.stderr, 300);
  const started = Date.now();
  const code = await exitCodeOf(exitOnceWritten(3));
  const waited = Date.now() - started;
  expect(code).toBe(3);
  expect(out.calls).toBe(1);
  expect(err.calls).toBe(1);
  expect(waited).toBeGreaterThanOrEqual(290); // the slower stream's write callback
  expect(waited).toBeLessThan(1_900); // not the 2 s cap
});

test('without a code it exits with the code the step set, and 0 when none was set', async () => {
  stubWrite(process.stdout, 0);
  stubWrite(process.stderr, 0);
  process.exitCode = 1;
  expect(await exitCodeOf(exitOnceWritten())).toBe(1);
  process.exitCode = undefined;
  expect(await exitCodeOf(exitOnceWritten())).toBe(0);
});

test('a stream that never hands over its writes delays the exit by at most 2 s', async () => {
  stubWrite(process.stdout, null);
  stubWrite(process.stderr, 0);
  const started = Date.now();
  const code = await exitCodeOf(exitOnceWritten(0));
  const waited = Date.now() - started;
  expect(code).toBe(0);
  expect(waited).toBeGreaterThanOrEqual(1_950);
  expect(waited).toBeLessThan(10_000); // generous: proves it does not hang
});
