// judgeToken without sockets (issue 11 split the token check into an exchange and a pure judge), with the
// rules of issue 9: only a JWT passes, a claim without its shape warns but the token is still returned.
import { judgeToken, type TokenFacts } from '../../../../src/core/checks/token/token-judge.js';
import type { TokenExchange } from '../../../../src/core/modes/profile.js';
import { arcProfile } from '../../../../src/core/modes/arc.js';
import { vmProfile } from '../../../../src/core/modes/vm.js';
import type { IdentitySelector } from '../../../../src/core/types.js';
import { answer, failure, json } from '../../../helpers/answers.js';
import { fakeJwt } from '../../../helpers/jwt-factory.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const IN_AN_HOUR = Math.floor(NOW / 1000) + 3600;
const OID = 'f2c8a4fc-0c41-49c9-aaf5-5957830c3cb5';
const TID = '8dcece74-f736-4b23-a91d-56792cc59fa7';
const APP = 'c8665819-4f36-48db-be77-b7daf276cd97';
const AUD = 'https://management.azure.com/';
const TOKEN = fakeJwt({ aud: AUD, oid: OID, tid: TID, appid: APP, exp: IN_AN_HOUR });

const tokenBody = (over: Record<string, unknown> = {}) => ({
  access_token: TOKEN,
  expires_on: String(IN_AN_HOUR),
  resource: AUD,
  token_type: 'Bearer',
  ...over,
});

function facts(over: Partial<TokenFacts> = {}, selector: IdentitySelector | null = null): TokenFacts {
  return {
    options: { identity: selector ? 'user' : 'system', selector },
    profile: vmProfile,
    resource: AUD,
    now: NOW,
    ...over,
  };
}

const exchange = (result: TokenExchange['result'], over: Partial<TokenExchange> = {}): TokenExchange => ({
  result,
  attempts: 1,
  challenged: false,
  ...over,
});

describe('judgeToken: a good answer', () => {
  it('passes a JWT with a future expiry, returns it and the identity facts', () => {
    const j = judgeToken(exchange(json(200, tokenBody())), facts());
    expect(j.verdict).toMatchObject({
      status: 'pass',
      code: 'ok',
      httpStatus: 200,
      outcome: '200',
      attempts: 1,
    });
    expect(j.verdict.message).toContain(`principal ${OID}`);
    expect(j.verdict.message).toContain('in 60 min');
    expect(j.verdict.message).not.toContain(TOKEN);
    expect(j.accessToken).toBe(TOKEN);
    expect(j.identity).toMatchObject({
      kind: 'system',
      principalId: OID,
      tenantId: TID,
      appId: APP,
      audience: AUD,
      expiresOn: '2026-01-15T13:00:00Z',
      tokenType: 'Bearer',
    });
    expect(j.recognition).toMatchObject({ imds: true });
  });

  it('says how many attempts it took', () => {
    const j = judgeToken(exchange(json(200, tokenBody()), { attempts: 3 }), facts());
    expect(j.verdict.attempts).toBe(3);
    expect(j.verdict.message).toContain('after 3 attempts');
  });
});

