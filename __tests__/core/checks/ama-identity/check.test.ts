// The ama-identity check as a module, from the findings of the metadata and token checks: its status (identity
// first, a policy skip only with ama-install: policy), the message, the table, and its two outputs as the
// contract sets them (a value that does not fit its shape never becomes the output).
import { describe, expect, test } from '@jest/globals';
import { amaIdentityCheck } from '../../../../src/core/checks/ama-identity/index.js';
import { buildOutputs } from '../../../../src/core/index.js';
import type { Findings, ProbeOptions } from '../../../../src/core/types.js';
import { fakeRun, notSampled } from '../../../helpers/fake-run.js';
import { check, passingReport } from '../../../helpers/report-factory.js';
import type { TokenClaims } from '../../../../src/core/imds/jwt.js';

const SUB = '3af8e776-0edc-4cf5-8520-b5ec2dbc778f';
const VM_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`;
const UAMI = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-a`;
const MARKETPLACE = {
  publisher: 'Canonical',
  offer: '0001-com-ubuntu-server-jammy',
  sku: '22_04-lts-gen2',
  id: '',
};
const CUSTOM = {
  publisher: '',
  offer: '',
  sku: '',
  id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/images/golden`,
};

function findings(
  o: { image?: object; tokenCode?: string; mirid?: string; location?: string } = {},
): Findings {
  const machine = {
    vmId: '',
    name: 'vm1',
    resourceId: VM_ID,
    subscriptionId: SUB,
    resourceGroup: 'rg',
    location: o.location ?? 'westeurope',
    azEnvironment: 'AzurePublicCloud',
    vmSize: '',
    osType: 'Linux',
  };
  const json = { compute: { storageProfile: { imageReference: o.image ?? MARKETPLACE } } };
  const code = o.tokenCode ?? 'ok';
  const claims = { xmsMirid: o.mirid ?? VM_ID } as TokenClaims;
  return {
    metadata: {
      check: check('metadata'),
      recognition: { imds: true, json, serverHeader: true },
      machine,
      sample: notSampled,
    },
    token: {
      check: check('token', code === 'ok' ? {} : { status: 'fail', code: code as never }),
      recognition: null,
      identity: null,
      claims: code === 'ok' ? claims : null,
      accessToken: null,
      sample: notSampled,
    },
  };
}

const run = (f: Findings, options: Partial<ProbeOptions> = {}) =>
  amaIdentityCheck.run(fakeRun('vm', { ama: true, ...options }), f);
const outputs = (result: Awaited<ReturnType<typeof run>>) =>
  buildOutputs({ ...passingReport(), checks: [result.check] }, null, false, '');

describe('ama-identity', () => {
  test('system identity, marketplace image: pass, {} and install', async () => {
    const result = await run(findings());
    expect([result.check.status, result.check.code]).toEqual(['pass', 'ok']);
    expect(result.check.message).toBe(
      "AMA will use the system-assigned identity, which issued a token (settings {}). The built-in policy 'Configure Linux virtual machines to run Azure Monitor Agent with system-assigned managed identity-based authentication' (3.7.0) would install AMA here.",
    );
    expect(outputs(result)).toMatchObject({ 'ama-extension-settings': '{}', 'ama-policy': 'install' });
    expect(result.check.details![0]!.rows.slice(0, 3)).toEqual([
      ['Identity AMA uses', 'system', 'pass'],
      ['Extension settings', '{}', ''],
      [
        'Policy',
        'Configure Linux virtual machines to run Azure Monitor Agent with system-assigned managed identity-based authentication (a4034bc6-ae50-406d-bf76-50f4ee5a7811, 3.7.0)',
        'install',
      ],
    ]);
  });

  test('a custom image: reported only with ama-install extension, a failure with policy', async () => {
    const reported = await run(findings({ image: CUSTOM }));
    expect([reported.check.status, reported.check.code]).toEqual(['pass', 'ok']);
    expect(reported.check.message).toContain(
      'Azure Policy would not install AMA here (reported only: ama-install is extension)',
    );
    expect(outputs(reported)['ama-policy']).toBe('skip');
    const gated = await run(findings({ image: CUSTOM }), { amaInstall: 'policy' });
    expect([gated.check.status, gated.check.code]).toEqual(['fail', 'ama_policy_skip']);
    expect(gated.check.message).toContain(
      `the custom or gallery image ${CUSTOM.id} has no publisher, offer or SKU`,
    );
    expect(gated.check.remediation).toContain('scopeToSupportedImages false');
  });

  test('ambiguous identity and a policy skip: the identity names the check, both fixes are said', async () => {
    const result = await run(findings({ image: CUSTOM, tokenCode: 'token_multiple_identities' }), {
      amaInstall: 'policy',
    });
    expect([result.check.status, result.check.code]).toEqual(['fail', 'ama_identity_ambiguous']);
    expect(result.check.remediation).toMatch(/^For ama_policy_skip: /);
    expect(result.check.remediation).toContain('msi-res-id');
    expect(outputs(result)).toMatchObject({ 'ama-extension-settings': '', 'ama-policy': 'skip' });
  });

  test('one user identity behind no selector: its mi_res_id settings; a hostile claim never reaches the output', async () => {
    const named = await run(findings({ mirid: UAMI }));
    expect(outputs(named)['ama-extension-settings']).toBe(
      `{"authentication":{"managedIdentity":{"identifier-name":"mi_res_id","identifier-value":"${UAMI}"}}}`,
    );
    const hostile = await run(findings({ mirid: `${UAMI}/x"##vso[task.setvariable variable=a]b` }));
    expect(outputs(hostile)['ama-extension-settings']).toBe('{}');
    // Even a report whose data was tampered with gives no such output: the shape decides.
    const tampered = { ...hostile.check, data: { ...hostile.check.data!, settings: '{"a":"##vso[x]"}' } };
    expect(
      buildOutputs({ ...passingReport(), checks: [tampered] }, null, false, '')['ama-extension-settings'],
    ).toBe('');
  });

  test('a token that failed for a transport reason: skipped, yet the policy predicted where the image decides', async () => {
    const f = findings({ image: CUSTOM, tokenCode: 'connect_timeout' });
    const result = await run(f);
    expect(result.check.status).toBe('skip');
    expect(outputs(result)).toMatchObject({ 'ama-extension-settings': '', 'ama-policy': 'skip' });
  });

  test('outputs are empty without the check (ama off)', () => {
    expect(buildOutputs(passingReport(), null, false, '')).toMatchObject({
      'ama-extension-settings': '',
      'ama-policy': '',
    });
  });
});
