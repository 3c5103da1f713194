// HIMDS token flow: no Authorization → 401 + Www-Authenticate: Basic realm=<key file>; the key file's content
// sent back as `Authorization: Basic <secret>` → the token. Secrets are single use.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from './state.js';
import { redeemSecret, writeBadKey, writeSecretFile } from './arc-files.js';
import { oauthError, sendJson } from './respond.js';
import { answerToken, selectorRefusedBeforeChallenge } from './token.js';
import { utf8HeaderValue } from './overrides.js';

/** Header name as HIMDS spells it (the Arc docs grep for this spelling). */
export const CHALLENGE_HEADER = 'Www-Authenticate';

/**
 * Body of the challenge. Real HIMDS sends the 401 as `Content-Type: application/json` (azure-identity debug
 * log in MSAL Python issue #812); msal-node JSON-parses every answer, so an empty body breaks it. The text
 * itself has not been published, so this wording is the emulator's own.
 */
export const CHALLENGE_BODY = oauthError(
  'unauthorized',
  'Present the content of the key file named by the realm as Basic credentials',
);

function realm(state: EmulatorState, path: string): string {
  return state.overrides.arcRealm ?? state.arcRealmPath(path);
}

function challengeValues(state: EmulatorState): string[] {
  const variant = state.spec.arcKey ?? 'normal';
  switch (variant) {
    case 'normal':
      return [`Basic realm=${realm(state, writeSecretFile(state))}`];
    case 'quoted':
      return [`Basic realm="${realm(state, writeSecretFile(state))}", charset="UTF-8"`];
    case 'two':
      return [
        `Basic realm=${realm(state, writeSecretFile(state))}`,
        `Basic realm=${realm(state, writeSecretFile(state))}`,
      ];
    default:
      return [`Basic realm=${realm(state, writeBadKey(state, variant))}`];
  }
}

function presentedSecret(header: string): string | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function handleArcToken(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  query: Record<string, string>,
): void {
  const authorization = req.headers.authorization;
  if (authorization === undefined) {
    const refused = selectorRefusedBeforeChallenge(state, query);
    if (refused !== undefined) return sendJson(state, res, 400, refused);
    const values = challengeValues(state).map(utf8HeaderValue);
    sendJson(state, res, 401, CHALLENGE_BODY, {
      [CHALLENGE_HEADER]: values.length === 1 ? (values[0] ?? '') : values,
    });
    return;
  }
  const secret = presentedSecret(authorization);
  const accepted = secret !== undefined && redeemSecret(state, secret) && !state.spec.rejectSecret;
  if (!accepted) {
    // No new challenge file: a wrong or reused secret is an error, not a new round.
    sendJson(
      state,
      res,
      401,
      oauthError('unauthorized_client', 'The secret in the Authorization header is not valid'),
    );
    return;
  }
  const answer = answerToken(state, query);
  sendJson(state, res, answer.status, answer.body);
}
