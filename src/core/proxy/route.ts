// The one proxy model: a proxy URL (the ama-proxy input, or HTTPS_PROXY for Azure Monitor traffic) parsed once into
// a ProxyRoute, with the secrets it carries. Parsing returns the secrets; whoever parsed masks them before anything
// could print them (the doors for an input, the engine for the environment). IMDS never goes through a proxy.
import { decodedOrNull, writtenUserInfo } from '../imds/endpoint.js';
import { isPlausibleSecret } from '../shapes.js';

export interface ProxyRoute {
  /** `http://host:port`, never with credentials. */
  display: string;
  host: string;
  port: number;
  /** The Proxy-Authorization value, or null without credentials. */
  authorization: string | null;
  /** `ama-proxy`, `https_proxy` or `HTTPS_PROXY`. */
  source: string;
}

export type ParsedProxy =
  { ok: true; route: ProxyRoute; secrets: string[] } | { ok: false; problem: string; secrets: string[] };

/**
 * `strict` (an input): `http://[user:password@]host:port` with nothing after the port but `/`. Otherwise (an
 * environment variable, as curl and AMA read it): the scheme may be left out and a path is ignored.
 */
export function parseProxy(value: string, source: string, strict: boolean): ParsedProxy {
  // The password as written is masked whatever it looks like, even in a value that is no URL at all (an
  // unescaped '#' or '/' in it ends the authority for a URL parser), and whether or not it decodes.
  const written = writtenUserInfo(value)?.password ?? '';
  const writtenSecrets = [written, decodedOrNull(written) ?? ''].filter((s) => s !== '');
  let url: URL;
  try {
    url = new URL(strict || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return { ok: false, problem: `${source} is not a URL`, secrets: writtenSecrets };
  }
  const username = decodedOrNull(url.username);
  const password = decodedOrNull(url.password);
  if (username === null || password === null)
    return {
      ok: false,
      problem: `${source} has a '%' that starts no escape in its user name or password (write % as %25)`,
      secrets: [...writtenSecrets, url.password],
    };
  const credentials = username !== '' || password !== '' ? `${username}:${password}` : '';
  const basic = credentials ? Buffer.from(credentials, 'utf8').toString('base64') : '';
  // The password is masked whatever it looks like; the Basic value only when plausible as a secret.
  const secrets = [
    ...new Set([password, ...writtenSecrets, url.password, isPlausibleSecret(basic) ? basic : '']),
  ].filter((s) => s !== '');
  if (url.protocol !== 'http:')
    return {
      ok: false,
      problem: `${source} uses ${url.protocol.replace(':', '')}; AMA supports http:// proxies`,
      secrets,
    };
  if (strict && ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash))
    return { ok: false, problem: `${source} has a path, query or fragment`, secrets };
  const route: ProxyRoute = {
    display: `http://${url.host}`,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 80 : Number(url.port),
    authorization: basic ? `Basic ${basic}` : null,
    source,
  };
  return { ok: true, route, secrets };
}
