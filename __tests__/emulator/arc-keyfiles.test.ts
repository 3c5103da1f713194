// Arc key-file scenarios: each points the realm at something a careful client must refuse without reading.
// The tests inspect with lstat/stat only where reading would be the mistake (FIFO).
import { describe, expect, it } from '@jest/globals';
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { baitContent } from '../../src/emulator/index.js';
import { ARC_TOKEN_PATH, get, rawHeaderValues, realmOf, useEmulators } from './helpers.js';

const start = useEmulators();

async function challengeRealm(scenario: string) {
  const e = await start({ scenario });
  const reply = await get(e.url, ARC_TOKEN_PATH);
  expect(reply.status).toBe(401);
  return { e, reply, realm: realmOf(reply), tokensDir: e.tokensDir ?? '' };
}

describe('Arc key-file scenarios', () => {
  it('arc-realm-outside: a bait .key file outside the tokens dir', async () => {
    const { e, realm, tokensDir } = await challengeRealm('arc-realm-outside');
    expect(realm.endsWith('.key')).toBe(true);
    expect(realm.startsWith(tokensDir + sep)).toBe(false);
    expect(readFileSync(realm, 'utf8')).toBe(baitContent);
    expect(e.baitPaths).toEqual([realm]);
    expect(e.issuedSecrets).toEqual([]);
  });

  it('arc-not-key: a .txt file inside the tokens dir', async () => {
    const { e, realm, tokensDir } = await challengeRealm('arc-not-key');
    expect(dirname(realm)).toBe(tokensDir);
    expect(realm.endsWith('.txt')).toBe(true);
    expect(e.baitPaths).toEqual([realm]);
  });

  it('arc-oversized-key: a 5000-byte .key file', async () => {
    const { realm, tokensDir } = await challengeRealm('arc-oversized-key');
    expect(dirname(realm)).toBe(tokensDir);
    expect(statSync(realm).size).toBe(5000);
    expect(readFileSync(realm, 'utf8').startsWith(baitContent)).toBe(true);
  });

  it('arc-symlink-escape: a .key symlink in the tokens dir pointing outside', async () => {
    const { e, realm, tokensDir } = await challengeRealm('arc-symlink-escape');
    expect(dirname(realm)).toBe(tokensDir);
    expect(lstatSync(realm).isSymbolicLink()).toBe(true);
    const target = realpathSync(realm);
    expect(target.startsWith(realpathSync(tokensDir) + sep)).toBe(false);
    expect(e.baitPaths.map((p) => realpathSync(p))).toEqual([target]);
    expect(readFileSync(target, 'utf8')).toBe(baitContent);
  });

  it('arc-dotdot: the realm climbs out with ..', async () => {
    const { e, realm, tokensDir } = await challengeRealm('arc-dotdot');
    expect(realm).toBe(`${tokensDir}${sep}..${sep}bait.key`);
    expect(resolve(realm)).toBe(resolve(dirname(tokensDir), 'bait.key'));
    expect(readFileSync(realm, 'utf8')).toBe(baitContent);
    expect(e.baitPaths).toEqual([realm]);
  });

  it('arc-fifo: a FIFO named *.key', async () => {
    const { realm, tokensDir } = await challengeRealm('arc-fifo');
    expect(dirname(realm)).toBe(tokensDir);
    expect(realm.endsWith('.key')).toBe(true);
    expect(lstatSync(realm).isFIFO()).toBe(true);
  });

  it('arc-dir-key: a directory named *.key', async () => {
    const { realm, tokensDir } = await challengeRealm('arc-dir-key');
    expect(dirname(realm)).toBe(tokensDir);
    expect(lstatSync(realm).isDirectory()).toBe(true);
  });

  it('bad-key scenarios never accept the bait as a secret', async () => {
    const { e } = await challengeRealm('arc-realm-outside');
    const reply = await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${baitContent}` });
    expect(reply.status).toBe(401);
    expect(e.issuedTokens).toEqual([]);
  });

  it('removes bait files on close', async () => {
    const paths: string[] = [];
    for (const scenario of ['arc-realm-outside', 'arc-symlink-escape', 'arc-dotdot']) {
      const { e } = await challengeRealm(scenario);
      await e.close();
      paths.push(...e.baitPaths);
    }
    expect(paths).toHaveLength(3);
    for (const path of paths) expect(existsSync(path)).toBe(false);
  });
});

describe('Arc challenge header variants', () => {
  it('arc-quoted-realm: Basic realm="<path>", charset="UTF-8" naming a valid key file', async () => {
    const e = await start({ scenario: 'arc-quoted-realm' });
    const reply = await get(e.url, ARC_TOKEN_PATH);
    const header = rawHeaderValues(reply, 'Www-Authenticate')[0] ?? '';
    const match = /^Basic realm="([^"]+)", charset="UTF-8"$/.exec(header);
    expect(match).not.toBeNull();
    const path = match?.[1] ?? '';
    expect(dirname(path)).toBe(e.tokensDir);
    const ok = await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${readFileSync(path, 'utf8')}` });
    expect(ok.status).toBe(200);
  });

  it('arc-two-challenges: two Www-Authenticate headers, each secret good once', async () => {
    const e = await start({ scenario: 'arc-two-challenges' });
    const reply = await get(e.url, ARC_TOKEN_PATH);
    const values = rawHeaderValues(reply, 'Www-Authenticate');
    expect(values).toHaveLength(2);
    const paths = values.map((v) => v.replace(/^Basic realm=/, ''));
    expect(new Set(paths).size).toBe(2);
    expect(e.issuedSecrets).toHaveLength(2);
    for (const path of paths) {
      const secret = readFileSync(path, 'utf8');
      expect((await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${secret}` })).status).toBe(200);
      expect((await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${secret}` })).status).toBe(401);
    }
  });
});
