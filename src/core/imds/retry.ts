// Retry policy after Microsoft's managed-identity guidance: metadata retries 410, 429 and 5xx; token requests
// also 404. Transport hiccups after the connection was proven are retried too. Exponential backoff with jitter,
// Retry-After honoured, and never a wait that would run past the deadline.
import type { Budget } from './budget.js';
import { isRetriedFailure } from './failures.js';
import { header, type HttpResult } from './http.js';
import { recognise } from './recognise.js';
import type { Clock } from '../context.js';

export type RequestKind = 'metadata' | 'token';

const MAX_ATTEMPTS = 8;
// A transport failure after the connection was proven is retried once: more only delays the diagnosis.
const MAX_TRANSPORT_ATTEMPTS = 2;
const GONE_WINDOW_MS = 70_000;
const MAX_GONE_ATTEMPTS = 20;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 16_000;
// During an IMDS update, poll about every 10 s (as Microsoft's clients do) rather than backing off further.
const GONE_MAX_DELAY_MS = 10_000;

export function isRetryable(kind: RequestKind, result: HttpResult): boolean {
  if (result.kind === 'failure') return isRetriedFailure(result.failure);
  const s = result.status;
  // A proxy's or gateway's 5xx page is not IMDS being busy: retrying it only delays the diagnosis. Any other
  // 5xx (JSON, or plain text as Hybrid IMDS may send) is retried.
  if (s >= 500) {
    const seen = recognise(result, () => false);
    return seen.imds || (seen.code !== 'not_imds_proxy' && seen.code !== 'not_imds_html');
  }
  return s === 410 || s === 429 || (kind === 'token' && s === 404);
}

/** Seconds or an HTTP date, as the header allows; null when absent or unreadable. */
export function retryAfterMs(value: string, now: number): number | null {
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // Only an IMF-fixdate (e.g. "Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would accept "1.5" as a date.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(v)) return null;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Delay before attempt n+1 after n attempts: 0.5–1.0 × 1 s·2^(n-1), at least 1 s for 5xx, or Retry-After. */
export function retryDelayMs(
  attemptsSoFar: number,
  result: HttpResult,
  random: () => number,
  now: number,
): number {
  if (result.kind === 'answer') {
    const hinted = retryAfterMs(header(result, 'retry-after'), now);
    if (hinted !== null && (result.status === 429 || result.status === 503)) return hinted;
  }
  const cap = result.kind === 'answer' && result.status === 410 ? GONE_MAX_DELAY_MS : MAX_DELAY_MS;
  const base = Math.min(cap, BASE_DELAY_MS * 2 ** Math.max(0, attemptsSoFar - 1));
  const jittered = base / 2 + random() * (base / 2);
  return result.kind === 'answer' && result.status >= 500 ? Math.max(1_000, jittered) : jittered;
}

export interface RetryDeps {
  clock: Clock;
  random: () => number;
  budget: Budget;
  /** Told before each retry delay: what came back, which attempt comes next, and how long the wait is. */
  onWait?(result: HttpResult, nextAttempt: number, delayMs: number): void;
}

const STATUS_REASONS: Readonly<Record<number, string>> = {
  404: 'updating',
  410: 'updating',
  429: 'throttled',
};

/** Why a retry happens, in status words: `HTTP 410 (IMDS updating)`, `HTTP 429 (throttled)`, `no answer (reset)`. */
export function waitReason(result: HttpResult, service: string): string {
  if (result.kind === 'failure') return `no answer (${result.failure.replace(/_/g, ' ')})`;
  const why = STATUS_REASONS[result.status] ?? (result.status >= 500 ? 'server error' : 'retryable');
  return `HTTP ${result.status} (${why === 'updating' ? `${service} updating` : why})`;
}

export async function withRetry(
  kind: RequestKind,
  send: () => Promise<HttpResult>,
  deps: RetryDeps,
): Promise<{ result: HttpResult; attempts: number }> {
  let attempts = 0;
  let firstGoneAt: number | null = null;
  for (;;) {
    const result = await send();
    attempts += 1;
    if (!isRetryable(kind, result)) return { result, attempts };
    // 410 means "IMDS is updating, back within 70 s": keep trying for that window, not for a fixed count.
    const gone = result.kind === 'answer' && result.status === 410;
    if (gone && firstGoneAt === null) firstGoneAt = deps.clock.now();
    const limit =
      result.kind === 'failure' ? MAX_TRANSPORT_ATTEMPTS : gone ? MAX_GONE_ATTEMPTS : MAX_ATTEMPTS;
    if (attempts >= limit) return { result, attempts };
    if (gone && firstGoneAt !== null && deps.clock.now() - firstGoneAt >= GONE_WINDOW_MS)
      return { result, attempts };
    const delay = retryDelayMs(attempts, result, deps.random, deps.clock.now());
    // A wait that leaves no time for the next attempt is pointless: report what we have.
    if (delay + 250 >= deps.budget.remaining()) return { result, attempts };
    deps.onWait?.(result, attempts + 1, delay);
    await deps.clock.sleep(delay);
  }
}
