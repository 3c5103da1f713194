// The Hybrid IMDS key-file challenge, the one step of the token exchange that only Arc has: a 401 with
// `WWW-Authenticate: Basic realm=<key file>`; read the file (only if every rule holds), register its secret,
// send it once to the same loopback origin, never retried.
import { registerTokenSecrets } from '../imds/answers.js';
import { isLoopbackAddress } from '../imds/endpoint.js';
import type { ArcCode } from './arc-codes.js';
import { readArcKey, realmFrom } from './arc-key.js';
import type { ExchangeStep, TokenExchange } from './profile.js';

export async function followChallenge(first: TokenExchange, step: ExchangeStep): Promise<TokenExchange> {
  const { client, path, ctx } = step;
  if (first.result.kind !== 'answer' || first.result.status !== 401) return first;
  const refuse = (code: ArcCode, message: string): TokenExchange => ({
    ...first,
    refusal: { status: 'fail', code, message, attempts: first.attempts, httpStatus: 401, outcome: '401' },
  });
  const realm = realmFrom(first.result);
  if ('code' in realm) return refuse(realm.code, realm.message);
  // The key file proves local access; its secret must never travel to another machine.
  if (!client.endpoint.connectHosts.every(isLoopbackAddress)) {
    return refuse(
      'arc_endpoint_not_loopback',
      `The challenge came from ${client.endpoint.base}, which is not on this machine; the key file was not read.`,
    );
  }
  const key = await readArcKey(realm.path, ctx);
  if (!key.ok) return refuse(key.code, key.message);
  ctx.registerSecret(key.secret);
  const second = await client.get(path, { Authorization: `Basic ${key.secret}` });
  const attempts = first.attempts + 1;
  if (second.kind === 'answer') registerTokenSecrets(second.body, ctx);
  if (second.kind === 'answer' && second.status === 401) {
    return {
      result: second,
      attempts,
      challenged: true,
      refusal: {
        status: 'fail',
        code: 'arc_secret_rejected',
        message: 'Hybrid IMDS answered 401 again after the key-file secret was sent.',
        attempts,
        httpStatus: 401,
        outcome: '401',
      },
    };
  }
  return { result: second, attempts, challenged: true };
}
