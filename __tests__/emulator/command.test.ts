// `imds-check emulate`: flags, --list, the listening line, stopping on a signal, exit codes.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { runEmulateCommand } from '../../src/emulator/command.js';
import {
  ARC_SYSTEM_IDENTITY,
  DEFAULT_IDENTITIES,
  listScenarios,
  startEmulator,
  type Emulator,
} from '../../src/emulator/index.js';
import { get, INSTANCE_PATH, RequestFailure, TOKEN_PATH } from './helpers.js';

interface Captured {
  out: string[];
  err: string[];
  io: { out(line: string): void; err(line: string): void };
}
function capture(): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const LISTENING =
  /^imds-check emulator \((vm|arc), scenario ([a-z0-9-]+)\) listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

const stoppers: AbortController[] = [];
afterEach(() => stoppers.splice(0).forEach((c) => c.abort()));
function controller(): AbortController {
  const c = new AbortController();
  stoppers.push(c);
  return c;
}

describe('emulate --list', () => {
  it('prints every scenario with its description', async () => {
    const c = capture();
    expect(await runEmulateCommand(['--list'], c.io)).toBe(0);
    expect(c.err).toEqual([]);
    const all = listScenarios();
    expect(c.out).toHaveLength(all.length);
    for (const [i, s] of all.entries()) {
      expect(c.out[i]?.startsWith(s.name + ' ')).toBe(true);
      expect(c.out[i]?.endsWith(s.description)).toBe(true);
    }
  });

  it('filters with --mode', async () => {
    const c = capture();
    expect(await runEmulateCommand(['--list', '--mode=arc'], c.io)).toBe(0);
    expect(c.out).toHaveLength(listScenarios('arc').length);
    expect(c.out.some((l) => l.startsWith('multiple-user-identities '))).toBe(false);
  });
});

