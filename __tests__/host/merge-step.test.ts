// The merge step body over a recording port shaped like the GitHub or the Azure DevOps port: inputs, the
// fleet report file, the eight outputs, summary, one annotation per failing code, verdict, and every text
// guarded against forged reports.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MERGE_OUTPUT_NAMES } from '../../src/core/fleet/index.js';
import { runMergeStep, type MergeStepDeps } from '../../src/host/merge-step.js';
import type { AnnotationLevel, AnyPlatformPort } from '../../src/host/port.js';
import { ACTION_SPELLING, TASK_SPELLING } from '../../src/host/spelling.js';
import { commandProblems, INJECTIONS } from '../helpers/injection.js';
import { guid, put, reportText } from '../helpers/fleet-reports.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'imds-merge-step-'));
  dirs.push(d);
  return d;
};

interface Recorded {
  outputs: Record<string, string>;
  annotations: { level: AnnotationLevel; title: string; lines: string[] }[];
  info: string[];
  summary: string[];
  finish: { verdict: string; message: string }[];
}

/** `inputs` are keyed by contract (kebab-case) names; the real task port turns them into camelCase. */
function recordingPort(flavour: 'github' | 'azure-devops', inputs: Record<string, string>, temp: string) {
  const rec: Recorded = { outputs: {}, annotations: [], info: [], summary: [], finish: [] };
  const port: AnyPlatformPort = {
    spelling: flavour === 'github' ? ACTION_SPELLING : TASK_SPELLING,
    input: (name) => inputs[name],
    registerSecret: () => undefined,
    info: (text) => void rec.info.push(text),
    debug: () => undefined,
    progress: () => undefined,
    annotate: (level, title, lines) => void rec.annotations.push({ level, title, lines }),
    setOutput: (name, value) => void (rec.outputs[name] = value),
    attachSummary: async (markdown) => void rec.summary.push(markdown),
    summaryFile: () => null,
    finish: (verdict, message) => void rec.finish.push({ verdict, message }),
    tempDir: () => temp,
    agentProxy: () => null,
    codeLink: (code) => `https://docs.example/errors.md#${code}`,
    finishAnnotates:
      flavour === 'github' ? { failed: 'error' } : { failed: 'error', 'succeeded-with-issues': 'warning' },
  };
  return { port, rec };
}

const NOT_FOUND: [string, string, string][] = [['token', 'fail', 'token_identity_not_found']];

async function run(
  flavour: 'github' | 'azure-devops',
  inputs: Record<string, string>,
  files: Record<string, string>,
  deps: Omit<MergeStepDeps, 'cwd'> = {},
): Promise<Recorded & { cwd: string; temp: string }> {
  const cwd = scratch();
  const temp = scratch();
  for (const [path, text] of Object.entries(files)) put(cwd, path, text);
  const { port, rec } = recordingPort(flavour, inputs, temp);
  await runMergeStep(port, { cwd, ...deps });
  return { ...rec, cwd, temp };
}

