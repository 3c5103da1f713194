// How the AMA check finds and reaches a host: the system resolver (as the agent uses it, bounded: see
// imds/lookup.ts) and port 443. Tests replace this through RuntimeContext.amaNetwork, which only code can set (no
// input, no environment variable).
import type { LookupFunction } from 'node:net';
import net from 'node:net';
import type { AmaNetwork } from '../../context.js';
import type { NameResolver } from '../../imds/lookup.js';
import type { Run } from '../../pipeline/run-state.js';

const systemNetwork = (names: NameResolver): AmaNetwork => ({
  async resolve(host, timeoutMs = 5_000) {
    const looked = await names.lookup(host, timeoutMs);
    if (looked.error !== '' && looked.error !== 'no address')
      throw Object.assign(new Error(looked.error), { code: looked.error });
    return looked.addresses.map((a) => a.address);
  },
  port: () => 443,
});

export const networkOf = (run: Pick<Run, 'ctx' | 'names'>): AmaNetwork =>
  run.ctx.amaNetwork ?? systemNetwork(run.names);

/** A net `lookup` over the network's resolver (a proxy given by name), bounded by `timeoutMs`. */
export function lookupThrough(network: AmaNetwork, timeoutMs: number): LookupFunction {
  return (hostname, options, callback) => {
    void resolveWithin(network, hostname, timeoutMs).then(({ addresses, error }) => {
      const found = addresses
        .map((address) => ({ address, family: net.isIP(address) }))
        .filter((a) => (options.family !== 4 && options.family !== 6 ? true : a.family === options.family));
      if (found.length === 0) {
        const code = error === 'timed out' ? 'ETIMEDOUT' : /^[A-Z_]{2,30}$/.test(error) ? error : 'ENOTFOUND';
        callback(
          Object.assign(new Error(`lookup ${hostname}: ${error || 'no address'}`), { code, hostname }),
          '',
        );
      } else if (options.all) callback(null, found);
      else callback(null, found[0]!.address, found[0]!.family);
    });
  };
}

export interface Resolved {
  addresses: string[];
  /** Why nothing came back (ENOTFOUND, EAI_AGAIN, `timed out`), '' when addresses did. */
  error: string;
}

/** The host's addresses, distinct, in resolver order; none when the lookup fails or outlasts the bound. */
export async function resolveWithin(network: AmaNetwork, host: string, timeoutMs: number): Promise<Resolved> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Resolved>((resolve) => {
    timer = setTimeout(() => resolve({ addresses: [], error: 'timed out' }), Math.max(0, timeoutMs));
  });
  const lookup = network.resolve(host, timeoutMs).then(
    (addresses): Resolved => ({
      addresses: [...new Set(addresses)],
      error: addresses.length ? '' : 'no address',
    }),
    (err: unknown): Resolved => {
      const code = (err as { code?: unknown } | null)?.code;
      const known = typeof code === 'string' && (/^[A-Z_]{2,30}$/.test(code) || code === 'timed out');
      return { addresses: [], error: known ? code : 'lookup failed' };
    },
  );
  try {
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
