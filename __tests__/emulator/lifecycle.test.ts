// Library surface: scenario catalogue, start options and their errors, isolation between instances, close().
import { describe, expect, it } from '@jest/globals';
import { listScenarios, startEmulator, USER_IDENTITY_2 } from '../../src/emulator/index.js';
import { get, INSTANCE_PATH, json, RequestFailure, TOKEN_PATH, useEmulators } from './helpers.js';

const start = useEmulators();

// The contract with the tests and the e2e suite (names must never change).
const VM_OR_BOTH = [
  'healthy',
  'no-identity',
  'multiple-user-identities',
  'invalid-resource',
  'metadata-404',
  'throttled-then-ok',
  'gone-then-ok',
  'updating-404-then-ok',
  'server-error',
  'server-error-then-ok',
  'slow',
  'silent',
  'trickle',
  'malformed-json',
  'html',
  'huge-body',
  'proxy-502',
  'proxy-fail-to-connect',
  'wrong-shape',
  'no-server-header',
  'reset',
  'old-api-version',
  'token-expired',
  'token-gone-then-ok',
  'updating-40s',
  'throttled-no-retry-after',
  'burst-429',
  'intermittent-500',
  'flaky-500',
  'latency-jitter',
  'custom-image',
  'single-user-identity',
];
const ARC_ONLY = [
  'arc-healthy',
  'arc-realm-outside',
  'arc-not-key',
  'arc-oversized-key',
  'arc-symlink-escape',
  'arc-dotdot',
  'arc-fifo',
  'arc-dir-key',
  'arc-quoted-realm',
  'arc-two-challenges',
  'arc-reject-secret',
  'arc-old-api-version',
  'arc-user-supported',
  'arc-legacy-user',
  'arc-down',
  'arc-selector-rejected',
];

describe('scenario catalogue', () => {
  it('lists every contract scenario once, each with a one-line description', () => {
    const all = listScenarios();
    expect(all.map((s) => s.name).sort()).toEqual([...VM_OR_BOTH, ...ARC_ONLY].sort());
    for (const s of all) expect(s.description).toMatch(/^[^\n]{10,}$/);
    for (const name of ARC_ONLY) expect(all.find((s) => s.name === name)?.mode).toBe('arc');
  });

  it('filters by mode: shared scenarios appear in both', () => {
    const vm = listScenarios('vm').map((s) => s.name);
    const arc = listScenarios('arc').map((s) => s.name);
    expect(vm.some((n) => n.startsWith('arc-'))).toBe(false);
    expect(vm.sort()).toEqual([...VM_OR_BOTH].sort());
    for (const shared of ['healthy', 'silent', 'html', 'proxy-502', 'server-error', 'token-expired'])
      expect(arc).toContain(shared);
    for (const vmOnly of ['multiple-user-identities', 'old-api-version', 'no-server-header'])
      expect(arc).not.toContain(vmOnly);
  });

  it.each([...VM_OR_BOTH, ...ARC_ONLY])('starts and closes %s', async (scenario) => {
    const e = await start({ scenario });
    expect(e.scenario).toBe(scenario);
    expect(e.mode).toBe(scenario.startsWith('arc-') ? 'arc' : 'vm');
    expect(e.url).toBe(`http://127.0.0.1:${e.port}`);
    await e.close();
  });
});

describe('start options', () => {
  it('defaults to healthy VM on an ephemeral loopback port', async () => {
    const e = await start();
    expect(e).toMatchObject({ scenario: 'healthy', mode: 'vm', host: '127.0.0.1', tokensDir: null });
    expect(e.port).toBeGreaterThan(0);
    expect((await get(e.url, INSTANCE_PATH)).status).toBe(200);
  });

  it('rejects unknown scenarios, mode mismatches and bad ports', async () => {
    await expect(startEmulator({ scenario: 'nope' })).rejects.toThrow(/unknown emulator scenario "nope"/);
    await expect(startEmulator({ scenario: 'arc-healthy', mode: 'vm' })).rejects.toThrow(/arc mode only/);
    await expect(startEmulator({ scenario: 'old-api-version', mode: 'arc' })).rejects.toThrow(/vm mode only/);
    await expect(startEmulator({ port: 70000 })).rejects.toThrow(/invalid port/);
  });

  it('reports a port already in use', async () => {
    const first = await start();
    await expect(startEmulator({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('keeps state per instance: tokens, requests and fault counters do not leak between emulators', async () => {
    const [a, b] = await Promise.all([
      start({ scenario: 'gone-then-ok' }),
      start({ scenario: 'gone-then-ok' }),
    ]);
    expect((await get(a.url, INSTANCE_PATH)).status).toBe(410);
    expect((await get(a.url, INSTANCE_PATH)).status).toBe(410);
    expect((await get(b.url, INSTANCE_PATH)).status).toBe(410);
    await get(a.url, TOKEN_PATH);
    expect(a.issuedTokens).toHaveLength(1);
    expect(b.issuedTokens).toHaveLength(0);
    expect(a.requests).toHaveLength(3);
    expect(b.requests).toHaveLength(1);
  });

  it('takes an identity set that overrides the scenario', async () => {
    const e = await start({ scenario: 'no-identity', identities: [USER_IDENTITY_2] });
    expect(json(await get(e.url, TOKEN_PATH)).client_id).toBe(USER_IDENTITY_2.clientId);
  });

  it('close() is idempotent and stops listening', async () => {
    const e = await startEmulator();
    await get(e.url, INSTANCE_PATH);
    await Promise.all([e.close(), e.close()]);
    await e.close();
    const outcome = await get(e.url, INSTANCE_PATH).then(
      () => 'answered',
      (err: unknown) => (err instanceof RequestFailure ? err.code : String(err)),
    );
    expect(outcome).toBe('ECONNREFUSED');
  });
});
