// Root only: the AMA readiness check through the three bundles with their default endpoints, inside a private
// network namespace (IMDS emulator on 169.254.169.254:80, Azure Monitor listeners on :443 of loopback addresses)
// and, per run, a private mount namespace whose /etc/hosts maps the real host names to those listeners.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { NODE24 } from './front-doors.js';
import type { Background } from './namespace.js';
import { netnsUnavailableReason } from './namespace.js';
import { TimingLog } from './timings.js';
import {
  amaInputs,
  amaNamespace,
  amaOf,
  DCE,
  DOORS,
  GLOBAL,
  HOSTS,
  logSince,
  recordTiming,
  ODS,
  REGIONAL,
  type AmaNamespace,
  type AmaRun,
} from './ama-harness.js';

const reason = netnsUnavailableReason(['ip', 'iptables', 'unshare', 'mount']);
if (reason) console.log(`netns AMA suite skipped: ${reason}`);
const suite = reason ? describe.skip : describe;
const times = new TimingLog('netns-ama-times.json');

const HEALTHY = '127.0.1.1';
const PRIVATE = '10.20.0.1';
const INTERCEPTED = '127.0.2.1';
const UNTRUSTED = '127.0.3.1';
const every = (address: string): Record<string, string> => Object.fromEntries(HOSTS.map((h) => [h, address]));
const exitFor = (run: AmaRun, failed: boolean): unknown =>
  run.door === 'task' ? run.taskResult : run.exitCode === (failed ? 1 : 0);

