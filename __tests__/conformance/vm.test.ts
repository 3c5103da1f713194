// Conformance, VM mode: real SDK clients (@azure/identity, @azure/msal-node, and Python azure-identity where
// installed) against the emulator on loopback, redirected by AZURE_POD_IDENTITY_AUTHORITY_HOST. Every case
// asserts what the client ended with and how many token requests the emulator saw.
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { clientSelector, VM_CASES, type ConformanceCase } from './cases.js';
import { pythonExpectation } from './python.js';
import { pool, runClient } from './run-client.js';
import { runtimes, skipNotice, type Runtime } from './runtime.js';
import { formatTable, resultKey, type Results } from './table.js';
import { expectCase, type CaseRun } from './verdict.js';

const clients = runtimes();
const notice = skipNotice('conformance (VM)');
if (notice) console.log(notice);

const runs = new Map<string, CaseRun>();
const results: Results = new Map();
let suiteMs = 0;

async function runCase(c: ConformanceCase, runtime: Runtime): Promise<void> {
  const emulator: Emulator = await startEmulator({ scenario: c.scenario, mode: 'vm' });
  try {
    const outcome = await runClient({
      command: runtime.command ?? [],
      spec: { mode: 'vm', selector: clientSelector(runtime.client, c.selector) },
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: tmpdir(),
        AZURE_POD_IDENTITY_AUTHORITY_HOST: emulator.url,
      },
      timeoutMs: 45_000,
    });
    const tokenRequests = emulator.requests.filter(
      (r) => r.path === '/metadata/identity/oauth2/token',
    ).length;
    runs.set(resultKey(c, runtime.client), { outcome, tokenRequests });
    results.set(resultKey(c, runtime.client), outcome);
  } finally {
    await emulator.close();
  }
}

const expectationOf = (c: ConformanceCase, r: Runtime) =>
  r.client === 'python' ? pythonExpectation(c) : c.expect[r.client];

beforeAll(async () => {
  const started = Date.now();
  const jobs = VM_CASES.flatMap((c) =>
    clients
      .filter((r) => r.command !== null && expectationOf(c, r) !== undefined)
      .map((r) => () => runCase(c, r)),
  );
  // The slow cases (msal-node waits 10 s on a 410) start first; four clients at once suit two cores.
  await pool(jobs.reverse(), 4);
  suiteMs = Date.now() - started;
}, 120_000);

afterAll(() => {
  console.log(
    `${formatTable(`conformance (VM, loopback): client × scenario, ${(suiteMs / 1000).toFixed(1)} s`, VM_CASES, clients, results)}`,
  );
});

describe.each(clients.map((r) => [r.label, r] as const))('%s (VM)', (_label, runtime) => {
  const cases = VM_CASES.flatMap((c) => {
    const expected = expectationOf(c, runtime);
    return expected ? [[c.row, c, expected] as const] : [];
  });
  const test = runtime.command === null ? it.skip : it;
  test.each(cases)('%s', (_row, c, expected) => {
    expectCase(c, runtime.client, expected, runs.get(resultKey(c, runtime.client)));
  });
});
