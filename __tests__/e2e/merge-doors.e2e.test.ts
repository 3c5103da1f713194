// Reports from real check runs (the CLI bundle against the emulator on loopback: healthy machines, identity not
// found, a silent endpoint and a closed port standing in for a dropped one, a proxy without NO_PROXY, a forged
// machine name), one older report in a leg's folder, one file that is not a report and one machine short of
// `expected`, merged
// through the CLI bundle, the merge action bundle and the merge task bundle: every output asserted, the three
// doors agreeing, and no channel carrying a command a pipeline would act on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { closedLoopbackPort } from '../azure-devops/agent-harness.js';
import { cleanupTempDirs } from '../github/runner.js';
import { nodeBinaries } from '../helpers/node-binaries.js';
import { baseEnv, channelProblems, CLI, runMergeAction, runMergeTask, runNode } from './merge-harness.js';
import { guid, put } from '../helpers/fleet-reports.js';

const FORGED_NAME = 'vm-x ##vso[task.setvariable variable=result;isOutput=true]pass';
const emulators: Emulator[] = [];
let work: string;

interface Leg {
  leg: string;
  scenario?: string;
  name?: string;
  location?: string;
  env?: Record<string, string>;
  args?: string[];
}

/** The legs of the fleet; each writes imds-check-reports/imds-check-report-<leg>/report.json. */
const LEGS: Leg[] = [
  { leg: 'weu-01', name: 'vm-weu-01', location: 'westeurope' },
  { leg: 'weu-02', name: 'vm-weu-02', location: 'westeurope' },
  { leg: 'eus-01', name: 'vm-eus-01', location: 'eastus', scenario: 'no-identity' },
  {
    leg: 'eus-02',
    name: 'vm-eus-02',
    location: 'eastus',
    env: { HTTPS_PROXY: 'http://proxy.corp.example:3128' },
  },
  { leg: 'silent', scenario: 'silent', args: ['--timeout-seconds', '2'] },
  { leg: 'closed' },
  { leg: 'forged', name: FORGED_NAME, location: 'westeurope' },
];
const EXPECTED = LEGS.length + 1 + 1; // every leg, the file that is not a report, and one leg that never ran

async function checkRun(leg: Leg, index: number, folder: string): Promise<void> {
  let endpoint: string;
  if (leg.leg === 'closed') endpoint = `http://127.0.0.1:${await closedLoopbackPort()}`;
  else {
    const compute = leg.name
      ? { vmId: guid(index + 1), name: leg.name, location: leg.location ?? '' }
      : undefined;
    const emulator = await startEmulator({
      scenario: leg.scenario ?? 'healthy',
      ...(compute ? { overrides: { compute } } : {}),
    });
    emulators.push(emulator);
    endpoint = emulator.url;
  }
  const report = join(work, 'imds-check-reports', folder, 'report.json');
  const run = await runNode(
    process.execPath,
    [CLI, '--endpoint', endpoint, '--fail-on', 'never', '--report', report, ...(leg.args ?? [])],
    work,
    baseEnv(work, leg.env),
  );
  if (run.code !== 0) throw new Error(`leg ${leg.leg}: exit ${run.code}: ${run.stderr}`);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'imds-merge-e2e-'));
  await Promise.all(LEGS.map((leg, i) => checkRun(leg, i, `imds-check-report-${leg.leg}`)));
  // An earlier run of the same machine left in its leg's folder: only the newer report counts.
  const first = readFileSync(join(work, 'imds-check-reports/imds-check-report-weu-01/report.json'), 'utf8');
  const older = JSON.parse(first) as { startedAt: string };
  older.startedAt = '2020-01-01T00:00:00.000Z';
  put(work, 'imds-check-reports/imds-check-report-weu-01/report-attempt-1.json', JSON.stringify(older));
  put(work, 'imds-check-reports/imds-check-report-notes/notes.json', '{ "this is": not a report');
}, 30_000);
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  rmSync(work, { recursive: true, force: true });
  cleanupTempDirs();
});

