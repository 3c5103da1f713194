// The token request over the wire: retries (404, 410, 429, 5xx), one api-version fallback, and whatever the
// mode adds (Arc: the key-file challenge). Every answer's secrets are registered the moment it arrives.
import { offeredVersions, registerTokenSecrets } from '../../imds/answers.js';
import type { ImdsClient } from '../../imds/client.js';
import { TOKEN_PATH } from '../../imds/protocol.js';
import { isArcChallenge } from '../../imds/recognise.js';
import type { ExchangeStep, ModeProfile, TokenExchange } from '../../modes/profile.js';
import type { IdentitySelector } from '../../types.js';

/** What a token request needs: who asks, for which audience and identity, in which mode. */
export interface TokenRequest {
  client: ImdsClient;
  resource: string;
  selector: IdentitySelector | null;
  profile: ModeProfile;
  ctx: ExchangeStep['ctx'];
}

/** The token request's path and query: api-version, resource and the identity selector, if any. */
function tokenPath(request: Pick<TokenRequest, 'resource' | 'selector'>, version: string): string {
  const query = new URLSearchParams({ 'api-version': version, resource: request.resource });
  if (request.selector) query.set(request.selector.kind, request.selector.value);
  return `${TOKEN_PATH}?${query.toString()}`;
}

/** One request whose answer's secrets are registered the moment it arrives. */
const sendOnce = (request: TokenRequest, path: string) =>
  request.client.get(path).then((result) => {
    if (result.kind === 'answer') registerTokenSecrets(result.body, request.ctx);
    return result;
  });

export async function exchangeToken(request: TokenRequest): Promise<TokenExchange> {
  const send = (path: string) => request.client.retried('token', () => sendOnce(request, path));
  let path = tokenPath(request, request.profile.tokenApiVersion);
  let { result, attempts } = await send(path);
  // Older agents refuse newer api-versions and say which they accept: try the newest of those once.
  const offered = result.kind === 'answer' ? offeredVersions(result) : [];
  if (offered[0] && !path.includes(`api-version=${offered[0]}&`)) {
    path = tokenPath(request, offered[0]);
    const second = await send(path);
    result = second.result;
    attempts += second.attempts;
  }
  const first: TokenExchange = {
    result,
    attempts,
    challenged: result.kind === 'answer' && isArcChallenge(result),
  };
  return request.profile.completeTokenExchange(first, { client: request.client, path, ctx: request.ctx });
}

/**
 * One more token request for a sample: a single attempt, never retried (the point is to see the failures
 * retries hide), its api-version kept across samples and following one fallback, the Arc challenge followed.
 */
export function tokenSampler(request: TokenRequest): () => Promise<TokenExchange> {
  let version = request.profile.tokenApiVersion;
  return async () => {
    let path = tokenPath(request, version);
    let result = await sendOnce(request, path);
    const offered = result.kind === 'answer' ? (offeredVersions(result)[0] ?? '') : '';
    if (offered !== '' && offered !== version) {
      version = offered;
      path = tokenPath(request, version);
      result = await sendOnce(request, path);
    }
    const challenged = result.kind === 'answer' && isArcChallenge(result);
    return request.profile.completeTokenExchange(
      { result, attempts: 1, challenged },
      { client: request.client, path, ctx: request.ctx },
    );
  };
}
