// Issue 9 through the engine: each corpus string in each network-derived field the emulator can forge. No
// rendered channel and no progress line may carry a pipeline command or a control character, every output
// fits its shape, only plausible secrets are registered, and none leaks.
import { afterEach, describe, expect, test } from '@jest/globals';
import {
  buildOutputs,
  isPlausibleSecret,
  OUTPUT_SHAPES,
  parseOptions,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
  runProbe,
  type OutputName,
  type ProgressEvent,
} from '../../src/core/index.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { pathLink } from '../../src/host/code-links.js';
import { CLI_SPELLING } from '../../src/host/spelling.js';
import { engineContext } from '../helpers/engine-context.js';
import { commandProblems } from '../helpers/injection.js';
import { leaksIn } from '../helpers/leaks.js';
import { injectionCases } from './injection-cases.js';

let emulator: Emulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

const CASES = injectionCases();

test('the corpus reaches every forgeable field', () => {
  expect(new Set(CASES.map((c) => c.where))).toEqual(
    new Set(['compute and claims', 'access_token', 'error body', 'HIMDS "Supported are" text', 'Arc realm']),
  );
  expect(CASES.length).toBeGreaterThan(100);
});

describe.each(CASES.map((c) => [c.where, JSON.stringify(c.value), c] as const))(
  '%s = %s',
  (_where, _v, c) => {
    test('inert in every channel; outputs fit their shapes', async () => {
      emulator = await startEmulator(c.emulator);
      const progress: ProgressEvent[] = [];
      const { ctx, secrets } = engineContext({
        arcTokensDir: emulator.tokensDir ?? '/nonexistent',
        progress: (e) => progress.push(e),
      });
      const parsed = parseOptions(
        { endpoint: emulator.url, mode: c.emulator.mode ?? 'vm', 'timeout-seconds': '20', ...c.inputs },
        CLI_SPELLING,
      );
      if (!parsed.ok) throw new Error(parsed.error.message);
      const { report, accessToken } = await runProbe(parsed.options, ctx);

      const [metaCode, tokenCode] = c.codes;
      const meta = report.checks.find((x) => x.id === 'metadata')!;
      const token = report.checks.find((x) => x.id === 'token')!;
      if (metaCode) expect(meta.code).toBe(metaCode);
      if (tokenCode) expect(token.code).toBe(tokenCode);
      else expect(token.code).not.toBe('ok');

      const channels: Record<string, string> = {
        text: renderText(report, { color: false, codeLink: pathLink }),
        json: renderJson(report),
        markdown: renderMarkdown(report, { codeLink: pathLink }),
        junit: renderJunit(report),
        progress: progress.map((p) => p.text).join('\n'),
      };
      for (const [name, text] of Object.entries(channels))
        expect([name, commandProblems(text)]).toEqual([name, []]);

      const outputs = buildOutputs(report, accessToken, true, '/tmp/r.json');
      for (const [name, value] of Object.entries(outputs)) {
        expect([name, /[\r\n]/.test(value)]).toEqual([name, false]);
        const fits = OUTPUT_SHAPES[name as OutputName];
        if (fits && value !== '') expect([name, value, fits(value)]).toEqual([name, value, true]);
      }
      expect(outputs['vm-name']).not.toBe(c.value);
      expect(outputs['access-token']).not.toBe(c.value);

      for (const s of secrets) expect([s, isPlausibleSecret(s)]).toEqual([s, true]);
      const issued = [...emulator.issuedTokens, ...emulator.issuedSecrets].filter(isPlausibleSecret);
      expect(leaksIn(channels, issued)).toEqual([]);
    });
  },
);
