// Name resolution for the AMA check, judged against the private-link expectation. Private means an address a
// private endpoint can have: RFC 1918, the shared 100.64.0.0/10 range, or IPv6 unique-local (fc00::/7).
import net from 'node:net';
import type { Code } from '../../types.js';
import type { PrivateLink } from './ama-inputs.js';

function ipv4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) return ipv4Private(address);
  if (!net.isIPv6(address)) return false;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Private(mapped[1]!);
  return /^f[cd][0-9a-f]{0,2}:/.test(lower);
}

export interface AddressVerdict {
  /** null when nothing resolved. */
  private: boolean | null;
  failure: { code: Code; reason: string } | null;
  /** Said in the host's message when it passes (auto reports which kind it found). */
  note: string;
}

/**
 * Through a proxy, AMA lets the proxy resolve names, so a name the machine cannot resolve is not a failure
 * there, unless private link is required (then the private address must come from this machine's DNS).
 */
export function judgeAddresses(
  addresses: readonly string[],
  privateLink: PrivateLink,
  viaProxy: boolean,
  error = '',
): AddressVerdict {
  if (addresses.length === 0) {
    const why = error ? ` (${error})` : '';
    if (viaProxy && privateLink !== 'true')
      return { private: null, failure: null, note: `not resolved here${why}; the proxy resolves it` };
    return {
      private: null,
      failure: { code: 'ama_dns_failed', reason: `the name did not resolve${why}` },
      note: '',
    };
  }
  const privates = addresses.filter(isPrivateAddress);
  const allPrivate = privates.length === addresses.length;
  const list = addresses.join(', ');
  if (privateLink === 'true' && !allPrivate) {
    const others = addresses.filter((a) => !isPrivateAddress(a)).join(', ');
    return {
      private: false,
      failure: {
        code: 'ama_private_link_public',
        reason: `private link expected, but it resolves to ${others}, which is not a private address`,
      },
      note: '',
    };
  }
  if (privateLink === 'false' && privates.length > 0) {
    return {
      private: allPrivate,
      failure: {
        code: 'ama_private_link_private',
        reason: `resolves to the private address ${privates.join(', ')}`,
      },
      note: '',
    };
  }
  return {
    private: allPrivate,
    failure: null,
    note: `resolves to ${list} (${allPrivate ? 'private' : 'not private'})`,
  };
}
