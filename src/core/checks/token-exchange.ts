// The token request over the wire: retries (404, 410, 429, 5xx), one api-version fallback, and whatever the
// mode adds (Arc: the key-file challenge). Every answer's secrets are registered the moment it arrives.
import { TOKEN_PATH } from '../endpoints.js';
import { imdsGet, retryDeps } from '../imds-get.js';
import type { TokenExchange } from '../modes/profile.js';
import type { Run } from '../pipeline/run.js';
import { isArcChallenge } from '../recognise.js';
import { withRetry } from '../retry.js';
import { offeredVersions } from './answers.js';
import { registerTokenSecrets } from './token-answer.js';

/** The token request's path and query: api-version, resource and the identity selector, if any. */
export function tokenPath(run: Run, resource: string, version: string): string {
  const query = new URLSearchParams({ 'api-version': version, resource });
  const selector = run.options.selector;
  if (selector) query.set(selector.kind, selector.value);
  return `${TOKEN_PATH}?${query.toString()}`;
}

export async function exchangeToken(run: Run, resource: string): Promise<TokenExchange> {
  const deps = retryDeps(run, 'token');
  const send = (path: string) =>
    withRetry(
      'token',
      async () => {
        const result = await imdsGet(run, 'token', path);
        if (result.kind === 'answer') registerTokenSecrets(result.body, run.ctx);
        return result;
      },
      deps,
    );
  let path = tokenPath(run, resource, run.target.profile.tokenApiVersion);
  let { result, attempts } = await send(path);
  // Older agents refuse newer api-versions and say which they accept: try the newest of those once.
  const offered = result.kind === 'answer' ? offeredVersions(result) : [];
  if (offered[0] && !path.includes(`api-version=${offered[0]}&`)) {
    path = tokenPath(run, resource, offered[0]);
    const second = await send(path);
    result = second.result;
    attempts += second.attempts;
  }
  const first: TokenExchange = {
    result,
    attempts,
    challenged: result.kind === 'answer' && isArcChallenge(result),
  };
  return run.target.profile.completeTokenExchange(run, path, first);
}
