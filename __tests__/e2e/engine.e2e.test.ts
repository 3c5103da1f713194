// The real engine against every emulator scenario on loopback: code, status, outcome, what the emulator
// recorded, and that no secret reaches any rendered channel.
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseOptions,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
  runProbe,
  type ProbeOptions,
  type ProgressEvent,
} from '../../src/core/index.js';
import { baitContent, startEmulator, type Emulator } from '../../src/emulator/index.js';
import { arc, vm, type Expectation } from './scenario-expectations.js';
import { CLI_SPELLING } from '../../src/host/spelling.js';
import { engineContext } from '../helpers/engine-context.js';
import { commandProblems } from '../helpers/injection.js';
import { leaksIn } from '../helpers/leaks.js';

let emulator: Emulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

function options(raw: Record<string, string>): ProbeOptions {
  const parsed = parseOptions(raw, CLI_SPELLING);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.options;
}

async function probe(e: Expectation) {
  const mode = e.mode ?? (e.scenario.startsWith('arc-') || arc.includes(e) ? 'arc' : 'vm');
  emulator = await startEmulator({ scenario: e.scenario, mode });
  const progress: ProgressEvent[] = [];
  const { ctx, secrets } = engineContext({
    arcTokensDir: emulator.tokensDir ?? '/nonexistent',
    progress: (event) => progress.push(event),
  });
  const outcome = await runProbe(options({ endpoint: emulator.url, mode, ...e.inputs }), ctx);
  return { outcome, secrets, emulator, mode, progress };
}

/** Scenarios whose first answers are retried: the run must record how long it waited and why. */
const RETRIED = new Set([
  'throttled-then-ok',
  'gone-then-ok',
  'updating-404-then-ok',
  'server-error-then-ok',
  'server-error',
]);

