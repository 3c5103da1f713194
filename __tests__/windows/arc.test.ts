// Azure Arc with the Windows layout, on the Windows build of Node under Wine: the emulator writes its key files
// into the Wine prefix's C:\ProgramData\AzureConnectedMachineAgent\Tokens and names them in the challenge as
// Windows spells them; the product uses its default (platform) tokens folder. Endpoints: loopback only.
import { afterAll, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baitContent, startEmulator, type Emulator } from '../../src/emulator/index.js';
import { agentEnvironment, closedLoopbackPort, runAgentTask } from '../azure-devops/agent-harness.js';
import { cleanupTempDirs, runAction, tempDir } from '../github/runner.js';
import { CLI, runNode } from '../e2e/merge-harness.js';
import {
  arcTokensDir,
  describeWindows,
  launcherBoundByFileModes,
  WINDOWS_NODE,
  NODE_EXE,
  windowsPath,
} from './wine.js';

const emulators: Emulator[] = [];
const leftovers: string[] = [];
afterAll(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
  for (const file of leftovers) rmSync(file, { force: true });
  cleanupTempDirs();
});

async function arcEmulator(scenario: string, realm?: string): Promise<Emulator> {
  const e = await startEmulator({
    scenario,
    mode: 'arc',
    tokensDir: arcTokensDir(),
    arcRealmPath: windowsPath,
    ...(realm ? { overrides: { arcRealm: realm } } : {}),
  });
  emulators.push(e);
  return e;
}

const TOKENS = 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens';
const sentBasic = (e: Emulator): string[] =>
  e.requests.map((r) => String(r.headers['authorization'] ?? '')).filter((a) => a.startsWith('Basic '));

interface Report {
  result: string;
  checks: { id: string; code: string; outcome: string; message: string; remediation: string }[];
}
const check = (report: Report, id: string) => report.checks.find((c) => c.id === id)!;

async function cli(
  args: string[],
  cwd = process.cwd(),
  node = WINDOWS_NODE,
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const home = tempDir('imds-win-arc-');
  const run = await runNode(node, [CLI, '--json', ...args], cwd, {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
  });
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

describeWindows('Windows (Wine): Arc with the Windows layout', () => {
  it.concurrent(
    'a healthy challenge: the Action reads the key in %ProgramData%, passes, and writes the secret nowhere',
    async () => {
      const e = await arcEmulator('arc-healthy');
      const run = await runAction(WINDOWS_NODE, { mode: 'arc', endpoint: e.url }, { windows: true });
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({ result: 'pass', mode: 'arc', 'token-status': '200' });
      // The challenge named a Windows path; the answer carried that file's secret.
      expect(e.issuedSecrets).toHaveLength(1);
      expect(sentBasic(e)).toEqual([`Basic ${e.issuedSecrets[0]}`]);
      const secret = e.issuedSecrets[0]!;
      // Masked before anything else is printed; otherwise in no channel.
      const lines = run.stdout.split(/\r?\n/);
      expect(lines[0]).toBe(`::add-mask::${secret}`);
      expect(lines.filter((l) => l.includes(secret))).toEqual([`::add-mask::${secret}`]);
      for (const [name, text] of [['stderr', run.stderr], ...run.files().map((f) => [f.path, f.text])])
        expect([name, text!.includes(secret)]).toEqual([name, false]);
    },
  );

  it.concurrent('a key outside the tokens folder is refused without being read (the CLI)', async () => {
    const e = await arcEmulator('arc-realm-outside');
    const { code, report } = await cli(['--mode', 'arc', '--endpoint', e.url]);
    expect(code).toBe(1);
    const token = check(report, 'token');
    expect(token.code).toBe('arc_key_outside_tokens_dir');
    // Both paths as the Windows process saw them: the bait on Z:, the folder on C:.
    expect(token.message).toMatch(/^The challenge path Z:\\tmp\\[^ ]+\.key is not directly in /);
    expect(token.message).toContain(`${TOKENS};`);
    expect(sentBasic(e).some((a) => a.includes(baitContent))).toBe(false);
  });

  it.concurrent(
    'HIMDS down: refused, the state sc.exe reports for himds, and the Windows fix (the task)',
    async () => {
      const port = await closedLoopbackPort();
      const task = JSON.parse(readFileSync('task.json', 'utf8')) as { inputs: { name: string }[] };
      const dir = tempDir('imds-win-arc-ado-');
      const env = agentEnvironment(
        task.inputs,
        { mode: 'arc', endpoint: `http://127.0.0.1:${port}` },
        WINDOWS_NODE,
        dir,
      );
      const run = await runAgentTask(WINDOWS_NODE, env, dir, 90_000);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      const vars = new Map(
        run.commands
          .filter((c) => c.name === 'task.setvariable')
          .map((c) => [c.properties['variable'], c.message]),
      );
      expect([vars.get('result'), vars.get('mode'), vars.get('metadataStatus')]).toEqual([
        'fail',
        'arc',
        'refused',
      ]);
      expect(run.commands.find((c) => c.name === 'task.complete')?.properties['result']).toBe('Failed');
      // The prefix has a stopped himds service (scripts/windows/node.mjs); Wine's sc.exe reports it as Windows does.
      expect(run.stdout).toContain('The himds service is stopped.');
      expect(run.stdout).toContain('`Get-Service himds`');
      expect(run.stdout).not.toContain('systemctl');
    },
  );

  it.concurrent(
    'HIMDS down: an sc.exe in the working folder is not run; the one in System32 is',
    async () => {
      const port = await closedLoopbackPort();
      // A planted sc.exe (the Windows node, which runs ./query as its script) that claims the service runs.
      const cwd = tempDir('imds-win-plant-');
      symlinkSync(NODE_EXE, join(cwd, 'sc.exe'));
      writeFileSync(
        join(cwd, 'query'),
        "require('fs').writeFileSync(__dirname + '/planted-ran', 'yes');\n" +
          "console.log('SERVICE_NAME: himds\\r\\n        STATE              : 4  RUNNING');\n",
      );
      const { code, report } = await cli(['--mode', 'arc', '--endpoint', `http://127.0.0.1:${port}`], cwd);
      expect(code).toBe(1);
      expect(check(report, 'reachability').message).toContain('The himds service is stopped.');
      expect(existsSync(join(cwd, 'planted-ran'))).toBe(false);
    },
  );

  it.concurrent('a key file this user may not read: the message names the Windows groups', async () => {
    // root reads every file; without the DAC capabilities (and with a wineserver of its own) it is refused too.
    const denied = join(arcTokensDir(), 'imds-check-denied.key');
    mkdirSync(arcTokensDir(), { recursive: true });
    rmSync(denied, { force: true });
    leftovers.push(denied);
    writeFileSync(denied, 'f'.repeat(64));
    chmodSync(denied, 0o000);
    const e = await arcEmulator('arc-healthy', `${TOKENS}\\imds-check-denied.key`);
    const { code, report } = await cli(
      ['--mode', 'arc', '--endpoint', e.url],
      process.cwd(),
      launcherBoundByFileModes(),
    );
    expect(code).toBe(1);
    const token = check(report, 'token');
    expect(token.code).toBe('arc_key_permission_denied');
    expect(token.message).toBe(
      `Permission denied reading ${TOKENS}\\imds-check-denied.key: only members of 'Hybrid agent extension applications' or Administrators may read the Arc tokens folder.`,
    );
    expect(sentBasic(e)).toEqual([]);
  });
});
