// The real engine against every emulator scenario on loopback: code, status, outcome, what the emulator
// recorded, and that no secret reaches any rendered channel.
import { afterEach, describe, expect, test } from '@jest/globals';
import {
  parseOptions,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
  runProbe,
  type ProbeOptions,
} from '../../src/core/index.js';
import { baitContent, startEmulator, USER_IDENTITY_1, type Emulator } from '../../src/emulator/index.js';
import { engineContext } from '../helpers/engine-context.js';
import { leaksIn } from '../helpers/leaks.js';

let emulator: Emulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

function options(raw: Record<string, string>): ProbeOptions {
  const parsed = parseOptions(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.options;
}

interface Expectation {
  scenario: string;
  mode?: 'vm' | 'arc';
  inputs?: Record<string, string>;
  result: 'pass' | 'warn' | 'fail';
  reachable: boolean;
  codes: [string, string, string]; // reachability, metadata, token
  outcomes: [string, string]; // metadata, token
}

const vm: Expectation[] = [
  {
    scenario: 'healthy',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'healthy',
    inputs: { identity: 'user', 'client-id': USER_IDENTITY_1.clientId },
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'healthy',
    inputs: { identity: 'none' },
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'skipped'],
    outcomes: ['200', 'skipped'],
  },
  {
    scenario: 'healthy',
    inputs: { identity: 'user', 'client-id': '11111111-2222-3333-4444-555555555555' },
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'token_identity_not_found'],
    outcomes: ['200', '400'],
  },
  {
    scenario: 'no-identity',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'token_identity_not_found'],
    outcomes: ['200', '400'],
  },
  {
    scenario: 'multiple-user-identities',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'token_multiple_identities'],
    outcomes: ['200', '400'],
  },
  {
    scenario: 'invalid-resource',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'token_invalid_resource'],
    outcomes: ['200', '400'],
  },
  {
    scenario: 'metadata-404',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'metadata_not_found', 'ok'],
    outcomes: ['404', '200'],
  },
  {
    scenario: 'throttled-then-ok',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'gone-then-ok',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'updating-404-then-ok',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'server-error',
    inputs: { 'timeout-seconds': '4' },
    result: 'fail',
    reachable: true,
    codes: ['ok', 'metadata_server_error', 'token_server_error'],
    outcomes: ['500', '500'],
  },
  {
    scenario: 'server-error-then-ok',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  { scenario: 'slow', result: 'pass', reachable: true, codes: ['ok', 'ok', 'ok'], outcomes: ['200', '200'] },
  {
    scenario: 'silent',
    inputs: { 'timeout-seconds': '3' },
    result: 'fail',
    reachable: false,
    codes: ['no_response', 'skipped', 'skipped'],
    outcomes: ['skipped', 'skipped'],
  },
  {
    scenario: 'trickle',
    inputs: { 'timeout-seconds': '3' },
    result: 'fail',
    reachable: false,
    codes: ['body_timeout', 'skipped', 'skipped'],
    outcomes: ['skipped', 'skipped'],
  },
  {
    scenario: 'malformed-json',
    result: 'fail',
    reachable: false,
    codes: ['not_imds_answer', 'metadata_bad_json', 'skipped'],
    outcomes: ['200', 'skipped'],
  },
  {
    scenario: 'html',
    result: 'fail',
    reachable: false,
    codes: ['not_imds_html', 'not_imds_html', 'skipped'],
    outcomes: ['200', 'skipped'],
  },
  {
    scenario: 'huge-body',
    result: 'fail',
    reachable: false,
    codes: ['body_too_large', 'body_too_large', 'skipped'],
    outcomes: ['200', 'skipped'],
  },
  {
    scenario: 'proxy-502',
    result: 'fail',
    reachable: false,
    codes: ['not_imds_proxy', 'not_imds_proxy', 'skipped'],
    outcomes: ['502', 'skipped'],
  },
  {
    scenario: 'proxy-fail-to-connect',
    result: 'fail',
    reachable: false,
    codes: ['not_imds_proxy', 'not_imds_proxy', 'skipped'],
    outcomes: ['400', 'skipped'],
  },
  {
    scenario: 'wrong-shape',
    result: 'fail',
    reachable: false,
    codes: ['not_imds_answer', 'metadata_bad_shape', 'skipped'],
    outcomes: ['200', 'skipped'],
  },
  {
    scenario: 'no-server-header',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'reset',
    inputs: { 'timeout-seconds': '5' },
    result: 'fail',
    reachable: false,
    codes: ['connection_reset', 'skipped', 'skipped'],
    outcomes: ['skipped', 'skipped'],
  },
  {
    scenario: 'old-api-version',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'token-expired',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'token_expired'],
    outcomes: ['200', '200'],
  },
];

const arc: Expectation[] = [
  {
    scenario: 'arc-healthy',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'arc-realm-outside',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_key_outside_tokens_dir'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-not-key',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_key_not_key_file'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-oversized-key',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_key_too_large'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-symlink-escape',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_key_not_regular_file'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-dotdot',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_key_outside_tokens_dir'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-fifo',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_key_not_regular_file'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-dir-key',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_key_not_regular_file'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-quoted-realm',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_challenge_malformed'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-two-challenges',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_challenge_malformed'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-reject-secret',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_secret_rejected'],
    outcomes: ['200', '401'],
  },
  {
    scenario: 'arc-old-api-version',
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'arc-legacy-user',
    inputs: { identity: 'user', 'client-id': USER_IDENTITY_1.clientId },
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'arc_user_identity_unconfirmed'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'arc-user-supported',
    inputs: { identity: 'user', 'client-id': USER_IDENTITY_1.clientId },
    result: 'pass',
    reachable: true,
    codes: ['ok', 'ok', 'ok'],
    outcomes: ['200', '200'],
  },
  {
    scenario: 'no-identity',
    result: 'fail',
    reachable: true,
    codes: ['ok', 'ok', 'token_identity_not_found'],
    outcomes: ['200', '400'],
  },
  {
    scenario: 'arc-down',
    result: 'fail',
    reachable: false,
    codes: ['connection_refused', 'skipped', 'skipped'],
    outcomes: ['skipped', 'skipped'],
  },
];

async function probe(e: Expectation) {
  const mode = e.mode ?? (e.scenario.startsWith('arc-') || arc.includes(e) ? 'arc' : 'vm');
  emulator = await startEmulator({ scenario: e.scenario, mode });
  const { ctx, secrets } = engineContext({ arcTokensDir: emulator.tokensDir ?? '/nonexistent' });
  const outcome = await runProbe(options({ endpoint: emulator.url, mode, ...e.inputs }), ctx);
  return { outcome, secrets, emulator, mode };
}

describe.each([...vm.map((e) => ['vm', e] as const), ...arc.map((e) => ['arc', e] as const)])(
  '%s scenario',
  (_mode, e) => {
    test(`${e.scenario} ${JSON.stringify(e.inputs ?? {})}`, async () => {
      const { outcome, secrets, emulator: emu, mode } = await probe(e);
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
