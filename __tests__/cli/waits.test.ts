// Issue 21: when something accepts the connection and never answers, the run waits (about 20 s with the default
// timeout; here bounded by --timeout-seconds 3). That wait must show on the row that waited, the metadata row,
// in the CLI's text, the JSON report, JUnit and the Markdown summary rendered from the same report.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown, type Report } from '../../src/core/index.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';

const emulators: Emulator[] = [];
afterAll(async () => Promise.all(emulators.map((e) => e.close())));

// The run is bounded by 3 s; the metadata request waits for most of it.
const WAITED_AT_LEAST_MS = 2_000;

describe('the wait shows on the row that waited', () => {
  test("silent endpoint: text, JSON, JUnit and Markdown carry the metadata row's wait", async () => {
    const e = await startEmulator({ scenario: 'silent' });
    emulators.push(e);
    const dir = mkdtempSync(join(tmpdir(), 'imds-waits-'));
    const [reportPath, junitPath] = [join(dir, 'r.json'), join(dir, 'j.xml')];
    const r = await runCli(process.execPath, [
      ...['--endpoint', e.url, '--timeout-seconds', '3', '--no-color'],
      ...['--report', reportPath, '--junit', junitPath],
    ]);
    expect(r.code).toBe(1);

    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    const byId = (id: string) => report.checks.find((c) => c.id === id)!;
    expect(byId('reachability').code).toBe('no_response');
    const metadata = byId('metadata');
    expect(metadata.status).toBe('skip');
    expect(metadata.durationMs).toBeGreaterThanOrEqual(WAITED_AT_LEAST_MS);
    // The rows account for the run: nothing else waited.
    const rows = report.checks.reduce((sum, c) => sum + c.durationMs, 0);
    expect(rows).toBeGreaterThanOrEqual(report.durationMs * 0.9);

    const textRow = /SKIP +Instance metadata +(\d+) ms/.exec(r.stdout);
    expect(Number(textRow?.[1])).toBe(metadata.durationMs);

    const junit = readFileSync(junitPath, 'utf8');
    const junitTime = /<testcase [^>]*name="metadata: Instance metadata" time="([\d.]+)"/.exec(junit);
    expect(Number(junitTime?.[1]) * 1000).toBeGreaterThanOrEqual(WAITED_AT_LEAST_MS);

    const markdownRow = renderMarkdown(report)
      .split('\n')
      .find((l) => l.includes('Instance metadata'));
    expect(markdownRow).toContain(`${metadata.durationMs} ms`);
  });
});
