// startEmulator({ overrides }): any text in every network-derived field and error text, intact on the wire.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { startEmulator, type EmulatorOverrides } from '../../src/emulator/index.js';
import {
  ARC_TOKEN_PATH,
  decodeJwt,
  get,
  INSTANCE_PATH,
  json,
  realmOf,
  TOKEN_PATH,
  useEmulators,
} from './helpers.js';

const start = useEmulators();

/** Hostile text of the kind issue 9 lists: CI commands, controls, bidi, line separators. */
const CORPUS = [
  'vm1 ##vso[task.setvariable variable=EVIL_VAR;isOutput=false]pwned',
  'o ##vso[task.prependpath]./evil-bin',
  'vm1 ##[stop-commands]x',
  'rg"; echo injected; : "',
  '::add-mask::PASS\n::stop-commands::x\r%0A',
  '\u001b[31mred\u0007\u0000nul \u202eevil\u202c \u2028line\u2029 \u0085nel',
];
const ALL = CORPUS.join(' | ');

/** The raw response bytes, read off the socket (HTTP clients trim and decode header values). */
function rawResponse(url: string, path: string): Promise<Buffer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nMetadata: true\r\nConnection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

describe('instance document overrides', () => {
  it('replace compute fields and dotted paths; JSON carries the values intact', async () => {
    const compute = {
      name: CORPUS[0]!,
      resourceGroupName: CORPUS[3]!,
      location: CORPUS[5]!,
      'osProfile.computerName': ALL,
    };
    const e = await start({ overrides: { compute } });
    const doc = json(await get(e.url, INSTANCE_PATH)) as { compute: Record<string, unknown> };
    expect(doc.compute).toMatchObject({ name: CORPUS[0], resourceGroupName: CORPUS[3], location: CORPUS[5] });
    expect((doc.compute.osProfile as Record<string, unknown>).computerName).toBe(ALL);
  });

  it('a format=text leaf carries the raw bytes, controls included', async () => {
    const e = await start({ overrides: { compute: { vmId: CORPUS[5]! } } });
    const reply = await get(e.url, '/metadata/instance/compute/vmId?api-version=2021-02-01&format=text');
    expect(reply.body).toBe(CORPUS[5]);
  });

  it('adds a missing path, and still hides a field newer than the requested version', async () => {
    const e = await start({ overrides: { compute: { resourceId: 'x', 'extra.deep': 'y' } } });
    const at = async (v: string) => json(await get(e.url, `/metadata/instance/compute?api-version=${v}`));
    expect(await at('2021-02-01')).toMatchObject({ resourceId: 'x', extra: { deep: 'y' } });
    expect((await at('2018-10-01')).resourceId).toBeUndefined();
  });

  // Issue 17: `__proto__.x` walked into Object.prototype of the process running the emulator.
  it('paths through __proto__, constructor or prototype make keys of those names, and pollute nothing', async () => {
    const compute = {
      '__proto__.pollutedByOverride': 'p1',
      'constructor.prototype.pollutedByOverride2': 'p2',
      'tagsList.__proto__': 'p3',
      toString: 'p4',
    };
    const e = await start({ overrides: { compute } });
    const probe = {} as Record<string, unknown>;
    expect(probe['pollutedByOverride']).toBeUndefined();
    expect(probe['pollutedByOverride2']).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
    // On the wire, the names are keys like any other (JSON.parse keeps `__proto__` as an own key).
    const doc = json(await get(e.url, '/metadata/instance/compute?api-version=2021-02-01'));
    expect(JSON.parse(JSON.stringify(doc))).toMatchObject({ toString: 'p4' });
    expect(Object.getOwnPropertyDescriptor(doc, '__proto__')?.value).toEqual({ pollutedByOverride: 'p1' });
    expect((doc['constructor'] as Record<string, unknown>)['prototype']).toEqual({
      pollutedByOverride2: 'p2',
    });
    expect(Array.isArray(doc['tagsList'])).toBe(true);
    expect(({} as Record<string, unknown>)['pollutedByOverride']).toBeUndefined();
  });

  it('reaches the attested payload too', async () => {
    const e = await start({ overrides: { compute: { vmId: 'forged-vm-id' } } });
    const body = json(await get(e.url, '/metadata/attested/document?api-version=2021-02-01'));
    expect(Buffer.from(body.signature as string, 'base64').toString('latin1')).toContain(
      '"vmId":"forged-vm-id"',
    );
  });
});

