"use strict";
exports.id = 845;
exports.ids = [845];
exports.modules = {

/***/ 4845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FAIL_ABOVE_MS: () => (/* binding */ FAIL_ABOVE_MS),
  WARN_ABOVE_MS: () => (/* binding */ WARN_ABOVE_MS),
  judgeClock: () => (/* binding */ judgeClock)
});

// EXTERNAL MODULE: ./src/core/pipeline/check.ts
var check = __webpack_require__(5790);
;// CONCATENATED MODULE: ./src/core/checks/clock/skew.ts
// The clock skew (local minus Azure) from what the run saw, as bounds that hold for certain:
// - an Azure Monitor answer's Date header: the server read its clock between our send and the answer's arrival,
//   and Date drops the milliseconds, so s lies in [sent − (Date + 1 s), arrival − Date];
// - the token: IMDS hands out a token that is valid at that moment (nbf ≤ Azure's now < exp), so
//   s ≤ arrival − nbf and s ≥ arrival − exp. IMDS caches tokens for hours, so these only bound large skews, and
//   `iat` proves nothing at all.
// Several answers narrow the bounds; when they contradict each other (a server or proxy with its own clock),
// the median of their midpoints is taken, with the widest uncertainty.
const DATE_RESOLUTION_MS = 1000;
function dateBounds(sample) {
    return { low: sample.sent - sample.dateMs - DATE_RESOLUTION_MS, high: sample.at - sample.dateMs };
}
/**
 * The token's bounds. `receivedAfter` / `receivedBefore`: local times the token arrived after and before (the run's
 * start and this check's start). nbf and exp in seconds since the epoch; null when the token did not say.
 */
function tokenBounds(nbf, exp, receivedAfter, receivedBefore) {
    return {
        low: exp !== null && receivedAfter !== null ? receivedAfter - exp * 1000 : -Infinity,
        high: nbf !== null ? receivedBefore - nbf * 1000 : Infinity,
    };
}
const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The smallest |s| within [low, high]. */
const provenOf = (b) => (b.low > 0 ? b.low : b.high < 0 ? -b.high : 0);
/** From the Date samples; null without any. */
function estimateFromDates(samples) {
    if (samples.length === 0)
        return null;
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
function estimateFromToken(bounds) {
    const proven = provenOf(bounds);
    if (proven === 0 || !Number.isFinite(proven))
        return null;
    return {
        skewMs: bounds.low > 0 ? bounds.low : bounds.high,
        uncertaintyMs: 0,
        provenMs: proven,
        disagree: false,
    };
}
/** An HTTP date (IMF-fixdate, RFC 9110 §5.6.7) in ms; null for anything else. */
function parseHttpDate(value) {
    const m = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(value.trim());
    if (!m)
        return null;
    const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[2]) / 3;
    const ms = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
    return Number.isFinite(ms) && new Date(ms).getUTCDate() === Number(m[1]) ? ms : null;
}

;// CONCATENATED MODULE: ./src/core/checks/clock/clock-run.ts
// The clock check's judgement, loaded only when the check runs: the skew from the Azure Monitor answers' Date
// headers, or from the token's nbf and exp, judged against 60 s (warn) and 300 s (fail).


