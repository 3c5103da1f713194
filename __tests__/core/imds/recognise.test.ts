import type { HttpAnswer } from '../../../src/core/imds/http.js';
import {
  hasImdsServerHeader,
  isArcChallenge,
  parseJsonObject,
  recognise,
} from '../../../src/core/imds/recognise.js';
import { answer, json } from '../../helpers/answers.js';

const metadataShape = (j: Record<string, unknown>) =>
  typeof j['compute'] === 'object' && j['compute'] !== null;
const IMDS_SERVER = { Server: 'IMDS/150.870.65.1475' };

function verdict(a: HttpAnswer): string {
  const r = recognise(a, metadataShape);
  return r.imds ? 'imds' : r.code;
}

const cases: [string, HttpAnswer, string][] = [
  // IMDS JSON, success and error
  ['instance document', json(200, { compute: { vmId: 'v' }, network: {} }, IMDS_SERVER), 'imds'],
  ['instance document without Server header', json(200, { compute: { vmId: 'v' } }), 'imds'],
  [
    '400 api-version error',
    json(400, { error: 'Bad request. api-version is invalid', 'newest-versions': ['2023-07-01'] }),
    'imds',
  ],
  ['404 error', json(404, { error: 'Not found' }), 'imds'],
  [
    '400 token error',
    json(400, { error: 'invalid_request', error_description: 'Identity not found' }),
    'imds',
  ],
  ['500 error', json(500, { error: 'Internal error' }), 'imds'],
  ['429 error', json(429, { error: 'Too many requests' }), 'imds'],
  // HTML: content type, or sniffed from the body
  [
    'HTML by content-type',
    answer(200, 'hello', { 'Content-Type': 'text/html; charset=utf-8' }),
    'not_imds_html',
  ],
  [
    'HTML doctype, no content type',
    answer(200, '<!DOCTYPE html><html><body>portal</body></html>'),
    'not_imds_html',
  ],
  ['HTML tag after whitespace', answer(200, '\n  <html><head></head></html>'), 'not_imds_html'],
  ['HTML 404 page', answer(404, '<html>Not Found</html>', { 'content-type': 'text/html' }), 'not_imds_html'],
  // proxies and gateways
  ['502 plain text', answer(502, 'Bad Gateway', { 'content-type': 'text/plain' }), 'not_imds_proxy'],
  ['504 plain text', answer(504, 'Gateway Timeout'), 'not_imds_proxy'],
  ['502 empty body', answer(502, ''), 'not_imds_proxy'],
  ['502 non-IMDS JSON', json(502, { message: 'cannotconnect' }), 'not_imds_proxy'],
  [
    '502 HTML error page from a proxy',
    answer(502, '<html><body>ERROR: cannot connect</body></html>', { 'content-type': 'text/html' }),
    'not_imds_proxy',
  ],
  ['407', answer(407, '', { 'Proxy-Authenticate': 'Basic realm="proxy"' }), 'not_imds_proxy'],
  ['407 with HTML page', answer(407, '<html>auth</html>', { 'content-type': 'text/html' }), 'not_imds_proxy'],
  [
    '400 Fail to directly connect',
    answer(400, 'Fail to directly connect with 169.254.169.254'),
    'not_imds_proxy',
  ],
  [
    '400 Fail to directly connect (HTML)',
    answer(400, '<html>Fail to directly connect</html>', { 'content-type': 'text/html' }),
    'not_imds_proxy',
  ],
  // container runtime
  [
    '403 unreachable network',
    answer(403, 'A socket operation was attempted to an unreachable network.'),
    'not_imds_container_runtime',
  ],
  // wrong shapes
  ['200 JSON of another service', json(200, { instanceId: 'i-123', region: 'us-east-1' }), 'not_imds_answer'],
  ['200 JSON array', answer(200, '[1,2]', { 'content-type': 'application/json' }), 'not_imds_answer'],
  ['404 JSON without error', json(404, { message: 'nope' }), 'not_imds_answer'],
  ['200 plain text', answer(200, 'ok'), 'not_imds_answer'],
  ['200 empty', answer(200, ''), 'not_imds_answer'],
  ['403 plain text', answer(403, 'Forbidden'), 'not_imds_answer'],
  // Arc
  [
    'Arc 401 challenge',
    answer(401, '', { 'Www-Authenticate': 'Basic realm=/var/opt/azcmagent/tokens/a.key' }),
    'imds',
  ],
  [
    'Arc 401 challenge, lower-case scheme',
    answer(401, '', { 'www-authenticate': 'basic realm=C:\\x.key' }),
    'imds',
  ],
  [
    'Arc 401 challenge with JSON error body',
    json(401, { error: 'unauthorized' }, { 'WWW-Authenticate': 'Basic realm=/x.key' }),
    'imds',
  ],
  [
    'HIMDS "Supported are" text',
    answer(400, 'The api-version not specified. Supported are 2021-02-01 2020-06-01 2019-11-01'),
    'imds',
  ],
  // Server: IMDS is supporting evidence only: it alone does not make a non-JSON body an IMDS answer (§3.1).
  ['non-JSON body with Server: IMDS', answer(404, 'Not found', IMDS_SERVER), 'not_imds_answer'],
  [
    'non-JSON body with another Server',
    answer(404, 'Not found', { Server: 'nginx/1.25' }),
    'not_imds_answer',
  ],
];

