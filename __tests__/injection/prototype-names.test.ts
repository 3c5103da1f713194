// Issue 17, item 2: names that every plain object already has (`constructor`, `__proto__`, `hasOwnProperty`,
// `toString`) arriving from the network, through the Action bundle, the task bundle and the CLI (text and
// --json). A header of such a name is a header like any other (it crashed every door with
// `headers[name].push is not a function`), and an azEnvironment of such a name is an unknown cloud (the token
// was asked for `function Object() { [native code] }`).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { cleanupTempDirs } from '../github/runner.js';
import { DOORS, runDoor, type DoorRun } from './front-doors.js';

/** Header lines added to every answer; mixed case as a server may send them. */
const HOSTILE_HEADERS = [
  ['Constructor', 'c'],
  ['__proto__', 'p'],
  ['hasOwnProperty', 'h'],
  ['toString', 't'],
  ['VALUEOF', 'v'],
  ['__defineGetter__', 'g'],
] as const;

/**
 * Relays each request to the emulator and adds HOSTILE_HEADERS to its answer, byte for byte otherwise: the
 * answers are IMDS's, only the header table is hostile.
 */
async function headerRelay(target: Emulator): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: target.host, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const raw = [...answer.rawHeaders, ...HOSTILE_HEADERS.flat()];
        res.writeHead(answer.statusCode ?? 502, raw);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function noCrash(run: DoorRun): void {
  const all = `${run.stdout}\n${run.stderr}`;
  expect({
    door: run.door,
    typeError: /TypeError|is not a function/.test(all),
    stack: /\n\s+at /.test(all),
  }).toEqual({ door: run.door, typeError: false, stack: false });
}

/** The ADO agent decides by the last task.complete; one run completes once. */
function taskCompletions(run: DoorRun): string[] {
  return run.stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('##vso[task.complete'))
    .map((line) => /result=(\w+)/.exec(line)?.[1] ?? '?');
}

let emulator: Emulator;
let relay: { url: string; close(): Promise<void> };
let cloudEmulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ scenario: 'healthy' });
  relay = await headerRelay(emulator);
  cloudEmulator = await startEmulator({
    scenario: 'healthy',
    overrides: { compute: { azEnvironment: 'constructor' } },
  });
});
afterAll(async () => {
  await relay.close();
  await emulator.close();
  await cloudEmulator.close();
  cleanupTempDirs();
});

describe.each(DOORS)('%s', (door) => {
  it('answers carrying headers named constructor, __proto__, hasOwnProperty, toString still pass', async () => {
    const run = await runDoor(door, { endpoint: relay.url, 'fail-on': 'never' });
    noCrash(run);
    expect(run.exitCode).toBe(0);
    const report = run.report as { result: string; checks: { id: string; status: string }[] };
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['environment', 'pass'],
      ['reachability', 'pass'],
      ['metadata', 'pass'],
      ['token', 'pass'],
    ]);
    if (door === 'action' || door === 'task') expect(run.outputs['result']).toBe('pass');
    if (door === 'task') expect(taskCompletions(run)).toEqual(['Succeeded']);
  });

  it("azEnvironment 'constructor' is an unknown cloud: the token is asked for the public ARM audience", async () => {
    const before = cloudEmulator.requests.length;
    const run = await runDoor(door, { endpoint: cloudEmulator.url });
    noCrash(run);
    const tokenRequests = cloudEmulator.requests
      .slice(before)
      .filter((r) => r.path === '/metadata/identity/oauth2/token');
    expect(tokenRequests.map((r) => r.query['resource'])).toEqual(['https://management.azure.com/']);
    const report = run.report as { checks: { id: string; status: string; code: string }[] };
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, `${c.status}/${c.code}`]));
    expect(byId).toMatchObject({ metadata: 'warn/metadata_value_rejected', token: 'pass/ok' });
    expect(run.exitCode).toBe(0);
  });
});
