// main.ts with a fake ActionsIo and a fake engine: ordering of masks, outputs, summary, annotations, verdict.
import { describe, expect, it } from '@jest/globals';
import {
  OUTPUT_NAMES,
  type ProbeOptions,
  type ProbeOutcome,
  type Report,
  type RuntimeContext,
} from '../../src/core/index.js';
import { main, type MainDeps } from '../../src/github/main.js';
import { check, fakeIo, report, type FakeIo } from './fakes.js';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiJvIn0.c2lnbmF0dXJlLXZhbHVl';

interface Run {
  io: FakeIo;
  probeCalls: { options: ProbeOptions; ctx: RuntimeContext }[];
  reportCalls: { reportPath: string; junitPath: string; defaultDir: string }[];
}

type Probe = (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;

async function run(
  inputs: Record<string, string>,
  probe: Probe,
  extra: Partial<MainDeps> = {},
): Promise<Run> {
  const io = fakeIo(inputs);
  const probeCalls: Run['probeCalls'] = [];
  const reportCalls: Run['reportCalls'] = [];
  await main({
    io,
    runProbe: async (options, ctx) => {
      probeCalls.push({ options, ctx });
      return probe(options, ctx);
    },
    writeReports: async (_report, paths) => {
      reportCalls.push(paths);
      return {
        reportPath: paths.reportPath || `${paths.defaultDir}/report.json`,
        junitPath: paths.junitPath,
        problems: [],
      };
    },
    renderText: (r) => `TEXT result=${r.result}`,
    renderMarkdown: (r) => `MD result=${r.result}`,
    env: { RUNNER_TEMP: '/runner/temp', PATH: '/bin' },
    tmpDir: '/os/tmp',
    ...extra,
  });
  return { io, probeCalls, reportCalls };
}

const returns =
  (r: Report, accessToken: string | null = null): Probe =>
  async () => ({ report: r, accessToken });

/** The engine's behaviour: register the token the moment it arrives, log some debug, return it. */
const engineWithToken =
  (r: Report): Probe =>
  async (_options, ctx) => {
    ctx.log.debug('token request 200');
    ctx.registerSecret(TOKEN);
    return { report: r, accessToken: TOKEN };
  };

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

describe('github main: fail-on', () => {
  const failed = (reachable: boolean, failOn: Report['failOn']): Report =>
    report({
      result: 'fail',
      reachable,
      failOn,
      checks: reachable
        ? [
            check('environment', 'pass', 'ok'),
            check('reachability', 'pass', 'ok'),
            check('metadata', 'pass', 'ok'),
            check('token', 'fail', 'token_identity_not_found', { outcome: '400' }),
          ]
        : [
            check('environment', 'pass', 'ok'),
            check('reachability', 'fail', 'connection_refused', { outcome: 'refused', httpStatus: null }),
            check('metadata', 'skip', 'skipped'),
            check('token', 'skip', 'skipped'),
          ],
    });

  it.each([
    [true, 'error', true],
    [true, 'unreachable', false],
    [true, 'never', false],
    [false, 'error', true],
    [false, 'unreachable', true],
    [false, 'never', false],
  ] as const)('reachable=%s fail-on=%s -> step fails: %s', async (reachable, failOn, fails) => {
    const { io } = await run({ 'fail-on': failOn }, returns(failed(reachable, failOn)));
    const failures = io.of('setFailed');
    expect(failures).toHaveLength(fails ? 1 : 0);
    if (fails) {
      const code = reachable ? 'token: token_identity_not_found' : 'reachability: connection_refused';
      expect(failures[0]!.text).toBe(`imds-check failed (fail-on: ${failOn}): ${code}`);
    }
    // The failed check is annotated either way, and outputs are set either way.
    expect(io.of('error')).toHaveLength(1);
    expect(io.outputs()['result']).toBe('fail');
    expect(io.outputs()['reachable']).toBe(String(reachable));
    if (!reachable) expect(io.outputs()['metadata-status']).toBe('refused');
  });
});

describe('github main: annotations', () => {
  it('titles each failed/warned check with title and code; message carries the fix', async () => {
    const r = report({
      result: 'warn',
      checks: [
        check('environment', 'warn', 'proxy_without_imds_bypass'),
        check('reachability', 'pass', 'ok'),
        check('metadata', 'pass', 'ok'),
        check('token', 'pass', 'ok'),
      ],
    });
    const { io } = await run({}, returns(r));
    expect(io.of('warning')).toEqual([
      {
        kind: 'warning',
        title: 'The environment check (proxy_without_imds_bypass)',
        text: 'environment said proxy_without_imds_bypass\nFix: fix proxy_without_imds_bypass',
      },
    ]);
    expect(io.of('error')).toEqual([]);
    expect(io.of('setFailed')).toEqual([]);
    expect(io.of('notice')).toEqual([]);
  });

  it('caps annotations at 10 per level (one error kept for the failure) and says how many were left out', async () => {
    const checks = [
      ...Array.from({ length: 12 }, (_, i) => check('token', 'fail', `code_f${i}`)),
      ...Array.from({ length: 11 }, (_, i) => check('metadata', 'warn', `code_w${i}`)),
    ];
    const { io } = await run({}, returns(report({ result: 'fail', checks })));
    expect(io.of('error')).toHaveLength(9);
    expect(io.of('error').map((e) => e.title)).toEqual(
      Array.from({ length: 9 }, (_, i) => `The token check (code_f${i})`),
    );
    expect(io.of('warning')).toHaveLength(10);
    expect(io.of('setFailed')).toHaveLength(1);
    const notices = io.of('notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toMatch(/^3 failed and 1 warned checks are not annotated/);
  });
});

describe('github main: trouble', () => {
  it('a failed summary write becomes a warning and the verdict still applies', async () => {
    const io = fakeIo({});
    io.failSummary = true;
    await main({
      io,
      runProbe: returns(report({ result: 'fail', checks: [check('token', 'fail', 'token_gone')] })),
      writeReports: async () => ({ reportPath: '/r.json', junitPath: '', problems: [] }),
      renderText: () => 'T',
      renderMarkdown: () => 'M',
      env: {},
    });
    expect(io.of('warning').map((e) => e.text)).toEqual([
      'could not write the step summary: Unable to find environment variable for $GITHUB_STEP_SUMMARY',
    ]);
    expect(io.of('setFailed')).toHaveLength(1);
  });

  it('report files that cannot be written are warnings, and report-path is then empty', async () => {
    const { io } = await run({}, returns(report()), {
      writeReports: async () => ({
        reportPath: '',
        junitPath: '',
        problems: ['could not write /x/report.json (EACCES)'],
      }),
    });
    expect(io.of('warning').map((e) => e.text)).toEqual(['could not write /x/report.json (EACCES)']);
    expect(io.outputs()['report-path']).toBe('');
    expect(io.of('setFailed')).toEqual([]);
  });

  it('an engine crash fails the step with one line; the stack goes to debug only', async () => {
    const boom = new Error('socket exploded\n    at somewhere (file.js:1:1)');
    const { io } = await run({}, async (_o, ctx) => {
      ctx.log.debug('before the crash');
      throw boom;
    });
    expect(io.of('setFailed').map((e) => e.text)).toEqual(['imds-check could not complete: socket exploded']);
    const printed = io.events.filter((e) => e.kind !== 'debug');
    expect(JSON.stringify(printed)).not.toContain('    at ');
    expect(io.of('debug').map((e) => e.text)).toEqual(['before the crash', boom.stack]);
    expect(io.of('setOutput')).toEqual([]);
  });

  it('a non-Error throw still gives a one-line failure', async () => {
    const { io } = await run({}, async () => {
      throw 'plain string';
    });
    expect(io.of('setFailed').map((e) => e.text)).toEqual(['imds-check could not complete: plain string']);
  });
});