describe('recognise', () => {
  it.each(cases.map(([label, a, expected]) => [`${label} → ${expected}`, a, expected] as const))(
    '%s',
    (_, a, expected) => {
      expect(verdict(a)).toBe(expected);
    },
  );

  it('reports the Server: IMDS header when present', () => {
    const r = recognise(json(200, { compute: { vmId: 'v' } }, IMDS_SERVER), metadataShape);
    expect(r).toMatchObject({ imds: true, serverHeader: true });
    const without = recognise(json(200, { compute: { vmId: 'v' } }), metadataShape);
    expect(without).toMatchObject({ imds: true, serverHeader: false });
  });

  it('says what answered instead, with the status', () => {
    const r = recognise(answer(502, 'Bad Gateway'), metadataShape);
    expect(r.imds).toBe(false);
    if (!r.imds) expect(r.what).toContain('502');
  });

  it('returns the parsed JSON for the checks to use', () => {
    const r = recognise(json(400, { error: 'x', 'newest-versions': ['2023-07-01'] }), metadataShape);
    expect(r.json).toEqual({ error: 'x', 'newest-versions': ['2023-07-01'] });
  });
});

describe('hasImdsServerHeader', () => {
  it.each([
    ['IMDS/150.870.65.1475', true],
    ['IMDS/1', true],
    [' IMDS/150.870.65.1475 ', true],
    ['IMDS', false],
    ['Microsoft-IIS/10.0', false],
    ['IMDS/x', false],
    ['NOT-IMDS/1.0', false],
  ])('%j → %s', (server, expected) => {
    expect(hasImdsServerHeader(answer(200, '', { Server: server }))).toBe(expected);
  });
});

describe('isArcChallenge', () => {
  it.each<[number, Record<string, string | string[]>, boolean]>([
    [401, { 'WWW-Authenticate': 'Basic realm=/var/opt/azcmagent/tokens/a.key' }, true],
    [401, { 'WWW-Authenticate': ['Bearer', 'Basic realm=/a.key'] }, true],
    [401, {}, false],
    [401, { 'WWW-Authenticate': 'Bearer realm=x' }, false],
    [403, { 'WWW-Authenticate': 'Basic realm=/a.key' }, false],
  ])('%i %j → %s', (status, headers, expected) => {
    expect(isArcChallenge(answer(status, '', headers))).toBe(expected);
  });
});

describe('parseJsonObject', () => {
  it.each<[string, unknown]>([
    ['{"a":1}', { a: 1 }],
    ['[]', null],
    ['null', null],
    ['"x"', null],
    ['12', null],
    ['{bad', null],
    ['', null],
  ])('%j → %j', (body, expected) => {
    expect(parseJsonObject(body)).toEqual(expected);
  });
});
