// Issue 17 on the merge bundles: what one compromised leg (or one process on one machine) tried, through the
// CLI bundle, the merge action bundle and the merge task bundle as their platforms run them. Each case passed
// the gate on 08ed080; each must fail it now, naming why.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupTempDirs } from '../github/runner.js';
import { guid, put, reportText } from '../helpers/fleet-reports.js';
import { baseEnv, CLI, runMergeAction, runMergeTask, runNode } from './merge-harness.js';

const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupTempDirs();
});
const NOT_FOUND: [string, string, string][] = [['token', 'fail', 'token_identity_not_found']];
const REPORTS = 'imds-check-reports/**/*.json';

/** A workspace with `files` (relative path → text) under it. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'imds-merge-17-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) put(dir, path, text);
  return dir;
}

/** Three legs of one fleet as download-artifact lays them out: A and C pass, B fails. */
const LEGS = {
  'imds-check-reports/leg-a/report.json': reportText({ vmId: guid(1), name: 'vm-a' }),
  'imds-check-reports/leg-b/report.json': reportText({ vmId: guid(2), name: 'vm-b', checks: NOT_FOUND }),
  'imds-check-reports/leg-c/report.json': reportText({ vmId: guid(3), name: 'vm-c' }),
};

/** Merges `dir` through all three doors with `expected` (and `minPass`); returns what each one decided. */
async function allDoors(dir: string, expected: string, minPass = '100%') {
  const cli = await runNode(
    process.execPath,
    [CLI, 'merge', '--expected', expected, '--min-pass', minPass, '--json', REPORTS],
    dir,
    baseEnv(dir),
  );
  const action = await runMergeAction(process.execPath, { expected, 'min-pass': minPass }, dir);
  const task = await runMergeTask(process.execPath, { reports: REPORTS, expected, minPass }, dir);
  return {
    exits: [cli.code, action.code, task.result, action.outputs['result'], task.variables['result']],
    fleet: JSON.parse(cli.stdout) as {
      result: string;
      gateFailures: { code: string }[];
      machines: { source: string; result: string; reason: string }[];
    },
    actionStdout: action.stdout,
    taskIssues: task.commands.filter((c) => c.name === 'task.issue').map((c) => c.message),
  };
}

const FAILED = [1, 1, 'Failed', 'fail', 'fail'];

