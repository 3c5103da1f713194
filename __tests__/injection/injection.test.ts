// Issue 9's injection corpus placed in every network-derived field and error body, through the Action bundle,
// the task bundle, the CLI (text and --json) against the emulator on loopback. Oracles on every channel: no
// `##vso[` or `##[` outside the platform library's own commands at column 0, no line starting with `::` that is
// not one of them, no control/bidi/line-separator character anywhere, every output fits its field's shape, no
// ADO variable but the declared outputs, and the JSON report keeps the raw value, equal as data.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_NAMES, toCamel } from '../../src/core/index.js';
import { OUTPUT_SHAPES } from '../../src/core/outputs.js';
import { startEmulator, type EmulatorOverrides, type Emulator } from '../../src/emulator/index.js';
import { repoRoot } from '../azure-devops/agent-harness.js';
import { cleanupTempDirs } from '../github/runner.js';
import { commandProblems, INJECTIONS, type Problem } from '../helpers/injection.js';
import { DOORS, runDoor, type DoorRun } from './front-doors.js';

afterAll(() => cleanupTempDirs());

const GITHUB_COMMAND = /^::(add-mask|debug|error|warning|notice)( [^:]*)?::(.*)$/;
const ADO_COMMAND =
  /^##vso\[(task\.setsecret|task\.setvariable|task\.debug|task\.issue|task\.complete|task\.uploadsummary)( [^\]]*)?\](.*)$/;

/** The data part of a platform command must itself be inert. */
function streamProblems(text: string): Problem[] {
  const problems = commandProblems(text, (line) => GITHUB_COMMAND.test(line) || ADO_COMMAND.test(line));
  text.split('\n').forEach((line, i) => {
    const data = GITHUB_COMMAND.exec(line)?.[3] ?? ADO_COMMAND.exec(line)?.[3];
    if (data === undefined) return;
    for (const p of commandProblems(data))
      problems.push({ ...p, line: i + 1, what: `in command data: ${p.what}` });
  });
  return problems;
}

const WORDS: Record<string, RegExp> = {
  result: /^(pass|warn|fail)$/,
  reachable: /^(true|false)$/,
  mode: /^(vm|arc)$/,
  'metadata-status': /^(\d{3}|timeout|refused|unreachable|reset|no-response|skipped)$/,
  'token-status': /^(\d{3}|timeout|refused|unreachable|reset|no-response|skipped)$/,
  'ama-status': /^(pass|warn|fail|skipped)$/,
  'report-path': /^[^\u0000-\u001f#]*$/,
};

function outputProblems(run: DoorRun): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(run.outputs)) {
    if (!(OUTPUT_NAMES as readonly string[]).includes(name)) problems.push(`unknown output ${name}`);
    const shape = OUTPUT_SHAPES[name as keyof typeof OUTPUT_SHAPES];
    const fits = value === '' || (shape ? shape(value) : (WORDS[name]?.test(value) ?? false));
    if (!fits) problems.push(`${name}=${JSON.stringify(value.slice(0, 80))}`);
  }
  if (run.door === 'task') {
    const declared = new Set(OUTPUT_NAMES.map(toCamel));
    for (const v of run.variables) if (!declared.has(v)) problems.push(`variable ${v} set`);
  }
  return problems;
}

function check(run: DoorRun): void {
  const channels: Record<string, string> = { stdout: run.stdout, stderr: run.stderr, ...run.files };
  const found: Record<string, Problem[]> = {};
  for (const [name, text] of Object.entries(channels)) {
    const problems = streamProblems(text);
    if (problems.length > 0) found[name] = problems.slice(0, 5);
  }
  expect({ door: run.door, found }).toEqual({ door: run.door, found: {} });
  expect({ door: run.door, outputs: outputProblems(run) }).toEqual({ door: run.door, outputs: [] });
  // The JSON report (and --json stdout) never holds `##` or a raw control character, and still parses.
  for (const text of [run.files['report'] ?? '', run.door === 'cli-json' ? run.stdout : '']) {
    expect(text).not.toContain('##');
    expect(run.report).not.toBeNull();
  }
  expect({ door: run.door, stackTrace: /\n\s+at /.test(run.stdout + run.stderr) }).toEqual({
    door: run.door,
    stackTrace: false,
  });
}

