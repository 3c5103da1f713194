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

/**
 * A URL as it may be shown: any user-info becomes `***`, so a password never reaches a message. A value without
 * a scheme keeps only what follows its last '@', which is where credentials would end.
 */
export function withoutUserInfo(value: string): string {
  const withScheme = value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || !value.includes('@')) return withScheme;
  return `***@${value.slice(value.lastIndexOf('@') + 1)}`;
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

export function hasUserInfo(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(value);
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
