// The Hybrid IMDS key-file challenge, the one step of the token exchange that only Arc has: a 401 with
// `WWW-Authenticate: Basic realm=<key file>`; read the file (only if every rule holds), register its secret,
// send it once to the same loopback origin, never retried.
import { registerTokenSecrets } from '../checks/token-answer.js';
import { isLoopbackAddress } from '../endpoint.js';
import { imdsGet } from '../imds-get.js';
import type { Code } from '../codes.js';
import type { Run } from '../pipeline/run.js';
import { readArcKey, realmFrom } from './arc-key.js';
import type { TokenExchange } from './profile.js';

export async function followChallenge(run: Run, path: string, first: TokenExchange): Promise<TokenExchange> {
  if (first.result.kind !== 'answer' || first.result.status !== 401) return first;
  const refuse = (code: Code, message: string): TokenExchange => ({
    ...first,
    refusal: { status: 'fail', code, message, attempts: first.attempts, httpStatus: 401, outcome: '401' },
  });
  const realm = realmFrom(first.result);
  if ('code' in realm) return refuse(realm.code, realm.message);
  // The key file proves local access; its secret must never travel to another machine.
  if (!run.target.endpoint.connectHosts.every(isLoopbackAddress)) {
    return refuse(
      'arc_endpoint_not_loopback',
      `The challenge came from ${run.target.endpoint.base}, which is not on this machine; the key file was not read.`,
    );
  }
  const key = await readArcKey(realm.path, run.ctx);
  if (!key.ok) return refuse(key.code, key.message);
  run.ctx.registerSecret(key.secret);
  const second = await imdsGet(run, 'token', path, { Authorization: `Basic ${key.secret}` });
  const attempts = first.attempts + 1;
  if (second.kind === 'answer') registerTokenSecrets(second.body, run.ctx);
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
