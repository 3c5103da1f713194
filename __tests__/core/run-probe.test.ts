// runProbe aggregation and skip rules, against a closed loopback port or a tiny in-test server. The full
// protocol paths are covered by the emulator e2e tests.
import http from 'node:http';
import { buildOutputs } from '../../src/core/outputs.js';
import { exitCodeFor } from '../../src/core/policy.js';
import { runProbe } from '../../src/core/run-probe.js';
import type { RuntimeContext } from '../../src/core/context.js';
import type { CheckResult, ProbeOptions } from '../../src/core/types.js';
import { fakeContext, fakeFs, options, recordingDiagnostics } from '../helpers/fake-context.js';
import { closedPort, httpServer, rawServer, type Loopback } from '../helpers/loopback.js';

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function probe(opts: Partial<ProbeOptions>, ctxOver: Partial<RuntimeContext> = {}) {
  const ctx = fakeContext(ctxOver);
  const outcome = await runProbe(options({ mode: 'vm', timeoutSeconds: 10, ...opts }), ctx);
  return { ...outcome, ctx };
}

const byId = (report: { checks: CheckResult[] }, id: CheckResult['id']): CheckResult =>
  report.checks.find((c) => c.id === id)!;

async function imdsServer(handler: http.RequestListener) {
  const s = await httpServer(handler);
  servers.push(s);
  return `http://127.0.0.1:${s.port}`;
}

const VM_ID = '74436628-93e4-401b-adfc-ee161f24a087';
const COMPUTE = {
  vmId: VM_ID,
  name: 'vm1',
  location: 'westeurope',
  azEnvironment: 'AzurePublicCloud',
  subscriptionId: '3af8e776-0edc-4cf5-8520-b5ec2dbc778f',
  resourceGroupName: 'rg-ama-rollout',
  resourceId:
    '/subscriptions/3af8e776-0edc-4cf5-8520-b5ec2dbc778f/resourceGroups/rg-ama-rollout/providers/Microsoft.Compute/virtualMachines/vm1',
};
const INSTANCE = JSON.stringify({ compute: COMPUTE, network: {} });

