// VM mode through every front door, on the Windows build of Node under Wine, against the emulator on a
// loopback port (explicit endpoint only). What is Windows about it: paths arrive and leave in Windows spelling
// (RUNNER_TEMP, Agent.TempDirectory, the report and JUnit), files written through os.EOL have CRLF, and the
// socket errors come from Winsock.
import { afterAll, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, USER_IDENTITY_1, VM_NAME, type Emulator } from '../../src/emulator/index.js';
import { agentEnvironment, runAgentTask } from '../azure-devops/agent-harness.js';
import { cleanupTempDirs, runAction, tempDir } from '../github/runner.js';
import { runCli } from '../helpers/cli.js';
import { describeWindows, hostPath, WINDOWS_NODE, windowsPath } from './wine.js';

// Cases run concurrently (each Windows process starts in about 2 s under Wine): everything is closed at the end.
const emulators: Emulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
  cleanupTempDirs();
});

async function emulator(scenario: string): Promise<Emulator> {
  const e = await startEmulator({ scenario, mode: 'vm', host: '127.0.0.1', port: 0 });
  emulators.push(e);
  return e;
}

const noStackTrace = (...texts: string[]): void => {
  for (const text of texts) expect(text).not.toMatch(/^\s+at /m);
};

describeWindows('Windows (Wine): the Action', () => {
  it.concurrent(
    'healthy: passes; the report lands in RUNNER_TEMP, spelled as Windows spells it',
    async () => {
      const e = await emulator('healthy');
      const run = await runAction(WINDOWS_NODE, { endpoint: e.url, 'junit-path': '' }, { windows: true });
      noStackTrace(run.stdout, run.stderr);
      expect([run.exitCode, run.stderr]).toEqual([0, '']);
      // @actions/core writes GITHUB_OUTPUT with os.EOL: CRLF on Windows, every line of it.
      expect(run.outputsFile).toMatch(/\r\n$/);
      expect(
        run.outputsFile
          .split('\n')
          .slice(0, -1)
          .every((line) => line.endsWith('\r')),
      ).toBe(true);
      const outputs = run.outputs;
      expect(outputs).toMatchObject({ result: 'pass', reachable: 'true', mode: 'vm', 'vm-name': VM_NAME });
      expect(outputs['report-path']).toBe(`${windowsPath(run.runnerTemp)}\\imds-check\\report.json`);
      const report = JSON.parse(readFileSync(hostPath(outputs['report-path']!), 'utf8')) as {
        result: string;
      };
      expect(report.result).toBe('pass');
      expect(run.summary).toContain('imds-check');
      // The files the product writes itself end their lines in LF, on Windows too.
      expect(run.summary.endsWith('\n')).toBe(true);
      for (const text of [run.summary, readFileSync(hostPath(outputs['report-path']!), 'utf8')])
        expect(text.includes('\r')).toBe(false);
    },
  );

  it.concurrent('no managed identity: fails on the token check with the code and the fix', async () => {
    const e = await emulator('no-identity');
    const run = await runAction(WINDOWS_NODE, { endpoint: e.url }, { windows: true });
    noStackTrace(run.stdout, run.stderr);
    expect(run.exitCode).toBe(1);
    const outputs = run.outputs;
    expect(outputs).toMatchObject({ result: 'fail', reachable: 'true', 'token-status': '400' });
    expect(run.stdout).toMatch(
      /^::error::imds-check failed \(fail-on: error\): token: token_identity_not_found\r?$/m,
    );
  });
});

describeWindows('Windows (Wine): proxy settings', () => {
  it.concurrent(
    'environment names are case-insensitive on Windows: Https_Proxy without an IMDS bypass warns',
    async () => {
      const e = await emulator('healthy');
      // Spelled as `setx Https_Proxy ...` leaves it; every Windows program reads it as HTTPS_PROXY.
      const env = { Https_Proxy: 'http://proxy.corp.example:3128', No_Proxy: 'localhost' };
      const run = await runAction(WINDOWS_NODE, { endpoint: e.url }, { windows: true, env });
      expect(run.exitCode).toBe(0);
      expect(run.outputs['result']).toBe('warn');
      const report = JSON.parse(readFileSync(hostPath(run.outputs['report-path']!), 'utf8')) as {
        checks: { id: string; code: string; message: string; remediation: string }[];
      };
      const environment = report.checks.find((c) => c.id === 'environment')!;
      expect(environment.code).toBe('proxy_without_imds_bypass');
      expect(environment.message).toContain('Proxy configured (HTTPS_PROXY)');
      expect(environment.remediation).toContain('NO_PROXY=localhost,169.254.169.254');
    },
  );
});

describeWindows('Windows (Wine): the Azure DevOps task', () => {
  const task = JSON.parse(readFileSync('task.json', 'utf8')) as { inputs: { name: string }[] };

  it.concurrent(
    'user identity: passes; report and summary land in Agent.TempDirectory as Windows paths',
    async () => {
      const e = await emulator('healthy');
      const dir = tempDir('imds-win-ado-');
      const env = agentEnvironment(
        task.inputs,
        { endpoint: e.url, identity: 'user', clientId: USER_IDENTITY_1.clientId, junitPath: '' },
        WINDOWS_NODE,
        dir,
      );
      const run = await runAgentTask(WINDOWS_NODE, env, dir, 90_000);
      noStackTrace(run.stdout, run.stderr);
      const vars = new Map(
        run.commands
          .filter((c) => c.name === 'task.setvariable')
          .map((c) => [c.properties['variable'], c.message]),
      );
      expect(run.commands.find((c) => c.name === 'task.complete')?.properties['result']).toBe('Succeeded');
      expect([vars.get('result'), vars.get('principalId')]).toEqual(['pass', USER_IDENTITY_1.objectId]);
      const temp = windowsPath(env['AGENT_TEMPDIRECTORY']!);
      expect(vars.get('reportPath')).toBe(`${temp}\\imds-check\\report.json`);
      expect(existsSync(hostPath(vars.get('reportPath')!))).toBe(true);
      const summary = run.commands.find((c) => c.name === 'task.uploadsummary')?.message ?? '';
      expect(summary).toBe(`${temp}\\imds-check\\summary.md`);
      expect(readFileSync(hostPath(summary), 'utf8')).toContain('imds-check');
      expect(readFileSync(hostPath(summary), 'utf8').includes('\r')).toBe(false);
    },
  );
});

describeWindows('Windows (Wine): the CLI', () => {
  it.concurrent(
    '410 window: rides out 40 s of 410 and passes within the default timeout',
    async () => {
      const e = await emulator('updating-40s');
      const dir = tempDir('imds-win-cli-');
      const run = await runCli(WINDOWS_NODE, [
        '--endpoint',
        e.url,
        '--json',
        '--report',
        join(dir, 'r.json'),
        '--junit',
        join(dir, 'j.xml'),
      ]);
      noStackTrace(run.stdout, run.stderr);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { result: string; checks: { id: string; attempts: number }[] };
      expect(report.result).toBe('pass');
      expect(report.checks.find((c) => c.id === 'metadata')!.attempts).toBeGreaterThan(2);
      expect(e.requests.filter((r) => r.status === 410).length).toBeGreaterThan(2);
      // The files asked for are written, JUnit with one testcase per check.
      expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toMatchObject({ result: 'pass' });
      expect(readFileSync(join(dir, 'j.xml'), 'utf8').match(/<testcase /g)).toHaveLength(4);
      for (const file of ['r.json', 'j.xml'])
        expect(readFileSync(join(dir, file), 'utf8').includes('\r')).toBe(false);
    },
    120_000,
  );
});
