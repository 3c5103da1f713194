// judgeMetadata without sockets: codes per answer, the machine facts, and the shape rule of issue 9 (a value
// that does not have the shape Azure gives it warns metadata_value_rejected and names the field).
import {
  judgeMetadata,
  rejectedFields,
  type MetadataAttempt,
} from '../../../../src/core/checks/metadata/metadata-judge.js';
import { VM_INSTANCE } from '../../../../src/emulator/fixtures/vm-instance.js';
import { answer, failure, json } from '../../../helpers/answers.js';
import { INJECTIONS } from '../../../helpers/injection.js';

const IMDS = { 'content-type': 'application/json; charset=utf-8', server: 'IMDS/150.870.65.1475' };

function attempt(result: MetadataAttempt['result'], over: Partial<MetadataAttempt> = {}): MetadataAttempt {
  return {
    result,
    attempts: 1,
    version: '2021-02-01',
    fellBackFrom: '',
    notesMissingServerHeader: true,
    ...over,
  };
}

const withCompute = (over: Record<string, unknown>) =>
  json(200, { ...VM_INSTANCE, compute: { ...VM_INSTANCE.compute, ...over } }, IMDS);

describe('judgeMetadata: a good document', () => {
  it('passes with the machine facts and names the machine', () => {
    const j = judgeMetadata(attempt(json(200, VM_INSTANCE, IMDS)));
    expect(j.verdict).toMatchObject({
      status: 'pass',
      code: 'ok',
      httpStatus: 200,
      outcome: '200',
      attempts: 1,
    });
    expect(j.verdict.message).toBe(
      'Instance metadata read with api-version 2021-02-01: vm-ama-01 in westeurope (AzurePublicCloud).',
    );
    expect(j.machine).toMatchObject({
      vmId: VM_INSTANCE.compute.vmId,
      name: 'vm-ama-01',
      resourceGroup: 'rg-ama-rollout',
      subscriptionId: VM_INSTANCE.compute.subscriptionId,
    });
    expect(rejectedFields(j.machine)).toEqual([]);
  });

  it('notes a missing Server header on a VM, not on Arc', () => {
    const bare = json(200, VM_INSTANCE);
    expect(judgeMetadata(attempt(bare)).verdict.message).toContain('no `Server: IMDS/...` header');
    expect(judgeMetadata(attempt(bare, { notesMissingServerHeader: false })).verdict.message).not.toContain(
      'Server',
    );
  });

  it('names an api-version fallback', () => {
    const j = judgeMetadata(
      attempt(json(200, VM_INSTANCE, IMDS), { version: '2020-06-01', fellBackFrom: '2021-02-01' }),
    );
    expect(j.verdict.message).toContain('api-version 2021-02-01 was refused; used 2020-06-01');
  });
});

describe('judgeMetadata: values without their shape (issue 9)', () => {
  it.each(INJECTIONS)('a name %j warns metadata_value_rejected naming the field', (value) => {
    const j = judgeMetadata(attempt(withCompute({ name: value })));
    expect(j.verdict).toMatchObject({ status: 'warn', code: 'metadata_value_rejected', httpStatus: 200 });
    expect(j.verdict.message).toMatch(/: name\.$/);
    expect(j.machine.name).toBe(value);
  });

  it('names every rejected field, in output order', () => {
    const j = judgeMetadata(
      attempt(
        withCompute({
          vmId: 'not-a-guid',
          resourceGroupName: 'rg"; echo injected; : "',
          location: 'west europe',
          azEnvironment: 'EvilCloud',
        }),
      ),
    );
    expect(j.verdict.code).toBe('metadata_value_rejected');
    expect(j.verdict.message).toMatch(/: vmId, resourceGroup, location, azEnvironment\.$/);
  });

  it('empty fields are not rejected (absent is not hostile)', () => {
    const j = judgeMetadata(attempt(withCompute({ name: '', location: '', azEnvironment: '' })));
    expect(j.verdict.status).toBe('pass');
  });

  it('a number where a string is expected is read as text and judged by its shape', () => {
    const j = judgeMetadata(attempt(withCompute({ location: 42 })));
    expect(j.machine.location).toBe('42');
    expect(j.verdict.status).toBe('pass');
  });
});

describe('judgeMetadata: failures', () => {
  it('a transport failure keeps its code and socket word', () => {
    const j = judgeMetadata(attempt(failure('connect_timeout', 'ETIMEDOUT'), { attempts: 2 }));
    expect(j.verdict).toMatchObject({
      status: 'fail',
      code: 'connect_timeout',
      outcome: 'timeout',
      attempts: 2,
    });
    expect(j.verdict.message).toContain('after 2 attempts');
    expect(j.recognition).toBeNull();
  });

  it.each([
    [400, { error: 'Bad request. Required metadata header not specified' }, 'metadata_header_rejected'],
    [
      400,
      { error: 'Bad request. api-version is invalid', 'newest-versions': ['2023-07-01'] },
      'metadata_api_version',
    ],
    [404, { error: 'Not found' }, 'metadata_not_found'],
    [403, { error: 'Forbidden' }, 'metadata_forbidden'],
    [405, { error: 'Method not allowed' }, 'metadata_method_not_allowed'],
    [410, { error: 'Gone' }, 'metadata_gone'],
    [429, { error: 'Too many requests' }, 'metadata_throttled'],
    [500, { error: 'Internal error' }, 'metadata_server_error'],
    [418, { error: 'teapot' }, 'metadata_unexpected_status'],
  ] as const)('%i %j → %s', (status, body, code) => {
    const j = judgeMetadata(attempt(json(status, body, IMDS)));
    expect(j.verdict).toMatchObject({ status: 'fail', code, httpStatus: status, outcome: `${status}` });
    expect(j.machine.vmId).toBe('');
  });

  it.each([
    ['an HTML page', answer(200, '<html>captive</html>', { 'content-type': 'text/html' }), 'not_imds_html'],
    ['a proxy 407', answer(407, 'auth'), 'not_imds_proxy'],
    ['a 200 that is not JSON', answer(200, 'hello'), 'metadata_bad_json'],
    ['a 200 JSON without compute', json(200, { network: {} }), 'metadata_bad_shape'],
  ])('%s → %s', (_, result, code) => {
    expect(judgeMetadata(attempt(result)).verdict).toMatchObject({ status: 'fail', code });
  });
});