describe('issue 17 on the merge bundles', () => {
  it('one leg cannot hide a failed machine behind a far-future startedAt', async () => {
    const forged = JSON.parse(reportText({ vmId: guid(2), name: 'vm-b' })) as Record<string, unknown>;
    forged['startedAt'] = '+275760-09-13T00:00:00.000Z';
    const dir = workspace({ ...LEGS, 'imds-check-reports/leg-c/b.json': JSON.stringify(forged) });
    const { exits, fleet } = await allDoors(dir, '3');
    expect(exits).toEqual(FAILED);
    expect(fleet.machines.map((m) => [m.source, m.result])).toEqual([
      ['imds-check-reports/leg-a/report.json', 'pass'],
      ['imds-check-reports/leg-b/report.json', 'fail'],
      ['imds-check-reports/leg-c/b.json', 'invalid'],
      ['imds-check-reports/leg-c/report.json', 'pass'],
    ]);
    expect(fleet.gateFailures.map((g) => g.code)).toEqual(['fleet_too_many_machines']);
  });

  it('nor behind a plausible one: the same vmId from two leg folders fails the gate', async () => {
    const dir = workspace({
      ...LEGS,
      'imds-check-reports/leg-c/b.json': reportText({
        vmId: guid(2),
        name: 'vm-b',
        startedAt: new Date().toISOString(),
      }),
    });
    const { exits, fleet, actionStdout, taskIssues } = await allDoors(dir, '3', '60%');
    expect(exits).toEqual(FAILED);
    expect(fleet.gateFailures.map((g) => g.code)).toEqual(['fleet_vmid_conflict']);
    expect(fleet.machines.find((m) => m.result === 'conflict')?.reason).toBe(
      'the same vmId from 2 leg folders: imds-check-reports/leg-b/report.json (fail), imds-check-reports/leg-c/b.json (pass)',
    );
    expect(actionStdout).toMatch(/^::error title=imds-check fleet%3A fleet_vmid_conflict fails the gate::/m);
    expect(taskIssues[0]).toMatch(/^imds-check fleet: fleet_vmid_conflict fails the gate: /);
  });

  it('20 fake rows beside 3 failing machines do not pass --expected 3 --min-pass 80%', async () => {
    const failing = Object.fromEntries(
      [1, 2, 3].map((n) => [
        `imds-check-reports/leg-${n}/report.json`,
        reportText({ vmId: guid(n), checks: NOT_FOUND }),
      ]),
    );
    // As the issue wrote them: no checks, a vmId that is no GUID.
    const bare = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `imds-check-reports/leg-3/fake-${i}.json`,
        JSON.stringify({ schemaVersion: 1, result: 'pass', checks: [], machine: { vmId: `fake-${i}` } }),
      ]),
    );
    const first = await allDoors(workspace({ ...failing, ...bare }), '3', '80%');
    expect(first.exits).toEqual(FAILED);
    expect(first.fleet.machines.filter((m) => m.result === 'invalid')).toHaveLength(20);
    // Well-formed this time (GUIDs, every check): still more machines than expected.
    const shaped = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `imds-check-reports/leg-3/fake-${i}.json`,
        reportText({ vmId: guid(100 + i), name: `fake-${i}` }),
      ]),
    );
    const second = await allDoors(workspace({ ...failing, ...shaped }), '3', '80%');
    expect(second.exits).toEqual(FAILED);
    expect(second.fleet.gateFailures.map((g) => g.code)).toEqual(['fleet_too_many_machines']);
  });

  it('a search stopped at a limit never decides: a failing report below the depth limit fails the gate', async () => {
    // The quick stand-in for 100,001 planted files (same rule, fleet-glob.ts; the file limit is tested with a
    // small injected limit in files.test.ts and step.test.ts): a ** descends at most 64 folder levels.
    const deep = `imds-check-reports/leg-b/${Array.from({ length: 70 }, () => 'd').join('/')}/report.json`;
    const dir = workspace({
      'imds-check-reports/leg-a/report.json': LEGS['imds-check-reports/leg-a/report.json'],
      [deep]: LEGS['imds-check-reports/leg-b/report.json'],
    });
    const { exits, fleet } = await allDoors(dir, '1');
    expect(exits).toEqual(FAILED);
    expect(fleet.gateFailures).toEqual([
      { code: 'fleet_scan_incomplete', detail: 'did not search folders more than 64 levels deep' },
    ]);
  });

  it('merge memory follows rows, not report bytes: 40 reports of 4 MiB fit a 64 MiB heap', async () => {
    // On 08ed080 each clipped field kept its whole 4 MiB string alive (160 MiB here): out of memory.
    const dir = workspace({});
    for (let n = 0; n < 40; n++) {
      const doc = JSON.parse(reportText({ vmId: guid(n), name: `vm-${n}` })) as {
        machine: Record<string, string>;
      };
      doc.machine['name'] = 'n'.repeat(4 * 1024 * 1024 - 8 * 1024);
      put(dir, `imds-check-reports/leg-${n}/report.json`, JSON.stringify(doc));
    }
    const run = await runNode(
      process.execPath,
      ['--max-old-space-size=64', CLI, 'merge', '--expected', '40', REPORTS],
      dir,
      baseEnv(dir),
    );
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(run.stdout).toMatch(/^ {2}40 machines: 0 passed, 0 warned, 40 failed \(40 invalid\)$/m);
    expect(run.stdout).toContain('(machine.name is longer than 4096 characters)');
  }, 60_000);
});
