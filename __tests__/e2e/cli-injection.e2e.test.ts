// Issue 9 through the CLI bundle: a forged answer (each corpus string in metadata values and claims, in an
// error body, in an Arc realm) must not put a command, a control character or a secret on stdout, stderr, the
// report file or the JUnit file, in text mode or with --json (which must stay valid and equal as data).
import { afterAll, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { commandProblems } from '../helpers/injection.js';
import { leaksIn } from '../helpers/leaks.js';
import { injectionCases } from './injection-cases.js';

const work = mkdtempSync(join(tmpdir(), 'imds-cli-inject-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CASES = injectionCases().filter((c) =>
  ['compute and claims', 'error body', 'Arc realm'].includes(c.where),
);

test.each(CASES.map((c, i) => [c.where, JSON.stringify(c.value), c, i] as const))(
  '%s = %s',
  async (_where, _v, c, i) => {
    const emu = await startEmulator(c.emulator);
    try {
      const base = ['--endpoint', emu.url, '--mode', c.emulator.mode ?? 'vm', '--timeout-seconds', '20'];
      if (emu.tokensDir) base.push('--arc-tokens-dir', emu.tokensDir);
      const report = join(work, `r${i}.json`);
      const junit = join(work, `j${i}.xml`);
      const text = await runCli(process.execPath, [...base, '--report', report, '--junit', junit]);
      const json = await runCli(process.execPath, [...base, '--json']);
      expect([text.code, json.code]).toEqual(c.codes[1] === 'token_claim_rejected' ? [0, 0] : [1, 1]);
      const channels = {
        textStdout: text.stdout,
        textStderr: text.stderr,
        jsonStdout: json.stdout,
        jsonStderr: json.stderr,
        report: readFileSync(report, 'utf8'),
        junit: readFileSync(junit, 'utf8'),
      };
      for (const [name, out] of Object.entries(channels))
        expect([name, commandProblems(out)]).toEqual([name, []]);
      const parsed = JSON.parse(json.stdout) as {
        checks: Array<{ code: string }>;
        machine: { name: string };
      };
      if (c.where === 'compute and claims') expect(parsed.machine.name).toBe(c.value);
      expect(leaksIn(channels, [...emu.issuedTokens, ...emu.issuedSecrets])).toEqual([]);
    } finally {
      await emu.close();
    }
  },
);
