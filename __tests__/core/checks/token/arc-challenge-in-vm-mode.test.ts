// Issue 21: a run in VM mode that Hybrid IMDS answers (the Arc emulator on loopback) ends with its own code and
// the fix in the calling door's words; the realm, a path the server chose, is never read, touched or shown.
import { afterEach, describe, expect, test } from '@jest/globals';
import {
  parseOptions,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
  runProbe,
  type FileSystemPort,
  type InputSpelling,
} from '../../../../src/core/index.js';
import { startEmulator, type Emulator } from '../../../../src/emulator/index.js';
import { ACTION_SPELLING, CLI_SPELLING, TASK_SPELLING } from '../../../../src/host/spelling.js';
import { engineContext } from '../../../helpers/engine-context.js';

let emulator: Emulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

/** The real file system, recording every path the engine asks about. */
function recordingFs(base: FileSystemPort): { fs: FileSystemPort; paths: string[] } {
  const paths: string[] = [];
  const fs: FileSystemPort = {
    exists: (p) => (paths.push(p), base.exists(p)),
    lstat: (p) => (paths.push(p), base.lstat(p)),
    realpath: (p) => (paths.push(p), base.realpath(p)),
    readSmallFile: (p, max) => (paths.push(p), base.readSmallFile(p, max)),
    readBounded: (p, max) => (paths.push(p), base.readBounded(p, max)),
  };
  return { fs, paths };
}

const HOSTILE_REALM = '/var/opt/azcmagent/tokens/##vso[task.setvariable variable=X]1.key';

async function vmRunAgainstArc(spell: InputSpelling, mode: 'vm' | 'auto', arcRealm?: string) {
  emulator = await startEmulator({
    scenario: 'arc-healthy',
    mode: 'arc',
    ...(arcRealm ? { overrides: { arcRealm } } : {}),
  });
  const base = engineContext().ctx;
  const recorded = recordingFs(base.fs);
  const ctx = { ...base, spell, fs: recorded.fs, arcTokensDir: emulator.tokensDir! };
  const parsed = parseOptions({ endpoint: emulator.url, mode }, spell);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { report } = await runProbe(parsed.options, ctx);
  return { report, paths: recorded.paths, emulator };
}

describe('token check in VM mode, answered by Hybrid IMDS', () => {
  test.each([
    ['mode auto (no Arc signal)', 'auto' as const],
    ['mode vm', 'vm' as const],
  ])('%s: token_arc_challenge_in_vm_mode, no key file touched, no Authorization sent', async (_, mode) => {
    const { report, paths, emulator: e } = await vmRunAgainstArc(CLI_SPELLING, mode);
    expect(report.mode.resolved).toBe('vm');
    const token = report.checks.find((c) => c.id === 'token')!;
    expect(token).toMatchObject({
      status: 'fail',
      code: 'token_arc_challenge_in_vm_mode',
      httpStatus: 401,
      outcome: '401',
    });
    expect(token.remediation).toMatch(/^This is Hybrid IMDS .*: use --mode arc /);
    expect(report.reachable).toBe(true);
    expect(paths.filter((p) => p.startsWith(e.tokensDir!) || p.endsWith('.key'))).toEqual([]);
    expect(e.requests.filter((r) => r.headers['authorization'] !== undefined)).toEqual([]);
  });

  test.each([
    ['GitHub', ACTION_SPELLING, 'use mode: arc '],
    ['Azure DevOps', TASK_SPELLING, 'use mode: arc '],
    ['the CLI', CLI_SPELLING, 'use --mode arc '],
  ])('the fix is spelled as %s spells the mode input', async (_, spell, words) => {
    const { report } = await vmRunAgainstArc(spell, 'vm');
    expect(report.checks.find((c) => c.id === 'token')!.remediation).toContain(words);
  });

  test('a hostile realm reaches no channel and is never used as a path', async () => {
    const { report, paths } = await vmRunAgainstArc(CLI_SPELLING, 'vm', HOSTILE_REALM);
    expect(report.checks.find((c) => c.id === 'token')!.code).toBe('token_arc_challenge_in_vm_mode');
    const channels = [
      renderJson(report),
      renderText(report, { color: false }),
      renderMarkdown(report),
      renderJunit(report),
    ];
    for (const text of channels) {
      expect(text).not.toContain('##vso[');
      expect(text).not.toContain('azcmagent/tokens');
    }
    expect(paths.filter((p) => p.includes('azcmagent') || p.endsWith('.key'))).toEqual([]);
  });
});