describe('emulate --help', () => {
  it('describes every option with its default', async () => {
    const c = capture();
    expect(await runEmulateCommand(['--help'], c.io)).toBe(0);
    const help = c.out.join('\n');
    for (const option of [
      '--scenario NAME',
      '--mode vm|arc',
      '--host H',
      '--port N',
      '--tokens-dir DIR',
      '--key-lifetime S',
      '--seed N',
      '--log',
      '--list',
      '--help',
    ]) {
      const line = help
        .split('\n')
        .find((l) => l.trimStart().startsWith(option) || l.includes(`, ${option}`));
      expect([option, line !== undefined]).toEqual([option, true]);
      if (!['--list', '--help'].includes(option))
        expect([option, line]).toEqual([option, expect.stringMatching(/\(default[ :]/)]);
    }
    expect(help).toContain('(default healthy)');
    expect(help).toContain('(default 127.0.0.1)');
    expect(help).toContain('(default 10)');
  });
});

describe('emulate usage errors', () => {
  it.each([
    [['--bogus']],
    [['stray']],
    [['--mode', 'xyz']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port']],
    [['--scenario', 'nope']],
    [['--scenario', 'arc-healthy', '--mode', 'vm']],
    [['--seed', 'x']],
    [['--key-lifetime', '0']],
    [['--key-lifetime', '-1']],
  ])('%j → exit 2 with a message on stderr', async (argv) => {
    const c = capture();
    expect(await runEmulateCommand(argv, c.io)).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err[0]).toMatch(/^imds-check emulate: /);
  });

  it('exit 1 when the port is taken', async () => {
    const busy: Emulator = await startEmulator();
    try {
      const c = capture();
      expect(await runEmulateCommand(['--port', String(busy.port)], c.io)).toBe(1);
      expect(c.err.join('\n')).toMatch(/EADDRINUSE/);
    } finally {
      await busy.close();
    }
  });
});

describe('emulate run', () => {
  it('prints the listening line, serves the scenario, and stops on request', async () => {
    const c = capture();
    const stop = controller();
    const running = runEmulateCommand(['--scenario', 'gone-then-ok', '--port=0'], c.io, {
      signal: stop.signal,
    });
    await until(() => c.out.length > 0);
    const match = LISTENING.exec(c.out[0] ?? '');
    expect(match?.slice(1, 3)).toEqual(['vm', 'gone-then-ok']);
    const url = match?.[3] ?? '';
    expect(Number(match?.[4])).toBeGreaterThan(0);
    expect((await get(url, INSTANCE_PATH)).status).toBe(410);
    stop.abort();
    expect(await running).toBe(0);
    const after = await get(url, INSTANCE_PATH).then(
      () => 'answered',
      (err: unknown) => (err instanceof RequestFailure ? err.code : String(err)),
    );
    expect(after).toBe('ECONNREFUSED');
  });

  it('lists the identities it serves and how to try them', async () => {
    const c = capture();
    const stop = controller();
    const running = runEmulateCommand([], c.io, { signal: stop.signal });
    await until(() => c.out.some((l) => l.startsWith('try:')));
    const text = c.out.join('\n');
    const url = LISTENING.exec(c.out[0] ?? '')?.[3] ?? '';
    expect(c.out[1]).toBe('identities:');
    for (const identity of DEFAULT_IDENTITIES) {
      const line = c.out.find((l) => l.includes(identity.clientId)) ?? '';
      expect(line.trim().startsWith(identity.kind)).toBe(true);
      expect(line).toContain(`object ${identity.objectId}`);
      if (identity.resourceId) expect(line).toContain(`resource ${identity.resourceId}`);
    }
    const user = DEFAULT_IDENTITIES.find((i) => i.kind === 'user');
    expect(text).toContain(
      `imds-check --endpoint ${url} --identity user --client-id ${user?.clientId ?? ''}`,
    );
    stop.abort();
    expect(await running).toBe(0);
  });

  it('says when there is no identity, and --log prints each request without headers', async () => {
    const c = capture();
    const stop = controller();
    const running = runEmulateCommand(['--scenario', 'no-identity', '--log'], c.io, { signal: stop.signal });
    await until(() => c.out.length > 0);
    expect(c.out).toContain('identities: none (token requests get "Identity not found")');
    const url = LISTENING.exec(c.out[0] ?? '')?.[3] ?? '';
    await get(url, TOKEN_PATH, { Authorization: 'Basic s3cr3t-never-logged' });
    await until(() => c.out.some((l) => l.includes(' GET /metadata/identity/oauth2/token?')));
    const line = c.out.find((l) => l.includes(' GET /metadata/identity/oauth2/token?')) ?? '';
    expect(line).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/metadata\/identity\/oauth2\/token\?api-version=2018-02-01&resource=\S+ -> 400$/,
    );
    expect(c.out.join('\n')).not.toContain('s3cr3t');
    stop.abort();
    expect(await running).toBe(0);
  });

  it('arc mode prints the tokens dir and removes it after SIGTERM', async () => {
    const before = process.listeners('SIGTERM');
    const beforeInt = process.listeners('SIGINT');
    const c = capture();
    const running = runEmulateCommand(['--mode', 'arc'], c.io);
    await until(() => c.out.length >= 2);
    const dir = (c.out[1] ?? '').replace(/^tokens dir: /, '');
    const existed = existsSync(dir);
    // Stop first (the banner is complete: it is printed in one go), so a failed assertion cannot leave
    // the command running. Call the handler it registered instead of signalling the test runner.
    const added = process.listeners('SIGTERM').filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    added[0]?.('SIGTERM');
    expect(await running).toBe(0);
    expect(LISTENING.exec(c.out[0] ?? '')?.slice(1, 3)).toEqual(['arc', 'healthy']);
    expect(c.out.join('\n')).toContain(ARC_SYSTEM_IDENTITY.clientId);
    const url = LISTENING.exec(c.out[0] ?? '')?.[3] ?? '';
    expect(c.out).toContain(`try: imds-check --mode arc --endpoint ${url} --arc-tokens-dir ${dir}`);
    expect(existed).toBe(true);
    expect(existsSync(dir)).toBe(false);
    expect(process.listeners('SIGTERM')).toEqual(before);
    expect(process.listeners('SIGINT')).toEqual(beforeInt);
  });

  it('SIGINT stops it too', async () => {
    const before = process.listeners('SIGINT');
    const c = capture();
    const running = runEmulateCommand(['--scenario', 'silent'], c.io);
    await until(() => c.out.length > 0);
    const added = process.listeners('SIGINT').filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    added[0]?.('SIGINT');
    expect(await running).toBe(0);
    expect(process.listeners('SIGINT')).toEqual(before);
  });
});
