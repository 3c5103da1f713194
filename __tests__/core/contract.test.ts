import {
  buildOutputs,
  checkCodes,
  exitCodeFor,
  OUTPUT_NAMES,
  stepVerdict,
  styleName,
  toCamel,
} from '../../src/core/contract.js';
import type { CheckResult, FailOn, Report, RunResult } from '../../src/core/types.js';

function check(
  id: CheckResult['id'],
  status: CheckResult['status'],
  outcome: string,
  code = status === 'pass' ? 'ok' : 'x',
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
      vmId: 'vm-guid',
      name: 'vm1',
      resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
      subscriptionId: 's',
      resourceGroup: 'rg',
      location: 'westeurope',
      azEnvironment: 'AzurePublicCloud',
      vmSize: 'Standard_B2s',
      osType: 'Linux',
    },
    identity: {
      kind: 'system',
      selector: '',
      principalId: 'oid-1',
      tenantId: 'tid-1',
      appId: 'app-1',
      audience: 'https://management.azure.com/',
      expiresOn: '2026-11-25T18:00:00Z',
      tokenType: 'Bearer',
    },
    ...over,
  };
}

describe('stepVerdict and exitCodeFor: every result × reachable × fail-on', () => {
  const results: RunResult[] = ['pass', 'warn', 'fail'];
  const failOns: FailOn[] = ['error', 'unreachable', 'never'];
  // Straight from DESIGN §3: fail+error fails; unreachable fails only when not reachable; warn never fails;
  // anything let through that is not a clean pass is "succeeded with issues".
  const expected = (result: RunResult, reachable: boolean, failOn: FailOn) => {
    if (failOn === 'error' && result === 'fail') return 'failed';
    if (failOn === 'unreachable' && !reachable) return 'failed';
    return result === 'pass' ? 'succeeded' : 'succeeded-with-issues';
  };
  const table = results.flatMap((result) =>
    [true, false].flatMap((reachable) => failOns.map((failOn) => [result, reachable, failOn] as const)),
  );

  it('covers all 18 combinations', () => expect(table).toHaveLength(18));

  it.each(table)('result=%s reachable=%s fail-on=%s', (result, reachable, failOn) => {
    const verdict = stepVerdict({ result, reachable, failOn });
    expect(verdict).toBe(expected(result, reachable, failOn));
    expect(exitCodeFor({ result, reachable, failOn })).toBe(verdict === 'failed' ? 1 : 0);
  });

  it('spot checks the cases users ask about', () => {
    expect(stepVerdict({ result: 'fail', reachable: true, failOn: 'unreachable' })).toBe(
      'succeeded-with-issues',
    );
    expect(stepVerdict({ result: 'fail', reachable: false, failOn: 'never' })).toBe('succeeded-with-issues');
    expect(stepVerdict({ result: 'warn', reachable: true, failOn: 'error' })).toBe('succeeded-with-issues');
    expect(exitCodeFor({ result: 'warn', reachable: true, failOn: 'error' })).toBe(0);
    expect(exitCodeFor({ result: 'fail', reachable: true, failOn: 'error' })).toBe(1);
  });
});

describe('buildOutputs', () => {
  it('sets every contract output except access-token, with string values', () => {
    const outputs = buildOutputs(report(), 'tok', { exposeToken: false }, '/tmp/imds-check/report.json');
    const names = OUTPUT_NAMES.filter((n) => n !== 'access-token');
    expect(Object.keys(outputs).sort()).toEqual([...names].sort());
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string');
    expect(outputs).toMatchObject({
      result: 'pass',
      reachable: 'true',
      mode: 'vm',
      'metadata-status': '200',
      'token-status': '200',
      'vm-id': 'vm-guid',
      'vm-name': 'vm1',
      'subscription-id': 's',
      'resource-group': 'rg',
      location: 'westeurope',
      'az-environment': 'AzurePublicCloud',
      'principal-id': 'oid-1',
      'tenant-id': 'tid-1',
      'app-id': 'app-1',
      'token-expires-on': '2026-11-25T18:00:00Z',
      'report-path': '/tmp/imds-check/report.json',
    });
    expect(JSON.stringify(outputs)).not.toContain('tok"');
  });

  it('adds access-token only when exposed', () => {
    expect(buildOutputs(report(), 'tok', { exposeToken: true }, 'r')['access-token']).toBe('tok');
    expect(buildOutputs(report(), null, { exposeToken: true }, 'r')['access-token']).toBe('');
    expect('access-token' in buildOutputs(report(), 'tok', { exposeToken: false }, 'r')).toBe(false);
  });

  it.each(['refused', 'timeout', 'unreachable', 'reset', 'no-response'])(
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
      const outputs = buildOutputs(r, null, { exposeToken: false }, 'r');
      expect(outputs['metadata-status']).toBe(word);
      expect(outputs['token-status']).toBe(word);
      expect(outputs.reachable).toBe('false');
    },
  );

  it.each(['200', '502', '407'])(
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
      const outputs = buildOutputs(r, null, { exposeToken: false }, 'r');
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
    expect(buildOutputs(r, null, { exposeToken: false }, 'r')['token-status']).toBe('skipped');
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
    const outputs = buildOutputs(r, null, { exposeToken: false }, 'r');
    expect(outputs['metadata-status']).toBe('500');
    expect(outputs['token-status']).toBe('500');
  });

  it('sets unknown machine and identity values to the empty string', () => {
    const r = report();
    r.machine = { ...r.machine, vmId: '', name: '' };
    r.identity = { ...r.identity, principalId: '', expiresOn: '' };
    const outputs = buildOutputs(r, null, { exposeToken: false }, '');
    expect(outputs['vm-id']).toBe('');
    expect(outputs['vm-name']).toBe('');
    expect(outputs['principal-id']).toBe('');
    expect(outputs['token-expires-on']).toBe('');
  });
});

describe('toCamel and styleName', () => {
  it.each([
    ['client-id', 'clientId'],
    ['msi-res-id', 'msiResId'],
    ['metadata-status', 'metadataStatus'],
    ['token-expires-on', 'tokenExpiresOn'],
    ['timeout-seconds', 'timeoutSeconds'],
    ['mode', 'mode'],
  ])('%s → %s', (kebab, camel) => {
    expect(toCamel(kebab)).toBe(camel);
    expect(styleName(kebab, 'camel')).toBe(camel);
    expect(styleName(kebab, 'kebab')).toBe(kebab);
  });
});

describe('checkCodes', () => {
  const checks = [
    { id: 'environment', status: 'warn', code: 'proxy_without_imds_bypass' },
    { id: 'reachability', status: 'pass', code: 'ok' },
    { id: 'metadata', status: 'fail', code: 'metadata_not_found' },
    { id: 'token', status: 'fail', code: 'token_identity_not_found' },
  ] as unknown as Report['checks'];
  it('lists id: code for the asked statuses, in check order', () => {
    expect(checkCodes({ checks }, ['fail'])).toBe(
      'metadata: metadata_not_found, token: token_identity_not_found',
    );
    expect(checkCodes({ checks }, ['warn'])).toBe('environment: proxy_without_imds_bypass');
    expect(checkCodes({ checks }, ['skip'])).toBe('');
  });
});
