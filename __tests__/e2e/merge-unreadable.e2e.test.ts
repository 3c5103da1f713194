// Issue 17: a leg folder the merge may not read (EACCES while searching) counted as "nothing found", so a
// leg could hide its failed report from the gate by its folder's permissions. It is an incomplete search now
// (fleet_scan_incomplete), like a search stopped at a limit. Through the merge CLI, the merge action and the merge
// task bundles; permissions need a user they apply to, so as root each door runs as nobody (65534), in a
// workspace of nobody's (the task writes its .taskkey there) whose leg folder is root's and closed.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupTempDirs } from '../github/runner.js';
import { baseEnv, CLI, runMergeAction, runMergeTask, runNode, type Run } from './merge-harness.js';
import { guid, put, reportText } from '../helpers/fleet-reports.js';

const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
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

const merge = (args: string[]): Promise<Run> =>
  runNode(process.execPath, [CLI, 'merge', ...args], dir, baseEnv(dir), NOBODY);

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
