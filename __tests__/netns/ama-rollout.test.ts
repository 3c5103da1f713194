// Root only: the rollout checks (ama-host, ama-identity, clock) through the three bundles, inside a private
// network namespace (IMDS emulators: the healthy one on 169.254.169.254:80, others on loopback ports; Hybrid IMDS
// on 127.0.0.1:40342; Azure Monitor listeners, two of them with a shifted Date) and a private mount namespace per
// run that plays the machine: its own /etc/os-release and a tmpfs over /var/opt whose size is the free disk.
// Each run proves several things at once; all runs start together in beforeAll, the tests read their results.
import { beforeAll, afterAll, describe, expect, test } from '@jest/globals';
import { USER_IDENTITY_1, USER_IDENTITY_2 } from '../../src/emulator/identities.js';
import { CUSTOM_IMAGE_ID } from '../../src/emulator/fixtures/vm-instance.js';
import { netnsUnavailableReason } from './namespace.js';
import { TimingLog } from './timings.js';
import {
  amaInputs,
  amaNamespace,
  DOORS,
  HOSTS,
  recordTiming,
  type AmaNamespace,
  type AmaRun,
  type Machine,
} from './ama-harness.js';
import type { Door } from './front-doors.js';

const reason = netnsUnavailableReason(['ip', 'iptables', 'unshare', 'mount']);
if (reason) console.log(`netns AMA rollout suite skipped: ${reason}`);
const suite = reason ? describe.skip : describe;
const times = new TimingLog('netns-ama-rollout-times.json');

const TRUE_DATE = '127.0.1.1';
const TEN_MINUTES_BEHIND = '127.0.4.1';
const NINETY_SECONDS_BEHIND = '127.0.5.1';
const IMDS_PORTS = {
  'custom-image': 8081,
  'multiple-user-identities': 8082,
  'no-identity': 8083,
  'single-user-identity': 8084,
} as const;
const at = (scenario: keyof typeof IMDS_PORTS): string => `http://127.0.0.1:${IMDS_PORTS[scenario]}`;
const every = (address: string): Record<string, string> => Object.fromEntries(HOSTS.map((h) => [h, address]));
const release = (id: string, version: string, pretty: string): string =>
  `PRETTY_NAME="${pretty}"\nID=${id}\nVERSION_ID="${version}"\n`;
const settings = (name: string, value: string): string =>
  `{"authentication":{"managedIdentity":{"identifier-name":"${name}","identifier-value":"${value}"}}}`;

interface Case {
  name: string;
  address: string;
  inputs: Record<string, string>;
  machine?: Machine;
}
const CASES: Case[] = [
  { name: 'healthy', address: TRUE_DATE, inputs: {} },
  {
    name: 'unsupported OS, low disk, custom image under policy, clock +10 min',
    address: TEN_MINUTES_BEHIND,
    inputs: { endpoint: at('custom-image'), 'ama-install': 'policy' },
    machine: { osRelease: release('miraclelinux', '9.0', 'MIRACLE LINUX 9.0'), varOpt: '64m' },
  },
  {
    name: 'unlisted Ubuntu, several user identities, clock +90 s',
    address: NINETY_SECONDS_BEHIND,
    inputs: { endpoint: at('multiple-user-identities') },
    machine: { osRelease: release('ubuntu', '25.04', 'Ubuntu 25.04') },
  },
  {
    name: 'msi-res-id',
    address: TRUE_DATE,
    inputs: { identity: 'user', 'msi-res-id': USER_IDENTITY_1.resourceId! },
  },
  {
    name: 'client-id',
    address: TRUE_DATE,
    inputs: { identity: 'user', 'client-id': USER_IDENTITY_2.clientId },
  },
  { name: 'single user identity', address: TRUE_DATE, inputs: { endpoint: at('single-user-identity') } },
  { name: 'no identity', address: TRUE_DATE, inputs: { endpoint: at('no-identity') } },
  {
    name: 'Arc with a user identity',
    address: TRUE_DATE,
    inputs: { mode: 'arc', identity: 'user', 'client-id': USER_IDENTITY_1.clientId },
    machine: { arc: true },
  },
];

/** Runs `jobs` with at most `limit` at once (2 cores: the doors are mostly waiting on loopback sockets). */
async function pooled<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

