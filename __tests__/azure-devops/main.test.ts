// main.ts with a fake TaskIo and a fake engine: inputs, masks first, output variables, log and summary.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_NAMES, toCamel } from '../../src/core/index.js';
import type { MainDeps } from '../../src/azure-devops/main.js';
import { fakeTaskIo, report, type FakeTaskIo } from './fakes.js';
import {
  agentTempDir,
  engineWithToken,
  returns,
  runMain,
  TOKEN,
  type Probe,
  type Run,
} from './main-harness.js';

const tempDir = agentTempDir();
let agentTemp = '';
beforeAll(() => {
  agentTemp = tempDir(); // agentTempDir's own beforeAll ran first
});
const run = (
  inputs: Record<string, string | undefined>,
  probe: Probe,
  extra: Partial<MainDeps> = {},
  io?: FakeTaskIo,
): Promise<Run> => runMain(agentTemp, inputs, probe, extra, io);

describe('inputs', () => {
  it('reads every input by its camelCase name, trims it and passes validated options to the engine', async () => {
    const { io, probeCalls } = await run(
      {
        mode: '  vm ',
        identity: 'user',
        clientId: ' 11111111-2222-3333-4444-555555555555 ',
        timeoutSeconds: '45',
        failOn: 'never',
        exposeToken: 'TRUE',
      },
      returns(report()),
    );
    expect(io.inputReads.sort()).toEqual(
      [
        'mode',
        'identity',
        'clientId',
        'objectId',
        'msiResId',
        'resource',
        'endpoint',
        'timeoutSeconds',
        'failOn',
        'exposeToken',
        'reportPath',
        'junitPath',
      ].sort(),
    );
    expect(probeCalls).toHaveLength(1);
    expect(probeCalls[0]!.options).toMatchObject({
      mode: 'vm',
      identity: 'user',
      selector: { kind: 'client_id', value: '11111111-2222-3333-4444-555555555555' },
      timeoutSeconds: 45,
      failOn: 'never',
      exposeToken: true,
    });
  });

  it('takes the contract defaults when the agent passes nothing', async () => {
    const { probeCalls } = await run({}, returns(report()));
    expect(probeCalls[0]!.options).toEqual({
      mode: 'auto',
      identity: 'system',
      selector: null,
      resource: '',
      endpoint: '',
      timeoutSeconds: 30,
      failOn: 'error',
      exposeToken: false,
      reportPath: '',
      junitPath: '',
    });
  });

  it.each([
    [{ exposeToken: 'yes' }, 'exposeToken'],
    [{ identity: 'system', clientId: '11111111-2222-3333-4444-555555555555' }, 'clientId'],
    [{ identity: 'user', objectId: 'my-identity-name' }, 'objectId'],
    [{ timeoutSeconds: '0' }, 'timeoutSeconds'],
    [{ failOn: 'sometimes' }, 'failOn'],
  ])(
    'invalid input %p fails the task naming %s, whatever failOn says, without running the engine',
    async (inputs, name) => {
      const { io, probeCalls } = await run(
        { ...inputs, failOn: (inputs as Record<string, string>).failOn ?? 'never' },
        returns(report()),
      );
      expect(probeCalls).toHaveLength(0);
      const { result, message } = io.result();
      expect(result).toBe('Failed');
      expect(message).toContain(`'${name}'`);
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).not.toMatch(/-id\b|fail-on|expose-token|timeout-seconds/); // never the kebab-case spelling
      expect(io.events.filter((e) => e.kind !== 'setResult')).toEqual([]);
    },
  );
});

describe('runtime context', () => {
  it('is built for azure-devops with the agent proxy and the diagnostics port', async () => {
    const io = fakeTaskIo({}, { 'Agent.TempDirectory': agentTemp });
    io.proxy = { url: 'http://proxy.corp:8080', bypass: ['example\\.com'] };
    const { probeCalls } = await run({}, returns(report()), {}, io);
    const ctx = probeCalls[0]!.ctx;
    expect(ctx.frontDoor).toBe('azure-devops');
    expect(ctx.agentProxy).toEqual({ url: 'http://proxy.corp:8080', bypass: ['example\\.com'] });
    expect(ctx.diagnostics).toBe(io.diagnostics);
    expect(ctx.env).toEqual({ PATH: '/bin' });
  });
});

