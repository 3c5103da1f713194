// Issue 17, item 3: a credential input is never echoed, whatever characters its password holds. A '#', '/'
// or '?' in the password ends the authority for a URL parser, so the refusal used to print the value
// (password included) on every channel; a '%' that starts no escape gave `unexpected error: URI malformed`; a
// bad '%' in the step's HTTPS_PROXY aborted the run. Through the Action, the task and the CLI (text and
// --json), every channel and every file the run wrote is scanned for each form of the password.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { closedLoopbackPort } from '../azure-devops/agent-harness.js';
import { cleanupTempDirs } from '../github/runner.js';
import { leaksIn } from '../helpers/leaks.js';
import { DOORS, runDoor, type Door, type DoorRun } from './front-doors.js';

/** Long enough (16+) for every encoded form leaksIn looks for; each names the character it carries. */
const PASSWORDS = [
  'Tr0ub4dor#Secret-hash',
  'Tr0ub4dor/Secret-slash',
  'Tr0ub4dor?Secret-query',
  'Tr0ub4dor%Secret-percent',
  'Tr0ub4dor%zz%Secret-badescape',
];

const INPUT_SPELLING: Record<Door, string> = {
  action: "'ama-proxy'",
  task: "'amaProxy'",
  cli: "'--ama-proxy'",
  'cli-json': "'--ama-proxy'",
};

/** The masking commands carry the secret to the platform, which shows none of them. */
const MASK_LINE = /^(::add-mask::|##vso\[task\.setsecret\]).*$/gm;

/** Every channel a person or a pipeline reads, and every file the run left behind. */
function channels(run: DoorRun): Record<string, string> {
  return {
    stdout: run.stdout.replace(MASK_LINE, ''),
    stderr: run.stderr,
    outputs: JSON.stringify(run.outputs),
    ...run.files,
    ...run.allFiles,
  };
}

function noEcho(run: DoorRun, password: string): void {
  const all = channels(run);
  expect({ door: run.door, leaks: leaksIn(all, [password, `proxyuser:${password}`]) }).toEqual({
    door: run.door,
    leaks: [],
  });
  // The distinctive part alone, in case a channel cut the value short.
  const marker = password.slice(password.indexOf('Secret'));
  const found = Object.entries(all).filter(([, text]) => text.includes(marker));
  expect({ door: run.door, found: found.map(([name]) => name) }).toEqual({ door: run.door, found: [] });
  const text = `${run.stdout}${run.stderr}`;
  expect({ door: run.door, crash: /URI malformed|unexpected error|\n\s+at /.test(text) }).toEqual({
    door: run.door,
    crash: false,
  });
}

const lastCompletion = (run: DoorRun): string =>
  [...run.stdout.matchAll(/^##vso\[task\.complete result=(\w+)/gm)].at(-1)?.[1] ?? '';

/** Refused before anything runs: CLI exit 2, Action exit 1, the task completes Failed. */
function refused(run: DoorRun): void {
  if (run.door === 'task') expect(lastCompletion(run)).toBe('Failed');
  else expect(run.exitCode).toBe(run.door === 'action' ? 1 : 2);
}

let emulator: Emulator;
let closed: number;
beforeAll(async () => {
  emulator = await startEmulator({ scenario: 'healthy' });
  closed = await closedLoopbackPort();
});
afterAll(async () => {
  await emulator.close();
  cleanupTempDirs();
});

describe.each(DOORS)('%s', (door) => {
  it.each(PASSWORDS)('ama-proxy with the password %s: refused by name, never echoed', async (password) => {
    const run = await runDoor(door, {
      endpoint: emulator.url,
      ama: 'true',
      'ama-proxy': `http://proxyuser:${password}@proxy.corp:3128`,
    });
    refused(run);
    expect(`${run.stdout}${run.stderr}`).toContain(`Invalid input ${INPUT_SPELLING[door]}`);
    expect(`${run.stdout}${run.stderr}`).toContain('http://***@proxy.corp:3128');
    // The CI doors mask the user's password, refused or not, before they print anything else.
    // (Command data escapes '%': `%25` for the runner, `%AZP25` for the agent.)
    if (door === 'action')
      expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${password.replace(/%/g, '%25')}`);
    if (door === 'task')
      expect(run.stdout).toContain(`##vso[task.setsecret]${password.replace(/%/g, '%AZP25')}`);
    noEcho(run, password);
  });

  it.each(PASSWORDS.slice(0, 4))('endpoint with the password %s: refused, never echoed', async (password) => {
    const run = await runDoor(door, { endpoint: `http://proxyuser:${password}@127.0.0.1:${closed}` });
    refused(run);
    expect(`${run.stdout}${run.stderr}`).toContain(`http://***@127.0.0.1:${closed}`);
    noEcho(run, password);
  });

  // The environment's proxy is not an input: a bad one is the ama check's finding, not an abort.
  it.each(['Tr0ub4dor%zzSecret-envpercent', 'Tr0ub4dor#Secret-envhash'])(
    'HTTPS_PROXY with the password %s: ama_proxy_invalid, never echoed',
    async (password) => {
      const run = await runDoor(
        door,
        { endpoint: emulator.url, ama: 'true' },
        { HTTPS_PROXY: `http://proxyuser:${password}@proxy.corp:3128`, NO_PROXY: '127.0.0.1' },
      );
      const report = run.report as { checks: { id: string; code: string }[] } | null;
      expect(report?.checks.find((c) => c.id === 'ama')?.code).toBe('ama_proxy_invalid');
      // A failed check fails the step (fail-on: error); the agent decides by task.complete.
      if (door === 'task') expect(lastCompletion(run)).toBe('Failed');
      else expect(run.exitCode).toBe(1);
      noEcho(run, password);
    },
  );
});
