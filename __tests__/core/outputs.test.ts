// Report → outputs: every contract output the engine owns, status words, and the shape gate (a network value
// that does not fit its field's shape becomes '').
import { CHECKS } from '../../src/core/registry.js';
import { OUTPUT_NAMES } from '../../src/core/contract.js';
import type { OutputName } from '../../src/core/types.js';
import { buildOutputs, OUTPUT_SHAPES } from '../../src/core/outputs.js';
import type { CheckResult, Outcome, Report } from '../../src/core/types.js';
import { fakeJwt } from '../helpers/jwt-factory.js';

const VM_ID = '74436628-93e4-401b-adfc-ee161f24a087';
const SUB = '3af8e776-0edc-4cf5-8520-b5ec2dbc778f';
const RESOURCE_ID = `/subscriptions/${SUB}/resourceGroups/rg-ama-rollout/providers/Microsoft.Compute/virtualMachines/vm1`;
const OID = 'f2c8a4fc-0c41-49c9-aaf5-5957830c3cb5';
const TID = '8dcece74-f736-4b23-a91d-56792cc59fa7';
const APP = 'c8665819-4f36-48db-be77-b7daf276cd97';

function check(
  id: CheckResult['id'],
  status: CheckResult['status'],
  outcome: Outcome,
  code: CheckResult['code'] = status === 'pass' ? 'ok' : status === 'skip' ? 'skipped' : 'not_imds_answer',
): CheckResult {
  return {
    id,
    title: id,
    status,
    code,
    message: '',
    remediation: '',
    durationMs: 1,
    attempts: 1,
    httpStatus: null,
    outcome,
  };
}

function report(over: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'imds-check', version: '1.0.0' },
    startedAt: '2026-01-15T12:00:00.000Z',
    durationMs: 12,
    mode: { requested: 'auto', resolved: 'vm', signal: 'default-vm' },
    endpoint: 'http://169.254.169.254',
    result: 'pass',
    reachable: true,
    failOn: 'error',
    checks: [
      check('environment', 'pass', 'skipped'),
      check('reachability', 'pass', '200'),
      check('metadata', 'pass', '200'),
      check('token', 'pass', '200'),
    ],
    machine: {
      vmId: VM_ID,
      name: 'vm1',
      resourceId: RESOURCE_ID,
      subscriptionId: SUB,
      resourceGroup: 'rg-ama-rollout',
      location: 'westeurope',
      azEnvironment: 'AzurePublicCloud',
      vmSize: 'Standard_B2s',
      osType: 'Linux',
    },
    identity: {
      kind: 'system',
      selector: '',
      principalId: OID,
      tenantId: TID,
      appId: APP,
      audience: 'https://management.azure.com/',
      expiresOn: '2026-11-25T18:00:00Z',
      tokenType: 'Bearer',
    },
    waits: [],
    ...over,
  };
}

const MACHINE_OUTPUTS = [
  'vm-id',
  'vm-name',
  'resource-id',
  'subscription-id',
  'resource-group',
  'location',
  'az-environment',
] as const;
const IDENTITY_OUTPUTS = ['principal-id', 'tenant-id', 'app-id', 'token-expires-on'] as const;

/** The outputs the engine itself sets; samples-* and ama-* belong to check modules of their own. */
const ENGINE_OUTPUTS: OutputName[] = [
  'result',
  'reachable',
  'mode',
  'metadata-status',
  'token-status',
  ...MACHINE_OUTPUTS,
  ...IDENTITY_OUTPUTS,
  'report-path',
];

const TOKEN = fakeJwt({ oid: OID, tid: TID });