describe('runMergeStep', () => {
  it('GitHub: merges the default folder, writes the fleet report, sets all eight outputs, fails on a failure', async () => {
    const r = await run(
      'github',
      { expected: '4' },
      {
        'imds-check-reports/leg-1/report.json': reportText({ vmId: guid(1), name: 'vm-1' }),
        'imds-check-reports/leg-2/report.json': reportText({
          vmId: guid(2),
          name: 'vm-2',
          checks: NOT_FOUND,
        }),
        'imds-check-reports/leg-3/report.json': 'not json',
      },
    );
    const path = join(r.temp, 'imds-check', 'fleet-report.json');
    expect(r.outputs).toEqual({
      machines: '4',
      passed: '1',
      warned: '0',
      failed: '3',
      missing: '1',
      invalid: '1',
      result: 'fail',
      'report-path': path,
    });
    expect(Object.keys(r.outputs)).toEqual([...MERGE_OUTPUT_NAMES]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
      kind: 'fleet',
      schemaVersion: 1,
      result: 'fail',
    });
    expect(r.summary).toHaveLength(1);
    expect(r.summary[0]).toContain('## ❌ imds-check fleet: fail');
    expect(r.annotations.map((a) => [a.level, a.title])).toEqual([
      ['error', 'imds-check fleet: fleet_machine_missing on 1 machine(s)'],
      ['error', 'imds-check fleet: fleet_report_invalid on 1 machine(s)'],
      ['error', 'imds-check fleet: token_identity_not_found on 1 machine(s)'],
    ]);
    expect(r.annotations[2]!.lines[0]).toBe('vm-2');
    expect(r.annotations[2]!.lines[1]).toMatch(/^Fix: The VM has no managed identity/);
    expect(r.annotations[2]!.lines[2]).toBe('Docs: https://docs.example/errors.md#token_identity_not_found');
    expect(r.finish).toEqual([
      {
        verdict: 'failed',
        message:
          'imds-check fleet failed: 1 of 4 machines pass, 4 needed (min-pass 100%): fleet_machine_missing ×1, fleet_report_invalid ×1, token_identity_not_found ×1',
      },
    ]);
    expect(r.info.join('\n')).toContain('Result: FAIL  1 of 4 machines pass');
  });

  it('passes when every machine passes; passes with issues (warnings, allowed codes, min-pass below 100%)', async () => {
    const all = await run('azure-devops', { reports: 'r' }, { 'r/1.json': reportText({ vmId: guid(1) }) });
    expect(all.finish).toEqual([
      {
        verdict: 'succeeded',
        message: 'imds-check fleet passed: 1 of 1 machines pass, 1 needed (min-pass 100%)',
      },
    ]);
    expect(all.annotations).toEqual([]);
    const some = await run(
      'azure-devops',
      { reports: 'r/**/*.json', 'min-pass': '50%', 'allow-codes': '' },
      {
        'r/1.json': reportText({ vmId: guid(1) }),
        'r/2.json': reportText({ vmId: guid(2), checks: NOT_FOUND }),
      },
    );
    expect(some.finish[0]!.verdict).toBe('succeeded-with-issues');
    expect(some.outputs['result']).toBe('pass');
    expect(some.annotations.map((a) => a.level)).toEqual(['warning']);
  });

  it('Azure DevOps spells the inputs camelCase, in errors and in fixes; an invalid input sets no output', async () => {
    const bad = await run('azure-devops', { 'min-pass': 'all of them' }, {});
    expect(bad.finish).toEqual([
      {
        verdict: 'failed',
        message: expect.stringMatching(/^Invalid input 'minPass': got "all of them"; expected a share/),
      },
    ]);
    expect(bad.outputs).toEqual({});
    const fixes = await run(
      'azure-devops',
      { reports: 'r' },
      { 'r/1.json': reportText({ vmId: guid(1), checks: NOT_FOUND }) },
    );
    expect(fixes.summary[0]).toContain('clientId, objectId, msiResId');
  });

  it('no report found: a warning names the pattern, and the gate stays closed', async () => {
    const r = await run('github', {}, {});
    expect(r.annotations[0]).toEqual({
      level: 'warning',
      title: 'imds-check merge',
      lines: ['imds-check-reports/**/*.json: no report file matched'],
    });
    expect(r.outputs['machines']).toBe('0');
    expect(r.finish[0]).toMatchObject({
      verdict: 'failed',
      message: expect.stringContaining('fleet_no_reports'),
    });
  });

  it('writes the fleet report where report-path says; an unwritable path fails the step (report_write_failed) with an empty output', async () => {
    const dir = scratch();
    const files = { 'r/1.json': reportText({ vmId: guid(1) }) };
    const given = await run('github', { reports: 'r', 'report-path': join(dir, 'out', 'fleet.json') }, files);
    expect(given.outputs['report-path']).toBe(join(dir, 'out', 'fleet.json'));
    expect(existsSync(join(dir, 'out', 'fleet.json'))).toBe(true);
    put(dir, 'file', 'x');
    const bad = await run('github', { reports: 'r', 'report-path': join(dir, 'file', 'fleet.json') }, files);
    expect(bad.outputs['report-path']).toBe('');
    expect(bad.finish).toEqual([
      {
        verdict: 'failed',
        message: expect.stringMatching(
          /^imds-check failed after the merge \(result pass\): report_write_failed: cannot write the fleet report .*fleet\.json \((ENOTDIR|EEXIST): .*Docs: https:\/\/docs\.example\/errors\.md#report_write_failed$/,
        ),
      },
    ]);
  });

  it('a search stopped at its file limit fails the gate: annotated first, named in the verdict (issue 17)', async () => {
    const files = Object.fromEntries(
      [1, 2, 3].map((n) => [`imds-check-reports/leg-${n}/report.json`, reportText({ vmId: guid(n) })]),
    );
    const r = await run('azure-devops', {}, files, { limits: { maxFiles: 2, maxDepth: 64 } });
    expect(r.outputs).toMatchObject({ machines: '2', passed: '2', failed: '0', result: 'fail' });
    expect(r.annotations.map((a) => [a.level, a.title])).toEqual([
      ['warning', 'imds-check merge'],
      ['error', 'imds-check fleet: fleet_scan_incomplete fails the gate'],
    ]);
    expect(r.annotations[1]!.lines).toEqual([
      'stopped after 2 files; merge fewer reports at a time',
      expect.stringMatching(/^Fix: The merge stopped searching for reports at a limit/),
      'Docs: https://docs.example/errors.md#fleet_scan_incomplete',
    ]);
    expect(r.finish).toEqual([
      {
        verdict: 'failed',
        message:
          'imds-check fleet failed: 2 of 2 machines pass, 2 needed (min-pass 100%); the gate fails: fleet_scan_incomplete',
      },
    ]);
  });

  it('more machines than expected and a vmId from two leg folders fail the step whatever min-pass says', async () => {
    const r = await run(
      'github',
      { expected: '2', 'min-pass': '1' },
      {
        'imds-check-reports/leg-1/report.json': reportText({ vmId: guid(1), name: 'vm-1' }),
        'imds-check-reports/leg-2/report.json': reportText({
          vmId: guid(2),
          name: 'vm-2',
          checks: NOT_FOUND,
        }),
        'imds-check-reports/leg-1/vm-2.json': reportText({ vmId: guid(2), name: 'vm-2' }),
        'imds-check-reports/leg-1/extra.json': reportText({ vmId: guid(3), name: 'vm-3' }),
      },
    );
    expect(r.outputs).toMatchObject({ machines: '3', passed: '2', failed: '1', result: 'fail' });
    expect(r.annotations.slice(0, 2).map((a) => a.title)).toEqual([
      'imds-check fleet: fleet_vmid_conflict fails the gate',
      'imds-check fleet: fleet_too_many_machines fails the gate',
    ]);
    expect(r.finish[0]!.message).toBe(
      'imds-check fleet failed: 2 of 3 machines pass, 1 needed (min-pass 1): fleet_vmid_conflict ×1, token_identity_not_found ×1; the gate fails: fleet_vmid_conflict, fleet_too_many_machines',
    );
  });

  it('annotates at most 9 failing codes next to the step error, and says how many more there are', async () => {
    const codes = [
      'metadata_not_found',
      'metadata_forbidden',
      'metadata_gone',
      'metadata_throttled',
      'metadata_server_error',
      'metadata_bad_json',
      'token_identity_not_found',
      'token_forbidden',
      'token_gone',
      'token_throttled',
      'token_bad_json',
      'token_expired',
    ];
    const files = Object.fromEntries(
      codes.map((code, i) => [`r/${i}.json`, reportText({ vmId: guid(i), checks: [['x', 'fail', code]] })]),
    );
    const r = await run('github', { reports: 'r' }, files);
    expect(r.annotations.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(r.annotations.filter((a) => a.level === 'notice').map((a) => a.lines[0])).toEqual([
      '3 more failing codes are not annotated (at most 10 per level per step); the summary lists them all.',
    ]);
  });

  it('forged reports reach no channel as a command, a control or a bidi character', async () => {
    const files = Object.fromEntries(
      INJECTIONS.map((bad, i) => [
        `r/${i}.json`,
        reportText({ vmId: `${bad}${i}`, name: bad, location: bad, checks: [[bad, 'fail', bad]] }),
      ]),
    );
    const r = await run('github', { reports: 'r' }, files);
    const texts = {
      info: r.info.join('\n'),
      summary: r.summary.join('\n'),
      annotations: r.annotations.map((a) => [a.title, ...a.lines].join('\n')).join('\n'),
      finish: r.finish.map((f) => f.message).join('\n'),
      report: readFileSync(r.outputs['report-path']!, 'utf8'),
    };
    for (const [name, text] of Object.entries(texts))
      expect([name, commandProblems(text)]).toEqual([name, []]);
    expect(r.outputs).toMatchObject({
      machines: String(INJECTIONS.length),
      failed: String(INJECTIONS.length),
    });
  });
});