const EXPECTED_OUTPUTS = {
  machines: String(EXPECTED),
  passed: '2', // weu-01, weu-02
  warned: '2', // eus-02 (proxy), forged (metadata value rejected)
  failed: '5', // eus-01, silent, closed, notes.json, the missing one
  missing: '1',
  invalid: '3', // silent and closed (nothing named the machine: no vmId), notes.json
  result: 'fail',
};

interface FleetDoc {
  counts: Record<string, number>;
  machines: {
    name: string;
    result: string;
    source: string;
    failing: { code: string }[];
    warnings: { code: string }[];
  }[];
  superseded: { source: string; supersededBy: string }[];
}

function assertFleet(doc: FleetDoc): void {
  const byLeg = (leg: string) => doc.machines.find((m) => m.source.includes(`imds-check-report-${leg}/`));
  expect(byLeg('weu-01')).toMatchObject({ name: 'vm-weu-01', result: 'pass' });
  expect(byLeg('eus-01')).toMatchObject({ result: 'fail', failing: [{ code: 'token_identity_not_found' }] });
  expect(byLeg('eus-02')).toMatchObject({
    result: 'warn',
    warnings: [{ code: 'proxy_without_imds_bypass' }],
  });
  // No answer, so no vmId: invalid rows that keep the machine's own failing check (and its fix).
  const invalid = { code: 'fleet_report_invalid' };
  expect(byLeg('silent')).toMatchObject({
    name: '',
    result: 'invalid',
    failing: [invalid, { code: 'no_response' }],
  });
  expect(byLeg('closed')).toMatchObject({
    name: '',
    result: 'invalid',
    failing: [invalid, { code: 'connection_refused' }],
  });
  expect(byLeg('forged')).toMatchObject({
    name: FORGED_NAME,
    result: 'warn',
    warnings: [{ code: 'metadata_value_rejected' }],
  });
  expect(byLeg('notes')).toMatchObject({ result: 'invalid', failing: [{ code: 'fleet_report_invalid' }] });
  expect(doc.machines.filter((m) => m.result === 'missing')).toHaveLength(1);
  expect(doc.superseded).toEqual([
    expect.objectContaining({
      source: 'imds-check-reports/imds-check-report-weu-01/report-attempt-1.json',
      supersededBy: 'imds-check-reports/imds-check-report-weu-01/report.json',
    }),
  ]);
}

