// Root only: a proxy configured in every spelling (HTTP_PROXY/HTTPS_PROXY, upper and lower case), with and
// without NODE_USE_ENV_PROXY=1, on Node 20 and Node 24. The proxy is a recorder inside the namespace; the
// emulator is the IMDS at 169.254.169.254:80. IMDS must be contacted directly (the recorder sees nothing)
// and the run must warn with the exact NO_PROXY fix.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, NODE24, ROOT, runDoor, type Door } from './front-doors.js';
import { Netns, netnsUnavailableReason, runTimed, type Background } from './namespace.js';
import { TimingLog } from './timings.js';

const reason = netnsUnavailableReason();
if (reason) console.log(`netns suite skipped: ${reason}`);
const suite = reason ? describe.skip : describe;

const PROXY = 'http://127.0.0.1:3128';
const NO_PROXY = 'localhost,.internal';
const FIX = `NO_PROXY=${NO_PROXY},169.254.169.254`;
const times = new TimingLog('netns-proxy-times.json');

suite('proxy settings never divert IMDS traffic', () => {
  let ns: Netns;
  let recorder: Background;
  beforeAll(async () => {
    if (!existsSync(NODE24))
      throw new Error(`Node 24 missing at ${NODE24}: run the tests with \`npm test\`, which obtains it`);
    ns = new Netns();
    await ns.start(
      [
        process.execPath,
        CLI,
        'emulate',
        '--scenario',
        'healthy',
        '--host',
        '169.254.169.254',
        '--port',
        '80',
      ],
      /listening on/,
    );
    recorder = await ns.start(
      [process.execPath, join(ROOT, 'scripts/netns/conn-recorder.mjs'), '127.0.0.1', '3128'],
      /listening/,
    );
  });
  afterAll(() => {
    ns?.destroy();
    times.flush();
  });

  const nodes = [
    ['node20', process.execPath],
    ['node24', NODE24],
  ] as const;
  const runs = (['cli', 'action', 'task'] as Door[]).flatMap((door) =>
    nodes.flatMap(
      ([label, node]) =>
        [
          [`${door} ${label}`, door, node, false],
          [`${door} ${label} NODE_USE_ENV_PROXY=1`, door, node, true],
        ] as const,
    ),
  );

  // Control: a plain node:http client on Node 24 with NODE_USE_ENV_PROXY=1 does go through the recorder, so
  // "the recorder saw nothing" below means something.
  test('control: Node 24 with NODE_USE_ENV_PROXY=1 sends an ordinary request to the proxy', async () => {
    const before = recorder.output();
    const script =
      "require('http').get('http://169.254.169.254/metadata/instance',{headers:{Metadata:'true'}},r=>{r.resume();r.on('end',()=>process.exit(0))}).on('error',()=>process.exit(3))";
    const run = await runTimed(ns.wrap([NODE24, '-e', script]), {
      env: { PATH: '/usr/bin:/bin', HTTP_PROXY: PROXY, NO_PROXY, NODE_USE_ENV_PROXY: '1' },
    });
    expect(run.exitCode).toBe(0);
    const seen = recorder.output().slice(before.length);
    expect(seen).toMatch(/^connection /m);
    const first = Buffer.from(/^connection (\S+)/m.exec(seen)![1]!, 'base64').toString('latin1');
    expect(first).toMatch(/^GET http:\/\/169\.254\.169\.254\/metadata\/instance HTTP\/1\.1/);
  });

  test.each(runs)('%s', async (name, door, node, nodeUseEnvProxy) => {
    const env: Record<string, string> = {
      HTTP_PROXY: PROXY,
      HTTPS_PROXY: PROXY,
      http_proxy: PROXY,
      https_proxy: PROXY,
      NO_PROXY,
      ...(nodeUseEnvProxy ? { NODE_USE_ENV_PROXY: '1' } : {}),
    };
    const before = recorder.output();
    const run = await runDoor(door, { prefix: ns.wrap([]), env, node });
    times.add({ case: `proxy ${name}`, door, node, code: run.checks['environment']!.code, ms: run.ms });
    expect(recorder.output()).toBe(before); // the proxy saw no connection at all
    expect({ result: run.result, reachable: run.reachable, mode: run.mode }).toEqual({
      result: 'warn',
      reachable: 'true',
      mode: 'vm',
    });
    const environment = run.checks['environment']!;
    expect([environment.status, environment.code]).toEqual(['warn', 'proxy_without_imds_bypass']);
    expect(`${environment.message} ${environment.remediation}`).toContain(FIX);
    expect(environment.remediation).toContain(FIX);
    if (nodeUseEnvProxy) expect(environment.message).toContain('NODE_USE_ENV_PROXY');
    expect(['reachability', 'metadata', 'token'].map((id) => run.checks[id]!.code)).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    if (door === 'cli')
      expect([run.checks['metadata']!.outcome, run.checks['token']!.outcome]).toEqual(['200', '200']);
    else expect([run.metadataStatus, run.tokenStatus]).toEqual(['200', '200']);
    if (door === 'task') expect([run.exitCode, run.taskResult]).toEqual([0, 'SucceededWithIssues']);
    else expect(run.exitCode).toBe(0);
  });
});