describe('buildOutputs', () => {
  it('sets every engine output except access-token, with string values', () => {
    const outputs = buildOutputs(report(), TOKEN, false, '/tmp/imds-check/report.json');
    // Outputs beyond these come only from the outputs other registered checks declare.
    const extra = Object.keys(outputs).filter((n) => !ENGINE_OUTPUTS.includes(n as OutputName));
    const declared = CHECKS.flatMap((c) => c.outputs ?? []).map((o) => o.name as string);
    for (const name of extra) expect(declared).toContain(name);
    for (const name of Object.keys(outputs)) expect(OUTPUT_NAMES).toContain(name);
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string');
    const own = Object.fromEntries(Object.entries(outputs).filter(([n]) => !extra.includes(n)));
    expect(own).toEqual({
      result: 'pass',
      reachable: 'true',
      mode: 'vm',
      'metadata-status': '200',
      'token-status': '200',
      'vm-id': VM_ID,
      'vm-name': 'vm1',
      'resource-id': RESOURCE_ID,
      'subscription-id': SUB,
      'resource-group': 'rg-ama-rollout',
      location: 'westeurope',
      'az-environment': 'AzurePublicCloud',
      'principal-id': OID,
      'tenant-id': TID,
      'app-id': APP,
      'token-expires-on': '2026-11-25T18:00:00Z',
      'report-path': '/tmp/imds-check/report.json',
    });
    expect(JSON.stringify(outputs)).not.toContain(TOKEN);
  });

  it('adds access-token only when exposed', () => {
    expect(buildOutputs(report(), TOKEN, true, 'r')['access-token']).toBe(TOKEN);
    expect(buildOutputs(report(), null, true, 'r')['access-token']).toBe('');
    expect('access-token' in buildOutputs(report(), TOKEN, false, 'r')).toBe(false);
  });

  it('never exposes an access token that is not a JWT', () => {
    for (const token of ['e', 'not.a.jwt', 'a b c', `${TOKEN}\n##vso[task.prependpath]x`]) {
      expect(buildOutputs(report(), token, true, 'r')['access-token']).toBe('');
    }
  });

  it.each(['refused', 'timeout', 'unreachable', 'reset', 'no-response'] as const)(
    'metadata-status and token-status carry the socket word %s when nothing answered',
    (word) => {
      const r = report({
        result: 'fail',
        reachable: false,
        checks: [
          check('environment', 'pass', 'skipped'),
          check('reachability', 'fail', word),
          check('metadata', 'skip', 'skipped'),
          check('token', 'skip', 'skipped'),
        ],
      });
      const outputs = buildOutputs(r, null, false, 'r');
      expect(outputs['metadata-status']).toBe(word);
      expect(outputs['token-status']).toBe(word);
      expect(outputs.reachable).toBe('false');
    },
  );

  it('identity none: token-status stays skipped even when nothing answered', () => {
    const r = report({
      result: 'fail',
      reachable: false,
      checks: [
        check('environment', 'pass', 'skipped'),
        check('reachability', 'fail', 'refused'),
        check('metadata', 'skip', 'skipped'),
        check('token', 'skip', 'skipped'),
      ],
    });
    r.identity.kind = 'none';
    const outputs = buildOutputs(r, null, false, 'r');
    expect(outputs['metadata-status']).toBe('refused');
    expect(outputs['token-status']).toBe('skipped');
  });

  it.each(['200', '502', '407'] as const)(
    'keeps token-status skipped when something not IMDS answered %s and the token was never requested',
    (status) => {
      const r = report({
        result: 'fail',
        reachable: false,
        checks: [
          check('environment', 'pass', 'skipped'),
          check('reachability', 'fail', status),
          check('metadata', 'fail', status),
          check('token', 'skip', 'skipped'),
        ],
      });
      const outputs = buildOutputs(r, null, false, 'r');
      expect(outputs['metadata-status']).toBe(status);
      // Only a socket-level word is carried over (DESIGN §3.1); an HTTP status would claim a token answer.
      expect(outputs['token-status']).toBe('skipped');
    },
  );

  it('keeps skipped for a token check skipped while IMDS was reachable', () => {
    const r = report({
      checks: [
        check('environment', 'pass', 'skipped'),
        check('reachability', 'pass', '200'),
        check('metadata', 'pass', '200'),
        check('token', 'skip', 'skipped'),
      ],
    });
    expect(buildOutputs(r, null, false, 'r')['token-status']).toBe('skipped');
  });

  it('reports the last HTTP status seen, e.g. 500 that persisted', () => {
    const r = report({
      result: 'fail',
      checks: [
        check('environment', 'pass', 'skipped'),
        check('reachability', 'pass', '500'),
        check('metadata', 'fail', '500'),
        check('token', 'fail', '500'),
      ],
    });
    const outputs = buildOutputs(r, null, false, 'r');
    expect(outputs['metadata-status']).toBe('500');
    expect(outputs['token-status']).toBe('500');
  });

  it('sets unknown machine and identity values to the empty string', () => {
    const r = report();
    r.machine = { ...r.machine, vmId: '', name: '' };
    r.identity = { ...r.identity, principalId: '', expiresOn: '' };
    const outputs = buildOutputs(r, null, false, '');
    expect(outputs['vm-id']).toBe('');
    expect(outputs['vm-name']).toBe('');
    expect(outputs['principal-id']).toBe('');
    expect(outputs['token-expires-on']).toBe('');
  });
});

describe('buildOutputs: a value without its field shape becomes the empty string', () => {
  const HOSTILE = [
    'rg"; echo injected; : "',
    'vm1 ##vso[task.setvariable variable=EVIL_VAR;isOutput=false]pwned',
    'vm1\n::stop-commands::x',
    '$(curl evil)',
    'a;b',
    'has space',
  ];

  it.each(HOSTILE)('machine values: %j', (value) => {
    const r = report();
    r.machine = {
      ...r.machine,
      vmId: value,
      name: value,
      resourceId: value,
      subscriptionId: value,
      resourceGroup: value,
      location: value,
      azEnvironment: value,
    };
    const outputs = buildOutputs(r, null, false, '');
    for (const name of MACHINE_OUTPUTS) expect([name, outputs[name]]).toEqual([name, '']);
    // Outputs the engine writes itself are untouched.
    expect(outputs.result).toBe('pass');
    expect(outputs.mode).toBe('vm');
  });

  it.each(HOSTILE)('identity values: %j', (value) => {
    const r = report();
    r.identity = { ...r.identity, principalId: value, tenantId: value, appId: value, expiresOn: value };
    const outputs = buildOutputs(r, null, false, '');
    expect(outputs['principal-id']).toBe('');
    expect(outputs['tenant-id']).toBe('');
    expect(outputs['app-id']).toBe('');
    expect(outputs['token-expires-on']).toBe('');
  });

  it('keeps one field that fits while emptying its neighbour that does not', () => {
    const r = report();
    r.machine.name = 'vm1 ##vso[x]';
    const outputs = buildOutputs(r, null, false, '');
    expect(outputs['vm-name']).toBe('');
    expect(outputs['vm-id']).toBe(VM_ID);
    expect(outputs['resource-group']).toBe('rg-ama-rollout');
  });

  it('every network-fed output has a shape, and every value it emits fits it', () => {
    for (const name of [...MACHINE_OUTPUTS, ...IDENTITY_OUTPUTS, 'access-token'] as const)
      expect([name, typeof OUTPUT_SHAPES[name]]).toEqual([name, 'function']);
    const outputs = buildOutputs(report(), TOKEN, true, '');
    for (const [name, value] of Object.entries(outputs)) {
      const fits = OUTPUT_SHAPES[name as OutputName];
      if (fits && value !== '') expect([name, fits(value)]).toEqual([name, true]);
    }
  });
});
