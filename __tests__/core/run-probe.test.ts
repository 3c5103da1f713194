// runProbe aggregation and skip rules, against a closed loopback port or a tiny in-test server. The full
// protocol paths are covered by the emulator e2e tests.
import http from 'node:http';
import { buildOutputs, exitCodeFor } from '../../src/core/contract.js';
import { runProbe } from '../../src/core/run-probe.js';
import type { CheckResult, ProbeOptions, RuntimeContext } from '../../src/core/types.js';
import { fakeContext, options, recordingDiagnostics } from './fake-context.js';
import { closedPort, httpServer, rawServer, type Loopback } from './loopback.js';

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

const INSTANCE = JSON.stringify({
  compute: {
    vmId: 'vm-guid',
    name: 'vm1',
    location: 'westeurope',
    azEnvironment: 'AzurePublicCloud',
    resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
  },
  network: {},
});

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

    const outputs = buildOutputs(report, accessToken, { exposeToken: false }, '/r.json');
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
    const { report } = await probe({ mode: 'arc', endpoint: `http://127.0.0.1:${port}` }, { diagnostics });
    expect(diagnostics.runs).toEqual([{ command: 'systemctl', args: ['is-active', 'himdsd'] }]);
    const reach = byId(report, 'reachability');
    expect(reach.message).toContain('inactive');
    expect(reach.remediation).toContain('himdsd');
  });
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
    expect(report.machine).toMatchObject({ vmId: 'vm-guid', name: 'vm1', location: 'westeurope' });
    const outputs = buildOutputs(report, null, { exposeToken: false }, '');
    expect(outputs['metadata-status']).toBe('200');
    expect(outputs['token-status']).toBe('skipped');
    expect(outputs['vm-id']).toBe('vm-guid');
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
    const outputs = buildOutputs(report, null, { exposeToken: false }, '');
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
    const outputs = buildOutputs(report, null, { exposeToken: false }, '');
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
      expect(buildOutputs(report, null, { exposeToken: false }, '')['metadata-status']).toBe('no-response');
    },
  );
});
