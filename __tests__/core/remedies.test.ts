// The fix for each code, per mode profile (VM / Arc), platform and front-door spelling.
import { CODES, type Code } from '../../src/core/codes.js';
import { arcProfile } from '../../src/core/modes/arc.js';
import { vmProfile } from '../../src/core/modes/vm.js';
import type { ModeProfile } from '../../src/core/modes/profile.js';
import { remedyFor } from '../../src/core/remedies.js';
import type { InputSpelling } from '../../src/core/types.js';
import { ACTION_SPELLING, CLI_SPELLING, TASK_SPELLING } from '../../src/host/spelling.js';

const fix = (code: Code, profile: ModeProfile, platform = 'linux', spell: InputSpelling = ACTION_SPELLING) =>
  remedyFor(code, { profile, platform, spell });

describe('remedyFor: every code, every profile', () => {
  const cases = CODES.flatMap((code) =>
    (['linux', 'win32'] as const).flatMap((platform) =>
      [vmProfile, arcProfile].map((profile) => [code, profile.mode, platform, profile] as const),
    ),
  );

  it.each(cases)('%s on %s/%s is one plain sentence or more', (code, _, platform, profile) => {
    const text = fix(code, profile, platform);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/undefined|\[object|\$\{|\n/);
    expect(text.trim()).toBe(text);
  });

  it('the codes removed in issue 10 are gone', () => {
    expect(CODES).not.toContain('arc_in_container');
  });

  it('the codes added in issue 9 are there', () => {
    for (const code of [
      'metadata_value_rejected',
      'token_not_jwt',
      'token_claim_rejected',
      'arc_key_hard_link',
    ])
      expect(CODES).toContain(code);
  });
});

describe('remedyFor: what differs between a VM and Arc', () => {
  it('a refused connection: the IMDS route on a VM, the himds service on Arc (per platform)', () => {
    expect(fix('connection_refused', vmProfile)).toContain('169.254.169.254');
    expect(fix('connection_refused', vmProfile)).not.toMatch(/himds/i);
    expect(fix('connection_refused', arcProfile, 'linux')).toContain('systemctl start himdsd');
    expect(fix('connection_refused', arcProfile, 'win32')).toContain('Start-Service himds');
    expect(fix('connect_timeout', arcProfile, 'linux')).toMatch(
      /^Nothing answered on the Hybrid IMDS port\. Check/,
    );
  });

  it('something else answered: the bypass hosts and service of the mode', () => {
    const vm = fix('not_imds_html', vmProfile);
    expect(vm).toContain('Something other than IMDS answered');
    expect(vm).toContain('add 169.254.169.254 to NO_PROXY');
    const arc = fix('not_imds_html', arcProfile);
    expect(arc).toContain('Something other than Hybrid IMDS answered');
    expect(arc).toContain('add localhost,127.0.0.1 to NO_PROXY');
  });

  it('the new codes of issue 9 say what was refused and why', () => {
    expect(fix('token_not_jwt', vmProfile)).toMatch(/not a JWT.*not used or shown/);
    expect(fix('token_claim_rejected', vmProfile)).toMatch(/not a GUID.*token itself was issued/);
    expect(fix('metadata_value_rejected', vmProfile)).toMatch(/output was left empty/);
    expect(fix('arc_key_hard_link', arcProfile)).toMatch(/more than one hard link.*not read/);
  });

  it('the same code on Arc uses its own fix only where the profile has one', () => {
    const own = Object.keys(arcProfile.remedies) as Code[];
    expect(own.length).toBeGreaterThan(0);
    for (const code of CODES) {
      const same = fix(code, vmProfile) === fix(code, arcProfile);
      // Codes without an Arc override may still differ through the profile's service name and bypass hosts.
      if (own.includes(code)) expect([code, same]).toEqual([code, false]);
    }
    expect(vmProfile.remedies).toEqual({});
  });

  it('a key-file permission fix names the group of the platform', () => {
    expect(fix('arc_key_permission_denied', arcProfile, 'linux')).toMatch(/usermod -aG himds/);
    expect(fix('arc_key_permission_denied', arcProfile, 'win32')).toContain(
      'Hybrid agent extension applications',
    );
  });
});

describe('remedyFor: inputs spelled the way the front door writes them', () => {
  it.each([
    ['deadline_exceeded', 'timeout-seconds', 'timeoutSeconds', '--timeout-seconds'],
    ['metadata_gone', 'timeout-seconds', 'timeoutSeconds', '--timeout-seconds'],
    ['token_gone', 'timeout-seconds', 'timeoutSeconds', '--timeout-seconds'],
    ['token_multiple_identities', 'identity: user', 'identity: user', '--identity user'],
    [
      'token_identity_not_found',
      'client-id, object-id, msi-res-id',
      'clientId, objectId, msiResId',
      '--client-id, --object-id, --msi-res-id',
    ],
    ['arc_user_identity_unconfirmed', 'identity: system', 'identity: system', '--identity system'],
    ['token_arc_challenge_in_vm_mode', 'use mode: arc', 'use mode: arc', 'use --mode arc'],
  ] as const)('%s', (code, action, task, cli) => {
    expect(fix(code, vmProfile, 'linux', ACTION_SPELLING)).toContain(action);
    expect(fix(code, vmProfile, 'linux', TASK_SPELLING)).toContain(task);
    expect(fix(code, vmProfile, 'linux', CLI_SPELLING)).toContain(cli);
  });

  it('the task never sees a kebab-case input name', () => {
    const kebab = CODES.filter((code) =>
      /timeout-seconds|client-id|object-id|msi-res-id/.test(fix(code, arcProfile, 'linux', TASK_SPELLING)),
    );
    expect(kebab).toEqual([]);
  });
});
