"use strict";
exports.id = 292;
exports.ids = [292];
exports.modules = {

/***/ 6292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sampleAgain: () => (/* binding */ sampleAgain)
});

// EXTERNAL MODULE: ./src/core/imds/failures.ts
var failures = __webpack_require__(28);
// EXTERNAL MODULE: ./src/core/checks/stability/stability-codes.ts
var stability_codes = __webpack_require__(2601);
;// CONCATENATED MODULE: ./src/core/checks/stability/classify.ts
// What went wrong with one sampled answer, as one of a few classes (each a stable code of the stability check),
// and the check's verdict over all samples: pass when every sample succeeded, warn when the share of good
// samples is at least min-success-percent, else fail; the code names the failure seen most often.


const FAILURE_CLASSES = stability_codes/* STABILITY_CODES */.B.filter((code) => code !== 'stability_incomplete');
/** Words for each class in messages and the failure table (status words only, no network text). */
const CLASS_WORDS = {
    stability_throttled: 'throttled (429)',
    stability_server_error: 'server error (5xx)',
    stability_updating: 'updating (410, or 404 on the token endpoint)',
    stability_no_answer: 'no answer (timeout, reset or refused)',
    stability_slow_answer: 'slow answer (over 1 s)',
    stability_bad_answer: 'unexpected answer',
};
/**
 * A good answer slower than this counts as a failed sample: it is how long @azure/identity and Go azidentity
 * wait for IMDS when DefaultAzureCredential probes it, so a slower answer makes those clients skip the
 * managed identity.
 */
const SLOW_SAMPLE_MS = 1_000;
/** null: the sample succeeded. */
function failureClass(answer, latencyMs) {
    if (answer.status === 'pass' || answer.status === 'warn')
        return latencyMs !== null && latencyMs > SLOW_SAMPLE_MS ? 'stability_slow_answer' : null;
    const status = /^\d{3}$/.test(answer.outcome) ? Number(answer.outcome) : null;
    if (status === null)
        return (0,failures/* isNoAnswer */.Uz)(answer.code) ? 'stability_no_answer' : 'stability_bad_answer';
    // A proxy's or a web server's error page is not IMDS being busy.
    if (answer.code === 'not_imds_proxy' || answer.code === 'not_imds_html')
        return 'stability_bad_answer';
    if (status === 429)
        return 'stability_throttled';
    if (status === 410 || answer.code === 'token_not_found')
        return 'stability_updating';
    if (status >= 500)
        return 'stability_server_error';
    return 'stability_bad_answer';
}
/** The class seen most often; ties go to the earlier class in FAILURE_CLASSES. null when none. */
function dominant(failures) {
    let best = null;
    for (const c of FAILURE_CLASSES) {
        if ((failures[c] ?? 0) > (best === null ? 0 : (failures[best] ?? 0)))
            best = c;
    }
    return best;
}
function judgeTally(tally, minSuccessPercent) {
    const percent = tally.total === 0 ? 0 : (tally.ok * 100) / tally.total;
    const worst = dominant(tally.failures);
    if (tally.ok === tally.total || worst === null) {
        // Every sample taken was good, but fewer were taken than asked for: the answer is only partial.
        return tally.total < tally.requested
            ? { status: 'warn', code: 'stability_incomplete', percent }
            : { status: 'pass', code: 'ok', percent };
    }
    return { status: percent >= minSuccessPercent ? 'warn' : 'fail', code: worst, percent };
}

;// CONCATENATED MODULE: ./src/core/checks/stability/sample.ts

const SAMPLED_ENDPOINTS = ['metadata', 'token'];
/** A judged answer as a sample: the latency counts only when an HTTP answer came back. */
function endpointSample(judged, elapsedMs) {
    const outcome = judged.outcome ?? 'skipped';
    const ms = /^\d{3}$/.test(outcome) ? Math.max(0, Math.round(elapsedMs)) : null;
    return { ms, outcome, code: judged.code, failure: failureClass({ ...judged, outcome }, ms) };
}
function sampleOk(sample) {
    return SAMPLED_ENDPOINTS.every((e) => sample[e] === undefined || sample[e].failure === null);
}

