// The three rollout checks end to end in-process: the real engine against the IMDS emulator (its identity and
// image scenarios, VM and Arc) and the Azure Monitor listeners on loopback (their Date shifted), each run read
// as the doors read it: the report and the contract outputs. The bundles do the same in __tests__/netns.
import { afterEach, describe, expect, test } from '@jest/globals';
import { buildOutputs, type CheckResult, type Report } from '../../../../src/core/index.js';
import { USER_IDENTITY_1 } from '../../../../src/emulator/identities.js';
import { CUSTOM_IMAGE_ID } from '../../../../src/emulator/fixtures/vm-instance.js';
import {
  DCE,
  GLOBAL,
  WORKSPACE,
  rigNetwork,
  runAma,
  startRig,
  type Rig,
  type RigOptions,
} from '../ama/harness.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function probe(o: RigOptions, inputs: Record<string, string> = {}) {
  rig = await startRig(o);
  const { outcome } = await runAma(
    rig,
    { 'workspace-ids': WORKSPACE, 'dce-endpoints': DCE, ...inputs },
    rigNetwork(rig),
  );
  const report = outcome.report;
  const byId = (id: string): CheckResult => report.checks.find((c) => c.id === id)!;
  return { report, byId, outputs: buildOutputs(report, null, false, '') };
}
const settingsOf = (name: string, value: string): string =>
  `{"authentication":{"managedIdentity":{"identifier-name":"${name}","identifier-value":"${value}"}}}`;
const statuses = (report: Report, ids: string[]) =>
  ids.map((id) => {
    const c = report.checks.find((x) => x.id === id)!;
    return [id, c.status, c.code];
  });

describe('rollout readiness, in-process', () => {
  test('healthy: every new check passes, in the registry order; settings {}, policy install, skew 0', async () => {
    const { report, outputs } = await probe({});
    expect(report.checks.map((c) => c.id)).toEqual([
      'environment',
      'reachability',
      'metadata',
      'token',
      'ama-host',
      'ama-identity',
      'ama',
      'clock',
    ]);
    expect(statuses(report, ['ama-host', 'ama-identity', 'ama', 'clock'])).toEqual([
      ['ama-host', 'pass', 'ok'],
      ['ama-identity', 'pass', 'ok'],
      ['ama', 'pass', 'ok'],
      ['clock', 'pass', 'ok'],
    ]);
    expect(report.result).toBe('pass');
    expect(outputs).toMatchObject({
      'ama-host-status': 'pass',
      'ama-extension-settings': '{}',
      'ama-policy': 'install',
    });
    expect(Math.abs(Number(outputs['clock-skew-seconds']))).toBeLessThanOrEqual(1);
  });

  test('identity user by msi-res-id: its exact settings', async () => {
    const { outputs, byId } = await probe(
      {},
      { identity: 'user', 'msi-res-id': USER_IDENTITY_1.resourceId! },
    );
    expect(byId('ama-identity').status).toBe('pass');
    expect(outputs['ama-extension-settings']).toBe(settingsOf('mi_res_id', USER_IDENTITY_1.resourceId!));
    // The user-assigned policy fits a user identity.
    expect(byId('ama-identity').message).toContain(
      'with user-assigned managed identity-based authentication',
    );
  });

  test('one user identity, no selector: its mi_res_id from the token', async () => {
    const { outputs } = await probe({ emulator: { scenario: 'single-user-identity' } });
    expect(outputs['ama-extension-settings']).toBe(settingsOf('mi_res_id', USER_IDENTITY_1.resourceId!));
  });

  test.each([
    ['multiple-user-identities', 'ama_identity_ambiguous'],
    ['no-identity', 'ama_identity_none'],
  ])('%s: %s, no settings', async (scenario, code) => {
    const { byId, outputs } = await probe({ emulator: { scenario } });
    expect([byId('ama-identity').status, byId('ama-identity').code]).toEqual(['fail', code]);
    expect(outputs['ama-extension-settings']).toBe('');
  });

  test('custom image with ama-install policy: ama_policy_skip naming the image', async () => {
    const { byId, outputs } = await probe(
      { emulator: { scenario: 'custom-image' } },
      { 'ama-install': 'policy' },
    );
    expect([byId('ama-identity').status, byId('ama-identity').code]).toEqual(['fail', 'ama_policy_skip']);
    expect(byId('ama-identity').message).toContain(CUSTOM_IMAGE_ID);
    expect(outputs).toMatchObject({ 'ama-policy': 'skip', 'ama-extension-settings': '{}' });
  });

  test('Arc with a user identity checked: warns, settings {}', async () => {
    const { byId, outputs } = await probe(
      { emulator: { scenario: 'arc-user-supported', mode: 'arc' } },
      { identity: 'user', 'client-id': USER_IDENTITY_1.clientId },
    );
    expect([byId('token').status, byId('ama-identity').status, byId('ama-identity').code]).toEqual([
      'pass',
      'warn',
      'ama_arc_user_identity',
    ]);
    expect(outputs['ama-extension-settings']).toBe('{}');
    expect(byId('ama-identity').message).toContain('Configure Linux Arc-enabled machines');
  });

  test.each([
    [-600, 'fail', 600],
    [-90, 'warn', 90],
  ])('Azure Monitor Date %i s: clock %s, skew %i', async (offset, status, skew) => {
    const { byId, outputs } = await probe({ dateOffsetSeconds: offset });
    expect([byId('clock').status, byId('clock').code]).toEqual([status, 'clock_skew']);
    expect(Number(outputs['clock-skew-seconds'])).toBeGreaterThanOrEqual(skew - 1);
    expect(Number(outputs['clock-skew-seconds'])).toBeLessThanOrEqual(skew + 1);
  });

  // The listeners' certificates follow their own (shifted) clock, as Azure's follow real time.
  test('a certificate valid by Azure time, not yet valid by a clock 20 minutes behind: the clock is the cause', async () => {
    const { byId } = await probe({ scenarios: { [GLOBAL]: 'fresh' }, dateOffsetSeconds: 1200 });
    const ama = byId('ama');
    expect([ama.code, byId('clock').status]).toEqual(['ama_tls_expired', 'fail']);
    expect(ama.message).toContain('is not yet valid');
    expect(ama.remediation).toMatch(/^The local clock is 1[12]\d\d s behind Azure \(clock check\)/);
    expect(ama.remediation).toContain('the clock is the cause of ama_tls_expired here');
  });

  test('a certificate expired by Azure time too, with the clock off: the clock is not named the only cause', async () => {
    const { byId } = await probe({ scenarios: { [GLOBAL]: 'expired' }, dateOffsetSeconds: -600 });
    const ama = byId('ama');
    expect([ama.code, byId('clock').status]).toEqual(['ama_tls_expired', 'fail']);
    expect(ama.remediation).toMatch(/^The local clock is 60\d s ahead of Azure \(clock check\): correct it/);
    expect(ama.remediation).toContain(
      `by Azure's time the chain from ${GLOBAL} (expired) is still out of date`,
    );
    expect(ama.remediation).not.toContain('the clock is the cause');
  });
});