describe('token overrides', () => {
  it('claims replace or add JWT payload fields', async () => {
    const claims = {
      oid: CORPUS[1]!,
      tid: ALL,
      appid: CORPUS[2]!,
      aud: CORPUS[4]!,
      xms_mirid: CORPUS[3]!,
      extra: 'x',
    };
    const e = await start({ overrides: { claims } });
    const payload = decodeJwt(json(await get(e.url, TOKEN_PATH)).access_token as string).payload;
    expect(payload).toMatchObject(claims);
  });

  it.each([['e'], ['line one\nline two\r\nPASS'], [ALL]])(
    'access_token %j goes out as is and is what issuedTokens holds',
    async (token) => {
      const e = await start({
        overrides: { tokenAnswer: { access_token: token, expires_on: CORPUS[5]!, client_id: CORPUS[0]! } },
      });
      const body = json(await get(e.url, TOKEN_PATH));
      expect(body).toMatchObject({
        access_token: token,
        expires_on: CORPUS[5],
        client_id: CORPUS[0],
        token_type: 'Bearer',
      });
      expect(e.issuedTokens).toEqual([token]);
    },
  );

  it('apply on Arc after the challenge as well', async () => {
    const e = await start({ mode: 'arc', overrides: { tokenAnswer: { resource: CORPUS[0]! } } });
    const secret = readFileSync(realmOf(await get(e.url, ARC_TOKEN_PATH)), 'utf8');
    const body = json(await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${secret}` }));
    expect(body.resource).toBe(CORPUS[0]);
  });
});

describe('error text overrides', () => {
  const overrides: EmulatorOverrides = { error: CORPUS[2]!, errorDescription: ALL };

  it('replace error in metadata-shaped bodies and both fields in OAuth-shaped ones', async () => {
    const e = await start({ scenario: 'no-identity', overrides });
    const notFound = await get(e.url, '/metadata/nothing?api-version=2021-02-01');
    expect(json(notFound)).toEqual({ error: CORPUS[2] });
    expect(json(await get(e.url, TOKEN_PATH))).toEqual({ error: CORPUS[2], error_description: ALL });
    const versionless = json(await get(e.url, '/metadata'));
    expect(versionless).toEqual({
      error: CORPUS[2],
      'newest-versions': ['2025-04-07', '2024-07-17', '2024-03-15'],
    });
  });

  it('cover fault answers and the HIMDS challenge, not successes', async () => {
    const vm = await start({ scenario: 'server-error', overrides });
    expect(json(await get(vm.url, TOKEN_PATH))).toEqual({ error: CORPUS[2], error_description: ALL });
    const arc = await start({ mode: 'arc', overrides });
    const challenge = await get(arc.url, ARC_TOKEN_PATH);
    expect([challenge.status, json(challenge)]).toEqual([401, { error: CORPUS[2], error_description: ALL }]);
    expect(json(await get(arc.url, '/metadata/instance?api-version=2020-06-01')).compute).toBeDefined();
  });

  it('arcSupportedText replaces the list after "Supported are "; errorDescription wins over it', async () => {
    const e = await start({ scenario: 'arc-old-api-version', overrides: { arcSupportedText: CORPUS[0]! } });
    expect(json(await get(e.url, ARC_TOKEN_PATH)).error_description).toBe(
      `The api-version not specified. Supported are ${CORPUS[0]!}`,
    );
    const both = await start({
      scenario: 'arc-old-api-version',
      overrides: { arcSupportedText: 'x', errorDescription: 'y' },
    });
    expect(json(await get(both.url, ARC_TOKEN_PATH)).error_description).toBe('y');
  });
});

describe('Arc realm override', () => {
  it('sends any Unicode realm as UTF-8 bytes in the challenge header', async () => {
    const realm = `/var/opt/azcmagent/tokens/../x ##vso[task.complete result=Succeeded;] \u202eyek.\u2028 ü.key\t`;
    const e = await start({ mode: 'arc', overrides: { arcRealm: realm } });
    const wire = await rawResponse(e.url, ARC_TOKEN_PATH);
    expect(wire.includes(Buffer.from(`\r\nWww-Authenticate: Basic realm=${realm}\r\n`, 'utf8'))).toBe(true);
    // A client sees the same text minus the edge whitespace HTTP parsers trim (the trailing tab).
    const reply = await get(e.url, ARC_TOKEN_PATH);
    const raw = reply.rawHeaders[reply.rawHeaders.indexOf('Www-Authenticate') + 1] ?? '';
    expect(Buffer.from(raw, 'latin1').toString('utf8')).toBe(`Basic realm=${realm.trimEnd()}`);
    expect(e.issuedSecrets).toHaveLength(2); // real key files exist; only the realm lies
  });

  it.each(['a\r\nX-Injected: 1', 'a\nb', 'a\u0000b', 'a\u007fb', 'a\u001bb'])(
    'refuses %j at start: HTTP header values cannot carry it',
    async (realm) => {
      await expect(startEmulator({ mode: 'arc', overrides: { arcRealm: realm } })).rejects.toThrow(
        /control character/,
      );
    },
  );
});
