// Root only: conformance in Arc mode. Real SDK clients get tokens from the emulator through
// IDENTITY_ENDPOINT / IMDS_ENDPOINT, following the key-file challenge into /var/opt/azcmagent/tokens, inside
// a private network namespace (only lo) and a private mount namespace (tmpfs over /var/opt and /opt).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARC_CASES, clientSelector, type ConformanceCase } from '../conformance/cases.js';
import { pythonExpectation } from '../conformance/python.js';
import { runtimes, ROOT, skipNotice, type Runtime } from '../conformance/runtime.js';
import { formatTable, resultKey, type Results } from '../conformance/table.js';
import { expectCase } from '../conformance/verdict.js';
import { buildArcDriver } from './conformance-build.js';
import type { ArcJob, ArcJobResult } from './conformance-arc-driver.js';
import { Netns, netnsUnavailableReason, runTimed } from './namespace.js';

const reason = netnsUnavailableReason(['ip', 'unshare', 'mount']);
const clients = runtimes();
if (reason) console.log(`conformance (Arc) skipped: ${reason}`);
else {
  const notice = skipNotice('conformance (Arc)');
  if (notice) console.log(notice);
}
const suite = reason ? describe.skip : describe;

const expectationOf = (c: ConformanceCase, r: Runtime) =>
  r.client === 'python' ? pythonExpectation(c) : c.expect[r.client];

const byKey = new Map<string, ArcJobResult>();
const results: Results = new Map();
let driverRun: { exitCode: number | null; stderr: string; ms: number } | undefined;

suite('conformance (Arc, private namespaces)', () => {
  let work = '';
  let ns: Netns | undefined;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'imdsck-conf-arc-'));
    const driver = buildArcDriver(join(work, 'js'));
    const jobs: ArcJob[] = ARC_CASES.flatMap((c) =>
      clients
        .filter((r) => r.command !== null && expectationOf(c, r) !== undefined)
        .map((r) => ({
          key: resultKey(c, r.client),
          scenario: c.scenario,
          command: r.command ?? [],
          spec: { mode: 'arc', selector: clientSelector(r.client, c.selector) },
        })),
    );
    // Slow cases (429 retries) sit at the end of the list; start them first.
    writeFileSync(join(work, 'jobs.json'), JSON.stringify(jobs.reverse()));
    ns = new Netns({ imdsAddress: false });
    const script = join(ROOT, '__tests__/netns/conformance-arc.sh');
    const resultsFile = join(work, 'results.json');
    driverRun = await runTimed(
      ns.wrap([
        'unshare',
        '-m',
        '--propagation',
        'private',
        'bash',
        script,
        process.execPath,
        driver,
        join(work, 'jobs.json'),
        resultsFile,
      ]),
      { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' }, timeoutMs: 150_000 },
    );
    if (driverRun.exitCode === 0) {
      for (const r of JSON.parse(readFileSync(resultsFile, 'utf8')) as ArcJobResult[]) {
        byKey.set(r.key, r);
        results.set(r.key, r.outcome);
      }
    }
  }, 180_000);

  afterAll(() => {
    ns?.destroy();
    if (work) rmSync(work, { recursive: true, force: true });
    const seconds = ((driverRun?.ms ?? 0) / 1000).toFixed(1);
    console.log(
      formatTable(
        `conformance (Arc, private namespaces): client × scenario, ${seconds} s`,
        ARC_CASES,
        clients,
        results,
      ),
    );
  });

  it('the namespace driver ran', () => {
    expect({ exitCode: driverRun?.exitCode, stderr: driverRun?.stderr }).toEqual({ exitCode: 0, stderr: '' });
  });

  describe.each(clients.map((r) => [r.label, r] as const))('%s (Arc)', (_label, runtime) => {
    const cases = ARC_CASES.flatMap((c) => {
      const expected = expectationOf(c, runtime);
      return expected ? [[c.row, c, expected] as const] : [];
    });
    const test = runtime.command === null ? it.skip : it;
    test.each(cases)('%s', (_row, c, expected) => {
      const run = byKey.get(resultKey(c, runtime.client));
      expectCase(c, runtime.client, expected, run);
      if (!run) return;
      // A refused realm must cost the client nothing: no file content on the wire, bait or not.
      if (c.row.startsWith('refused realm')) expect(run.secretsSent).toBe(0);
      expect(run.baitSent).toBe(c.sendsBait ?? false);
    });
  });
});
