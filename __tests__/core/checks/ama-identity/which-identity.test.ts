// Which identity AMA will use, from what the token check learned, and the exact extension settings that select
// it: every case of VM (system, one user identity without a selector, several, none, a selected one) and Arc.
import { describe, expect, test } from '@jest/globals';
import { isExtensionSettings, settingsFor } from '../../../../src/core/checks/ama-identity/settings.js';
import {
  whichIdentity,
  type IdentityInput,
  type TokenOutcome,
} from '../../../../src/core/checks/ama-identity/which-identity.js';
import type { IdentitySelector } from '../../../../src/core/types.js';

const SUB = '3af8e776-0edc-4cf5-8520-b5ec2dbc778f';
const VM_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`;
const UAMI = `/subscriptions/${SUB}/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ama-writer`;
const GUID = 'ab77ccb7-0b00-46c8-ac2b-4303f0ffc6b0';

const passed = (mirid = ''): TokenOutcome => ({ status: 'pass', code: 'ok', mirid });
const failed = (code: TokenOutcome['code']): TokenOutcome => ({ status: 'fail', code, mirid: '' });
function input(
  token: TokenOutcome | null,
  o: { mode?: 'vm' | 'arc'; selector?: IdentitySelector; identity?: 'system' | 'user' | 'none' } = {},
): IdentityInput {
  return {
    mode: o.mode ?? 'vm',
    options: { identity: o.identity ?? (o.selector ? 'user' : 'system'), selector: o.selector ?? null },
    token,
    machineResourceId: VM_ID,
  };
}
const settings = (name: string, value: string): string =>
  `{"authentication":{"managedIdentity":{"identifier-name":"${name}","identifier-value":"${value}"}}}`;

describe('a VM', () => {
  test('system identity: {} and the system identity proven (xms_mirid is the VM)', () => {
    expect(whichIdentity(input(passed(VM_ID)))).toMatchObject({
      status: 'pass',
      code: 'ok',
      kind: 'system',
      hasSystem: true,
      settings: '{}',
    });
  });

  test('no selector, and IMDS gave its only user identity: mi_res_id of it, no system identity', () => {
    const judged = whichIdentity(input(passed(UAMI)));
    expect(judged).toMatchObject({ status: 'pass', kind: 'user', hasSystem: null });
    expect(judged.settings).toBe(settings('mi_res_id', UAMI));
    expect(judged.says).toContain('no system-assigned identity and one user-assigned identity');
  });

  test('no selector and a claim that is no identity id: {} (AMA asks the same way), identity left open', () => {
    for (const mirid of ['', 'not-an-id', `${UAMI}"}`, '##vso[task.complete result=Succeeded]']) {
      expect(whichIdentity(input(passed(mirid)))).toMatchObject({
        status: 'pass',
        kind: 'default',
        hasSystem: null,
        settings: '{}',
      });
    }
  });

  test('several user identities, none selected: ambiguous, no settings', () => {
    expect(whichIdentity(input(failed('token_multiple_identities')))).toMatchObject({
      status: 'fail',
      code: 'ama_identity_ambiguous',
      kind: null,
      hasSystem: false,
      settings: null,
    });
  });

  test('no identity at all: none, no settings', () => {
    expect(whichIdentity(input(failed('token_identity_not_found')))).toMatchObject({
      status: 'fail',
      code: 'ama_identity_none',
      hasSystem: false,
      settings: null,
    });
  });

  test.each([
    ['msi_res_id', UAMI, 'mi_res_id'],
    ['client_id', GUID, 'client_id'],
    ['object_id', GUID, 'object_id'],
  ] as const)('a selected user identity by %s: its settings', (kind, value, name) => {
    const judged = whichIdentity(input(passed(UAMI), { selector: { kind, value } }));
    expect([judged.status, judged.kind, judged.settings]).toEqual(['pass', 'user', settings(name, value)]);
    expect(isExtensionSettings(judged.settings!)).toBe(true);
  });

  test('a selected identity that is not assigned: none', () => {
    const judged = whichIdentity(
      input(failed('token_identity_not_found'), { selector: { kind: 'client_id', value: GUID } }),
    );
    expect([judged.status, judged.code, judged.settings]).toEqual(['fail', 'ama_identity_none', null]);
    expect(judged.says).toContain(`client_id ${GUID} is not assigned to this VM`);
  });

  test('a token that failed for another reason, or was not asked for: neutral, no settings', () => {
    for (const judged of [
      whichIdentity(input(failed('token_server_error'))),
      whichIdentity(input(failed('connect_timeout'), { selector: { kind: 'client_id', value: GUID } })),
      whichIdentity(input(null, { identity: 'none' })),
      whichIdentity(input({ status: 'skip', code: 'skipped', mirid: '' })),
    ])
      expect([judged.status, judged.settings]).toEqual([null, null]);
  });
});

describe('an Arc server', () => {
  test('system: {} once the token proved it', () => {
    expect(whichIdentity(input(passed(), { mode: 'arc' }))).toMatchObject({
      status: 'pass',
      kind: 'system',
      settings: '{}',
    });
  });

  test('a user identity checked: warns that AMA uses the system identity, settings {}', () => {
    const judged = whichIdentity(
      input(passed(), { mode: 'arc', selector: { kind: 'client_id', value: GUID } }),
    );
    expect([judged.status, judged.code, judged.settings]).toEqual(['warn', 'ama_arc_user_identity', '{}']);
    expect(judged.says).toContain(`(client_id ${GUID})`);
  });

  test('a failed token: neutral, still {} (the Arc agent enables the system identity)', () => {
    expect(whichIdentity(input(failed('arc_key_permission_denied'), { mode: 'arc' }))).toMatchObject({
      status: null,
      settings: '{}',
    });
  });
});

describe('the settings shape', () => {
  test('only the two compact forms with a fitting value', () => {
    expect(isExtensionSettings('{}')).toBe(true);
    expect(isExtensionSettings(settings('mi_res_id', UAMI))).toBe(true);
    expect(isExtensionSettings(settings('client_id', GUID))).toBe(true);
    for (const bad of [
      '',
      '{ }',
      settings('mi_res_id', GUID),
      settings('client_id', UAMI),
      settings('mi_res_id', VM_ID),
      settings('principal_id', GUID),
      settings('client_id', `${GUID}\n##vso[task.setvariable variable=x]1`),
      settings('client_id', GUID).replace('{"a', '{ "a'),
      `{"authentication":{"managedIdentity":{"identifier-name":"client_id","identifier-value":"${GUID}","x":1}}}`,
      '{"proxy":{"mode":"application"}}',
      'null',
      '[]',
    ])
      expect([bad, isExtensionSettings(bad)]).toEqual([bad, false]);
  });

  test('settingsFor refuses a value that does not fit its name', () => {
    expect(settingsFor(null)).toBe('{}');
    expect(settingsFor({ name: 'mi_res_id', value: 'x' })).toBeNull();
    expect(settingsFor({ name: 'object_id', value: UAMI })).toBeNull();
  });
});
