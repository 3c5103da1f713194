// Name resolution with a bound that holds whatever the resolver does. Every name the run resolves (Azure
// Monitor hosts, a proxy's host, an endpoint given by name) goes through the run's NameResolver.
//
// Why c-ares (dns.Resolver) and the hosts file, not dns.lookup (getaddrinfo), though AMA itself calls
// getaddrinfo: a getaddrinfo call cannot be cancelled. It holds one of the four threads of libuv's pool until
// the system resolver gives up (resolv.conf's timeout × attempts × servers: 10 s per name and more when DNS is
// black-holed), file writes queue behind it, and Node's exit joins those threads, so even an explicit exit after
// the verdict waits for them (measured: a lookup abandoned after 0.3 s kept the process 10.2 s). Racing a timer
// and capping the calls in flight bounds the verdict, not the step. A c-ares query uses no thread and is
// cancelled at its bound. What getaddrinfo would read besides DNS is mostly the hosts file (nsswitch's `files`,
// first on Linux distributions and where private-link setups map the Azure Monitor names), so the hosts file is
// read first, as `files dns` orders them; other nsswitch sources (mDNS, LDAP, systemd-resolved's LLMNR) are
// not consulted, and the DNS servers are the ones resolv.conf (or Windows) names.
import type { LookupFunction } from 'node:net';
import net from 'node:net';

export interface Address {
  address: string;
  family: 4 | 6;
}

export interface Looked {
  /** Distinct; the hosts file's order, or IPv4 then IPv6 from DNS. */
  addresses: Address[];
  /** Why nothing came back (ENOTFOUND, EAI_AGAIN, `timed out`), '' when addresses did. */
  error: string;
}

/** Host name (lower case, no trailing dot) → its addresses in the hosts file. */
export type HostsTable = ReadonlyMap<string, readonly Address[]>;

const key = (host: string): string => host.toLowerCase().replace(/\.$/, '');

/** `address name alias…` lines; `#` starts a comment; lines whose first field is not an IP are skipped. */
export function parseHosts(text: string): HostsTable {
  const table = new Map<string, Address[]>();
  for (const raw of text.split(/\r?\n/)) {
    const [address = '', ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    const family = net.isIP(address.replace(/%.*$/, ''));
    if (family !== 4 && family !== 6) continue;
    for (const name of names) {
      const list = table.get(key(name)) ?? [];
      if (!list.some((a) => a.address === address)) list.push({ address, family });
      table.set(key(name), list);
    }
  }
  return table;
}

/** One DNS query by c-ares, cancelled at `timeoutMs`: the addresses, or why there are none. */
export type DnsQuery = (
  host: string,
  family: 4 | 6,
  timeoutMs: number,
) => Promise<string[] | { code: string }>;

/**
 * c-ares over the system's DNS servers, or `servers` (tests: a server on loopback). node:dns (and c-ares) is
 * loaded on the first query: a check of IMDS by address resolves nothing, and start-up is what it pays for.
 */
export const caresQueryVia =
  (servers?: string[]): DnsQuery =>
  async (host, family, timeoutMs) => {
    const { Resolver } = await import('node:dns'); // a built-in: about a millisecond, once
    // Short tries, so a second server (or a resent query) fits in the bound; the cancel enforces the bound.
    const perTry = Math.min(2_000, Math.max(250, Math.round(timeoutMs / 4)));
    const resolver = new Resolver({ timeout: perTry, tries: 3 });
    if (servers) resolver.setServers(servers);
    return new Promise((done) => {
      const timer = setTimeout(() => resolver.cancel(), Math.max(0, timeoutMs));
      const answered = (err: NodeJS.ErrnoException | null, addresses: string[]): void => {
        clearTimeout(timer);
        done(err ? { code: err.code ?? 'EUNKNOWN' } : addresses);
      };
      if (family === 4) resolver.resolve4(host, answered);
      else resolver.resolve6(host, answered);
    });
  };

export const caresQuery: DnsQuery = caresQueryVia();

/** c-ares codes in the words getaddrinfo users know: a server that failed or refused is EAI_AGAIN. */
function errorWord(codes: string[]): string {
  if (codes.some((c) => c === 'ECANCELLED' || c === 'ETIMEOUT')) return 'timed out';
  if (codes.every((c) => c === 'ENODATA')) return 'no address';
  if (codes.includes('ENOTFOUND')) return 'ENOTFOUND';
  if (codes.some((c) => ['ESERVFAIL', 'ECONNREFUSED', 'EREFUSED', 'ENODATA'].includes(c))) return 'EAI_AGAIN';
  return codes.find((c) => /^[A-Z_]{2,30}$/.test(c)) ?? 'lookup failed';
}

export interface NameResolver {
  /** The addresses of `host` (family 0: both): the hosts file, else DNS, within `timeoutMs`. */
  lookup(host: string, timeoutMs: number, family?: 0 | 4 | 6): Promise<Looked>;
  /** A `lookup` for net.connect and http.request bounded by `timeoutMs` (the connection's own bound). */
  netLookup(timeoutMs: number): LookupFunction;
}

/** `hosts`: read once, on the first name that is not an IP address; `query` is replaced in tests only. */
export function nameResolver(hosts: () => Promise<HostsTable>, query: DnsQuery = caresQuery): NameResolver {
  let table: Promise<HostsTable> | null = null;
  const lookup = async (host: string, timeoutMs: number, family: 0 | 4 | 6 = 0): Promise<Looked> => {
    const literal = net.isIP(host);
    if (literal === 4 || literal === 6) return { addresses: [{ address: host, family: literal }], error: '' };
    table ??= hosts().catch(() => new Map());
    const listed = (await table).get(key(host));
    if (listed) {
      const addresses = listed.filter((a) => family === 0 || a.family === family);
      return { addresses, error: addresses.length > 0 ? '' : 'no address' };
    }
    const families: (4 | 6)[] = family === 0 ? [4, 6] : [family];
    const answers = await Promise.all(families.map((f) => query(host, f, timeoutMs)));
    const addresses = answers.flatMap((answer, i) =>
      Array.isArray(answer) ? [...new Set(answer)].map((address) => ({ address, family: families[i]! })) : [],
    );
    if (addresses.length > 0) return { addresses, error: '' };
    return { addresses, error: errorWord(answers.map((a) => (Array.isArray(a) ? 'ENODATA' : a.code))) };
  };
  const netLookup =
    (timeoutMs: number): LookupFunction =>
    (hostname, options, callback) => {
      const family = options.family === 4 || options.family === 6 ? options.family : 0;
      void lookup(hostname, timeoutMs, family).then(({ addresses, error }) => {
        if (error !== '') {
          const code = error === 'timed out' ? 'ETIMEDOUT' : error === 'no address' ? 'ENOTFOUND' : error;
          callback(Object.assign(new Error(`lookup ${hostname}: ${error}`), { code, hostname }), '');
        } else if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
  return { lookup, netLookup };
}

/** The platform's hosts file: Windows keeps it under SystemRoot (a plain drive path only, as for sc.exe). */
export function hostsFilePath(platform: string, env: Readonly<Record<string, string | undefined>>): string {
  if (platform !== 'win32') return '/etc/hosts';
  const root = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? '';
  const windows = /^[A-Za-z]:\\[^;"%<>|?*\r\n]*$/.test(root) ? root.replace(/\\+$/, '') : 'C:\\Windows';
  return `${windows}\\System32\\drivers\\etc\\hosts`;
}
