// What differs between an Azure VM (IMDS) and an Azure Arc-enabled server (Hybrid IMDS). The checks ask the
// run's profile; they never branch on the mode themselves.
import type { RuntimeContext } from '../context.js';
import type { Budget } from '../imds/budget.js';
import type { ImdsClient } from '../imds/client.js';
import type { HttpResult } from '../imds/http.js';
import type { Code, IdentitySelector, Mode, Remedy, Verdict } from '../types.js';

/** The token request as far as the transport goes: the last answer, how many requests it took. */
export interface TokenExchange {
  result: HttpResult;
  attempts: number;
  /** The first answer was the Hybrid IMDS key-file challenge. */
  challenged: boolean;
  /** Set when the mode could not complete the exchange (e.g. a refused challenge realm). */
  refusal?: Verdict;
}

/** What the mode's step of the token exchange may use: the client, the path asked, and local files. */
export interface ExchangeStep {
  client: ImdsClient;
  path: string;
  ctx: Pick<RuntimeContext, 'fs' | 'platform' | 'arcTokensDir' | 'registerSecret'>;
}

export interface ModeProfile {
  mode: Mode;
  /** 'IMDS' or 'Hybrid IMDS', as messages name it. */
  service: string;
  /** The endpoint when the endpoint input is empty, with a reason when the environment's choice was refused. */
  defaultEndpoint(ctx: RuntimeContext): { base: string; problem: string | null };
  metadataApiVersion: string;
  tokenApiVersion: string;
  /** Hosts NO_PROXY must cover so other programs reach the service directly. */
  bypassHosts: readonly string[];
  /** VM IMDS sends `Server: IMDS/…`; its absence is worth a note. */
  notesMissingServerHeader: boolean;
  /** After the first token answer: Arc follows the key-file challenge; a VM has nothing more to do. */
  completeTokenExchange(first: TokenExchange, step: ExchangeStep): Promise<TokenExchange>;
  /** A token without the challenge is suspicious on Arc. */
  requiresChallenge: boolean;
  /** Does the answer prove it is the user-assigned identity asked for? (Arc: legacy agents ignore selectors.) */
  confirmsIdentity(selector: IdentitySelector, token: string, json: Record<string, unknown>): boolean;
  /** One sentence on the service's state for a refused connection ('' when unknown). */
  serviceState(
    ctx: Pick<RuntimeContext, 'diagnostics' | 'platform' | 'env' | 'fs'>,
    budget: Budget,
  ): Promise<string>;
  /** Advice for a failed reachability or token check when the job runs in a container ('' when none). */
  containerHint(marker: string): string;
  remedies: Partial<Record<Code, Remedy>>;
}