describe('judgeToken: a token is a JWT or it is not a token (issue 9)', () => {
  it.each([
    ['"e"', 'e'],
    ['a word', 'PASS'],
    ['two segments', 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0'],
    ['a multi-line value', `${TOKEN}\nPASS`],
    ['a JWT with a space', `${TOKEN} PASS`],
    ['three segments whose payload is not JSON', 'abc.def.ghi'],
    ['a hostile command', '##vso[task.setvariable variable=X]1'],
  ])('%s fails token_not_jwt, returns no token and never shows it', (_, value) => {
    const j = judgeToken(exchange(json(200, tokenBody({ access_token: value }))), facts());
    expect(j.verdict).toMatchObject({
      status: 'fail',
      code: 'token_not_jwt',
      httpStatus: 200,
      outcome: '200',
    });
    expect(j.accessToken).toBeNull();
    expect(j.identity).toBeNull();
    // A fixed sentence: nothing of the value is shown, whatever it holds.
    expect(j.verdict.message).toBe(
      'GET /metadata/identity/oauth2/token answered 200 with an access_token that is not a JWT; it was not used.',
    );
  });

  it('an empty access_token is not a token answer at all', () => {
    const j = judgeToken(exchange(json(200, tokenBody({ access_token: '' }))), facts());
    expect(j.verdict).toMatchObject({ status: 'fail', code: 'token_bad_shape' });
    expect(j.accessToken).toBeNull();
  });
});

describe('judgeToken: claims that would become outputs (issue 9)', () => {
  it.each([
    ['oid', { oid: 'o ##vso[task.prependpath]./evil-bin' }],
    ['tid', { tid: 'tenant; rm -rf' }],
    ['appid', { appid: '$(id)' }],
  ])('%s without the GUID shape warns token_claim_rejected; the token is still returned', (claim, bad) => {
    const token = fakeJwt({ aud: AUD, oid: OID, tid: TID, appid: APP, exp: IN_AN_HOUR, ...bad });
    const j = judgeToken(exchange(json(200, tokenBody({ access_token: token }))), facts());
    expect(j.verdict).toMatchObject({ status: 'warn', code: 'token_claim_rejected', httpStatus: 200 });
    expect(j.verdict.message).toMatch(new RegExp(`not GUIDs: ${claim}\\.$`));
    expect(j.accessToken).toBe(token);
    // The raw claim stays in the identity facts for the report; outputs and renderers gate and neutralise it.
    expect(Object.values(j.identity!)).toContain(Object.values(bad)[0]);
  });

  it('a token without oid/tid/appid claims passes (nothing to reject)', () => {
    const token = fakeJwt({ aud: AUD, exp: IN_AN_HOUR });
    const j = judgeToken(exchange(json(200, tokenBody({ access_token: token }))), facts());
    expect(j.verdict.status).toBe('pass');
  });
});

describe('judgeToken: expiry', () => {
  it('an expired token fails token_expired', () => {
    const body = tokenBody({ expires_on: String(Math.floor(NOW / 1000) - 1) });
    const j = judgeToken(exchange(json(200, body)), facts());
    expect(j.verdict).toMatchObject({ status: 'fail', code: 'token_expired' });
    expect(j.accessToken).toBeNull();
  });

  it('no readable expiry anywhere fails token_bad_shape', () => {
    const token = fakeJwt({ aud: AUD, oid: OID });
    const j = judgeToken(exchange(json(200, { access_token: token, expires_on: 'soon' })), facts());
    expect(j.verdict).toMatchObject({ status: 'fail', code: 'token_bad_shape' });
    expect(j.accessToken).toBeNull();
  });

  it('falls back to the exp claim when expires_on is absent', () => {
    const j = judgeToken(exchange(json(200, { access_token: TOKEN })), facts());
    expect(j.verdict.status).toBe('pass');
    expect(j.identity!.expiresOn).toBe('2026-01-15T13:00:00Z');
  });
});

describe('judgeToken: errors and what answered', () => {
  it('a transport failure keeps its code and socket word', () => {
    const j = judgeToken(exchange(failure('connection_reset', 'ECONNRESET'), { attempts: 2 }), facts());
    expect(j.verdict).toMatchObject({
      status: 'fail',
      code: 'connection_reset',
      outcome: 'reset',
      attempts: 2,
    });
    expect(j.recognition).toBeNull();
  });

  it.each([
    ['Identity not found', 'token_identity_not_found'],
    ['Multiple user assigned identities exist, please specify one', 'token_multiple_identities'],
    ['AADSTS500011: resource principal not found', 'token_invalid_resource'],
    ['Required metadata header not specified', 'token_header_rejected'],
    ['something else', 'token_bad_request'],
  ])('400 %j → %s, the selector named', (description, code) => {
    const selector: IdentitySelector = { kind: 'client_id', value: APP };
    const j = judgeToken(
      exchange(json(400, { error: 'invalid_request', error_description: description })),
      facts({}, selector),
    );
    expect(j.verdict).toMatchObject({ status: 'fail', code, httpStatus: 400, outcome: '400' });
    expect(j.verdict.message).toContain(`for client_id=${APP}`);
    expect(j.verdict.message).toContain(description);
  });

  it('an HTML page is not a token answer', () => {
    const j = judgeToken(
      exchange(answer(200, '<html>portal</html>', { 'content-type': 'text/html' })),
      facts(),
    );
    expect(j.verdict).toMatchObject({ status: 'fail', code: 'not_imds_html' });
  });

  it('a 200 that is not JSON is a broken token answer', () => {
    const j = judgeToken(exchange(answer(200, 'access_token=abc')), facts());
    expect(j.verdict).toMatchObject({ status: 'fail', code: 'token_bad_json' });
    expect(j.accessToken).toBeNull();
  });

  it('a 200 JSON object without access_token fails token_bad_shape', () => {
    const j = judgeToken(exchange(json(200, { token: 'x' })), facts());
    expect(j.verdict).toMatchObject({ status: 'fail', code: 'token_bad_shape' });
  });
});

describe('judgeToken: Arc rules through the mode profile', () => {
  it('Arc: a token without the key-file challenge fails arc_expected_challenge', () => {
    const j = judgeToken(exchange(json(200, tokenBody())), facts({ profile: arcProfile }));
    expect(j.verdict).toMatchObject({ status: 'fail', code: 'arc_expected_challenge' });
    expect(j.accessToken).toBeNull();
  });

  it('Arc: the same token after the challenge passes', () => {
    const j = judgeToken(
      exchange(json(200, tokenBody()), { challenged: true, attempts: 2 }),
      facts({ profile: arcProfile }),
    );
    expect(j.verdict).toMatchObject({ status: 'pass', code: 'ok' });
    expect(j.accessToken).toBe(TOKEN);
  });

  it('a refusal from the mode (e.g. a refused realm) is the verdict as given', () => {
    const refusal = {
      status: 'fail' as const,
      code: 'arc_key_hard_link' as const,
      message: 'refused',
      attempts: 1,
      httpStatus: 401,
      outcome: '401' as const,
    };
    const challenge = answer(401, '', { 'www-authenticate': 'Basic realm=/var/opt/azcmagent/tokens/a.key' });
    const j = judgeToken(exchange(challenge, { refusal }), facts({ profile: arcProfile }));
    expect(j.verdict).toEqual(refusal);
    expect(j.accessToken).toBeNull();
  });

  describe('VM mode answered by Hybrid IMDS (issue 21)', () => {
    const HOSTILE_REALM = '/var/opt/azcmagent/tokens/##vso[task.setvariable variable=X]1.key';
    const challenge = (realm: string) =>
      json(
        401,
        { error: 'unauthorized', error_description: 'Present the key file named by the realm.' },
        {
          'www-authenticate': `Basic realm=${realm}`,
        },
      );

    it.each([
      ['a plain realm', 'Basic realm=/var/opt/azcmagent/tokens/a.key'],
      ['a quoted realm with a charset', 'Basic realm="/var/opt/azcmagent/tokens/a.key", charset="UTF-8"'],
      ['a hostile realm', `Basic realm=${HOSTILE_REALM}`],
    ])(
      'the key-file challenge with %s is token_arc_challenge_in_vm_mode, the realm never in the message',
      (_, value) => {
        const answered = answer(401, '', { 'www-authenticate': value });
        const j = judgeToken(exchange(answered, { challenged: true }), facts());
        expect(j.verdict).toMatchObject({
          status: 'fail',
          code: 'token_arc_challenge_in_vm_mode',
          httpStatus: 401,
          outcome: '401',
        });
        expect(j.verdict.message).toMatch(/Hybrid IMDS \(Azure Arc\) answered, but this run is in VM mode/);
        expect(j.verdict.message).not.toMatch(/realm=|azcmagent|\.key|##vso/);
        expect(j.accessToken).toBeNull();
      },
    );

    it('says how many attempts it took and keeps the error body out of the message', () => {
      const j = judgeToken(exchange(challenge(HOSTILE_REALM), { attempts: 2 }), facts());
      expect(j.verdict.code).toBe('token_arc_challenge_in_vm_mode');
      expect(j.verdict.message).toContain('after 2 attempts');
      expect(j.verdict.message).not.toContain('Present the key file');
    });

    it('a 401 that is not the Basic-realm challenge stays token_unexpected_status', () => {
      const bearer = answer(401, '{"error":"unauthorized"}', { 'www-authenticate': 'Bearer realm=x' });
      expect(judgeToken(exchange(bearer), facts()).verdict.code).toBe('token_unexpected_status');
      expect(judgeToken(exchange(answer(401, '{"error":"x"}')), facts()).verdict.code).toBe(
        'token_unexpected_status',
      );
    });

    it("in Arc mode the same challenge is the mode's business, not this code", () => {
      const j = judgeToken(
        exchange(challenge('/var/opt/azcmagent/tokens/a.key')),
        facts({ profile: arcProfile }),
      );
      expect(j.verdict.code).not.toBe('token_arc_challenge_in_vm_mode');
    });
  });

  it('a stub profile decides whether the answer confirms the user-assigned identity', () => {
    const selector: IdentitySelector = { kind: 'client_id', value: APP };
    const seen: Array<[IdentitySelector, string]> = [];
    const stub = (confirms: boolean) => ({
      requiresChallenge: false,
      confirmsIdentity: (s: IdentitySelector, token: string) => {
        seen.push([s, token]);
        return confirms;
      },
    });
    const refused = judgeToken(exchange(json(200, tokenBody())), facts({ profile: stub(false) }, selector));
    expect(refused.verdict).toMatchObject({ status: 'fail', code: 'arc_user_identity_unconfirmed' });
    expect(refused.verdict.message).toContain(`client_id=${APP}`);
    expect(refused.accessToken).toBeNull();
    const confirmed = judgeToken(exchange(json(200, tokenBody())), facts({ profile: stub(true) }, selector));
    expect(confirmed.verdict.status).toBe('pass');
    expect(confirmed.verdict.message).toContain(`user-assigned identity client_id=${APP}`);
    expect(seen).toEqual([
      [selector, TOKEN],
      [selector, TOKEN],
    ]);
  });

  it('the Arc profile confirms by the echoed selector or the matching claim only', () => {
    const selector: IdentitySelector = { kind: 'object_id', value: OID.toUpperCase() };
    const other = fakeJwt({ oid: TID, exp: IN_AN_HOUR });
    expect(arcProfile.confirmsIdentity(selector, TOKEN, {})).toBe(true);
    expect(arcProfile.confirmsIdentity(selector, other, { object_id: OID })).toBe(true);
    expect(arcProfile.confirmsIdentity(selector, other, {})).toBe(false);
    expect(vmProfile.confirmsIdentity(selector, other, {})).toBe(true);
  });
});
