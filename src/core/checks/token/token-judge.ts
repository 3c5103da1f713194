// Judging the final token answer, without sockets: which code and message, the identity facts the report may
// show, and the token handed back for expose-token (only a JWT that passed). Secrets were registered by the
// exchange the moment the answer arrived.
import { errorText } from '../../imds/answers.js';
import { describeFailure, failureOutcome } from '../../imds/failures.js';
import { readClaims, type TokenClaims } from '../../imds/jwt.js';
import { TOKEN_PATH } from '../../imds/protocol.js';
import { isArcChallenge, recognise, type Recognition } from '../../imds/recognise.js';
import type { ModeProfile, TokenExchange } from '../../modes/profile.js';
import { isGuid, isJwt } from '../../shapes.js';
import type { Code, IdentityFacts, ProbeOptions, Verdict } from '../../types.js';
import { identityFacts, selectorText, tokenStatusCode } from './token-answer.js';

/** A judged token answer: the verdict, what answered, the identity facts, and the token when it passed. */
export interface JudgedToken {
  verdict: Verdict;
  recognition: Recognition | null;
  identity: IdentityFacts | null;
  /** The claims of the token that came back (read, not verified); null without one. */
  claims: TokenClaims | null;
  accessToken: string | null;
}

export interface TokenFacts {
  options: Pick<ProbeOptions, 'identity' | 'selector'>;
  profile: Pick<ModeProfile, 'requiresChallenge' | 'confirmsIdentity'>;
  /** The audience asked for, shown when the token does not name one. */
  resource: string;
  now: number;
}

const hasAccessToken = (json: Record<string, unknown>): boolean =>
  typeof json['access_token'] === 'string' && json['access_token'] !== '';

/** Claims that become outputs must be GUIDs; the others are only shown (neutralised). */
function rejectedClaims(identity: IdentityFacts): string[] {
  const claims: Array<[string, string]> = [
    ['oid', identity.principalId],
    ['tid', identity.tenantId],
    ['appid', identity.appId],
  ];
  return claims.filter(([, value]) => value !== '' && !isGuid(value)).map(([name]) => name);
}

export function judgeToken(exchange: TokenExchange, facts: TokenFacts): JudgedToken {
  const { result, attempts } = exchange;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const verdict = (
    end: Verdict,
    recognition: Recognition | null,
    identity: IdentityFacts | null = null,
    accessToken: string | null = null,
  ): JudgedToken => ({
    verdict: { attempts, ...end },
    recognition,
    identity,
    claims: accessToken ? readClaims(accessToken) : null,
    accessToken,
  });
  if (result.kind === 'failure') {
    return verdict(
      {
        status: 'fail',
        code: result.failure,
        message: `GET ${TOKEN_PATH} failed${tries}: ${describeFailure(result)}.`,
        httpStatus: result.status,
        outcome: failureOutcome(result),
      },
      null,
    );
  }
  const recognition = recognise(result, hasAccessToken);
  const answered = { httpStatus: result.status, outcome: `${result.status}` as const };
  const failed = (code: Code, message: string, identity: IdentityFacts | null = null): JudgedToken =>
    verdict({ status: 'fail', code, message, ...answered }, recognition, identity);
  if (exchange.refusal) return verdict(exchange.refusal, { imds: true, json: null, serverHeader: false });
  if (!recognition.imds) {
    const broken = result.status === 200 && recognition.code === 'not_imds_answer';
    const code = !broken ? recognition.code : recognition.json ? 'token_bad_shape' : 'token_bad_json';
    return failed(code, `GET ${TOKEN_PATH}: ${recognition.what}${tries}, not a token answer.`);
  }
  // Hybrid IMDS answered a run in VM mode: its realm names a local path, which VM mode never reads or shows.
  if (!facts.profile.requiresChallenge && isArcChallenge(result)) {
    return failed(
      'token_arc_challenge_in_vm_mode',
      `Token request answered 401 with the Hybrid IMDS key-file challenge${tries}: Hybrid IMDS (Azure Arc) answered, but this run is in VM mode.`,
    );
  }
  if (facts.profile.requiresChallenge && result.status === 200 && !exchange.challenged) {
    return failed(
      'arc_expected_challenge',
      'The token endpoint returned a token without the Hybrid IMDS key-file challenge.',
    );
  }
  if (result.status !== 200) {
    const who = facts.options.selector ? ` for ${selectorText(facts.options.selector)}` : '';
    return failed(
      tokenStatusCode(result),
      `Token request${who} answered ${result.status}${tries}: ${errorText(result) || 'no error text'}.`,
    );
  }
  const json = recognition.json;
  if (json === null)
    return failed('token_bad_json', `GET ${TOKEN_PATH} answered 200${tries} but the body is not valid JSON.`);
  const token = json['access_token'] as string;
  if (!isJwt(token)) {
    return failed(
      'token_not_jwt',
      `GET ${TOKEN_PATH} answered 200${tries} with an access_token that is not a JWT; it was not used.`,
    );
  }
  const identity = identityFacts(facts.options, token, json, facts.now);
  if (identity.expiresOn === '')
    return failed('token_bad_shape', 'The token answer has no readable expires_on.', identity);
  const expiresAt = Date.parse(identity.expiresOn);
  if (expiresAt <= facts.now) {
    return failed('token_expired', `IMDS returned a token that expired at ${identity.expiresOn}.`, identity);
  }
  const selector = facts.options.selector;
  if (selector && !facts.profile.confirmsIdentity(selector, token, json)) {
    return failed(
      'arc_user_identity_unconfirmed',
      `The token answer does not confirm ${selectorText(selector)} (principal ${identity.principalId || 'unknown'}, app ${identity.appId || 'unknown'}).`,
      identity,
    );
  }
  const minutes = Math.round((expiresAt - facts.now) / 60_000);
  const who = selector ? `user-assigned identity ${selectorText(selector)}` : 'system-assigned identity';
  const principal = identity.principalId ? ` (principal ${identity.principalId})` : '';
  const issued = `Token for ${identity.audience || facts.resource} issued to the ${who}${principal}${tries}; expires ${identity.expiresOn} (in ${minutes} min).`;
  const rejected = rejectedClaims(identity);
  if (rejected.length > 0) {
    return verdict(
      {
        status: 'warn',
        code: 'token_claim_rejected',
        message: `${issued} Not used as outputs, as they are not GUIDs: ${rejected.join(', ')}.`,
        ...answered,
      },
      recognition,
      identity,
      token,
    );
  }
  return verdict({ status: 'pass', code: 'ok', message: issued, ...answered }, recognition, identity, token);
}
