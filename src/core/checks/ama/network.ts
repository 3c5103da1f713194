// How the AMA check finds and reaches a host: the system resolver (as the agent uses it) and port 443. Tests
// replace this through RuntimeContext.amaNetwork, which only code can set (no input, no environment variable).
import dns from 'node:dns';
import type { AmaNetwork, RuntimeContext } from '../../context.js';

const systemNetwork: AmaNetwork = {
  async resolve(host) {
    const found = await dns.promises.lookup(host, { all: true, verbatim: true });
    return found.map((a) => a.address);
  },
  port: () => 443,
};

export const networkOf = (ctx: RuntimeContext): AmaNetwork => ctx.amaNetwork ?? systemNetwork;

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
  const lookup = network.resolve(host).then(
    (addresses): Resolved => ({
      addresses: [...new Set(addresses)],
      error: addresses.length ? '' : 'no address',
    }),
    (err: unknown): Resolved => {
      const code = (err as { code?: unknown } | null)?.code;
      return {
        addresses: [],
        error: typeof code === 'string' && /^[A-Z_]{2,30}$/.test(code) ? code : 'lookup failed',
      };
    },
  );
  try {
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