const COMPUTE = [
  'name',
  'vmId',
  'resourceId',
  'subscriptionId',
  'resourceGroupName',
  'location',
  'azEnvironment',
  'vmSize',
  'osType',
];
const CLAIMS = ['oid', 'tid', 'appid', 'aud', 'xms_mirid'];
/** Runs r of the field group: each field gets a different corpus string, shifted per run. */
function rotated(fields: string[], run: number): Record<string, string> {
  return Object.fromEntries(
    fields.map((f, i) => [f, INJECTIONS[(i + run * fields.length) % INJECTIONS.length]!]),
  );
}
/** The whole corpus in a few values, so every sequence reaches every error-text field. */
const COMPOSITES = [0, 1, 2].map((k) => INJECTIONS.filter((_, i) => i % 3 === k).join(' '));
/** HTTP forbids controls in header values; the emulator refuses them in a realm. */
const HEADER_SAFE = COMPOSITES.map((s) => s.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' '));

interface Case {
  name: string;
  scenario: string;
  mode: 'vm' | 'arc';
  overrides: EmulatorOverrides;
  /** What the raw JSON report must still hold (equal as data). */
  raw?: (report: any) => void;
}

const cases: Case[] = [
  ...[0, 1, 2].map((r): Case => {
    const compute = rotated(COMPUTE, r);
    return {
      name: `metadata values and token claims, rotation ${r}`,
      scenario: 'healthy',
      mode: 'vm',
      overrides: { compute, claims: rotated(CLAIMS, r + 3) },
      raw: (report) => {
        expect(report.machine.name).toBe(compute['name']);
        expect(report.machine.resourceGroup).toBe(compute['resourceGroupName']);
      },
    };
  }),
  ...COMPOSITES.map((s, i): Case => ({
    name: `token error body ${i}`,
    scenario: 'no-identity',
    mode: 'vm',
    overrides: { error: s, errorDescription: s },
  })),
  ...COMPOSITES.slice(0, 2).map((s, i): Case => ({
    name: `metadata error body ${i}`,
    scenario: 'metadata-404',
    mode: 'vm',
    overrides: { error: s },
  })),
  ...['e', 'PASS\nFAIL', COMPOSITES[0]!, 'x##vso[task.setsecret]aaaaaaaaaaaaaaaaaaaaaa'].map(
    (s, i): Case => ({
      name: `access_token that is no JWT ${i}`,
      scenario: 'healthy',
      mode: 'vm',
      overrides: { tokenAnswer: { access_token: s, token_type: s, resource: s } },
    }),
  ),
  ...HEADER_SAFE.slice(0, 2).map((s, i): Case => ({
    name: `Arc realm ${i}`,
    scenario: 'arc-healthy',
    mode: 'arc',
    overrides: { arcRealm: s },
  })),
  ...COMPOSITES.slice(1).map((s, i): Case => ({
    name: `HIMDS "Supported are" text ${i}`,
    scenario: 'arc-old-api-version',
    mode: 'arc',
    overrides: { arcSupportedText: s },
  })),
];

describe('injection corpus through every front door', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    let emulator: Emulator | null = null;
    try {
      emulator = await startEmulator({
        scenario: c.scenario,
        mode: c.mode,
        host: '127.0.0.1',
        port: 0,
        overrides: c.overrides,
      });
      const inputs = { endpoint: emulator.url, mode: c.mode, 'timeout-seconds': '20', 'fail-on': 'never' };
      const runs = await Promise.all(DOORS.map((door) => runDoor(door, inputs)));
      for (const run of runs) {
        expect({ door: run.door, exitCode: run.exitCode }).toEqual({ door: run.door, exitCode: 0 });
        check(run);
        if (c.raw) c.raw(run.report);
      }
      // A value that is not a plausible secret is never registered, so it can never blank words in the log.
      for (const run of runs.filter((r) => r.door === 'action' || r.door === 'task')) {
        const masks = run.stdout.split('\n').filter((l) => /^::add-mask::|^##vso\[task\.setsecret\]/.test(l));
        for (const line of masks)
          expect(line.replace(/^::add-mask::|^##vso\[task\.setsecret\]/, '').length).toBeGreaterThanOrEqual(
            16,
          );
      }
    } finally {
      await emulator?.close();
    }
  });

  it('covers every field the issue names with every corpus string', () => {
    const seen = new Map<string, Set<string>>();
    for (const c of cases)
      for (const [field, value] of Object.entries({ ...c.overrides.compute, ...c.overrides.claims }))
        (seen.get(value) ?? seen.set(value, new Set()).get(value)!).add(field);
    expect(INJECTIONS.every((s) => (seen.get(s)?.size ?? 0) >= 1)).toBe(true);
    expect(readFileSync(join(repoRoot, 'dist/cli/index.js'), 'utf8').length).toBeGreaterThan(0);
  });
});