describe('runProbe when nothing listens', () => {
  it('fails reachability with the socket word and skips metadata and token', async () => {
    const port = await closedPort();
    const { report, accessToken, ctx } = await probe({ endpoint: `http://127.0.0.1:${port}` });
    expect(report.checks.map((c) => c.id)).toEqual(['environment', 'reachability', 'metadata', 'token']);
    expect(report).toMatchObject({
      schemaVersion: 1,
      result: 'fail',
      reachable: false,
      failOn: 'error',
      endpoint: `http://127.0.0.1:${port}`,
    });
    expect(report.mode).toEqual({ requested: 'vm', resolved: 'vm', signal: 'requested' });
    expect(byId(report, 'reachability')).toMatchObject({
      status: 'fail',
      code: 'connection_refused',
      outcome: 'refused',
    });
    expect(byId(report, 'metadata')).toMatchObject({ status: 'skip', code: 'skipped', outcome: 'skipped' });
    expect(byId(report, 'token')).toMatchObject({ status: 'skip', code: 'skipped', outcome: 'skipped' });
    expect(report.machine.vmId).toBe('');
    expect(accessToken).toBeNull();
    expect(ctx.secrets).toEqual([]);
    expect(report.startedAt).toBe(new Date(ctx.clock.now()).toISOString());

    const outputs = buildOutputs(report, accessToken, false, '/r.json');
    expect(outputs['metadata-status']).toBe('refused');
    expect(outputs['token-status']).toBe('refused');
    expect(outputs.reachable).toBe('false');
    expect(outputs.result).toBe('fail');
  });

  it.each([
    ['error', 1],
    ['unreachable', 1],
    ['never', 0],
  ] as const)('fail-on %s → exit %i', async (failOn, code) => {
    const port = await closedPort();
    const { report } = await probe({ endpoint: `http://127.0.0.1:${port}`, failOn });
    expect(report.failOn).toBe(failOn);
    expect(exitCodeFor(report)).toBe(code);
  });

  it('identity none: the token check says it was not requested', async () => {
    const port = await closedPort();
    const { report } = await probe({ endpoint: `http://127.0.0.1:${port}`, identity: 'none' });
    expect(byId(report, 'token')).toMatchObject({ status: 'skip' });
    expect(byId(report, 'token').message).toMatch(/not requested/i);
    expect(report.identity.kind).toBe('none');
  });

  it('on Arc, a refused connection reports the himdsd service state from diagnostics', async () => {
    const port = await closedPort();
    const diagnostics = recordingDiagnostics('inactive\n');
    const fs = fakeFs(['/usr/bin/systemctl', '/bin/systemctl']);
    const { report } = await probe(
      { mode: 'arc', endpoint: `http://127.0.0.1:${port}` },
      { diagnostics, fs },
    );
    // Issue 17: by its full path, never a bare name looked up through PATH.
    expect(diagnostics.runs).toEqual([{ command: '/usr/bin/systemctl', args: ['is-active', 'himdsd'] }]);
    const reach = byId(report, 'reachability');
    expect(reach.message).toContain('inactive');
    expect(reach.remediation).toContain('himdsd');
  });

  it.each([
    [['/bin/systemctl'], '/bin/systemctl'],
    [[], null],
  ])(
    'on Linux, systemctl is the first of /usr/bin, /bin that exists (%j), else none runs',
    async (found, command) => {
      const port = await closedPort();
      const diagnostics = recordingDiagnostics('inactive\n');
      await probe({ mode: 'arc', endpoint: `http://127.0.0.1:${port}` }, { diagnostics, fs: fakeFs(found) });
      expect(diagnostics.runs).toEqual(command ? [{ command, args: ['is-active', 'himdsd'] }] : []);
    },
  );

  it.each([
    [{ SystemRoot: 'D:\\WINDOWS' }, 'D:\\WINDOWS\\System32\\sc.exe'],
    [{}, 'C:\\Windows\\System32\\sc.exe'],
    [{ SystemRoot: 'sc-in-cwd' }, 'C:\\Windows\\System32\\sc.exe'],
  ])(
    'on Windows Arc, sc.exe runs by its System32 path, never by a name searched in the working folder (%j)',
    async (env, command) => {
      const port = await closedPort();
      const diagnostics = recordingDiagnostics(
        'SERVICE_NAME: himds\r\n        STATE              : 1  STOPPED\r\n',
      );
      const { report } = await probe(
        { mode: 'arc', endpoint: `http://127.0.0.1:${port}` },
        { diagnostics, platform: 'win32', env },
      );
      expect(diagnostics.runs).toEqual([{ command, args: ['query', 'himds'] }]);
      expect(byId(report, 'reachability').message).toContain('The himds service is stopped.');
    },
  );
});

