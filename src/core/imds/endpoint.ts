// Endpoint URLs: validating a base URL, telling loopback from remote, and where to connect.

export interface Endpoint {
  /** http://host:port as shown to the user. */
  base: string;
  connectHosts: string[];
  port: number;
  hostHeader: string;
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return LOOPBACK_NAMES.has(h) || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A URL as it may be shown: everything up to its last '@' becomes `***`, so a password never reaches a message
 * whatever characters it holds. A password may carry '/', '?', '#' or '@' unescaped (`http://u:a#b@proxy:3128`),
 * which a URL parser reads as the end of the authority, so the last '@' is where credentials could end; a path
 * or query with an '@' is hidden too, which costs nothing but a less helpful message.
 */
export function withoutUserInfo(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return value;
  const scheme = SCHEME.exec(value)?.[0] ?? '';
  return `${scheme}***@${value.slice(at + 1)}`;
}

/**
 * The user name and password as written (not decoded) in `value`: what lies between the scheme and the last
 * '@', split at its first ':'. Null without an '@'. For masking what a value that is not even a URL may hold.
 */
export function writtenUserInfo(value: string): { user: string; password: string } | null {
  const at = value.lastIndexOf('@');
  if (at < 0) return null;
  const info = value.slice(SCHEME.exec(value)?.[0].length ?? 0, at);
  const colon = info.indexOf(':');
  return colon < 0
    ? { user: info, password: '' }
    : { user: info.slice(0, colon), password: info.slice(colon + 1) };
}

/** decodeURIComponent that answers null for a malformed escape (`%zz`, a lone `%`) instead of throwing. */
export function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** http://host[:port] with nothing after the authority but an optional '/', and no user-info. */
export function validateBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '/' && url.pathname !== '') return null;
  return `${url.protocol}//${url.host}`;
}

/** User-info as a URL parser finds it; for a value that does not parse, any '@' after the scheme. */
export function hasUserInfo(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^@]*@/i.test(value);
  }
}

export function parseEndpoint(base: string): Endpoint {
  const url = new URL(base);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? 80 : Number(url.port);
  // localhost may resolve to ::1 first while HIMDS listens on 127.0.0.1: try IPv4 first, then IPv6.
  const connectHosts = LOOPBACK_NAMES.has(hostname.toLowerCase()) ? ['127.0.0.1', '::1'] : [hostname];
  return { base: `http://${url.host}`, connectHosts, port, hostHeader: url.host };
}