;// CONCATENATED MODULE: ./src/core/checks/stability/sampler.ts

/** A sample is started only when at least this much of the run is left after its pacing wait. */
const MIN_SAMPLE_MS = 1_000;
/** At most one progress line per this long. */
const PROGRESS_EVERY_MS = 5_000;
const seconds = (ms) => Math.max(0, Math.round(ms / 1000));
async function takeSamples(first, deps) {
    const { clock, budget, pacer, endpoints } = deps;
    // Even spacing at the pacer's rate: a request every windowMs / max, so no window is filled in a burst.
    const spacing = pacer.limit.windowMs / pacer.limit.max;
    const perSample = endpoints.reduce((sum, e) => sum + e.requests, 0) * spacing;
    const samples = [first];
    const began = clock.now();
    let nextSlot = began;
    let lastLine = began;
    const more = deps.requested - 1;
    const about = seconds(more * perSample);
    const left = seconds(budget.remaining());
    deps.progress(`stability: ${more} more samples, about ${about} s at up to ${pacer.limit.max} requests per ${pacer.limit.windowMs / 1000} s` +
        (about > left ? `; ${left} s left, so sampling will stop early` : ''));
    while (samples.length < deps.requested) {
        const sample = { n: samples.length + 1, atMs: null };
        for (const request of endpoints) {
            const wait = Math.max(pacer.roomIn(request.requests), nextSlot - clock.now());
            if (budget.remaining() - wait < MIN_SAMPLE_MS)
                return { samples, ranOut: true };
            if (wait > 0)
                await clock.sleep(wait);
            const startedAt = clock.now();
            sample.atMs ??= startedAt - began;
            nextSlot = startedAt + request.requests * spacing;
            const taken = await request.take();
            // No answer because the run's deadline cut the request short says nothing about IMDS: drop the sample.
            if (taken.failure === 'stability_no_answer' && budget.expired())
                return { samples, ranOut: true };
            sample[request.endpoint] = taken;
        }
        samples.push(sample);
        if (clock.now() - lastLine >= PROGRESS_EVERY_MS && samples.length < deps.requested) {
            lastLine = clock.now();
            const ok = samples.filter(sampleOk).length;
            deps.progress(`stability: ${samples.length} of ${deps.requested} samples, ${ok} ok, ${seconds(budget.remaining())} s left`);
        }
    }
    return { samples, ranOut: false };
}

;// CONCATENATED MODULE: ./src/core/checks/stability/percentiles.ts
// Latency figures computed exactly, by nearest rank: the p-th percentile of n values is the value at rank
// ceil(p/100 × n) in ascending order (rank 1 for p = 0). Every figure is a value that was measured, never an
// interpolation, so "p95 = 412 ms" means a sample really took 412 ms.
/** The nearest-rank percentile of `values` (0 ≤ p ≤ 100); null for no values. */
function nearestRank(values, p) {
    if (values.length === 0)
        return null;
    if (!(p >= 0 && p <= 100))
        throw new RangeError(`percentile out of range: ${p}`);
    const sorted = [...values].sort((a, b) => a - b);
    // p × n first: (7 / 100) × 100 is 7.000000000000001 in floating point, which would round a rank up.
    const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
    return sorted[rank - 1];
}
/** p50, p95 and max of whole milliseconds; null when nothing was measured. */
function latencyFigures(values) {
    if (values.length === 0)
        return null;
    return {
        p50: nearestRank(values, 50),
        p95: nearestRank(values, 95),
        max: nearestRank(values, 100),
    };
}

