// No root needed: the three committed bundles against the loopback emulator (endpoint override to 127.0.0.1,
// DESIGN §5). Every channel a run writes (stdout, stderr, GITHUB_OUTPUT, step summary, JSON report, JUnit,
// ##vso lines) is scanned for every form of every issued token (helpers/leaks.ts). Allowed: the mask
// registration lines, and the access-token output / --json accessToken when expose-token is on.
// Arc secrets need the real tokens folder: arc.test.ts scans for them inside the mount namespace.
// With ama (root only: the Azure Monitor hosts must resolve inside a private namespace, never to the real ones)
// the rollout outputs join the scan: ama-host-status, ama-extension-settings, ama-policy, clock-skew-seconds.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { USER_IDENTITY_1 } from '../../src/emulator/identities.js';
import { leaksIn, outputLeaks, secretForms, withoutAllowed } from '../helpers/leaks.js';
import { amaInputs, amaNamespace, HOSTS, type AmaNamespace } from './ama-harness.js';
import { NODE24, runDoor, type Door } from './front-doors.js';
import { netnsUnavailableReason } from './namespace.js';

let emulator: Emulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

const doors: Door[] = ['cli', 'action', 'task'];
const cases = doors.flatMap((door) =>
  [
    { scenario: 'healthy', expose: false },
    { scenario: 'healthy', expose: true },
    { scenario: 'token-expired', expose: false },
    { scenario: 'throttled-then-ok', expose: false },
  ].map((c) => [`${door} ${c.scenario} expose-token=${c.expose}`, door, c] as const),
);

describe('no token in any channel of any front door', () => {
  test.each(cases)('%s', async (_name, door, c) => {
    emulator = await startEmulator({ scenario: c.scenario, mode: 'vm' });
    const inputs: Record<string, string> = { endpoint: emulator.url, mode: 'vm' };
    if (c.expose) inputs['expose-token'] = 'true';
    const run = await runDoor(door, { prefix: [], inputs, node: door === 'cli' ? process.execPath : NODE24 });
    const tokens = emulator.issuedTokens;
    expect(tokens.length).toBeGreaterThan(0);
    const scanned = Object.fromEntries(
      Object.entries(run.channels).map(([name, text]) => [name, withoutAllowed(door, name, text, c.expose)]),
    );
    expect(leaksIn(scanned, tokens)).toEqual([]);
    // The exemptions were needed: the token is registered as a secret (and output when exposed), so the scan
    // above really had something to find.
    const all = Object.values(run.channels).join('\n');
    expect(secretForms(tokens.at(-1)!).some((f) => all.includes(f))).toBe(door !== 'cli' || c.expose);
  });
});

const reason = netnsUnavailableReason(['ip', 'iptables', 'unshare', 'mount']);
if (reason) console.log(`netns AMA leak scan skipped: ${reason}`);
const LISTENER = '127.0.1.1';
const ROLLOUT_OUTPUTS = ['ama-host-status', 'ama-extension-settings', 'ama-policy', 'clock-skew-seconds'];

(reason ? describe.skip : describe)('no token in any channel or rollout output with ama (namespace)', () => {
  let net: AmaNamespace;
  beforeAll(async () => {
    net = amaNamespace();
    await net.start([
      ...['--scenario', 'healthy', '--host', '169.254.169.254', '--port', '80'],
      ...['--ama', `healthy@${LISTENER}:443`, '--ama-roots', net.dir],
    ]);
  });
  afterAll(() => net?.destroy());

  test.each(doors)('%s: exposed token only where allowed; the rollout outputs carry none', async (door) => {
    const inputs = amaInputs(net.dir, {
      'expose-token': 'true',
      identity: 'user',
      'msi-res-id': USER_IDENTITY_1.resourceId!,
    });
    const run = await net.run(door, Object.fromEntries(HOSTS.map((h) => [h, LISTENER])), { inputs });
    // The emulator runs in the namespace: the token is known from where the door exposed it.
    const token =
      door === 'cli'
        ? String((JSON.parse(run.channels['stdout']!) as { accessToken?: unknown }).accessToken)
        : run.outputs['access-token']!;
    expect(token.split('.')).toHaveLength(3);
    const scanned = Object.fromEntries(
      Object.entries(run.channels).map(([name, text]) => [name, withoutAllowed(door, name, text, true)]),
    );
    expect(leaksIn(scanned, [token])).toEqual([]);
    expect(ROLLOUT_OUTPUTS.filter((name) => !(name in run.outputs))).toEqual([]);
    expect(outputLeaks(run.outputs, [token])).toEqual([]);
    expect(run.outputs['ama-extension-settings']).toContain(USER_IDENTITY_1.resourceId!);
    // The scan had something to find: the token is in the channels before the exemptions.
    expect(leaksIn(run.channels, [token]).length).toBeGreaterThan(0);
  });
});
