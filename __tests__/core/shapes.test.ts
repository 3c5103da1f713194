// Output shapes (issue 9): each accepts the values Azure really gives that field (captures in
// /work/shared/fixtures/imds and the emulator's fixtures) and refuses anything a shell or a pipeline could act on.
import { readFileSync } from 'node:fs';
import { ARC_INSTANCE } from '../../src/emulator/fixtures/arc-instance.js';
import { VM_INSTANCE } from '../../src/emulator/fixtures/vm-instance.js';
import {
  isGuid,
  isHostList,
  isHostName,
  isIsoUtc,
  isJwt,
  isKnownCloud,
  isLocation,
  isMachineName,
  isPlausibleSecret,
  isResourceGroup,
  isResourceId,
  isWholeNumber,
  type Shape,
} from '../../src/core/shapes.js';
import { KNOWN_CLOUDS } from '../../src/core/clouds.js';
import { fakeJwt } from '../helpers/jwt-factory.js';

const FIXTURES = '/work/shared/fixtures/imds';
type Compute = Record<string, unknown>;
/** A capture's compute object (some captures are the compute object alone). */
const capture = (name: string): Compute => {
  const doc = JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as Compute & { compute?: Compute };
  return doc.compute ?? doc;
};

/** Real instance documents whose identifying fields are not redacted. */
const REAL: Array<[string, Compute]> = [
  ['AKS VMSS capture', capture('elastic-beats-aks-vmss-compute.json')],
  ['WALinuxAgent capture', capture('walinuxagent-valid.json')],
  ['emulator VM', VM_INSTANCE.compute as unknown as Compute],
  ['emulator Arc', ARC_INSTANCE.compute as unknown as Compute],
];

const FIELDS: Array<[string, Shape]> = [
  ['vmId', isGuid],
  ['name', isMachineName],
  ['resourceId', isResourceId],
  ['subscriptionId', isGuid],
  ['resourceGroupName', isResourceGroup],
  ['location', isLocation],
  ['azEnvironment', isKnownCloud],
];

describe('shapes accept real Azure values', () => {
  const cases = REAL.flatMap(([source, compute]) =>
    FIELDS.filter(([field]) => typeof compute[field] === 'string' && compute[field] !== '').map(
      ([field, fits]) => [source, field, compute[field] as string, fits] as const,
    ),
  );

  it('covers every field from at least two sources', () => {
    for (const [field] of FIELDS)
      expect([field, cases.filter((c) => c[1] === field).length >= 2]).toEqual([field, true]);
  });

  it.each(cases)('%s: %s %j', (_, __, value, fits) => {
    expect(fits(value)).toBe(true);
  });

  it.each([
    ['a VMSS instance name', isMachineName, 'aks-agentpool-12628255-vmss_2'],
    ['a Windows name', isMachineName, 'WIN-SRV2022'],
    ['a 64-character Linux name', isMachineName, 'a'.repeat(64)],
    ['an AKS node resource group', isResourceGroup, 'MC_myname_group_myname_eastus'],
    ['a resource group with parentheses and dots', isResourceGroup, 'rg.(prod)-1'],
    ['a resource group in another script', isResourceGroup, 'rg-müller-ß'],
    [
      'a VMSS VM resource id',
      isResourceId,
      capture('elastic-beats-aks-vmss-compute.json')['resourceId'] as string,
    ],
    [
      'a lower-case resourcegroups segment',
      isResourceId,
      '/subscriptions/0e073ec1-c22f-4488-adde-da35ed609ccd/resourcegroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
    ],
    ['a location in upper case', isLocation, 'WestEurope'],
    ['the cloud name in upper case as IMDS samples print it', isKnownCloud, 'AZUREPUBLICCLOUD'],
    ['an upper-case GUID', isGuid, '74436628-93E4-401B-ADFC-EE161F24A087'],
    ['an expiry', isIsoUtc, '2026-11-25T18:00:00Z'],
    ['a DCE host', isHostName, 'my-dce-abcd.westeurope-1.ingest.monitor.azure.com'],
    ['two hosts', isHostList, 'a.monitor.azure.com,b.ods.opinsights.azure.com'],
    ['a count', isWholeNumber, '20'],
  ] as const)('accepts %s', (_, fits, value) => {
    expect(fits(value)).toBe(true);
  });

  it('knows the clouds the Azure Monitor Agent knows', () => {
    for (const cloud of KNOWN_CLOUDS) expect(isKnownCloud(cloud)).toBe(true);
    expect(isKnownCloud('AzurePrivateCloud')).toBe(false);
  });
});

