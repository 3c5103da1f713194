// The fix for each code, per mode profile (VM / Arc), platform and front-door spelling.
import { CODES, type Code } from '../../src/core/codes.js';
import { HIMDS_BASE, IMDS_BASE } from '../../src/core/imds/protocol.js';
import { arcProfile } from '../../src/core/modes/arc.js';
import { vmProfile } from '../../src/core/modes/vm.js';
import type { ModeProfile } from '../../src/core/modes/profile.js';
import { endpointFacts } from '../../src/core/pipeline/remedy-lookup.js';
import { remedyFor } from '../../src/core/remedies.js';
import type { InputSpelling } from '../../src/core/types.js';
import { ACTION_SPELLING, CLI_SPELLING, TASK_SPELLING } from '../../src/host/spelling.js';

/** The fix as a run against `endpoint` gives it; by default the mode's own endpoint. */
const fix = (
  code: Code,
  profile: ModeProfile,
  platform = 'linux',
  spell: InputSpelling = ACTION_SPELLING,
  endpoint = profile.mode === 'arc' ? HIMDS_BASE : IMDS_BASE,
) => remedyFor(code, { profile, platform, spell, endpoint: endpointFacts(endpoint) });

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
      /^Nothing answered on the Hybrid IMDS port \(localhost:40342\)\. Check/,
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

describe('remedyFor: the fix names the endpoint the run used (issue 21)', () => {
  const EMULATOR = 'http://127.0.0.1:8080';
  const OTHER_HOST = 'http://10.1.2.3:8080';
  const elsewhere = [EMULATOR, 'http://[::1]:8081', OTHER_HOST];

  it.each(elsewhere)('no fix names 169.254.169.254 when the endpoint is %s', (endpoint) => {
    const naming = CODES.flatMap((code) =>
      [vmProfile, arcProfile].flatMap((profile) =>
        fix(code, profile, 'linux', CLI_SPELLING, endpoint).includes('169.254.169.254')
          ? [`${code}/${profile.mode}`]
          : [],
      ),
    );
    expect(naming).toEqual([]);
  });

  it('IMDS itself keeps the route, NSG and AKS advice', () => {
    expect(fix('connect_timeout', vmProfile)).toBe(
      'Packets to IMDS are dropped. Check that nothing blocks 169.254.169.254:80: an OS firewall or iptables rule, a missing route for 169.254.169.254/32 via the primary NIC (`ip route get 169.254.169.254`), or AKS --enable-imds-restriction for pods without hostNetwork.',
    );
    expect(fix('network_unreachable', vmProfile)).toMatch(/route for 169\.254\.169\.254\/32/);
    expect(fix('connection_reset', vmProfile)).toContain('allow TCP to 169.254.169.254:80');
  });

  it('an emulator on loopback: what listens there, never a route or an NSG', () => {
    const refused = fix('connection_refused', vmProfile, 'linux', CLI_SPELLING, EMULATOR);
    expect(refused).toBe(
      'Nothing listens on 127.0.0.1:8080. Start what should answer there (the emulator: `imds-check emulate --port 8080`), or correct --endpoint.',
    );
    const dropped = fix('connect_timeout', vmProfile, 'linux', CLI_SPELLING, EMULATOR);
    expect(dropped).toMatch(/^Packets to 127\.0\.0\.1:8080 are dropped\. .*loopback traffic to port 8080/);
    for (const code of ['connect_timeout', 'connection_refused', 'network_unreachable'] as const)
      expect(fix(code, vmProfile, 'linux', CLI_SPELLING, EMULATOR)).not.toMatch(/\/32|NSG|AKS|primary NIC/);
    expect(fix('no_response', vmProfile, 'linux', CLI_SPELLING, EMULATOR)).toContain(
      'a hung service on 127.0.0.1:8080.',
    );
    expect(fix('connection_refused', vmProfile, 'linux', CLI_SPELLING, 'http://[::1]:8081')).toContain(
      'Nothing listens on [::1]:8081.',
    );
  });

  it("another host: its address and route, and the endpoint input in the door's spelling", () => {
    const dropped = fix('connect_timeout', vmProfile, 'linux', TASK_SPELLING, OTHER_HOST);
    expect(dropped).toContain('Packets to 10.1.2.3:8080 are dropped.');
    expect(dropped).toContain('`ip route get 10.1.2.3`');
    expect(dropped).toMatch(/or correct endpoint\.$/);
    expect(dropped).not.toMatch(/\/32|AKS|primary NIC/);
    expect(fix('network_unreachable', vmProfile, 'linux', CLI_SPELLING, OTHER_HOST)).toBe(
      'There is no route to 10.1.2.3. Check the routes of this machine (`ip route get 10.1.2.3`), or correct --endpoint.',
    );
  });

  it('the proxy fixes name the hosts of the endpoint used', () => {
    expect(fix('not_imds_proxy', vmProfile)).toBe(
      'A proxy answered instead of IMDS. Set NO_PROXY to include 169.254.169.254 and add it to the proxy bypass list of the agent.',
    );
    expect(fix('not_imds_proxy', arcProfile)).toBe(
      'A proxy answered instead of Hybrid IMDS. Set NO_PROXY to include localhost,127.0.0.1 and add them to the proxy bypass list of the agent.',
    );
    expect(fix('not_imds_proxy', vmProfile, 'linux', CLI_SPELLING, OTHER_HOST)).toContain(
      'Set NO_PROXY to include 10.1.2.3 and add it',
    );
    expect(fix('not_imds_html', vmProfile, 'linux', CLI_SPELLING, EMULATOR)).toContain(
      'add 127.0.0.1 to NO_PROXY',
    );
    expect(fix('metadata_api_version', vmProfile, 'linux', CLI_SPELLING, EMULATOR)).toContain(
      '"http://127.0.0.1:8080/metadata/versions"',
    );
  });

  it('Arc: the himds service advice names the port that was tried, and only where Hybrid IMDS listens', () => {
    expect(fix('connection_refused', arcProfile)).toMatch(
      /^Hybrid IMDS is not listening on localhost:40342\. .*systemctl start himdsd/,
    );
    expect(fix('connect_timeout', arcProfile, 'win32', CLI_SPELLING, 'http://127.0.0.1:40342')).toMatch(
      /^Nothing answered on the Hybrid IMDS port \(127\.0\.0\.1:40342\)\. Check .*Get-Service himds/,
    );
    // An endpoint on another port (an emulator) first gets that address and the emulator's command; the himds
    // advice follows, for an Arc server whose own Hybrid IMDS may be down too.
    const emulator = fix('connection_refused', arcProfile, 'linux', CLI_SPELLING, 'http://127.0.0.1:18082');
    expect(emulator).toBe(
      "Nothing listens on 127.0.0.1:18082, which --endpoint names (Hybrid IMDS listens on port 40342): start what should answer there (the emulator: `imds-check emulate --mode arc --port 18082`), or leave --endpoint empty. For this machine's Hybrid IMDS: start the Hybrid IMDS service and check the agent: `systemctl status himdsd`, `sudo systemctl start himdsd`, `azcmagent show`.",
    );
    const silent = fix('connect_timeout', arcProfile, 'win32', CLI_SPELLING, 'http://[::1]:18082');
    expect(silent).toMatch(
      /^Nothing answered on \[::1\]:18082, which --endpoint names .* For this machine's Hybrid IMDS: check .*Get-Service himds/,
    );
  });
});
