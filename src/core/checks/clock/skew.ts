// The clock skew (local minus Azure) from what the run saw, as bounds that hold for certain:
// - an Azure Monitor answer's Date header: the server read its clock between our send and the answer's arrival,
//   and Date drops the milliseconds, so s lies in [sent − (Date + 1 s), arrival − Date];
// - the token: IMDS hands out a token that is valid at that moment (nbf ≤ Azure's now < exp), so
//   s ≤ arrival − nbf and s ≥ arrival − exp. IMDS caches tokens for hours, so these only bound large skews, and
//   `iat` proves nothing at all.
// Several answers narrow the bounds; when they contradict each other (a server or proxy with its own clock),
// the median of their midpoints is taken, with the widest uncertainty.

export interface DateSample {
  /** Date header in ms since the epoch (whole seconds). */
  dateMs: number;
  /** Local ms when the request was sent and when the answer arrived. */
  sent: number;
  at: number;
}

/** s (ms) lies within [low, high]; either may be infinite. */
export interface Bounds {
  low: number;
  high: number;
}

export const DATE_RESOLUTION_MS = 1000;

export function dateBounds(sample: DateSample): Bounds {
  return { low: sample.sent - sample.dateMs - DATE_RESOLUTION_MS, high: sample.at - sample.dateMs };
}

/**
 * The token's bounds. `receivedAfter` / `receivedBefore`: local times the token arrived after and before (the run's
 * start and this check's start). nbf and exp in seconds since the epoch; null when the token did not say.
 */
export function tokenBounds(
  nbf: number | null,
  exp: number | null,
  receivedAfter: number | null,
  receivedBefore: number,
): Bounds {
  return {
    low: exp !== null && receivedAfter !== null ? receivedAfter - exp * 1000 : -Infinity,
    high: nbf !== null ? receivedBefore - nbf * 1000 : Infinity,
  };
}

export interface SkewEstimate {
  /** ms, local minus Azure. */
  skewMs: number;
  /** ± ms around skewMs that the evidence allows. */
  uncertaintyMs: number;
  /** The smallest |skew| the evidence proves (0 when it allows no skew at all). */
  provenMs: number;
  /** The answers' bounds did not overlap. */
  disagree: boolean;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The smallest |s| within [low, high]. */
export const provenOf = (b: Bounds): number => (b.low > 0 ? b.low : b.high < 0 ? -b.high : 0);

/** From the Date samples; null without any. */
export function estimateFromDates(samples: readonly DateSample[]): SkewEstimate | null {
  if (samples.length === 0) return null;
  const bounds = samples.map(dateBounds);
  const low = Math.max(...bounds.map((b) => b.low));
  const high = Math.min(...bounds.map((b) => b.high));
  if (low <= high)
    return {
      skewMs: (low + high) / 2,
      uncertaintyMs: (high - low) / 2,
      provenMs: provenOf({ low, high }),
      disagree: false,
    };
  const mids = bounds.map((b) => (b.low + b.high) / 2);
  const skewMs = median(mids);
  const uncertaintyMs = Math.max(...mids.map((m) => Math.abs(m - skewMs))) + DATE_RESOLUTION_MS;
  return {
    skewMs,
    uncertaintyMs,
    provenMs: provenOf({ low: skewMs - uncertaintyMs, high: skewMs + uncertaintyMs }),
    disagree: true,
  };
}

/** From the token alone: a number only when it proves a skew (the nearer bound); null otherwise. */
export function estimateFromToken(bounds: Bounds): SkewEstimate | null {
  const proven = provenOf(bounds);
  if (proven === 0 || !Number.isFinite(proven)) return null;
  return {
    skewMs: bounds.low > 0 ? bounds.low : bounds.high,
    uncertaintyMs: 0,
    provenMs: proven,
    disagree: false,
  };
}

/** An HTTP date (IMF-fixdate, RFC 9110 §5.6.7) in ms; null for anything else. */
export function parseHttpDate(value: string): number | null {
  const m =
    /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(
      value.trim(),
    );
  if (!m) return null;
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[2]!) / 3;
  const ms = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isFinite(ms) && new Date(ms).getUTCDate() === Number(m[1]) ? ms : null;
}