describe.each(nodeBinaries())('merge front doors on $label', ({ path: node }) => {
  it('CLI: text, --report, --markdown; exit 1 on a failing fleet, 0 when min-pass lets it through', async () => {
    const args = [
      'merge',
      '--expected',
      String(EXPECTED),
      '--report',
      'fleet.json',
      '--markdown',
      'fleet.md',
    ];
    const run = await runNode(node, [CLI, ...args, 'imds-check-reports'], work, baseEnv(work));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^Result: FAIL {2}4 of 9 machines pass, 9 needed \(min-pass 100%, expected 9\)$/m,
    );
    expect(run.stdout).toMatch(/^FAIL {2}token_identity_not_found {2}1 machine/m);
    const doc = JSON.parse(readFileSync(join(work, 'fleet.json'), 'utf8')) as FleetDoc;
    assertFleet(doc);
    const { superseded: _superseded, conflicts, ...counts } = doc.counts;
    expect(conflicts).toBe(0);
    expect(counts).toEqual(
      Object.fromEntries(
        Object.entries(EXPECTED_OUTPUTS)
          .filter(([k]) => k !== 'result')
          .map(([k, v]) => [k, Number(v)]),
      ),
    );
    const markdown = readFileSync(join(work, 'fleet.md'), 'utf8');
    for (const [name, text] of Object.entries({
      stdout: run.stdout,
      stderr: run.stderr,
      markdown,
      json: readFileSync(join(work, 'fleet.json'), 'utf8'),
    }))
      expect([name, channelProblems(text)]).toEqual([name, []]);

    const lenient = await runNode(
      node,
      [CLI, 'merge', '--min-pass', '4', '--json', 'imds-check-reports/**/*.json'],
      work,
      baseEnv(work),
    );
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({
      kind: 'fleet',
      schemaVersion: 1,
      result: 'pass',
      counts: { machines: EXPECTED - 1 },
    });
  });

  it('CLI: usage errors exit 2', async () => {
    // `--constructor` is a name every plain object has: an unknown option all the same (issue 17).
    for (const args of [
      ['merge'],
      ['merge', '--min-pass', '120%', 'x'],
      ['merge', '--frobnicate', 'x'],
      ['merge', '--constructor', 'x', 'y'],
    ]) {
      const run = await runNode(node, [CLI, ...args], work, baseEnv(work));
      expect([args, run.code, run.stderr]).toEqual([
        args,
        2,
        expect.stringMatching(/^imds-check merge: .*Run 'imds-check merge --help'/),
      ]);
    }
  });

  it('action bundle: every output, the summary, annotations, exit 1', async () => {
    const run = await runMergeAction(node, { expected: String(EXPECTED) }, work);
    expect(run.code).toBe(1);
    const reportPath = join(run.runnerTemp, 'imds-check', 'fleet-report.json');
    expect(run.outputs).toEqual({ ...EXPECTED_OUTPUTS, 'report-path': reportPath });
    assertFleet(JSON.parse(readFileSync(reportPath, 'utf8')) as FleetDoc);
    expect(run.summary).toContain('## ❌ imds-check fleet: fail');
    expect(run.stdout).toMatch(
      /^::error title=imds-check fleet%3A token_identity_not_found on 1 machine\(s\)::vm-eus-01%0AFix: /m,
    );
    expect(run.stdout).toMatch(/^::error::imds-check fleet failed: 4 of 9 machines pass/m);
    for (const [name, text] of Object.entries({
      stdout: run.stdout,
      stderr: run.stderr,
      summary: run.summary,
      report: readFileSync(reportPath, 'utf8'),
    }))
      expect([name, channelProblems(text)]).toEqual([name, []]);
  });

  it('task bundle: every output variable (camelCase), the summary tab, issues, result Failed', async () => {
    const run = await runMergeTask(
      node,
      { reports: 'imds-check-reports/**/*.json', expected: String(EXPECTED) },
      work,
    );
    expect(run.result).toBe('Failed');
    const reportPath = run.variables['reportPath']!;
    expect(run.variables).toEqual({
      machines: EXPECTED_OUTPUTS.machines,
      passed: EXPECTED_OUTPUTS.passed,
      warned: EXPECTED_OUTPUTS.warned,
      failed: EXPECTED_OUTPUTS.failed,
      missing: '1',
      invalid: '3',
      result: 'fail',
      reportPath,
    });
    expect(reportPath).toMatch(/_temp[\\/]imds-check[\\/]fleet-report\.json$/);
    assertFleet(JSON.parse(readFileSync(reportPath, 'utf8')) as FleetDoc);
    expect(run.summary).toContain('## ❌ imds-check fleet: fail');
    const issues = run.commands.filter((c) => c.name === 'task.issue').map((c) => c.message);
    expect(issues).toContainEqual(
      expect.stringMatching(/^imds-check fleet: connection_refused on 1 machine\(s\): /),
    );
    for (const [name, text] of Object.entries({
      stdout: run.stdout,
      stderr: run.stderr,
      summary: run.summary,
    }))
      expect([name, channelProblems(text)]).toEqual([name, []]);
    // The forged name never became a variable: only the eight declared outputs were set.
    expect(Object.keys(run.variables).sort()).toEqual([
      'failed',
      'invalid',
      'machines',
      'missing',
      'passed',
      'reportPath',
      'result',
      'warned',
    ]);
  });

  it('task bundle: passes with issues when min-pass lets the failures through', async () => {
    writeFileSync(
      join(work, 'only.json'),
      readFileSync(join(work, 'imds-check-reports/imds-check-report-eus-02/report.json')),
    );
    const run = await runMergeTask(node, { reports: 'only.json' }, work);
    expect([run.result, run.variables['result'], run.variables['warned']]).toEqual([
      'SucceededWithIssues',
      'pass',
      '1',
    ]);
  });
});
