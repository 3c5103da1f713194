// Issue 17, item 6: diagnostics commands by absolute path. On Arc, a refused connection asks systemctl for the
// himdsd service state; a bare `systemctl` was looked up through the step's PATH, which a job controls (a
// checked-out repository's folder first). Through every door, a systemctl planted first on PATH never runs.
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedLoopbackPort } from '../azure-devops/agent-harness.js';
import { cleanupTempDirs } from '../github/runner.js';
import { DOORS, runDoor } from '../injection/front-doors.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  cleanupTempDirs();
});

describe.each(DOORS)('%s', (door) => {
  it('Arc, HIMDS not listening: a systemctl planted first on PATH is not run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imdsck-planted-'));
    dirs.push(dir);
    const ran = join(dir, 'ran');
    writeFileSync(join(dir, 'systemctl'), `#!/bin/sh\ntouch '${ran}'\necho inactive\n`);
    chmodSync(join(dir, 'systemctl'), 0o755);
    const port = await closedLoopbackPort();
    const run = await runDoor(
      door,
      { mode: 'arc', endpoint: `http://127.0.0.1:${port}` },
      { PATH: `${dir}:${process.env['PATH'] ?? '/usr/bin:/bin'}` },
    );
    const report = run.report as { checks: { id: string; code: string }[] };
    expect(report.checks.find((c) => c.id === 'reachability')?.code).toBe('connection_refused');
    expect(existsSync(ran)).toBe(false);
  });
});
