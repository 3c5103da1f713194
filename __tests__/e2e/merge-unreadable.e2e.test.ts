// Issue 17: a leg folder the merge may not read (EACCES while searching) counted as "nothing found", so a
// leg could hide its failed report from the gate by its folder's permissions. It is an incomplete search now
// (fleet_scan_incomplete), like a search stopped at a limit. Through the merge CLI, the merge action and the merge
// task bundles; permissions need a user they apply to, so as root each door runs as nobody (65534), in a
// workspace of nobody's (the task writes its .taskkey there) whose leg folder is root's and closed.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupTempDirs } from '../github/runner.js';
import { CLI, runMergeAction, runMergeTask } from './merge-harness.js';
import { guid, put, reportText } from '../helpers/fleet-reports.js';

const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
const AS_NOBODY = NOBODY ?? {};
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imdsck-unreadable-'));
  chmodSync(dir, 0o755);
  put(dir, 'legs/leg-1/report.json', reportText({ vmId: guid(1), name: 'vm-1' }));
  put(
    dir,
    'legs/leg-2/report.json',
    reportText({ vmId: guid(2), name: 'vm-2', checks: [['token', 'fail', 'token_identity_not_found']] }),
  );
  for (const folder of ['legs', 'legs/leg-1']) chmodSync(join(dir, folder), 0o755);
  chmodSync(join(dir, 'legs/leg-1/report.json'), 0o644);
  chmodSync(join(dir, 'legs/leg-2'), 0o000);
  if (NOBODY) chownSync(dir, NOBODY.uid, NOBODY.gid);
});
afterAll(() => {
  chmodSync(join(dir, 'legs/leg-2'), 0o755);
  rmSync(dir, { recursive: true, force: true });
  cleanupTempDirs();
});

function merge(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'merge', ...args], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...AS_NOBODY,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

it.each([['legs/**/*.json'], ['legs']])(
  'a leg folder it may not read (%s) fails the gate as fleet_scan_incomplete, naming the folder',
  async (pattern) => {
    const run = await merge(['--expected', '1', '--json', pattern]);
    expect(run.code).toBe(1);
    const fleet = JSON.parse(run.stdout) as {
      result: string;
      gateFailures: { code: string; detail: string }[];
    };
    expect(fleet.result).toBe('fail');
    expect(fleet.gateFailures).toEqual([
      {
        code: 'fleet_scan_incomplete',
        detail: `could not read ${join(dir, 'legs', 'leg-2')} (EACCES); reports there were not searched`,
      },
    ]);
  },
);

it('the merge action fails the step on it, with the result output and the cause', async () => {
  const run = await runMergeAction(
    process.execPath,
    { reports: 'legs/**/*.json', expected: '1' },
    dir,
    {},
    NOBODY,
  );
  expect([run.code, run.outputs['result']]).toEqual([1, 'fail']);
  expect(`${run.stdout}\n${run.summary}`).toContain(`could not read ${join(dir, 'legs', 'leg-2')} (EACCES)`);
  expect(`${run.stdout}\n${run.summary}`).toContain('fleet_scan_incomplete');
});

it('the merge task completes Failed on it, with the result variable and the cause', async () => {
  const run = await runMergeTask(
    process.execPath,
    { reports: 'legs/**/*.json', expected: '1' },
    dir,
    {},
    NOBODY,
  );
  expect([run.result, run.variables['result']]).toEqual(['Failed', 'fail']);
  expect(`${run.stdout}\n${run.summary}`).toContain(`could not read ${join(dir, 'legs', 'leg-2')} (EACCES)`);
  expect(`${run.stdout}\n${run.summary}`).toContain('fleet_scan_incomplete');
});
