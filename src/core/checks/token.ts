// The token check: GET /metadata/identity/oauth2/token for the chosen identity, with retries (404, 410, 429,
// 5xx), the Arc key-file challenge, and the identity facts. The token is registered as a secret the moment it
// is seen and is returned to the caller separately from the report.
import { ARC_TOKEN_API_VERSION, TOKEN_PATH, VM_TOKEN_API_VERSION } from '../endpoints.js';
import type { HttpResult } from '../http.js';
import { finishCheck, isLoopbackAddress, sendGet, type CheckEnd, type ProbeRun } from '../probe-context.js';
import { isArcChallenge, recognise, type Recognition } from '../recognise.js';
import { withRetry } from '../retry.js';
import { describeFailure, failureCode, failureOutcome } from '../transport.js';
import type { CheckResult, IdentityFacts } from '../types.js';
import { errorText, offeredVersions } from './answers.js';
import { readArcKey, realmFrom } from './arc-key.js';
import {
  confirmsSelector,
  identityFacts,
  registerTokenSecrets,
  selectorText,
  tokenStatusCode,
} from './token-answer.js';

export interface TokenFinding {
  check: CheckResult;
  recognition: Recognition | null;
  identity: IdentityFacts | null;
  accessToken: string | null;
}

function tokenPath(run: ProbeRun, resource: string, version: string): string {
  const query = new URLSearchParams({ 'api-version': version, resource });
  const selector = run.options.selector;
  if (selector) query.set(selector.kind, selector.value);
  return `${TOKEN_PATH}?${query.toString()}`;
}

interface Exchange {
  result: HttpResult;
  attempts: number;
  /** Set when the Arc challenge could not be followed. */
  refusal?: CheckEnd;
}

async function arcChallenge(run: ProbeRun, path: string, first: Exchange): Promise<Exchange> {
  if (first.result.kind !== 'answer' || first.result.status !== 401) return first;
  const realm = realmFrom(first.result);
  const fail = (code: CheckEnd['code'], message: string): Exchange => ({
    ...first,
    refusal: { status: 'fail', code, message, attempts: first.attempts, httpStatus: 401, outcome: '401' },
  });
  if ('code' in realm) return fail(realm.code, realm.message);
  // The key file proves local access; its secret must never travel to another machine.
  if (!run.endpoint.connectHosts.every(isLoopbackAddress)) {
    return fail(
      'arc_endpoint_not_loopback',
      `The challenge came from ${run.endpoint.base}, which is not on this machine; the key file was not read.`,
    );
  }
  const key = await readArcKey(realm.path, run.ctx);
  if (!key.ok) return fail(key.code, key.message);
  run.ctx.registerSecret(key.secret);
  // The secret is single-use: one request, to the same origin, never retried.
  const second = await sendGet(run, path, { Authorization: `Basic ${key.secret}` });
  if (second.kind === 'answer' && second.status === 401) {
    registerTokenSecrets(second.body, run.ctx);
    return {
      result: second,
      attempts: first.attempts + 1,
      refusal: {
        status: 'fail',
        code: 'arc_secret_rejected',
        message: 'Hybrid IMDS answered 401 again after the key-file secret was sent.',
        attempts: first.attempts + 1,
        httpStatus: 401,
        outcome: '401',
      },
    };
  }
  return { result: second, attempts: first.attempts + 1 };
}

