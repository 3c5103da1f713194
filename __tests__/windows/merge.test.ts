// A fleet merge on Windows: three Windows machines' reports written by the CLI under Wine (two healthy, one
// without an identity), merged by the merge Action, the merge task and the CLI under Wine, with the report
// patterns a Windows pipeline writes (backslashes, a drive letter, relative to the working folder).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { cleanupTempDirs, tempDir } from '../github/runner.js';
import { baseEnv, CLI, runMergeAction, runMergeTask, runNode } from '../e2e/merge-harness.js';
import { guid } from '../helpers/fleet-reports.js';
import { describeWindows, hostPath, WINDOWS_NODE, windowsPath, windowsSkipped } from './wine.js';

const LEGS = [
  { leg: 'win-01', scenario: 'healthy' },
  { leg: 'win-02', scenario: 'healthy' },
  { leg: 'win-03', scenario: 'no-identity' },
];
const emulators: Emulator[] = [];
let work = '';

beforeAll(async () => {
  if (windowsSkipped !== null) return;
  work = tempDir('imds-win-merge-');
  await Promise.all(
    LEGS.map(async ({ leg, scenario }, i) => {
      const e = await startEmulator({
        scenario,
        overrides: { compute: { vmId: guid(i + 1), name: `vm-${leg}`, osType: 'Windows' } },
      });
      emulators.push(e);
      const report = join(work, 'reports', `imds-check-report-${leg}`, 'report.json');
      const run = await runNode(
        WINDOWS_NODE,
        [CLI, '--endpoint', e.url, '--fail-on', 'never', '--report', report],
        work,
        baseEnv(work),
      );
      if (run.code !== 0) throw new Error(`leg ${leg}: exit ${run.code}: ${run.stdout}${run.stderr}`);
    }),
  );
}, 60_000);
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  cleanupTempDirs();
});

const FLEET = {
  machines: '3',
  passed: '2',
  warned: '0',
  failed: '1',
  missing: '0',
  invalid: '0',
  result: 'fail',
};

interface FleetDoc {
  machines: { name: string; result: string; source: string; osType?: string }[];
}
// Sources are shown relative to the working folder and '/'-separated on every platform.
const names = (doc: FleetDoc): string[] =>
  doc.machines.map((m) => `${m.name} ${m.result} ${m.source}`).sort();
const WANT = ['01 pass', '02 pass', '03 fail'].map((s) => {
  const [n, result] = s.split(' ');
  return `vm-win-${n} ${result} reports/imds-check-report-win-${n}/report.json`;
});

describeWindows('Windows (Wine): fleet merge', () => {
  it.concurrent(
    'merge Action: a drive-letter pattern with backslashes; outputs and the report in RUNNER_TEMP',
    async () => {
      const reports = `${windowsPath(work)}\\reports\\**\\*.json`;
      const run = await runMergeAction(WINDOWS_NODE, { reports, expected: '3' }, work, { windows: true });
      expect([run.code, run.stderr]).toEqual([1, '']);
      const reportPath = `${windowsPath(run.runnerTemp)}\\imds-check\\fleet-report.json`;
      expect(run.outputs).toEqual({ ...FLEET, 'report-path': reportPath });
      expect(names(JSON.parse(readFileSync(hostPath(reportPath), 'utf8')) as FleetDoc)).toEqual(WANT);
      expect(run.summary).toContain('imds-check fleet: fail');
    },
  );

  it.concurrent(
    'merge task: a relative pattern with backslashes; the summary in Agent.TempDirectory',
    async () => {
      const run = await runMergeTask(WINDOWS_NODE, { reports: 'reports\\**\\*.json', expected: '3' }, work, {
        windows: true,
        hostPath,
      });
      expect(run.result).toBe('Failed');
      expect(run.variables).toEqual({
        ...FLEET,
        reportPath: expect.stringMatching(/^Z:\\.*\\_temp\\imds-check\\fleet-report\.json$/),
      });
      expect(
        names(JSON.parse(readFileSync(hostPath(run.variables['reportPath']!), 'utf8')) as FleetDoc),
      ).toEqual(WANT);
      expect(run.summary).toContain('imds-check fleet: fail');
    },
  );

  it.concurrent('merge CLI: --json over the reports folder; exit 1 on a failing fleet', async () => {
    const run = await runNode(
      WINDOWS_NODE,
      [CLI, 'merge', '--expected', '3', '--json', 'reports'],
      work,
      baseEnv(work),
    );
    expect([run.code, run.stderr]).toEqual([1, '']);
    const doc = JSON.parse(run.stdout) as FleetDoc & { result: string };
    expect([doc.result, names(doc)]).toEqual(['fail', WANT]);
  });
});