;// CONCATENATED MODULE: ./src/core/checks/stability/sparkline.ts
// A latency sparkline in plain text: one block character per sample (or per group of samples when there are
// more than fit), its height the slowest latency of the group on a scale from 0 to the slowest of all.
// A group with no answer at all is drawn as ×. Text only, so every renderer can show it as it is.
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const NO_ANSWER_MARK = '×';
const SPARKLINE_WIDTH = 60;
/** `latencies` in sample order; null where the sample got no answer. */
function sparkline(latencies, width = SPARKLINE_WIDTH) {
    if (latencies.length === 0)
        return '';
    const groups = Math.min(width, latencies.length);
    const answered = latencies.filter((v) => v !== null);
    const top = Math.max(0, ...answered);
    let line = '';
    for (let g = 0; g < groups; g++) {
        // Even split: group g holds samples [floor(g·n/w), floor((g+1)·n/w)).
        const from = Math.floor((g * latencies.length) / groups);
        const to = Math.floor(((g + 1) * latencies.length) / groups);
        const seen = latencies.slice(from, to).filter((v) => v !== null);
        if (seen.length === 0) {
            line += NO_ANSWER_MARK;
            continue;
        }
        const level = top === 0 ? 0 : Math.ceil((Math.max(...seen) / top) * BLOCKS.length) - 1;
        line += BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, level))];
    }
    return line;
}

;// CONCATENATED MODULE: ./src/core/checks/stability/summary.ts




const answeredMs = (samples, endpoint) => samples.flatMap((s) => (s[endpoint]?.ms != null ? [s[endpoint].ms] : []));
function summarise(sampling, requested) {
    const { samples } = sampling;
    const failures = {};
    for (const s of samples) {
        for (const e of SAMPLED_ENDPOINTS) {
            const failure = s[e]?.failure;
            if (failure)
                failures[failure] = (failures[failure] ?? 0) + 1;
        }
    }
    const endpoints = SAMPLED_ENDPOINTS.filter((e) => samples.some((s) => s[e] !== undefined));
    return {
        tally: { requested, total: samples.length, ok: samples.filter(sampleOk).length, failures },
        ranOut: sampling.ranOut,
        latency: {
            metadata: latencyFigures(answeredMs(samples, 'metadata')),
            token: latencyFigures(answeredMs(samples, 'token')),
            all: latencyFigures(endpoints.flatMap((e) => answeredMs(samples, e))),
        },
        endpoints,
        samples,
    };
}
const figuresJson = (f) => f ? { p50: f.p50, p95: f.p95, max: f.max } : null;
/** The report's top-level `samples`: engine-made numbers and codes only, nothing from the network. */
function sectionJson(summary) {
    const { tally, latency } = summary;
    const failures = {};
    for (const c of FAILURE_CLASSES)
        if (tally.failures[c])
            failures[c] = tally.failures[c];
    return {
        requested: tally.requested,
        total: tally.total,
        ok: tally.ok,
        ranOut: summary.ranOut,
        failures,
        latencyMs: {
            metadata: figuresJson(latency.metadata),
            token: figuresJson(latency.token),
            all: figuresJson(latency.all),
        },
        series: summary.samples.map((s) => {
            const entry = { sample: s.n, atMs: s.atMs };
            for (const e of SAMPLED_ENDPOINTS) {
                const taken = s[e];
                if (taken)
                    entry[e] = { ms: taken.ms, outcome: taken.outcome, code: taken.code, failure: taken.failure };
            }
            return entry;
        }),
    };
}
/** Sample numbers as a short list: `#3, #8, #13, … (12)`. */
function sampleList(numbers, shown = 5) {
    const head = numbers.slice(0, shown).map((n) => `#${n}`);
    return numbers.length > shown ? `${head.join(', ')}, … (${numbers.length})` : head.join(', ');
}
function detailTables(summary) {
    const latencyRows = summary.endpoints.map((e) => {
        const f = summary.latency[e];
        const series = summary.samples.filter((s) => s[e] !== undefined).map((s) => s[e].ms);
        const answered = series.filter((ms) => ms !== null).length;
        return [
            e,
            `${answered} of ${series.length}`,
            f ? String(f.p50) : '-',
            f ? String(f.p95) : '-',
            f ? String(f.max) : '-',
            sparkline(series),
        ];
    });
    const tables = [
        {
            title: 'latency per endpoint (ms)',
            columns: ['Endpoint', 'Answered', 'p50', 'p95', 'Max', 'Over time (× = no answer)'],
            rows: latencyRows,
        },
    ];
    const failureRows = [];
    for (const e of summary.endpoints) {
        for (const c of FAILURE_CLASSES) {
            const hit = summary.samples.filter((s) => s[e]?.failure === c).map((s) => s.n);
            if (hit.length > 0)
                failureRows.push([e, CLASS_WORDS[c], c, String(hit.length), sampleList(hit)]);
        }
    }
    if (failureRows.length > 0) {
        tables.push({
            title: 'failed samples',
            columns: ['Endpoint', 'Failure', 'Code', 'Count', 'Samples'],
            rows: failureRows,
        });
    }
    return tables;
}

