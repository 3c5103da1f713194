// Bounds of the ama check: a silent host ends at the handshake bound, the whole check ends inside
// timeout-seconds, a refused port is reported at once, and at most 8 hosts are in flight.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { runAma as runCheck } from '../../../../src/core/checks/ama/index.js';
import { AMA_BOUNDS } from '../../../../src/core/checks/ama/bounds.js';
import { EMPTY_MACHINE, type Findings } from '../../../../src/core/types.js';
import { notSampled } from '../../../helpers/fake-run.js';
import { nodeFileSystem } from '../../../../src/host/file-system.js';
import { fakeContext, type FakeClock } from '../../../helpers/fake-context.js';
import { fakeRun } from '../../../helpers/fake-run.js';
import { GLOBAL, rigNetwork, runAma, startRig, type Rig } from './harness.js';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ fallback: 'silent' });
});
afterAll(() => rig.close());

const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
};
const findings: Findings = {
  metadata: {
    check: {} as never,
    recognition: null,
    machine: { ...EMPTY_MACHINE, location: 'westeurope', azEnvironment: 'AzurePublicCloud' },
    sample: notSampled,
  },
};
const dces = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `d${i}.westeurope-1.ingest.monitor.azure.com`);

function runFor(network: ReturnType<typeof rigNetwork>, dceEndpoints: string[] = []) {
  const ctx = fakeContext({ clock: realClock as FakeClock, fs: nodeFileSystem, amaNetwork: network });
  return fakeRun('vm', { ama: true, amaTrustedRoots: rig.rootsFile, amaProxy: 'none', dceEndpoints }, ctx);
}

test('a silent host ends at the handshake bound with ama_tls_failed', async () => {
  const run = runFor(rigNetwork(rig));
  const started = Date.now();
  const found = await runCheck(run, findings, { ...AMA_BOUNDS, handshakeMs: 300 });
  expect(Date.now() - started).toBeLessThan(5_000); // does not hang
  expect(found.hosts.map((h) => h.code)).toEqual(['ama_tls_failed', 'ama_tls_failed']);
  expect(found.check.message).toContain(
    'no TLS handshake within 0.3 s (the connection was accepted, then silence)',
  );
  expect(found.hosts[0]!.connectMs).toEqual(expect.any(Number));
});

test('no more than 8 hosts in flight, every one reported', async () => {
  const network = rigNetwork(rig);
  const run = runFor(network, dces(14));
  let finished = 0;
  let peak = 0;
  const resolve = network.resolve.bind(network);
  network.resolve = async (host) => {
    peak = Math.max(peak, network.lookups.length + 1 - finished);
    return resolve(host);
  };
  const progress = run.ctx.progress;
  run.ctx.progress = (e) => {
    if (/ ms$/.test(e.text)) finished += 1;
    progress(e);
  };
  const found = await runCheck(run, findings, { ...AMA_BOUNDS, handshakeMs: 200 });
  expect(found.hosts).toHaveLength(16);
  expect(finished).toBe(16);
  expect(peak).toBe(8);
});

test('the whole check ends inside timeout-seconds, whatever the per-host bounds', async () => {
  const started = Date.now();
  const run = await runAma(rig, { 'timeout-seconds': '2' }, rigNetwork(rig));
  const ama = run.outcome.report.checks.find((c) => c.id === 'ama')!;
  expect(ama.code).toBe('ama_tls_failed');
  expect(Date.now() - started).toBeLessThan(2_000 + 1_500); // does not hang past the run's bound
});

test('a refused port is reported at once, once', async () => {
  const network = { ...rigNetwork(rig), port: () => 1 };
  const run = runFor(network);
  const found = await runCheck(run, findings);
  expect(found.hosts.map((h) => h.code)).toEqual(['ama_connect_failed', 'ama_connect_failed']);
  expect(found.check.message).toContain(
    `${GLOBAL}: TCP 1 to 127.0.0.1: the connection was refused (ECONNREFUSED)`,
  );
});
