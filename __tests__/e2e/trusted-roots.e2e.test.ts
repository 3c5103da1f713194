// Issue 17, item 6, through the bundles: an ama-trusted-roots file of 1 MiB of BEGIN lines kept the event loop
// of every door busy for about 13 s before it was refused; it is refused at once now. (The file is refused
// before any Azure Monitor host is looked up, so nothing leaves loopback.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { cleanupTempDirs } from '../github/runner.js';
import { runDoor } from '../injection/front-doors.js';

const BEGIN = '-----BEGIN CERTIFICATE-----\n';
/** Generous for a loaded 2-core machine; the quadratic scan alone took 13 s. */
const DOES_NOT_HANG_MS = 8_000;

let emulator: Emulator;
let dir: string;
let roots: string;
beforeAll(async () => {
  emulator = await startEmulator({ scenario: 'healthy' });
  dir = mkdtempSync(join(tmpdir(), 'imdsck-roots-'));
  roots = join(dir, 'begins.pem');
  writeFileSync(roots, BEGIN.repeat(Math.floor((1024 * 1024) / BEGIN.length)));
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
  cleanupTempDirs();
});

describe.each(['action', 'task', 'cli'] as const)('%s bundle', (door) => {
  it('1 MiB of BEGIN lines in ama-trusted-roots is refused at once: ama_trusted_roots_invalid', async () => {
    const started = performance.now();
    const run = await runDoor(door, { endpoint: emulator.url, ama: 'true', 'ama-trusted-roots': roots });
    const ms = performance.now() - started;
    const report = run.report as { checks: { id: string; code: string; message: string }[] };
    const ama = report.checks.find((c) => c.id === 'ama');
    expect(ama?.code).toBe('ama_trusted_roots_invalid');
    expect(ama?.message).toContain('it holds no PEM certificate');
    expect(ms).toBeLessThan(DOES_NOT_HANG_MS);
  }, 60_000);
});
