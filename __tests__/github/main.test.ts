// main.ts with a fake ActionsIo and a fake engine: outputs, masks before anything else, invalid input.
import { describe, expect, it } from '@jest/globals';
import { OUTPUT_NAMES } from '../../src/core/index.js';
import { report } from './fakes.js';
import { engineWithToken, returns, run, TOKEN } from './main-harness.js';

describe('github main: a passing run', () => {
  it('sets every contract output except access-token, logs text, writes the summary and does not fail', async () => {
    const { io, reportCalls } = await run({}, returns(report()));
    const outputs = io.outputs();
    expect(Object.keys(outputs).sort()).toEqual(OUTPUT_NAMES.filter((n) => n !== 'access-token').sort());
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
      'principal-id': 'oid-guid',
      'tenant-id': 'tid-guid',
      'app-id': 'app-guid',
      'token-expires-on': '2026-11-25T19:00:00Z',
      'report-path': '/runner/temp/imds-check/report.json',
    });
    expect(io.of('info').map((e) => e.text)).toEqual(['TEXT result=pass']);
    expect(io.of('summary').map((e) => e.text)).toEqual(['MD result=pass']);
    expect(io.of('setFailed')).toEqual([]);
    expect(io.of('error')).toEqual([]);
    expect(reportCalls).toEqual([{ reportPath: '', junitPath: '', defaultDir: '/runner/temp/imds-check' }]);
  });

  it('sets outputs without a value to the empty string', async () => {
    const r = report();
    r.machine.location = '';
    r.identity.principalId = '';
    const { io } = await run({}, returns(r));
    expect(io.outputs()['location']).toBe('');
    expect(io.outputs()['principal-id']).toBe('');
  });

  it('falls back to the OS temp dir when RUNNER_TEMP is not set, and passes report/junit paths through', async () => {
    const { io, reportCalls } = await run(
      { 'report-path': 'out/r.json', 'junit-path': 'out/j.xml' },
      returns(report()),
      {
        env: { PATH: '/bin' },
      },
    );
    expect(reportCalls).toEqual([
      { reportPath: 'out/r.json', junitPath: 'out/j.xml', defaultDir: '/os/tmp/imds-check' },
    ]);
    expect(io.outputs()['report-path']).toBe('out/r.json');
  });

  it('hands the engine parsed options and a github context wired to the io', async () => {
    const { io, probeCalls } = await run(
      { mode: 'VM', 'timeout-seconds': ' 12 ', endpoint: 'http://127.0.0.1:8080/' },
      returns(report()),
    );
    expect(probeCalls).toHaveLength(1);
    const { options, ctx } = probeCalls[0]!;
    expect(options).toMatchObject({
      mode: 'vm',
      identity: 'system',
      timeoutSeconds: 12,
      endpoint: 'http://127.0.0.1:8080',
      failOn: 'error',
    });
    expect(ctx.frontDoor).toBe('github');
    expect(ctx.diagnostics).toBe(io.diagnostics);
    expect(ctx.env['RUNNER_TEMP']).toBe('/runner/temp');
  });
});

describe('github main: secrets', () => {
  it('prints nothing but the mask before the engine returns; debug lines wait until then', async () => {
    const { io } = await run({}, engineWithToken(report()));
    expect(io.events[0]).toEqual({ kind: 'setSecret', value: TOKEN });
    expect(io.events[1]).toEqual({ kind: 'debug', text: 'token request 200' });
    expect(io.of('setSecret')).toHaveLength(1);
    expect(io.outputs()['access-token']).toBeUndefined();
    expect(JSON.stringify(io.events.slice(1))).not.toContain(TOKEN);
  });

  it('with expose-token sets access-token to the token, masked before anything else', async () => {
    const { io } = await run({ 'expose-token': 'true' }, engineWithToken(report()));
    expect(io.outputs()['access-token']).toBe(TOKEN);
    expect(io.events[0]).toEqual({ kind: 'setSecret', value: TOKEN });
    expect(Object.keys(io.outputs()).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it('masks a returned token itself if the engine did not, before printing anything', async () => {
    const { io } = await run({ 'expose-token': 'true' }, returns(report(), TOKEN));
    expect(io.events[0]).toEqual({ kind: 'setSecret', value: TOKEN });
    expect(io.of('setSecret')).toHaveLength(1);
  });

  it('with expose-token but no token, access-token is the empty string', async () => {
    const { io } = await run({ 'expose-token': 'true', identity: 'none' }, returns(report()));
    expect(io.outputs()['access-token']).toBe('');
    expect(io.of('setSecret')).toEqual([]);
  });
});

describe('github main: invalid input', () => {
  it.each<[Record<string, string>, string]>([
    [{ mode: 'bogus' }, 'mode'],
    [{ 'fail-on': 'sometimes', mode: 'vm' }, 'fail-on'],
    [{ 'client-id': 'not-a-guid', identity: 'user' }, 'client-id'],
    [{ 'timeout-seconds': '0' }, 'timeout-seconds'],
  ])(
    '%j fails with one line naming the input, whatever fail-on says, without probing',
    async (inputs, name) => {
      const { io, probeCalls } = await run(
        { ...inputs, 'fail-on': inputs['fail-on'] ?? 'never' },
        returns(report()),
      );
      expect(probeCalls).toEqual([]);
      const failed = io.of('setFailed');
      expect(failed).toHaveLength(1);
      expect(failed[0]!.text).toContain(`'${name}'`);
      expect(failed[0]!.text).not.toMatch(/\n/);
      expect(io.of('setOutput')).toEqual([]);
      expect(io.events).toHaveLength(1);
    },
  );
});