suite('AMA readiness through the bundles', () => {
  let net: AmaNamespace;
  let emulator: Background;
  beforeAll(async () => {
    net = amaNamespace([PRIVATE]);
    emulator = await net.start([
      '--scenario',
      'healthy',
      '--host',
      '169.254.169.254',
      '--port',
      '80',
      '--ama',
      `healthy@${HEALTHY}:443`,
      '--ama',
      `healthy@${PRIVATE}:443`,
      '--ama',
      `intercepted@${INTERCEPTED}:443`,
      '--ama',
      `untrusted@${UNTRUSTED}:443`,
      '--ama-roots',
      net.dir,
      '--log',
    ]);
  });
  afterAll(() => {
    net?.destroy();
    times.flush();
  });

  test.each(DOORS)('%s: healthy passes; outputs, host entries, one summary row per host', async (door) => {
    const mark = emulator.output().length;
    const run = await net.run(door, every(HEALTHY), { inputs: amaInputs(net.dir) });
    recordTiming(times, 'healthy', run);
    const ama = amaOf(run);
    expect([run.result, ama.status, ama.code]).toEqual(['pass', 'pass', 'ok']);
    expect(exitFor(run, false)).toBe(door === 'task' ? 'Succeeded' : true);
    expect([run.outputs['ama-status'], run.outputs['ama-failed-endpoints']]).toEqual(['pass', '']);
    expect(
      ama.hosts.map((h) => [
        h.host,
        h.addresses,
        h.private,
        h.via,
        h.tls.verified,
        h.tls.intercepted,
        h.http.status,
      ]),
    ).toEqual([
      [GLOBAL, [HEALTHY], false, 'direct', true, false, 200],
      [REGIONAL, [HEALTHY], false, 'direct', true, false, 200],
      [ODS, [HEALTHY], false, 'direct', true, false, 401],
      [DCE, [HEALTHY], false, 'direct', true, false, 401],
    ]);
    expect(ama.hosts[0]!.tls.root).toBe('imds-check Test Azure Root CA');
    expect(ama.hosts[0]!.http.body).toBe('Healthy');
    for (const h of HOSTS) expect(run.channels['junit.xml']).toContain(h);
    if (door !== 'cli') {
      const rows = run.summary.split('\n').filter((l) => HOSTS.some((h) => l.startsWith(`| ${h} |`)));
      expect(rows).toHaveLength(4);
    }
    // The emulator saw every host by its real name (SNI) and answered /ping on the handlers.
    const log = await logSince(emulator, mark);
    expect(log.filter((l) => l.startsWith('ama request')).sort()).toEqual(
      [
        `${DCE} GET / -> 401`,
        `${GLOBAL} GET /ping -> 200`,
        `${ODS} GET / -> 401`,
        `${REGIONAL} GET /ping -> 200`,
      ]
        .map((l) => `ama request ${l}`)
        .sort(),
    );
  });

  test.each(DOORS)(
    "%s: an inspecting CA trusted by the machine fails, naming 'Contoso Firewall CA'",
    async (door) => {
      const env = { NODE_EXTRA_CA_CERTS: join(net.dir, 'ama-inspection-root.pem') };
      const run = await net.run(door, every(INTERCEPTED), { inputs: amaInputs(net.dir), env });
      recordTiming(times, 'intercepted', run);
      const ama = amaOf(run);
      expect([run.result, ama.status, ama.code]).toEqual(['fail', 'fail', 'ama_tls_inspected']);
      expect(ama.message).toContain(`${GLOBAL}: TLS intercepted by 'Contoso Firewall CA'`);
      expect(ama.remediation).toContain('exclude these hosts from inspection');
      expect(
        ama.hosts.every((h) => h.tls.intercepted && h.tls.verified && h.tls.issuer === 'Contoso Firewall CA'),
      ).toBe(true);
      expect(run.outputs['ama-failed-endpoints']).toBe(HOSTS.join(','));
      expect(run.outputs['ama-status']).toBe('fail');
      expect(exitFor(run, true)).toBe(door === 'task' ? 'Failed' : true);
    },
  );

  test.each(DOORS)('%s: an untrusted chain fails as untrusted, naming its issuer', async (door) => {
    const run = await net.run(door, every(UNTRUSTED), { inputs: amaInputs(net.dir) });
    recordTiming(times, 'untrusted', run);
    const ama = amaOf(run);
    expect([ama.status, ama.code]).toEqual(['fail', 'ama_tls_untrusted']);
    expect(ama.message).toContain(
      "the chain from 'Untrusted Test CA' is not trusted (SELF_SIGNED_CERT_IN_CHAIN)",
    );
    expect(ama.hosts.map((h) => h.tls.intercepted)).toEqual([false, false, false, false]);
    expect(run.outputs['ama-failed-endpoints']).toBe(HOSTS.join(','));
  });

  test.each(DOORS)('%s: a name that does not resolve fails that host only', async (door) => {
    const hosts = every(HEALTHY);
    delete hosts[ODS];
    const run = await net.run(door, hosts, { inputs: amaInputs(net.dir) });
    recordTiming(times, 'dns', run);
    const ama = amaOf(run);
    expect([ama.status, ama.code]).toEqual(['fail', 'ama_dns_failed']);
    expect(ama.hosts.map((h) => h.code)).toEqual(['ok', 'ok', 'ama_dns_failed', 'ok']);
    expect(ama.message).toMatch(
      new RegExp(`${ODS.replace(/\./g, '\\.')}: the name did not resolve \\((ENOTFOUND|EAI_AGAIN)\\)`),
    );
    expect(run.outputs['ama-failed-endpoints']).toBe(ODS);
  });

  test.each(DOORS)(
    '%s: private-link true with public answers fails at resolution, before any connection',
    async (door) => {
      const mark = emulator.output().length;
      const run = await net.run(door, every(HEALTHY), {
        inputs: amaInputs(net.dir, { 'private-link': 'true' }),
      });
      recordTiming(times, 'private-link mismatch', run);
      const ama = amaOf(run);
      expect([ama.status, ama.code]).toEqual(['fail', 'ama_private_link_public']);
      expect(ama.hosts.map((h) => [h.code, h.connectMs])).toEqual(
        HOSTS.map(() => ['ama_private_link_public', null]),
      );
      expect(ama.message).toContain(
        `private link expected, but it resolves to ${HEALTHY}, which is not a private address`,
      );
      expect(run.outputs['ama-failed-endpoints']).toBe(HOSTS.join(','));
      expect((await logSince(emulator, mark)).filter((l) => l.startsWith('ama '))).toEqual([]);
    },
  );

  // Node 24 reads trust differently (tls.getCACertificates exists); the verdicts must not change with it.
  test('node 24 (action bundle): healthy passes and the trusted inspecting CA is still caught', async () => {
    const healthy = await net.run('action', every(HEALTHY), { inputs: amaInputs(net.dir), node: NODE24 });
    expect(amaOf(healthy).code).toBe('ok');
    const env = { NODE_EXTRA_CA_CERTS: join(net.dir, 'ama-inspection-root.pem') };
    const caught = await net.run('action', every(INTERCEPTED), {
      inputs: amaInputs(net.dir),
      env,
      node: NODE24,
    });
    expect(amaOf(caught).code).toBe('ama_tls_inspected');
  });

  test('cli: private-link true with private addresses passes; false then fails', async () => {
    const ok = await net.run('cli', every(PRIVATE), {
      inputs: amaInputs(net.dir, { 'private-link': 'true' }),
    });
    expect([amaOf(ok).code, amaOf(ok).hosts.map((h) => h.private)]).toEqual(['ok', [true, true, true, true]]);
    const bad = await net.run('cli', every(PRIVATE), {
      inputs: amaInputs(net.dir, { 'private-link': 'false' }),
    });
    expect(amaOf(bad).code).toBe('ama_private_link_private');
    expect(amaOf(bad).message).toContain(`resolves to the private address ${PRIVATE}`);
  });
});