const WARN_ABOVE_MS = 60_000;
const FAIL_ABOVE_MS = 300_000;
const iso = (ms) => new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
/** Date samples of the answers that came from Azure (a host that failed as "not Azure" does not count). */
function dateSamples(findings) {
    const ama = findings.ama;
    if (!ama)
        return [];
    const notAzure = new Set(ama.hosts.filter((h) => h.code === 'ama_not_azure_answer').map((h) => h.host));
    return ama.answers.flatMap((a) => {
        const dateMs = parseHttpDate(a.date);
        return dateMs === null || notAzure.has(a.host) ? [] : [{ dateMs, sent: a.sent, at: a.at }];
    });
}
/** The token's nbf and exp (exp from expires_on when the token itself was not kept, as for token_expired). */
function tokenTimes(findings) {
    const token = findings.token;
    const claims = token?.claims ?? null;
    const expiresOn = token?.identity?.expiresOn ? Date.parse(token.identity.expiresOn) : NaN;
    return {
        nbf: claims?.nbf ?? null,
        exp: claims?.exp ?? (Number.isFinite(expiresOn) ? expiresOn / 1000 : null),
    };
}
/** When this run started: its budget began then (unknown once it ran out). */
function runStart(run, now) {
    const remaining = run.budget.remaining();
    return remaining > 0 ? now + remaining - run.options.timeoutSeconds * 1000 : null;
}
function judged(estimate, source, now) {
    const seconds = Math.round(estimate.skewMs / 1000);
    const way = estimate.skewMs > 0 ? 'ahead of' : 'behind';
    const exact = estimate.uncertaintyMs > 0;
    const amount = exact
        ? `${Math.abs(seconds)} s ${way} Azure (± ${Math.max(1, Math.round(estimate.uncertaintyMs / 1000))} s)`
        : `at least ${Math.abs(seconds)} s ${way} Azure`;
    const times = `local ${iso(now)} when Azure's clock said ${iso(now - estimate.skewMs)}`;
    const disagree = estimate.disagree ? '; the answers disagree with each other, so the median was taken' : '';
    const data = {
        skewSeconds: seconds,
        uncertaintySeconds: Math.round(estimate.uncertaintyMs / 1000),
        source,
    };
    const base = {
        data,
        details: [
            {
                title: 'Clock',
                columns: ['Local', 'Azure', 'Skew', 'From'],
                rows: [[iso(now), iso(now - estimate.skewMs), `${seconds} s`, source]],
            },
        ],
    };
    if (estimate.provenMs > FAIL_ABOVE_MS)
        return {
            status: 'fail',
            code: 'clock_skew',
            message: `The local clock is ${amount}, beyond the 5 minutes Entra ID and TLS tolerate: ${times} (${source}${disagree}).`,
            ...base,
        };
    if (estimate.provenMs > WARN_ABOVE_MS)
        return {
            status: 'warn',
            code: 'clock_skew',
            message: `The local clock is ${amount}: ${times} (${source}${disagree}). Above 5 minutes tokens and certificates fail.`,
            ...base,
        };
    return {
        status: 'pass',
        code: 'ok',
        message: `The local clock agrees with Azure: ${seconds} s (± ${Math.max(1, Math.round(estimate.uncertaintyMs / 1000))} s, ${source}${disagree}).`,
        ...base,
    };
}
async function judgeClock(run, findings, clockCheck) {
    const now = run.ctx.clock.now();
    const samples = dateSamples(findings);
    const fromDates = estimateFromDates(samples);
    const { nbf, exp } = tokenTimes(findings);
    const fromToken = fromDates ? null : estimateFromToken(tokenBounds(nbf, exp, runStart(run, now), now));
    const estimate = fromDates ?? fromToken;
    if (!estimate) {
        const why = findings.ama?.answers.length
            ? 'no Azure Monitor answer carried a Date header'
            : 'no Azure Monitor answer came back';
        const token = nbf !== null || exp !== null ? ", and the token's nbf and exp prove no skew" : '';
        return { check: (0,check/* skip */.i)(run, clockCheck, `Not measured: ${why}${token}.`), skewSeconds: null, off: false };
    }
    const source = fromDates
        ? `the Date header of ${samples.length} Azure Monitor answer${samples.length === 1 ? '' : 's'}`
        : "the token's nbf and exp";
    const verdict = judged(estimate, source, now);
    return {
        check: (0,check/* finish */.O)(run, clockCheck, now, verdict),
        skewSeconds: Math.round(estimate.skewMs / 1000),
        off: verdict.status !== 'pass',
    };
}


/***/ })

};
;