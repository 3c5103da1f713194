// Runs one command as a cold process and measures it: wall time from spawn to exit, and peak RSS of the
// largest single process through GNU time's %M (wait4 rusage, so a wrapper never hides its child).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeakRss } from './stats.mjs';

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = () => existsSync(GNU_TIME);

const scratch = mkdtempSync(join(tmpdir(), 'imds-bench-'));
const rssFile = join(scratch, 'rss');
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/**
 * Spawns `cmd args` in its own process group, so the cap can kill the whole group (GNU time and its child)
 * by the group's id. Resolves with { wallMs, firstStderrMs, peakKiB, code, signal, timedOut, stdout, stderr }.
 */
export function runOnce(cmd, args, { env, cwd, capMs = 30_000, measureRss = true } = {}) {
  const wrap = measureRss && hasGnuTime();
  const file = wrap ? GNU_TIME : cmd;
  const argv = wrap ? ['-f', '%M', '-o', rssFile, cmd, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let wallMs = 0;
    let firstStderrMs;
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => {
      // When the first message appeared: a killed run may have printed a verdict long before the cap.
      firstStderrMs ??= Number(process.hrtime.bigint() - started) / 1e6;
      stderr += d;
    });
    const cap = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group already exited between the timer firing and the kill
      }
    }, capMs);
    child.on('error', (err) => {
      clearTimeout(cap);
      reject(err);
    });
    child.on('exit', () => {
      wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(cap);
    });
    child.on('close', (code, signal) => {
      const peakKiB = wrap && !timedOut ? parsePeakRss(readFileSync(rssFile, 'utf8')) : undefined;
      // GNU time passes its child's exit status through; "Command exited..." only goes to the -o file.
      resolve({ wallMs, firstStderrMs, peakKiB, code, signal, timedOut, stdout, stderr });
    });
  });
}

/** A loopback port that nothing listens on: bind port 0, note the number, close it again. */
export async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `imds-check emulate` from the CLI bundle on a loopback port; resolves with { url, stop }. */
export async function startEmulator(cliBundle, scenario = 'healthy') {
  const child = spawn(
    process.execPath,
    [cliBundle, 'emulate', '--host', '127.0.0.1', '--port', '0', '--scenario', scenario],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // A 'data' listener rather than for-await: leaving a for-await loop would destroy the pipe (EPIPE later).
  const url = await new Promise((resolve) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match || seen.includes('\n')) {
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining so the emulator never blocks on a full pipe
        resolve(match ? match[1] : `no URL in: ${seen.trim()}`);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    exited.then(() => resolve(`exited before listening: ${seen.trim()}`));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  if (!url.startsWith('http://')) {
    await stop();
    throw new Error(`the emulator (scenario ${scenario}) did not start: ${url}`);
  }
  return { url, stop };
}