;// CONCATENATED MODULE: ./src/core/checks/stability/take-samples.ts




const good = (check) => check !== undefined && (check.status === 'pass' || check.status === 'warn');
/** Sample 1 is the first run, judged as its check was; its latency leaves out the retry waits. */
function firstRunSample(run, check, id) {
    const waited = run.progress
        .records()
        .filter((w) => w.check === id)
        .reduce((sum, w) => sum + w.ms, 0);
    return endpointSample(check, check.durationMs - waited);
}
const percentText = (percent) => `${Math.floor(percent * 10) / 10} %`;
function message(run, summary, result, scope) {
    const { tally, latency } = summary;
    const parts = [];
    if (tally.ok === tally.total) {
        parts.push(`All ${tally.total} samples succeeded (${scope}).`);
    }
    else {
        const min = run.ctx.spell.assignment('min-success-percent', String(run.options.minSuccessPercent));
        const seen = summary.endpoints.flatMap((e) => FAILURE_CLASSES.flatMap((c) => {
            const count = summary.samples.filter((s) => s[e]?.failure === c).length;
            return count > 0 ? [`${e} ${CLASS_WORDS[c]} ×${count}`] : [];
        }));
        parts.push(`${tally.ok} of ${tally.total} samples succeeded (${scope}): ${percentText(result.percent)}, ${min}. Failed: ${seen.join(', ')}.`);
    }
    if (latency.all)
        parts.push(`Latency p50 ${latency.all.p50} ms, p95 ${latency.all.p95} ms, max ${latency.all.max} ms.`);
    if (summary.ranOut) {
        const timeout = run.ctx.spell.assignment('timeout-seconds', String(run.options.timeoutSeconds));
        parts.push(`Time ran out after ${tally.total} of ${tally.requested} samples (${timeout}); the rest were not taken.`);
    }
    return parts.join(' ');
}
/** Time spent in `work`, less any time the run's pacer held its requests back. */
async function timed(run, work) {
    const startedAt = run.ctx.clock.now();
    const heldBefore = run.pacer.heldMs;
    const verdict = await work();
    return endpointSample(verdict, run.ctx.clock.now() - startedAt - (run.pacer.heldMs - heldBefore));
}
/** The samples after the first run, taken with the sample() of the metadata and token findings. */
async function sampleAgain(run, findings) {
    const metadata = findings.metadata;
    if (!metadata || !good(metadata.check))
        return { skipped: 'Not sampled: the first run did not read the instance metadata.' };
    const token = findings.token;
    const sampleTokens = run.options.identity !== 'none' && good(token?.check);
    const scope = sampleTokens
        ? 'metadata and token'
        : run.options.identity === 'none'
            ? 'metadata only, as identity is none'
            : 'metadata only, as the first token request failed';
    const first = { n: 1, atMs: null, metadata: firstRunSample(run, metadata.check, 'metadata') };
    const endpoints = [
        { endpoint: 'metadata', requests: 1, take: () => timed(run, metadata.sample) },
    ];
    if (sampleTokens && token) {
        first.token = firstRunSample(run, token.check, 'token');
        const requests = run.target.profile.requiresChallenge ? 2 : 1;
        endpoints.push({ endpoint: 'token', requests, take: () => timed(run, token.sample) });
    }
    const sampling = await takeSamples(first, {
        clock: run.ctx.clock,
        budget: run.budget,
        pacer: run.pacer,
        requested: run.options.samples,
        endpoints,
        progress: (text) => run.ctx.progress({ check: 'stability', text }),
    });
    const summary = summarise(sampling, run.options.samples);
    const result = judgeTally(summary.tally, run.options.minSuccessPercent);
    const verdict = {
        status: result.status,
        code: result.code,
        message: message(run, summary, result, scope),
        details: detailTables(summary),
    };
    return { verdict, summary, section: sectionJson(summary) };
}


/***/ })

};
;