suite('AMA rollout readiness through the bundles', () => {
  let net: AmaNamespace;
  const runs = new Map<string, AmaRun>();
  const run = (name: string, door: Door): AmaRun => runs.get(`${name}/${door}`)!;
  /** A check's entry of the JSON report: its fields, and its data beside them. */
  const check = (r: AmaRun, id: string) =>
    r.report.checks.find((c) => c.id === id) as unknown as {
      status: string;
      code: string;
      message: string;
      remediation: string;
      [data: string]: unknown;
    };

  beforeAll(async () => {
    net = amaNamespace();
    await net.start([
      ...['--scenario', 'healthy', '--host', '169.254.169.254', '--port', '80'],
      ...['--ama', `healthy@${TRUE_DATE}:443`],
      ...['--ama', `healthy@${TEN_MINUTES_BEHIND}:443,date=-600`],
      ...['--ama', `healthy@${NINETY_SECONDS_BEHIND}:443,date=-90`],
      ...['--ama-roots', net.dir],
    ]);
    await Promise.all([
      ...Object.entries(IMDS_PORTS).map(([scenario, port]) =>
        net.startImds([
          '--scenario',
          scenario,
          '--mode',
          'vm',
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
        ]),
      ),
      net.startArc('arc-user-supported'),
    ]);
    const jobs = CASES.flatMap((c) =>
      DOORS.map((door) => async () => {
        const r = await net.run(door, every(c.address), { inputs: amaInputs(net.dir, c.inputs) }, c.machine);
        recordTiming(times, `rollout ${c.name}`, r);
        runs.set(`${c.name}/${door}`, r);
      }),
    );
    await pooled(jobs, 6);
  }, 180_000);
  afterAll(() => {
    net?.destroy();
    times.flush();
  });

  test.each(DOORS)('%s: healthy, every new check passes; {} , install, no skew', (door) => {
    const r = run('healthy', door);
    expect(
      ['ama-host', 'ama-identity', 'ama', 'clock'].map((id) => [id, check(r, id).status, check(r, id).code]),
    ).toEqual([
      ['ama-host', 'pass', 'ok'],
      ['ama-identity', 'pass', 'ok'],
      ['ama', 'pass', 'ok'],
      ['clock', 'pass', 'ok'],
    ]);
    expect([
      r.result,
      r.outputs['ama-host-status'],
      r.outputs['ama-extension-settings'],
      r.outputs['ama-policy'],
    ]).toEqual(['pass', 'pass', '{}', 'install']);
    expect(Math.abs(Number(r.outputs['clock-skew-seconds']))).toBeLessThanOrEqual(1);
    expect(check(r, 'ama-host').message).toContain(
      'Ubuntu 22.04 is supported; on x64; 20.0 GB free at /var/opt',
    );
    if (door !== 'cli') expect(r.summary).toContain('AMA identity and policy');
  });

  test.each(DOORS)(
    '%s: MIRACLE Linux on 64 MB, a custom image under policy, the clock 10 min ahead',
    (door) => {
      const r = run('unsupported OS, low disk, custom image under policy, clock +10 min', door);
      const host = check(r, 'ama-host');
      expect([host.status, host.code, r.outputs['ama-host-status']]).toEqual([
        'fail',
        'ama_os_unsupported',
        'fail',
      ]);
      expect(host.message).toContain("MIRACLE LINUX 9.0 is not a distribution on AMA's supported list");
      expect(host.message).toMatch(/only 0\.1 GB free at \/var\/opt .*below the 10 GB/);
      expect((host['parts'] as { code: string }[]).map((p) => p.code)).toEqual([
        'ama_os_unsupported',
        'ok',
        'ama_disk_low',
      ]);
      const identity = check(r, 'ama-identity');
      expect([identity.status, identity.code]).toEqual(['fail', 'ama_policy_skip']);
      expect(identity.message).toContain(CUSTOM_IMAGE_ID);
      expect([r.outputs['ama-policy'], r.outputs['ama-extension-settings']]).toEqual(['skip', '{}']);
      const clock = check(r, 'clock');
      expect([clock.status, clock.code]).toEqual(['fail', 'clock_skew']);
      expect(clock.message).toMatch(
        /The local clock is 60\d s ahead of Azure .*: local \S+Z when Azure's clock said \S+Z/,
      );
      expect(clock.remediation).toContain('chronyc makestep');
      expect(Number(r.outputs['clock-skew-seconds'])).toBeGreaterThanOrEqual(599);
      expect(Number(r.outputs['clock-skew-seconds'])).toBeLessThanOrEqual(601);
      expect(r.result).toBe('fail');
      expect(door === 'task' ? r.taskResult : r.exitCode).toBe(door === 'task' ? 'Failed' : 1);
    },
  );

  test.each(DOORS)(
    '%s: Ubuntu 25.04 warns, several identities fail ambiguous, the clock 90 s ahead warns',
    (door) => {
      const r = run('unlisted Ubuntu, several user identities, clock +90 s', door);
      expect([check(r, 'ama-host').status, check(r, 'ama-host').code]).toEqual(['warn', 'ama_os_unknown']);
      expect(r.outputs['ama-host-status']).toBe('warn');
      expect([check(r, 'ama-identity').status, check(r, 'ama-identity').code]).toEqual([
        'fail',
        'ama_identity_ambiguous',
      ]);
      // No identity fits, and the two VM policies disagree (no system identity; the user-assigned one would install).
      expect([r.outputs['ama-extension-settings'], r.outputs['ama-policy']]).toEqual(['', 'unknown']);
      expect([check(r, 'clock').status, check(r, 'clock').code]).toEqual(['warn', 'clock_skew']);
      expect(Math.abs(Number(r.outputs['clock-skew-seconds']) - 90)).toBeLessThanOrEqual(1);
    },
  );

  test.each(
    DOORS.flatMap((door): [Door, string, string, string][] => [
      [door, 'msi-res-id', settings('mi_res_id', USER_IDENTITY_1.resourceId!), 'install'],
      [door, 'client-id', settings('client_id', USER_IDENTITY_2.clientId), 'install'],
      [door, 'single user identity', settings('mi_res_id', USER_IDENTITY_1.resourceId!), 'install'],
      [door, 'no identity', '', 'unknown'],
      [door, 'Arc with a user identity', '{}', 'install'],
    ]),
  )('%s %s: ama-extension-settings %s, ama-policy %s', (door, name, expected, policy) => {
    const r = run(name, door);
    expect([r.outputs['ama-extension-settings'], r.outputs['ama-policy']]).toEqual([expected, policy]);
    const identity = check(r, 'ama-identity');
    if (name === 'no identity')
      expect([identity.status, identity.code]).toEqual(['fail', 'ama_identity_none']);
    else if (name.startsWith('Arc')) {
      expect([r.mode, identity.status, identity.code]).toEqual(['arc', 'warn', 'ama_arc_user_identity']);
      expect(identity.message).toContain('Configure Linux Arc-enabled machines to run Azure Monitor Agent');
    } else expect([identity.status, identity.code]).toEqual(['pass', 'ok']);
  });
});