describe('runProbe when something answers', () => {
  it('IMDS metadata with identity none → pass, reachable, token skipped', async () => {
    const endpoint = await imdsServer((_, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/json', Server: 'IMDS/150.870.65.1475' })
        .end(INSTANCE),
    );
    const { report } = await probe({ endpoint, identity: 'none' });
    expect(report).toMatchObject({ result: 'pass', reachable: true });
    expect(byId(report, 'reachability')).toMatchObject({ status: 'pass', outcome: '200' });
    expect(byId(report, 'metadata')).toMatchObject({ status: 'pass', outcome: '200', httpStatus: 200 });
    expect(byId(report, 'token')).toMatchObject({ status: 'skip', outcome: 'skipped' });
    expect(report.machine).toMatchObject({ vmId: VM_ID, name: 'vm1', location: 'westeurope' });
    const outputs = buildOutputs(report, null, false, '');
    expect(outputs['metadata-status']).toBe('200');
    expect(outputs['token-status']).toBe('skipped');
    expect(outputs['vm-id']).toBe(VM_ID);
    expect(outputs['resource-group']).toBe('rg-ama-rollout');
    expect(report.waits).toEqual([]);
  });

  it('a proxy warning alone makes the run warn, not fail', async () => {
    const endpoint = await imdsServer((_, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(INSTANCE),
    );
    const { report } = await probe(
      { endpoint, identity: 'none' },
      { env: { HTTP_PROXY: 'http://proxy:3128' } },
    );
    expect(byId(report, 'environment')).toMatchObject({ status: 'warn', code: 'proxy_without_imds_bypass' });
    expect(report.result).toBe('warn');
    expect(exitCodeFor(report)).toBe(0);
  });

  it('an HTML page → not reachable, named, token not attempted', async () => {
    let tokenRequests = 0;
    const endpoint = await imdsServer((req, res) => {
      if (req.url?.includes('/oauth2/token')) tokenRequests += 1;
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>captive portal</body></html>');
    });
    const { report } = await probe({ endpoint });
    expect(report).toMatchObject({ result: 'fail', reachable: false });
    expect(byId(report, 'reachability')).toMatchObject({ status: 'fail', code: 'not_imds_html' });
    expect(byId(report, 'metadata')).toMatchObject({ status: 'fail', code: 'not_imds_html' });
    expect(byId(report, 'token')).toMatchObject({ status: 'skip' });
    expect(tokenRequests).toBe(0);
    expect(exitCodeFor({ ...report, failOn: 'unreachable' })).toBe(1);
    const outputs = buildOutputs(report, null, false, '');
    expect(outputs['metadata-status']).toBe('200');
    expect(outputs['token-status']).toBe('skipped');
  });

  it('a reset after the request → not reachable, code connection_reset, outcome reset', async () => {
    const s = await rawServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    servers.push(s);
    const { report } = await probe({ endpoint: `http://127.0.0.1:${s.port}` });
    expect(report.reachable).toBe(false);
    expect(byId(report, 'reachability')).toMatchObject({
      status: 'fail',
      code: 'connection_reset',
      outcome: 'reset',
    });
    // Nothing answered the metadata request: the socket word is on reachability, metadata is skipped (§3.1).
    expect(byId(report, 'metadata')).toMatchObject({ status: 'skip', code: 'skipped', outcome: 'skipped' });
    expect(byId(report, 'token')).toMatchObject({ status: 'skip' });
    const outputs = buildOutputs(report, null, false, '');
    expect(outputs['metadata-status']).toBe('reset');
    expect(outputs['token-status']).toBe('reset');
  });
});

describe('runProbe deadline', () => {
  it.each([1, 2])(
    'a silent server: the run with timeout-seconds %i ends within timeout-seconds + 2 s',
    async (seconds) => {
      const s = await rawServer(() => undefined);
      servers.push(s);
      const clock = {
        now: () => Date.now(),
        sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
      };
      const started = Date.now();
      const { report } = await probe({ endpoint: `http://127.0.0.1:${s.port}`, timeoutSeconds: seconds }, {
        clock,
      } as Partial<RuntimeContext>);
      expect(Date.now() - started).toBeLessThan(seconds * 1000 + 2000);
      expect(report).toMatchObject({ result: 'fail', reachable: false });
      expect(byId(report, 'reachability')).toMatchObject({ status: 'fail', outcome: 'no-response' });
      expect(byId(report, 'metadata')).toMatchObject({ status: 'skip' });
      expect(buildOutputs(report, null, false, '')['metadata-status']).toBe('no-response');
    },
  );
});

describe('runProbe with hostile metadata values (issue 9)', () => {
  it('a value without its shape warns metadata_value_rejected naming the field; its output is empty', async () => {
    const hostile = {
      ...COMPUTE,
      name: 'vm1 ##vso[task.setvariable variable=EVIL_VAR;isOutput=false]pwned',
      resourceGroupName: 'rg"; echo injected; : "',
    };
    const endpoint = await imdsServer((_, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/json', Server: 'IMDS/150.870.65.1475' })
        .end(JSON.stringify({ compute: hostile, network: {} })),
    );
    const { report } = await probe({ endpoint, identity: 'none' });
    const meta = byId(report, 'metadata');
    expect(meta).toMatchObject({ status: 'warn', code: 'metadata_value_rejected', httpStatus: 200 });
    expect(meta.message).toContain('name, resourceGroup');
    expect(meta.message).not.toContain('##vso[');
    expect(meta.remediation).not.toBe('');
    expect(report.result).toBe('warn');
    expect(report.reachable).toBe(true);
    // The report keeps the raw value for diagnosis (renderers and safeJson neutralise it when written).
    expect(report.machine.name).toBe(hostile.name);
    const outputs = buildOutputs(report, null, false, '');
    expect(outputs['vm-name']).toBe('');
    expect(outputs['resource-group']).toBe('');
    expect(outputs['vm-id']).toBe(VM_ID);
    expect(exitCodeFor(report)).toBe(0);
  });
});

describe('runProbe on Arc in a container (issue 10: a warning rests on evidence)', () => {
  const arcEnv = (port: number) => ({
    IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/metadata/identity/oauth2/token`,
    IMDS_ENDPOINT: `http://127.0.0.1:${port}`,
  });

  it('a failed Arc reachability carries the container note in its fix; environment passes', async () => {
    const port = await closedPort();
    const { report } = await probe(
      { mode: 'auto', identity: 'none' },
      { env: arcEnv(port), fs: fakeFs(['/.dockerenv']) },
    );
    expect(report.mode.resolved).toBe('arc');
    expect(byId(report, 'environment')).toMatchObject({ status: 'pass', code: 'ok' });
    const reach = byId(report, 'reachability');
    expect(reach).toMatchObject({ status: 'fail', code: 'connection_refused' });
    expect(reach.remediation).toMatch(/^This job runs in a container \(\/\.dockerenv\)/);
    expect(report.checks.map((c) => c.code)).not.toContain('arc_in_container');
  });

  it('without a container marker the same failure has no container note', async () => {
    const port = await closedPort();
    const { report } = await probe({ mode: 'auto', identity: 'none' }, { env: arcEnv(port) });
    expect(byId(report, 'reachability').remediation).not.toMatch(/container \(/);
  });

  it('a VM failure in a container gets no Arc container note', async () => {
    const port = await closedPort();
    const { report } = await probe(
      { mode: 'vm', endpoint: `http://127.0.0.1:${port}`, identity: 'none' },
      { fs: fakeFs(['/.dockerenv']) },
    );
    expect(byId(report, 'reachability').remediation).not.toMatch(/This job runs in a container/);
  });

  it('with HIMDS answering in a container the run passes (metadata; identity none)', async () => {
    const endpoint = await imdsServer((_, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(INSTANCE),
    );
    const port = Number(new URL(endpoint).port);
    const { report } = await probe(
      { mode: 'auto', identity: 'none' },
      { env: arcEnv(port), fs: fakeFs(['/.dockerenv']) },
    );
    expect(report.mode.resolved).toBe('arc');
    expect(report.result).toBe('pass');
    expect(report.checks.every((c) => c.status === 'pass' || c.status === 'skip')).toBe(true);
  });
});

describe('runProbe records retry waits (issue 10)', () => {
  it('a 410 then 200 records the wait by check and reason, and the report carries it', async () => {
    let calls = 0;
    const endpoint = await imdsServer((_, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(410, { 'Content-Type': 'text/plain' }).end('Gone');
      else res.writeHead(200, { 'Content-Type': 'application/json', Server: 'IMDS/1' }).end(INSTANCE);
    });
    const { report, ctx } = await probe({ endpoint, identity: 'none' });
    expect(byId(report, 'metadata')).toMatchObject({ status: 'pass', attempts: 2 });
    expect(report.waits).toHaveLength(1);
    const wait = report.waits![0]!;
    expect(wait).toMatchObject({ check: 'metadata', waits: 1 });
    expect(wait.reason).toMatch(/410/);
    expect(wait.ms).toBeGreaterThan(0);
    // The fake clock's sleep is the wait: exactly what the record says.
    expect(ctx.clock.sleeps).toEqual([wait.ms]);
  });
});
