// No root needed: the three committed bundles against the loopback emulator (endpoint override to 127.0.0.1,
// DESIGN §5). Every channel a run writes (stdout, stderr, GITHUB_OUTPUT, step summary, JSON report, JUnit,
// ##vso lines) is scanned for every form of every issued token (helpers/leaks.ts). Allowed: the mask
// registration lines, and the access-token output / --json accessToken when expose-token is on.
// Arc secrets need the real tokens folder: arc.test.ts scans for them inside the mount namespace.
import { afterEach, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { leaksIn, secretForms } from '../helpers/leaks.js';
import { NODE24, runDoor, type Door } from './front-doors.js';

let emulator: Emulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

const MASK_LINE = /^(::add-mask::|##vso\[task\.setsecret\]).*$/gm;

/** Removes the places where a token is allowed to appear, so that anything left is a leak. */
function withoutAllowed(door: Door, name: string, text: string, exposed: boolean): string {
  let t = text.replace(MASK_LINE, '');
  if (!exposed) return t;
  if (door === 'cli' && name === 'stdout') t = t.replace(/"accessToken": "[^"]*"/, '');
  if (door === 'action' && name === 'github_output')
    t = t.replace(/^access-token<<(\S+)\n[\s\S]*?\n\1$/m, '');
  if (door === 'task' && name === 'stdout')
    t = t.replace(/^##vso\[task\.setvariable variable=accessToken;[^\]]*issecret=true[^\]]*\].*$/m, '');
  return t;
}

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