describe('masks come first', () => {
  it('prints nothing before the engine returns except setsecret lines, and splits multi-line secrets', async () => {
    const arcSecret = 'line-one-secret\nline-two-secret';
    const probe: Probe = async (options, ctx) => {
      ctx.registerSecret(arcSecret);
      return engineWithToken(report())(options, ctx);
    };
    const { io } = await run({ exposeToken: 'true' }, probe);
    const firstOther = io.events.findIndex((e) => e.kind !== 'setSecret');
    expect(io.events.slice(0, firstOther)).toEqual([
      { kind: 'setSecret', value: 'line-one-secret' },
      { kind: 'setSecret', value: 'line-two-secret' },
      { kind: 'setSecret', value: TOKEN },
    ]);
    expect(io.of('setSecret')).toHaveLength(3); // the token is not registered twice
    expect(io.of('debug').map((e) => e.text)).toEqual([
      'GET /metadata/identity/oauth2/token -> 200',
      'token received',
    ]);
  });
});

describe('output variables', () => {
  it('sets every contract output as an output variable, camelCase, without the token unless exposed', async () => {
    const { io, reportCalls } = await run({}, engineWithToken(report()));
    const vars = io.of('setVariable');
    expect(vars.map((v) => v.name)).toEqual(OUTPUT_NAMES.filter((n) => n !== 'access-token').map(toCamel));
    expect(vars.every((v) => v.isOutput && !v.secret)).toBe(true);
    expect(io.outputVariables()).toMatchObject({
      result: 'pass',
      reachable: 'true',
      mode: 'vm',
      metadataStatus: '200',
      tokenStatus: '200',
      vmId: 'vm-guid',
      principalId: 'oid-guid',
      tokenExpiresOn: '2026-11-25T19:00:00Z',
      reportPath: join(agentTemp, 'imds-check', 'report.json'),
    });
    expect(reportCalls).toEqual([
      { reportPath: '', junitPath: '', defaultDir: join(agentTemp, 'imds-check') },
    ]);
    expect(JSON.stringify(io.events.filter((e) => e.kind !== 'setSecret'))).not.toContain(TOKEN);
  });

  it('sets accessToken as a secret output variable only with exposeToken', async () => {
    const { io } = await run({ exposeToken: 'true' }, engineWithToken(report()));
    const token = io.of('setVariable').filter((v) => v.name === 'accessToken');
    expect(token).toEqual([
      { kind: 'setVariable', name: 'accessToken', value: TOKEN, secret: true, isOutput: true },
    ]);
  });

  it('falls back to the OS temp dir for the default report when Agent.TempDirectory is unset', async () => {
    const io = fakeTaskIo({}, {});
    let summaryDir = '';
    const { reportCalls } = await run({}, returns(report()), { tmpDir: agentTemp }, io);
    summaryDir = io.of('uploadSummary')[0]!.path;
    expect(reportCalls[0]!.defaultDir).toBe(join(agentTemp, 'imds-check'));
    // Earlier tests share this temp dir, so this run's summary may be summary-N.md beside theirs.
    expect(summaryDir).toMatch(new RegExp(`^${join(agentTemp, 'imds-check')}/summary(-\\d+)?\\.md$`));
  });

  it('passes the reportPath and junitPath inputs to the report writer and warns on write problems', async () => {
    const reportCalls: Run['reportCalls'] = [];
    const { io } = await run({ reportPath: ' out/r.json ', junitPath: 'out/j.xml' }, returns(report()), {
      writeReports: async (_r, paths) => {
        reportCalls.push(paths);
        return {
          reportPath: '',
          junitPath: paths.junitPath,
          problems: ['could not write out/r.json (EACCES)'],
        };
      },
    });
    expect(reportCalls).toEqual([
      { reportPath: 'out/r.json', junitPath: 'out/j.xml', defaultDir: join(agentTemp, 'imds-check') },
    ]);
    expect(io.of('warning').map((w) => w.text)).toEqual([
      'imds-check report: could not write out/r.json (EACCES)',
    ]);
    expect(io.outputVariables().reportPath).toBe('');
  });
});

describe('log and summary', () => {
  it('logs the human text once and attaches the Markdown summary once', async () => {
    const { io } = await run({}, returns(report()));
    expect(io.of('log').map((l) => l.text)).toEqual(['TEXT result=pass']);
    const uploads = io.of('uploadSummary');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ kind: 'uploadSummary' });
    expect((uploads[0] as { path: string }).path).toMatch(
      new RegExp(`^${join(agentTemp, 'imds-check')}/summary(-\\d+)?\\.md$`),
    );
    expect(readFileSync(uploads[0]!.path, 'utf8')).toBe(
      'MD result=pass checks=environment,reachability,metadata,token',
    );
  });

  it('warns instead of failing when the summary cannot be written', async () => {
    const io = fakeTaskIo({}, { 'Agent.TempDirectory': join(agentTemp, 'no-such', '\0bad') });
    await run({}, returns(report()), {}, io);
    expect(io.of('uploadSummary')).toEqual([]);
    expect(io.of('warning').map((w) => w.text)).toEqual([
      expect.stringMatching(/^imds-check could not write the summary: /),
    ]);
    expect(io.result().result).toBe('Succeeded');
  });
});