describe.each([...vm.map((e) => ['vm', e] as const), ...arc.map((e) => ['arc', e] as const)])(
  '%s scenario',
  (_mode, e) => {
    test(`${e.scenario} ${JSON.stringify(e.inputs ?? {})}`, async () => {
      const { outcome, secrets, emulator: emu, mode, progress } = await probe(e);
      const { report, accessToken } = outcome;
      const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
      expect(report.checks.map((c) => c.id)).toEqual(['environment', 'reachability', 'metadata', 'token']);
      expect([byId.reachability!.code, byId.metadata!.code, byId.token!.code]).toEqual(e.codes);
      expect([byId.metadata!.outcome, byId.token!.outcome]).toEqual(e.outcomes);
      expect(report.result).toBe(e.result);
      expect(report.reachable).toBe(e.reachable);
      expect(report.mode.resolved).toBe(mode);
      for (const check of report.checks) {
        if (check.status === 'fail' || check.status === 'warn')
          expect(check.remediation.length).toBeGreaterThan(20);
      }
      // What went over the wire: Metadata header always, never X-Forwarded-For, only GET, the selector as asked.
      for (const request of emu.requests) {
        expect(request.method).toBe('GET');
        expect(request.headers['metadata']).toBe('true');
        expect(request.headers['x-forwarded-for']).toBeUndefined();
      }
      const tokenRequests = emu.requests.filter((r) => r.path === '/metadata/identity/oauth2/token');
      if (e.inputs?.['client-id'])
        expect(tokenRequests.every((r) => r.query['client_id'] === e.inputs!['client-id'])).toBe(true);
      if (e.result === 'pass' && e.inputs?.identity !== 'none') {
        expect(accessToken).toBe(emu.issuedTokens.at(-1));
        expect(secrets).toContain(accessToken);
        expect(report.identity.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
      // The Arc secret goes once, to the same origin, and bait never leaves the machine.
      const authorized = emu.requests.filter((r) => r.headers['authorization'] !== undefined);
      for (const r of authorized)
        expect(emu.issuedSecrets.map((s) => `Basic ${s}`)).toContain(r.headers['authorization']);
      expect(JSON.stringify(emu.requests)).not.toContain(baitContent);
      if (e.scenario === 'arc-healthy') {
        expect(authorized).toHaveLength(1);
        expect(secrets).toContain(emu.issuedSecrets[0]);
      }
      const channels = {
        json: renderJson(report),
        text: renderText(report, { color: true }),
        markdown: renderMarkdown(report),
        junit: renderJunit(report),
      };
      expect(leaksIn(channels, [...emu.issuedTokens, ...emu.issuedSecrets])).toEqual([]);
      for (const [name, text] of Object.entries(channels)) {
        const plain = name === 'text' ? text.replace(/\u001b\[(?:0|1|2|31|32|33)m/g, '') : text;
        expect([name, commandProblems(plain)]).toEqual([name, []]);
      }
      // Retry waits: recorded (by check and reason) exactly when the scenario makes the engine retry.
      const waits = report.waits ?? [];
      if (RETRIED.has(e.scenario)) expect(waits.length).toBeGreaterThan(0);
      if (e.scenario === 'healthy' || e.scenario.startsWith('arc-key') || e.scenario === 'arc-healthy')
        expect(waits).toEqual([]);
      for (const w of waits) {
        expect(['metadata', 'token']).toContain(w.check);
        expect(w.reason).toMatch(/^(HTTP \d{3} \([A-Za-z ]+\)|no answer \([a-z ]+\))$/);
        expect(w.waits).toBeGreaterThan(0);
      }
      // Progress lines: status words and numbers only; never a secret.
      for (const event of progress) {
        expect(event.text).toMatch(/^(reachability|metadata|token): [A-Za-z0-9 ().,:;/-]+$/);
        expect(event.text.startsWith(`${event.check}: `)).toBe(true);
      }
      expect(leaksIn({ progress: progress.map((p) => p.text).join('\n') }, emu.issuedTokens)).toEqual([]);
    });
  },
);

test('a closed loopback port is refused quickly, with the socket word on the status outputs', async () => {
  const { ctx } = engineContext();
  const started = Date.now();
  const { report } = await runProbe(options({ endpoint: 'http://127.0.0.1:9', mode: 'vm' }), ctx);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(report.reachable).toBe(false);
  expect(report.checks[1]!.code).toBe('connection_refused');
  expect(report.checks[1]!.outcome).toBe('refused');
  expect(report.checks[2]!.status).toBe('skip');
});

describe('Arc in a container (issue 10: a warning must rest on evidence)', () => {
  let marker: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'imds-container-'));
    marker = join(dir, '.dockerenv');
    writeFileSync(marker, '');
  });

  function arcCtx(emu: Emulator, url: string) {
    // The endpoint comes from IMDS_ENDPOINT, as the agent sets it, not from the endpoint input.
    return engineContext({
      arcTokensDir: emu.tokensDir ?? '/nonexistent',
      containerMarkers: [marker],
      env: { IMDS_ENDPOINT: url, IDENTITY_ENDPOINT: `${url}/metadata/identity/oauth2/token` },
    });
  }

  test('HIMDS answering and a token issued: pass, no warning, the container only noted', async () => {
    emulator = await startEmulator({ scenario: 'arc-healthy', mode: 'arc' });
    const { ctx } = arcCtx(emulator, emulator.url);
    const { report, accessToken } = await runProbe(options({}), ctx);
    expect(report.mode).toEqual({ requested: 'auto', resolved: 'arc', signal: 'identity-endpoint-env' });
    expect(report.result).toBe('pass');
    expect(report.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(report.checks[0]!.message).toContain(marker);
    expect(accessToken).toBe(emulator.issuedTokens.at(-1));
  });

  test('HIMDS down: the failed reachability says the container is the likely cause', async () => {
    emulator = await startEmulator({ scenario: 'arc-down', mode: 'arc' });
    const { ctx } = arcCtx(emulator, emulator.url);
    const { report } = await runProbe(options({}), ctx);
    expect(report.checks[0]).toMatchObject({ status: 'pass', code: 'ok' });
    expect(report.checks[1]).toMatchObject({ status: 'fail', code: 'connection_refused' });
    expect(report.checks[1]!.remediation).toContain(`This job runs in a container (${marker})`);
  });
});