export async function tokenCheck(run: ProbeRun, resource: string): Promise<TokenFinding> {
  const startedAt = run.ctx.clock.now();
  const deps = { clock: run.ctx.clock, random: run.ctx.random, budget: run.budget };
  let path = tokenPath(run, resource, run.mode === 'arc' ? ARC_TOKEN_API_VERSION : VM_TOKEN_API_VERSION);
  let exchange: Exchange = await withRetry('token', () => sendGet(run, path), deps);
  // Older agents refuse newer api-versions and say which they accept: try the newest of those once.
  const offered = exchange.result.kind === 'answer' ? offeredVersions(exchange.result) : [];
  if (offered[0] && !path.includes(`api-version=${offered[0]}&`)) {
    path = tokenPath(run, resource, offered[0]);
    const second = await withRetry('token', () => sendGet(run, path), deps);
    exchange = { result: second.result, attempts: exchange.attempts + second.attempts };
  }
  const firstWasChallenge = exchange.result.kind === 'answer' && isArcChallenge(exchange.result);
  if (run.mode === 'arc') exchange = await arcChallenge(run, path, exchange);
  const { result, attempts } = exchange;
  const done = (
    end: CheckEnd,
    recognition: Recognition | null,
    identity: IdentityFacts | null = null,
    accessToken: string | null = null,
  ): TokenFinding => ({
    check: finishCheck(run, 'token', startedAt, { attempts, ...end }),
    recognition,
    identity,
    accessToken,
  });
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  if (result.kind === 'failure') {
    return done(
      {
        status: 'fail',
        code: failureCode(result),
        message: `GET ${TOKEN_PATH} failed${tries}: ${describeFailure(result)}.`,
        httpStatus: result.status,
        outcome: failureOutcome(result),
      },
      null,
    );
  }
  // Any token in any answer is a secret from this moment on, whatever we decide about the answer.
  const accessToken = registerTokenSecrets(result.body, run.ctx);
  const recognition = recognise(
    result,
    (json) => typeof json['access_token'] === 'string' && json['access_token'] !== '',
  );
  const answered = { httpStatus: result.status, outcome: String(result.status) };
  if (exchange.refusal) return done(exchange.refusal, { imds: true, json: null, serverHeader: false });
  if (!recognition.imds) {
    const code =
      result.status === 200 && recognition.code === 'not_imds_answer'
        ? recognition.json
          ? 'token_bad_shape'
          : 'token_bad_json'
        : recognition.code;
    return done(
      {
        status: 'fail',
        code,
        message: `GET ${TOKEN_PATH}: ${recognition.what}${tries}, not a token answer.`,
        ...answered,
      },
      recognition,
    );
  }
  if (run.mode === 'arc' && result.status === 200 && !firstWasChallenge) {
    return done(
      {
        status: 'fail',
        code: 'arc_expected_challenge',
        message: 'The token endpoint returned a token without the Hybrid IMDS key-file challenge.',
        ...answered,
      },
      recognition,
    );
  }
  if (result.status !== 200) {
    const who = run.options.selector ? ` for ${selectorText(run.options.selector)}` : '';
    return done(
      {
        status: 'fail',
        code: tokenStatusCode(result),
        message: `Token request${who} answered ${result.status}${tries}: ${errorText(result) || 'no error text'}.`,
        ...answered,
      },
      recognition,
    );
  }
  if (recognition.json === null) {
    return done(
      {
        status: 'fail',
        code: 'token_bad_json',
        message: `GET ${TOKEN_PATH} answered 200${tries} but the body is not valid JSON.`,
        ...answered,
      },
      recognition,
    );
  }
  const json = recognition.json;
  const now = run.ctx.clock.now();
  const identity = identityFacts(run.options, accessToken ?? '', json, now);
  if (identity.expiresOn === '') {
    return done(
      {
        status: 'fail',
        code: 'token_bad_shape',
        message: 'The token answer has no readable expires_on.',
        ...answered,
      },
      recognition,
      identity,
    );
  }
  if (Date.parse(identity.expiresOn) <= now) {
    return done(
      {
        status: 'fail',
        code: 'token_expired',
        message: `IMDS returned a token that expired at ${identity.expiresOn}.`,
        ...answered,
      },
      recognition,
      identity,
    );
  }
  const selector = run.options.selector;
  if (run.mode === 'arc' && selector && !confirmsSelector(selector, accessToken ?? '', json)) {
    return done(
      {
        status: 'fail',
        code: 'arc_user_identity_unconfirmed',
        message: `The token answer does not confirm ${selectorText(selector)} (principal ${identity.principalId || 'unknown'}, app ${identity.appId || 'unknown'}).`,
        ...answered,
      },
      recognition,
      identity,
    );
  }
  const minutes = Math.round((Date.parse(identity.expiresOn) - now) / 60_000);
  const who = selector ? `user-assigned identity ${selectorText(selector)}` : 'system-assigned identity';
  const principal = identity.principalId ? ` (principal ${identity.principalId})` : '';
  return done(
    {
      status: 'pass',
      code: 'ok',
      message: `Token for ${identity.audience || resource} issued to the ${who}${principal}${tries}; expires ${identity.expiresOn} (in ${minutes} min).`,
      ...answered,
    },
    recognition,
    identity,
    accessToken,
  );
}