describe('shapes refuse what a shell or a pipeline could act on', () => {
  const HOSTILE = [
    'vm1"',
    "vm1'",
    'vm1;id',
    'vm1 $HOME',
    '$(id)',
    '`id`',
    'vm 1',
    'vm1 ##vso[task.setvariable variable=X]y',
    '##vso[x]',
    'vm1\n::error::x',
    'vm1\r',
    'vm1\u2028',
    'vm1\u202e',
    'vm1&',
    'vm1|x',
    'vm1>x',
    '',
  ];
  const SHAPES: Array<[string, Shape]> = [
    ['isGuid', isGuid],
    ['isMachineName', isMachineName],
    ['isResourceId', isResourceId],
    ['isResourceGroup', isResourceGroup],
    ['isLocation', isLocation],
    ['isKnownCloud', isKnownCloud],
    ['isIsoUtc', isIsoUtc],
    ['isHostName', isHostName],
    ['isHostList', isHostList],
    ['isWholeNumber', isWholeNumber],
    ['isJwt', isJwt],
  ];
  const cases = SHAPES.flatMap(([name, fits]) => HOSTILE.map((value) => [name, value, fits] as const));

  it.each(cases)('%s refuses %j', (_, value, fits) => {
    expect(fits(value)).toBe(false);
  });

  it.each([
    ['a GUID with braces', isGuid, '{74436628-93e4-401b-adfc-ee161f24a087}'],
    ['a GUID with a trailing character', isGuid, '74436628-93e4-401b-adfc-ee161f24a087x'],
    ['a machine name ending in a period', isMachineName, 'vm1.'],
    ['a machine name starting with a hyphen', isMachineName, '-vm1'],
    ['an 81-character machine name', isMachineName, 'a'.repeat(81)],
    ['a resource group ending in a period', isResourceGroup, 'rg.'],
    ['a 91-character resource group', isResourceGroup, 'r'.repeat(91)],
    ['a placeholder as redacted captures show it', isResourceGroup, '<resource_group_name>'],
    [
      'a resource id with a placeholder subscription',
      isResourceId,
      '/subscriptions/<subscription_id>/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm',
    ],
    [
      'a resource id without a provider',
      isResourceId,
      '/subscriptions/0e073ec1-c22f-4488-adde-da35ed609ccd/resourceGroups/rg',
    ],
    [
      'a resource id with a quote',
      isResourceId,
      '/subscriptions/0e073ec1-c22f-4488-adde-da35ed609ccd/resourceGroups/rg"/providers/Microsoft.Compute/virtualMachines/vm1',
    ],
    ['a location with a hyphen', isLocation, 'west-europe'],
    ['an expiry with a fraction', isIsoUtc, '2026-11-25T18:00:00.123Z'],
    ['an expiry in another zone', isIsoUtc, '2026-11-25T18:00:00+01:00'],
    ['an impossible date', isIsoUtc, '2026-13-45T25:61:00Z'],
    ['a one-label host', isHostName, 'localhost'],
    ['a host with a port', isHostName, 'a.example.com:443'],
    ['a list with an empty entry', isHostList, 'a.example.com,'],
    ['a negative number', isWholeNumber, '-1'],
    ['a fraction', isWholeNumber, '1.5'],
  ] as const)('refuses %s', (_, fits, value) => {
    expect(fits(value)).toBe(false);
  });
});

describe('isJwt: a token is a JWT or it is not a token', () => {
  it('accepts three base64url segments with a JSON object payload', () => {
    expect(isJwt(fakeJwt({ aud: 'https://management.azure.com/' }))).toBe(true);
    expect(isJwt(fakeJwt({}))).toBe(true);
  });

  it.each([
    ['a single letter', 'e'],
    ['two segments', 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ'],
    ['four segments', `${fakeJwt()}.x`],
    ['an empty segment', `${fakeJwt().split('.')[0]}..sig`],
    ['padding', `${fakeJwt().split('.').slice(0, 2).join('.')}.c2ln==`],
    ['standard base64 characters', `${fakeJwt().split('.').slice(0, 2).join('.')}.a+b/c`],
    [
      'a payload that is not JSON',
      `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('not json').toString('base64url')}.sig`,
    ],
    [
      'a payload that is a JSON array',
      `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('[1]').toString('base64url')}.sig`,
    ],
    [
      'a payload that is a JSON string',
      `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('"x"').toString('base64url')}.sig`,
    ],
    ['a payload that is null', `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('null').toString('base64url')}.sig`],
    ['a multi-line token', `${fakeJwt()}\nPASS`],
    ['a token with a space', `${fakeJwt()} x`],
  ])('refuses %s', (_, value) => {
    expect(isJwt(value)).toBe(false);
  });
});

describe('isPlausibleSecret: only such values are registered for masking', () => {
  it.each([
    'e',
    'PASS',
    'abcdefghijklmno',
    'a b c d e f g h i j',
    'abcdefghijklmnop\nq',
    '\tabcdefghijklmnopq',
  ])('refuses %j (masking it would blank ordinary words)', (value) =>
    expect(isPlausibleSecret(value)).toBe(false),
  );

  it.each([
    ['a command opener', 'abcdefgh##vso[task.complete]'],
    ['a legacy command opener', 'abcdefghijkl##[error]'],
    ['a leading ::', '::add-mask::abcdefghijklmnop'],
    ['non-ASCII', 'sécret-0123456789abcdef'],
    ['a control character', 'abcdefghijklmnop\u0007'],
  ])('refuses %s (registering prints the value in a mask command)', (_, value) => {
    expect(isPlausibleSecret(value)).toBe(false);
  });

  it.each(['abcdefghijklmnop', fakeJwt({ a: 1 }), 'c2VjcmV0LWZyb20taGltZHM='])('accepts %j', (value) => {
    expect(isPlausibleSecret(value)).toBe(true);
  });
});
