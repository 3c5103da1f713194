"use strict";
exports.id = 391;
exports.ids = [391];
exports.modules = {

/***/ 6391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMergeCommand: () => (/* binding */ runMergeCommand)
});

// UNUSED EXPORTS: MERGE_USAGE, parseMergeArgs

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/core/fleet/fleet-contract.ts
// The fleet merge's contract names: inputs and outputs of `imds-check merge`, the merge action and the
// ImdsCheckMerge task (kebab-case here and on GitHub and the CLI, camelCase on Azure DevOps).
const MERGE_INPUT_NAMES = (/* unused pure expression or super */ null && (['reports', 'expected', 'min-pass', 'allow-codes', 'report-path']));
const MERGE_INPUT_DEFAULTS = {
    // Where actions/download-artifact puts one folder per matrix leg in the example workflow.
    reports: 'imds-check-reports/**/*.json',
    expected: '',
    'min-pass': '100%',
    'allow-codes': '',
    'report-path': '',
};
const MERGE_OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'machines',
    'passed',
    'warned',
    'failed',
    'missing',
    'invalid',
    'result',
    'report-path',
]));

// EXTERNAL MODULE: ./src/core/codes.ts
var core_codes = __webpack_require__(7265);
;// CONCATENATED MODULE: ./src/core/fleet/fleet-options.ts
// Raw merge inputs → MergePolicy and the report path. Errors name the input as the front door spells it and
// say what is accepted; the value is shown escaped and clipped, so a message stays one line.


/** The most machines a merge takes; far above any fleet a pipeline fans out to. */
const MAX_EXPECTED = 100_000;
/** Codes that describe the merge itself; letting them through would defeat `expected` and the report checks. */
const NOT_ALLOWABLE = new Set(['ok', 'skipped', ...core_codes/* FLEET_CODES */.q5]);
class Bad extends Error {
    input;
    detail;
    constructor(input, detail) {
        super(detail);
        this.input = input;
        this.detail = detail;
    }
}
function shown(value) {
    const clipped = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return JSON.stringify(clipped).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
function expected(value) {
    if (value === '')
        return null;
    const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= MAX_EXPECTED))
        throw new Bad('expected', `got ${shown(value)}; expected a whole number from 1 to ${MAX_EXPECTED}, or empty`);
    return n;
}
/** `N` machines or `N%` (up to two decimals), kept as whole basis points so the comparison is exact. */
function minPass(value) {
    const text = value === '' ? MERGE_INPUT_DEFAULTS['min-pass'] : value;
    const share = /^(\d{1,3})(?:\.(\d{1,2}))?%$/.exec(text);
    if (share) {
        const basisPoints = Number(share[1]) * 100 + Number((share[2] ?? '').padEnd(2, '0'));
        if (basisPoints <= 10_000)
            return { kind: 'percent', value: basisPoints, text };
    }
    else if (/^\d{1,6}$/.test(text) && Number(text) <= MAX_EXPECTED) {
        return { kind: 'count', value: Number(text), text };
    }
    throw new Bad('min-pass', `got ${shown(value)}; expected a share from 0% to 100% (e.g. 95%) or a number of machines (e.g. 48)`);
}
function allowCodes(value) {
    const codes = [...new Set(value.split(/[\s,]+/).filter((c) => c !== ''))];
    for (const code of codes) {
        if (!(0,core_codes/* isCode */._m)(code))
            throw new Bad('allow-codes', `got ${shown(code)}; expected codes from docs/errors.md, comma separated`);
        if (NOT_ALLOWABLE.has(code))
            throw new Bad('allow-codes', `${code} cannot be allowed; it describes the merge, not a machine's check`);
    }
    return codes;
}
function reports(value) {
    const text = value.trim() === '' ? MERGE_INPUT_DEFAULTS.reports : value;
    return [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter((line) => line !== '');
}
function parseMergeOptions(raw, spell) {
    const get = (name) => (raw[name] ?? '').trim();
    try {
        return {
            ok: true,
            options: {
                policy: {
                    expected: expected(get('expected')),
                    minPass: minPass(get('min-pass')),
                    allowCodes: allowCodes(get('allow-codes')),
                },
                reports: reports(raw.reports ?? ''),
                reportPath: get('report-path'),
            },
        };
    }
    catch (err) {
        if (!(err instanceof Bad))
            throw err;
        const message = `Invalid input '${spell(err.input)}': ${err.detail}`;
        return { ok: false, error: { code: 'invalid_input', input: err.input, message } };
    }
}

// EXTERNAL MODULE: ./src/core/neutralise.ts
var neutralise = __webpack_require__(8453);
;// CONCATENATED MODULE: ./src/core/fleet/parse-report.ts
// One single-machine report (the text of a JSON file) → a fleet row, or an `invalid` row saying why in our
// own words. Nothing from the file is trusted: each field is type-checked, a field longer than any real report
// has makes the file invalid, strings are clipped into copies of their own so a report cannot make the merge
// hold more than a few hundred bytes per field, and only our words explain. The integrity rules (DESIGN.md
// 3.3): schemaVersion 1, a GUID machine.vmId, a startedAt no later than the merge time plus 5 minutes, and the
// reachability check present.

/** Characters kept of any string from a report; renderers clip further. */
const MAX_FIELD_CHARS = 512;
/** A field read from a report longer than this makes the file invalid: no real report comes close. */
const MAX_FIELD_INPUT_CHARS = 4096;
/** Checks a report may list; a real one has at most nine. */
const MAX_CHECKS = 32;
/** How far past the merge time a report may say it started (clocks of machines differ a little). */
const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the engine writes it (toISOString), or with seconds only, or an offset. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
const RESULTS = ['pass', 'warn', 'fail'];
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A clipped string as one of its own: a slice would keep the whole parsed value alive as long as the row. */
const ownCopy = (value) => value.split('').join('');
function parse_report_text(value) {
    if (typeof value !== 'string')
        return '';
    return value.length > MAX_FIELD_CHARS ? ownCopy((0,neutralise/* clip */.$Q)(value, MAX_FIELD_CHARS)) : value;
}
function field(object, name) {
    return isObject(object) && Object.hasOwn(object, name) ? parse_report_text(object[name]) : '';
}
/** A row with no facts yet: the start of an invalid, missing or parsed row. */
function blankRow(source) {
    return {
        name: '',
        vmId: '',
        resourceId: '',
        location: '',
        mode: '',
        osType: '',
        result: 'invalid',
        allowed: false,
        failing: [],
        warnings: [],
        source,
        startedAt: '',
        reason: '',
    };
}
const INVALID = { check: 'report', code: 'fleet_report_invalid' };
function invalid(row, reason) {
    const failing = [INVALID, ...row.failing].slice(0, MAX_CHECKS);
    const parsed = { ...row, result: 'invalid', allowed: false, failing, reason };
    return { row: parsed, key: `file:${row.source}`, startedMs: Number.NEGATIVE_INFINITY };
}
/** A file that cannot count as a machine's report; it still counts as a machine that failed. */
function invalidRow(source, reason) {
    return invalid(blankRow(source), reason);
}
function checksWith(checks, status) {
    return checks
        .filter((c) => isObject(c) && c['status'] === status)
        .map((c) => ({ check: field(c, 'id'), code: field(c, 'code') }));
}
/** The worse of the stated result and what the checks say, so an edited `result` cannot hide a failure. */
function resultOf(stated, failing, warnings) {
    if (stated === 'fail' || failing.length > 0)
        return 'fail';
    if (stated === 'warn' || warnings.length > 0)
        return 'warn';
    return 'pass';
}
/** Every string the merge reads from a report, by the name a reason gives it. */
function fieldsRead(doc) {
    const machine = isObject(doc['machine']) ? doc['machine'] : {};
    const mode = isObject(doc['mode']) ? doc['mode'] : {};
    const own = (object, name) => (Object.hasOwn(object, name) ? object[name] : '');
    const fields = [
        ['startedAt', own(doc, 'startedAt')],
        ['mode.resolved', own(mode, 'resolved')],
        ...['vmId', 'name', 'resourceId', 'location', 'osType'].map((name) => [
            `machine.${name}`,
            own(machine, name),
        ]),
    ];
    for (const c of doc['checks'])
        if (isObject(c))
            for (const name of ['id', 'status', 'code'])
                fields.push([`a check's ${name}`, own(c, name)]);
    return fields;
}
/** Why the document cannot be read as a report at all; '' when it can. */
function shapeProblem(doc) {
    if (!isObject(doc))
        return 'not a JSON object';
    if (doc['kind'] === 'fleet')
        return 'a fleet report, not a machine report';
    if (doc['schemaVersion'] !== 1)
        return 'schemaVersion is not 1';
    if (!Array.isArray(doc['checks']))
        return 'no checks list';
    if (doc['checks'].length > MAX_CHECKS)
        return `more than ${MAX_CHECKS} checks`;
    if (!RESULTS.includes(doc['result']))
        return 'result is not pass, warn or fail';
    for (const [name, value] of fieldsRead(doc))
        if (typeof value === 'string' && value.length > MAX_FIELD_INPUT_CHARS)
            return `${name} is longer than ${MAX_FIELD_INPUT_CHARS} characters`;
    return '';
}
/** Why a readable report does not count (the integrity rules); '' when it does. */
function integrityProblem(row, checks, startedMs, mergeTimeMs) {
    if (!checks.some((c) => isObject(c) && c['id'] === 'reachability'))
        return 'no reachability check';
    if (!Number.isFinite(startedMs))
        return 'startedAt is missing or not an ISO 8601 time';
    if (startedMs > mergeTimeMs + MAX_CLOCK_AHEAD_MS)
        return 'startedAt is later than the merge time plus 5 minutes';
    if (row.vmId === '')
        return 'machine.vmId is empty: IMDS named no machine; see its failing checks';
    if (!GUID.test(row.vmId))
        return 'machine.vmId is not a GUID';
    return '';
}
/** `mergeTimeMs`: when this merge started; a report may not claim to have started more than 5 minutes later. */
function parseMachineReport(content, source, mergeTimeMs) {
    let doc;
    try {
        // A byte-order mark (an editor on Windows) is not part of the JSON text.
        doc = JSON.parse(content.startsWith('\ufeff') ? content.slice(1) : content);
    }
    catch {
        // The parser's message quotes the file; ours does not.
        return invalidRow(source, 'not valid JSON');
    }
    const why = shapeProblem(doc);
    if (why !== '')
        return invalidRow(source, why);
    const report = doc;
    const checks = report['checks'];
    const machine = report['machine'];
    const failing = checksWith(checks, 'fail');
    const warnings = checksWith(checks, 'warn');
    const resolved = field(report['mode'], 'resolved');
    const startedAt = field(report, 'startedAt');
    const startedMs = ISO_TIME.test(startedAt) ? Date.parse(startedAt) : Number.NaN;
    const row = {
        ...blankRow(source),
        name: field(machine, 'name'),
        vmId: field(machine, 'vmId'),
        resourceId: field(machine, 'resourceId'),
        location: field(machine, 'location'),
        mode: resolved === 'vm' || resolved === 'arc' ? resolved : '',
        osType: field(machine, 'osType'),
        result: resultOf(report['result'], failing, warnings),
        failing,
        warnings,
        startedAt,
    };
    const problem = integrityProblem(row, checks, startedMs, mergeTimeMs);
    // The facts and failing checks stay on the row: they say which machine the file claims to be, and why.
    if (problem !== '')
        return invalid(row, problem);
    return { row, key: `vm:${row.vmId.toLowerCase()}`, startedMs };
}

;// CONCATENATED MODULE: ./src/core/fleet/merge-rows.ts
// The merge: one row per machine, invalid files as failed rows, machines short of `expected` as missing rows,
// allow-codes, and the verdict. The newest report of a vmId supersedes older ones only inside one leg folder
// (the folder that holds the file; older ones are listed as superseded); a vmId reported from two leg folders is
// a conflict row that fails the gate, as do more machines than expected and a scan that stopped at a limit
// (DESIGN.md 3.3). Reports are added one at a time, so the caller never holds more than one file's text.

/** Code-unit order: the same on every machine, whatever its locale. */
const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Newer start wins; on a tie the later file name, so the outcome never depends on read order. */
function isNewer(a, b) {
    if (a.startedMs !== b.startedMs)
        return a.startedMs > b.startedMs;
    return a.row.source > b.row.source;
}
/** The leg folder of a report: the folder part of its source (`/` separated, as the glob shows it). */
const legFolder = (source) => source.slice(0, Math.max(0, source.lastIndexOf('/')));
/** The gate's view of a row: a let-through failure and a warning both count as warned. */
function gateOf(row) {
    if (row.result === 'pass')
        return 'passed';
    if (row.result === 'warn' || (row.result === 'fail' && row.allowed))
        return 'warned';
    return 'failed';
}
/** Reports of one vmId named in a conflict row before "and N more". */
const CONFLICT_NAMES = 5;
/** One vmId from several leg folders: one failed row (a machine, not several), naming every report. */
function conflictRow(reports) {
    const sorted = [...reports].sort((a, b) => order(a.row.source, b.row.source));
    const first = sorted[0].row;
    const failing = [{ check: 'report', code: 'fleet_vmid_conflict' }];
    for (const { row } of sorted)
        for (const c of row.failing)
            if (failing.length < MAX_CHECKS && !failing.some((f) => f.code === c.code))
                failing.push(c);
    const named = sorted.slice(0, CONFLICT_NAMES).map(({ row }) => `${row.source} (${row.result})`);
    const more = sorted.length > CONFLICT_NAMES ? ` and ${sorted.length - CONFLICT_NAMES} more` : '';
    const row = {
        ...first,
        result: 'conflict',
        allowed: false,
        failing,
        warnings: [],
        reason: `the same vmId from ${sorted.length} leg folders: ${named.join(', ')}${more}`,
    };
    const conflict = {
        vmId: first.vmId,
        reports: sorted.map(({ row: r }) => ({
            source: r.source,
            name: r.name,
            result: r.result,
            startedAt: r.startedAt,
        })),
    };
    return { row, conflict };
}
function missingRow(n) {
    return {
        ...blankRow(''),
        result: 'missing',
        failing: [{ check: 'expected', code: 'fleet_machine_missing' }],
        reason: `machine ${n} of the expected count left no report`,
    };
}
function countRows(rows, superseded) {
    const counts = {
        machines: rows.length,
        passed: 0,
        warned: 0,
        failed: 0,
        missing: 0,
        invalid: 0,
        conflicts: 0,
        superseded,
    };
    for (const row of rows) {
        counts[gateOf(row)] += 1;
        if (row.result === 'missing')
            counts.missing += 1;
        if (row.result === 'invalid')
            counts.invalid += 1;
        if (row.result === 'conflict')
            counts.conflicts += 1;
    }
    return counts;
}
function countCodes(rows) {
    const byCode = new Map();
    const bump = (code, key) => {
        const entry = byCode.get(code) ?? { code, failed: 0, allowed: 0, warned: 0 };
        entry[key] += 1;
        byCode.set(code, entry);
    };
    for (const row of rows) {
        const failKey = row.allowed ? 'allowed' : 'failed';
        for (const code of new Set(row.failing.map((c) => c.code)))
            bump(code, failKey);
        for (const code of new Set(row.warnings.map((c) => c.code)))
            bump(code, 'warned');
    }
    return [...byCode.values()].sort((a, b) => b.failed - a.failed || b.allowed - a.allowed || b.warned - a.warned || order(a.code, b.code));
}
function countLocations(rows) {
    const byLocation = new Map();
    for (const row of rows) {
        const entry = byLocation.get(row.location) ?? {
            location: row.location,
            machines: 0,
            passed: 0,
            warned: 0,
            failed: 0,
        };
        entry.machines += 1;
        entry[gateOf(row)] += 1;
        byLocation.set(row.location, entry);
    }
    // Busiest first; machines without a location (nothing answered, missing, invalid) last among equals.
    return [...byLocation.values()].sort((a, b) => b.machines - a.machines || order(a.location || '\uffff', b.location || '\uffff'));
}
/**
 * How many machines must pass: N, or the share rounded up (exact, in basis points) of `expected` when given
 * (rows beyond it are never part of the base), else of all machines.
 */
function requiredToPass(policy, machines) {
    if (policy.minPass.kind === 'count')
        return policy.minPass.value;
    return Math.ceil((policy.minPass.value * (policy.expected ?? machines)) / 10_000);
}
/** By name (unnamed machines last), then vmId and file. */
const byDisplayOrder = (a, b) => order(a.name || '\uffff', b.name || '\uffff') || order(a.vmId, b.vmId) || order(a.source, b.source);
function gateFailures(policy, reported, conflicts, scanStops) {
    const failures = [];
    if (conflicts.length > 0)
        failures.push({
            code: 'fleet_vmid_conflict',
            detail: `${conflicts.length === 1 ? '1 vmId was' : `${conflicts.length} vmIds were`} reported from more than one leg folder`,
        });
    if (policy.expected !== null && reported > policy.expected)
        failures.push({
            code: 'fleet_too_many_machines',
            detail: `${reported} machines reported, ${policy.expected} expected`,
        });
    for (const detail of new Set(scanStops))
        failures.push({ code: 'fleet_scan_incomplete', detail });
    return failures;
}
function createFleet() {
    /** Per machine key, the newest report of each leg folder. */
    const machines = new Map();
    const superseded = [];
    const scanStops = [];
    const retire = (old, by) => {
        const { vmId, name, source, startedAt } = old.row;
        superseded.push({ vmId, name, source, startedAt, supersededBy: by.row.source });
    };
    return {
        add(parsed) {
            const folders = machines.get(parsed.key) ?? new Map();
            machines.set(parsed.key, folders);
            const folder = legFolder(parsed.row.source);
            const current = folders.get(folder);
            if (current === undefined)
                folders.set(folder, parsed);
            else if (isNewer(parsed, current)) {
                retire(current, parsed);
                folders.set(folder, parsed);
            }
            else
                retire(parsed, current);
        },
        scanStopped(detail) {
            scanStops.push(detail);
        },
        finish(policy, meta) {
            const allowed = new Set(policy.allowCodes);
            const conflicts = [];
            const rows = [];
            for (const folders of machines.values()) {
                if (folders.size > 1) {
                    const { row, conflict } = conflictRow([...folders.values()]);
                    conflicts.push(conflict);
                    rows.push(row);
                    continue;
                }
                const { row } = [...folders.values()][0];
                const letThrough = row.result === 'fail' && row.failing.length > 0 && row.failing.every((c) => allowed.has(c.code));
                rows.push({ ...row, allowed: letThrough });
            }
            rows.sort(byDisplayOrder);
            conflicts.sort((a, b) => order(a.vmId.toLowerCase(), b.vmId.toLowerCase()));
            const reported = rows.length;
            for (let n = rows.length + 1; policy.expected !== null && n <= policy.expected; n++)
                rows.push(missingRow(n));
            const counts = countRows(rows, superseded.length);
            const required = requiredToPass(policy, counts.machines);
            const failures = gateFailures(policy, reported, conflicts, scanStops);
            // No machine at all is never a pass: a wrong pattern must not open the gate.
            const pass = counts.machines > 0 && counts.passed + counts.warned >= required && failures.length === 0;
            superseded.sort((a, b) => order(a.source, b.source));
            return {
                kind: 'fleet',
                schemaVersion: 1,
                tool: { name: 'imds-check', version: meta.toolVersion },
                generatedAt: meta.generatedAt,
                result: pass ? 'pass' : 'fail',
                gateFailures: failures,
                policy: {
                    expected: policy.expected,
                    minPass: policy.minPass.text,
                    allowCodes: [...policy.allowCodes],
                    required,
                },
                counts,
                codes: countCodes(rows),
                locations: countLocations(rows),
                machines: rows,
                superseded,
                conflicts,
            };
        },
    };
}

// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __webpack_require__(7743);
// EXTERNAL MODULE: ./src/core/pipeline/remedy-lookup.ts + 1 modules
var remedy_lookup = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/core/modes/target.ts + 4 modules
var target = __webpack_require__(2638);
// EXTERNAL MODULE: ./src/core/remedies.ts
var remedies = __webpack_require__(5591);
;// CONCATENATED MODULE: ./src/core/fleet/fixes.ts
// The fix for a code, as the single-machine report would give it: always from remedies.ts (with the mode
// profile and platform of the machines concerned), never from the report files, which anyone could forge.





const UNKNOWN_FIX = 'This version of imds-check does not know this code; read the machine report for the message and fix.';
function where(row) {
    return {
        mode: row.mode === 'arc' ? 'arc' : 'vm',
        platform: /^windows$/i.test(row.osType.trim()) ? 'win32' : 'linux',
    };
}
function labelOf(mode, platform) {
    return `${mode === 'arc' ? 'Azure Arc' : 'Azure VM'}, ${platform === 'win32' ? 'Windows' : 'Linux'}`;
}
/**
 * The distinct fixes for `code` over the machines that have it (usually one). `spell` is how the merge's
 * front door writes the check's inputs, which is how the machines' own step wrote them too.
 */
function fixesFor(code, rows, spell) {
    if (!(0,core_codes/* isCode */._m)(code))
        return [{ label: '', text: UNKNOWN_FIX }];
    const byText = new Map();
    const seen = new Set();
    // A code without machines (fleet_no_reports) still has its fix.
    for (const row of rows.length > 0 ? rows : [undefined]) {
        const { mode, platform } = row ? where(row) : { mode: 'vm', platform: 'linux' };
        if (seen.has(`${mode}/${platform}`))
            continue;
        seen.add(`${mode}/${platform}`);
        // A report's endpoint is forgeable text: the fix names the mode's own endpoint.
        const endpoint = (0,remedy_lookup/* endpointFacts */.v6)(mode === 'arc' ? protocol/* HIMDS_BASE */.I9 : protocol/* IMDS_BASE */.aP);
        const text = (0,remedies/* remedyFor */.w)(code, { profile: target/* PROFILES */.jI[mode], platform, spell, endpoint });
        byText.set(text, [...(byText.get(text) ?? []), labelOf(mode, platform)]);
    }
    const fixes = [...byText].map(([text, labels]) => ({ label: labels.join('; '), text }));
    return fixes.length === 1 ? [{ label: '', text: fixes[0].text }] : fixes;
}

;// CONCATENATED MODULE: ./src/core/fleet/fleet-json.ts
// The fleet report as JSON. Fields are copied one by one, so nothing attached to the objects that the types
// do not name can reach the file; values stay equal as data but are written by safeJson, so no line a
// pipeline reads carries a command or a control character.

const checks = (list) => list.map((c) => ({ check: c.check, code: c.code }));
function copyRow(r) {
    return {
        name: r.name,
        vmId: r.vmId,
        resourceId: r.resourceId,
        location: r.location,
        mode: r.mode,
        osType: r.osType,
        result: r.result,
        allowed: r.allowed,
        failing: checks(r.failing),
        warnings: checks(r.warnings),
        source: r.source,
        startedAt: r.startedAt,
        reason: r.reason,
    };
}
function copyFleetReport(r) {
    const c = r.counts;
    return {
        kind: r.kind,
        schemaVersion: r.schemaVersion,
        tool: { name: r.tool.name, version: r.tool.version },
        generatedAt: r.generatedAt,
        result: r.result,
        gateFailures: r.gateFailures.map((g) => ({ code: g.code, detail: g.detail })),
        policy: {
            expected: r.policy.expected,
            minPass: r.policy.minPass,
            allowCodes: [...r.policy.allowCodes],
            required: r.policy.required,
        },
        counts: {
            machines: c.machines,
            passed: c.passed,
            warned: c.warned,
            failed: c.failed,
            missing: c.missing,
            invalid: c.invalid,
            conflicts: c.conflicts,
            superseded: c.superseded,
        },
        codes: r.codes.map((x) => ({ code: x.code, failed: x.failed, allowed: x.allowed, warned: x.warned })),
        locations: r.locations.map((l) => ({
            location: l.location,
            machines: l.machines,
            passed: l.passed,
            warned: l.warned,
            failed: l.failed,
        })),
        machines: r.machines.map(copyRow),
        superseded: r.superseded.map((s) => ({
            vmId: s.vmId,
            name: s.name,
            source: s.source,
            startedAt: s.startedAt,
            supersededBy: s.supersededBy,
        })),
        conflicts: r.conflicts.map((x) => ({
            vmId: x.vmId,
            reports: x.reports.map((p) => ({
                source: p.source,
                name: p.name,
                result: p.result,
                startedAt: p.startedAt,
            })),
        })),
    };
}
/** Pretty JSON (2 spaces) with a trailing newline. */
function renderFleetJson(report) {
    return (0,neutralise/* safeJson */.oi)(copyFleetReport(report)) + '\n';
}

// EXTERNAL MODULE: ./src/core/render/format.ts
var format = __webpack_require__(9649);
// EXTERNAL MODULE: ./src/core/render/markdown.ts
var markdown = __webpack_require__(7715);
// EXTERNAL MODULE: ./src/core/render/markdown-escape.ts
var markdown_escape = __webpack_require__(3007);
;// CONCATENATED MODULE: ./src/core/fleet/words.ts
// Words and groupings shared by the fleet's text and Markdown renderers, so both describe a merge the same
// way. Returned strings hold only numbers and our own words; report values are escaped by each renderer.

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Machines that fail the gate, once per failing code (a machine with two codes is in two groups). */
function failingGroups(report) {
    const groups = new Map();
    for (const row of report.machines) {
        if (gateOf(row) !== 'failed')
            continue;
        const checks = row.failing.length > 0 ? row.failing : [{ check: '', code: '' }];
        const seen = new Set();
        for (const { check, code } of checks) {
            if (seen.has(code))
                continue;
            seen.add(code);
            const group = groups.get(code) ?? { code, entries: [] };
            group.entries.push({ row, check });
            groups.set(code, group);
        }
    }
    return [...groups.values()].sort((a, b) => b.entries.length - a.entries.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
/** Passed and warned machines (warnings and let-through failures), in report order. */
function passingRows(report) {
    return report.machines.filter((row) => gateOf(row) !== 'failed');
}
/** "12 machines: 9 passed, 1 warned, 2 failed (1 invalid, 1 missing)". */
function countsText(report) {
    const c = report.counts;
    const parts = [`${c.passed} passed`, `${c.warned} warned`, `${c.failed} failed`];
    const why = [
        c.invalid > 0 ? `${c.invalid} invalid` : '',
        c.missing > 0 ? `${c.missing} missing` : '',
        c.conflicts > 0 ? `${c.conflicts} conflicting` : '',
    ]
        .filter((s) => s !== '')
        .join(', ');
    return `${plural(c.machines, 'machine')}: ${parts.join(', ')}${why ? ` (${why})` : ''}`;
}
/** The gate failures' codes, each once, in report order: "fleet_vmid_conflict, fleet_scan_incomplete". */
const gateCodes = (report) => [
    ...new Set(report.gateFailures.map((g) => g.code)),
];
/**
 * "10 of 12 machines pass, 12 needed (min-pass 100%, expected 12)", and what closes the gate whatever the
 * count says: "; the gate fails: fleet_too_many_machines".
 */
function verdictText(report) {
    const c = report.counts;
    const closed = gateCodes(report);
    const gate = closed.length > 0 ? `; the gate fails: ${closed.join(', ')}` : '';
    if (c.machines === 0)
        return `no report was found, so the gate stays closed${gate}`;
    const policy = [`min-pass ${report.policy.minPass}`];
    if (report.policy.expected !== null)
        policy.push(`expected ${report.policy.expected}`);
    if (report.policy.allowCodes.length > 0)
        policy.push(`allowed: ${report.policy.allowCodes.join(', ')}`);
    return `${c.passed + c.warned} of ${plural(c.machines, 'machine')} pass, ${report.policy.required} needed (${policy.join(', ')})${gate}`;
}
function supersededText(report) {
    const n = report.counts.superseded;
    return n === 0 ? '' : `${plural(n, 'older report')} superseded by a newer one of the same machine`;
}
/** pass, warn, fail (allowed), invalid, missing, conflict. */
function resultWord(row) {
    return row.result === 'fail' && row.allowed ? 'fail (allowed)' : row.result;
}
/** The codes of a passing row worth showing: warnings, and failures let through. */
function rowCodes(row) {
    return [...new Set([...row.failing, ...row.warnings].map((c) => c.code))];
}
const machinesText = (n) => plural(n, 'machine');

;// CONCATENATED MODULE: ./src/core/fleet/fleet-markdown.ts
// The fleet summary (GitHub step summary, Azure DevOps summary tab, `merge --markdown`): totals first, then
// the failing machines grouped by code with each code's fix once, counts per code and location, then the
// passing machines collapsed. Every report value goes through mdText()/mdCode(); fixes come from
// remedies.ts. Large fleets keep the summary under the 1 MiB limit by listing fewer rows, then cutting.





const ALL = { perCode: Infinity, passing: Infinity, superseded: Infinity };
const FEWER = { perCode: 200, passing: 1000, superseded: 200 };
const FEWEST = { perCode: 20, passing: 0, superseded: 0 };
const table = (header, rows) => {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)];
};
const more = (shown, total) => total > shown ? ['', `_… and ${total - shown} more; the JSON report lists them all._`] : [];
const cell = (value, empty = '-') => (0,markdown_escape/* mdText */.bC)(value) || empty;
function codeRef(code, codeLink) {
    const link = (0,format/* linkFor */._q)(codeLink, code);
    return link ? `[${(0,markdown_escape/* mdCode */.xs)(code)}](${encodeURI(link)})` : (0,markdown_escape/* mdCode */.xs)(code) || '(no code)';
}
function heading(report) {
    const mark = report.result === 'pass' ? '✅' : '❌';
    const facts = [`**${(0,markdown_escape/* mdText */.bC)(verdictText(report))}**`, (0,markdown_escape/* mdText */.bC)(countsText(report))];
    const superseded = supersededText(report);
    if (superseded)
        facts.push((0,markdown_escape/* mdText */.bC)(superseded));
    facts.push(`${(0,markdown_escape/* mdText */.bC)(report.tool.name)} ${(0,markdown_escape/* mdText */.bC)(report.tool.version)}`);
    const c = report.counts;
    // The conflicting column only when there are some, so the common table stays as narrow as it was.
    const header = ['Passed', 'Warned', 'Failed', 'of which invalid', 'of which missing'];
    const cells = [c.passed, c.warned, c.failed, c.invalid, c.missing];
    if (c.conflicts > 0) {
        header.push('of which conflicting');
        cells.push(c.conflicts);
    }
    return [
        `## ${mark} imds-check fleet: ${report.result}`,
        '',
        facts.join(' · '),
        '',
        ...table([...header, 'Machines'], [[...cells, c.machines].map(String)]),
    ];
}
/** What fails the whole gate whatever min-pass says, each with its fix, before any machine. */
function gateSection(report, options) {
    if (report.gateFailures.length === 0)
        return [];
    return [
        '### The gate fails whatever min-pass says',
        '',
        ...report.gateFailures.map((g) => {
            const fix = fixesFor(g.code, [], options.spell)[0].text;
            return `- ${codeRef(g.code, options.codeLink)}: ${(0,markdown_escape/* mdText */.bC)(g.detail)}. **Fix:** ${(0,markdown_escape/* mdText */.bC)(fix)}`;
        }),
    ];
}
/** Every report of each vmId that came from more than one leg folder. */
function conflictSection(report, limit) {
    const rows = report.conflicts.flatMap((x) => x.reports.map((r) => [cell(x.vmId), cell(r.source), cell(r.name), cell(r.result), cell(r.startedAt)]));
    if (rows.length === 0)
        return [];
    const shown = rows.slice(0, limit);
    return [
        `<details open><summary>${report.conflicts.length} vmId${report.conflicts.length === 1 ? '' : 's'} from more than one leg folder</summary>`,
        '',
        ...table(['VM id', 'Report', 'Machine', 'Result', 'Started'], shown),
        ...more(shown.length, rows.length),
        '',
        '</details>',
    ];
}
function groupSection(group, options, limit) {
    const rows = group.entries.map((e) => e.row);
    const fixes = fixesFor(group.code, rows, options.spell);
    const shown = group.entries.slice(0, limit);
    return [
        `#### ${codeRef(group.code, options.codeLink)}: ${machinesText(group.entries.length)}`,
        '',
        ...fixes.map((f) => `**Fix${f.label ? ` (${(0,markdown_escape/* mdText */.bC)(f.label)})` : ''}:** ${(0,markdown_escape/* mdText */.bC)(f.text)}`),
        '',
        ...table(['Machine', 'VM id', 'Location', 'Mode', 'Check', 'Report'], shown.map(({ row, check }) => [
            cell(row.name),
            cell(row.vmId),
            cell(row.location),
            cell(row.mode),
            cell(check),
            cell([row.source, row.reason ? `(${row.reason})` : ''].filter((t) => t !== '').join(' ')),
        ])),
        ...more(shown.length, group.entries.length),
    ];
}
function failingSection(report, options, limits) {
    if (report.counts.machines === 0)
        return [
            `### ${codeRef('fleet_no_reports', options.codeLink)}: no report found`,
            '',
            ...fixesFor('fleet_no_reports', [], options.spell).map((f) => `**Fix:** ${(0,markdown_escape/* mdText */.bC)(f.text)}`),
        ];
    const groups = failingGroups(report);
    if (groups.length === 0)
        return [];
    return [
        '### Failing machines by code',
        '',
        ...groups.flatMap((g) => [...groupSection(g, options, limits.perCode), '']),
    ];
}
function countTables(report) {
    if (report.codes.length === 0 && report.locations.length <= 1)
        return [];
    const codes = report.codes.map((c) => [
        (0,markdown_escape/* mdCode */.xs)(c.code) || '(no code)',
        String(c.failed),
        String(c.allowed),
        String(c.warned),
    ]);
    const locations = report.locations.map((l) => [cell(l.location, '(unknown)'), l.machines, l.passed, l.warned, l.failed].map(String));
    return [
        ...(codes.length > 0
            ? ['### Machines per code', '', ...table(['Code', 'Failed', 'Allowed', 'Warned'], codes), '']
            : []),
        '### Machines per location',
        '',
        ...table(['Location', 'Machines', 'Passed', 'Warned', 'Failed'], locations),
    ];
}
function passingSection(report, limit) {
    const rows = passingRows(report);
    if (rows.length === 0)
        return [];
    const shown = rows.slice(0, limit);
    const line = (row) => [
        cell(row.name),
        cell(row.vmId),
        cell(row.location),
        cell(row.mode),
        (0,markdown_escape/* mdText */.bC)(resultWord(row)),
        rowCodes(row)
            .map((code) => (0,markdown_escape/* mdCode */.xs)(code))
            .join(', ') || '-',
        cell(row.source),
    ];
    return [
        `<details><summary>✅ ${machinesText(rows.length)} passing</summary>`,
        '',
        ...(shown.length > 0
            ? table(['Machine', 'VM id', 'Location', 'Mode', 'Result', 'Codes', 'Report'], shown.map(line))
            : []),
        ...more(shown.length, rows.length),
        '',
        '</details>',
    ];
}
function supersededSection(report, limit) {
    const list = report.superseded;
    if (list.length === 0)
        return [];
    const shown = list.slice(0, limit);
    return [
        `<details><summary>${list.length} superseded ${list.length === 1 ? 'report' : 'reports'}</summary>`,
        '',
        ...(shown.length > 0
            ? table(['Report', 'Machine', 'VM id', 'Started', 'Replaced by'], shown.map((s) => [
                cell(s.source),
                cell(s.name),
                cell(s.vmId),
                cell(s.startedAt),
                cell(s.supersededBy),
            ]))
            : []),
        ...more(shown.length, list.length),
        '',
        '</details>',
    ];
}
function render(report, options, limits) {
    const sections = [
        heading(report),
        gateSection(report, options),
        failingSection(report, options, limits),
        countTables(report),
        conflictSection(report, limits.perCode),
        passingSection(report, limits.passing),
        supersededSection(report, limits.superseded),
    ];
    return (0,markdown/* joinSections */.lS)(sections);
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
/** The fleet as Markdown, always below MAX_SUMMARY_BYTES. */
function renderFleetMarkdown(report, options) {
    for (const limits of [ALL, FEWER, FEWEST]) {
        const text = render(report, options, limits);
        if (bytes(text) <= markdown/* MAX_SUMMARY_BYTES */.Q0)
            return text;
    }
    return (0,markdown/* cutToBudget */.P6)(render(report, options, FEWEST), markdown/* MAX_SUMMARY_BYTES */.Q0);
}

;// CONCATENATED MODULE: ./src/core/fleet/fleet-text.ts
// The fleet for a terminal or a CI log: a header, the failing machines grouped by code with each code's fix
// once, machines per location, the passing machines in brief, and a result line. Every report value is
// neutralised first, so a forged report can neither drive a terminal nor issue a pipeline command.




/** Passing machines named on the "passing" line before "and N more". */
const PASSING_NAMES = 20;
const fleet_text_shown = (value, empty = '-') => (0,neutralise/* neutralise */.$0)(value, 200) || empty;
/** Rows of cells as aligned columns under `indent`. */
function columns(rows, indent) {
    const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    return rows.map((r) => `${indent}${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
}
function groupLines(group, options) {
    const code = (0,neutralise/* neutralise */.$0)(group.code) || '(no code)';
    const link = (0,format/* linkFor */._q)(options.codeLink, code);
    const fixes = fixesFor(group.code, group.entries.map((e) => e.row), options.spell);
    return [
        `FAIL  ${code}  ${machinesText(group.entries.length)}${link ? `  (see ${link})` : ''}`,
        ...fixes.map((f) => `      fix${f.label ? ` (${f.label})` : ''}: ${(0,neutralise/* neutralise */.$0)(f.text)}`),
        ...columns(group.entries.map(({ row, check }) => [
            fleet_text_shown(row.name),
            fleet_text_shown(row.vmId),
            fleet_text_shown(row.location),
            fleet_text_shown(row.mode),
            fleet_text_shown(check),
            [fleet_text_shown(row.source, ''), row.reason ? `(${(0,neutralise/* neutralise */.$0)(row.reason)})` : ''].filter((t) => t).join(' '),
        ]), '      '),
    ];
}
/** A failure of the whole gate: its code, what happened and the fix, before the machines. */
function gateLines(failure, options) {
    const link = (0,format/* linkFor */._q)(options.codeLink, failure.code);
    return [
        `GATE  ${failure.code}  ${(0,neutralise/* neutralise */.$0)(failure.detail)}${link ? `  (see ${link})` : ''}`,
        ...fixesFor(failure.code, [], options.spell).map((f) => `      fix: ${(0,neutralise/* neutralise */.$0)(f.text)}`),
    ];
}
function locationLine(report) {
    const parts = report.locations.map((l) => `${fleet_text_shown(l.location, '(unknown)')} ${l.machines} (${l.passed} passed, ${l.warned} warned, ${l.failed} failed)`);
    return parts.length > 0 ? `Locations: ${parts.join('; ')}` : '';
}
function passingLine(report) {
    const rows = passingRows(report);
    if (rows.length === 0)
        return '';
    const names = rows.slice(0, PASSING_NAMES).map((r) => fleet_text_shown(r.name, fleet_text_shown(r.source)));
    const rest = rows.length > PASSING_NAMES ? `, and ${rows.length - PASSING_NAMES} more` : '';
    return `Passing: ${machinesText(rows.length)}: ${names.join(', ')}${rest}`;
}
function renderFleetText(report, options) {
    const groups = failingGroups(report);
    const header = [
        `${(0,neutralise/* neutralise */.$0)(report.tool.name)} fleet ${(0,neutralise/* neutralise */.$0)(report.tool.version)}`,
        `  ${countsText(report)}`,
        supersededText(report) ? `  ${supersededText(report)}` : '',
    ];
    const noReports = report.counts.machines === 0
        ? groupLines({ code: 'fleet_no_reports', entries: [] }, options).filter((l) => !l.startsWith('FAIL'))
        : [];
    const sections = [
        header.filter((l) => l !== ''),
        noReports,
        ...report.gateFailures.map((g) => gateLines(g, options)),
        ...groups.map((g) => groupLines(g, options)),
        [locationLine(report)].filter((l) => l !== ''),
        [passingLine(report)].filter((l) => l !== ''),
        [`Result: ${report.result.toUpperCase()}  ${verdictText(report)}`],
    ].filter((s) => s.length > 0);
    return sections.map((s) => s.join('\n')).join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/core/fleet/index.ts
// The fleet merge's public surface: front doors import from here.











// EXTERNAL MODULE: ./src/core/index.ts + 18 modules
var core = __webpack_require__(9293);
// EXTERNAL MODULE: ./src/host/code-links.ts
var code_links = __webpack_require__(2777);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/host/fleet-glob.ts
// A small glob for report patterns (`**`, `*`, `?`; Node 20 has no fs.glob): finds files under the pattern's
// fixed leading folders, no deeper than the pattern can match, without following linked folders (no loops).
// A plain path is a file, or a folder searched recursively for *.json. Synchronous, like the reading (see
// fleet-files.ts): one thread-pool round trip per folder costs more than the listing. A search that stops at
// one of its limits (files, depth), or at a folder or link it may not read, says so in `stopped`, and the merge
// fails its gate (fleet_scan_incomplete): files it did not reach could hold a machine's real report.


/** Files one merge reads at most; ten times the largest fleet the bench measures. */
const MAX_FILES = 100_000;
/** Folder depth a `**` descends at most. */
const MAX_DEPTH = 64;
const SCAN_LIMITS = { maxFiles: MAX_FILES, maxDepth: MAX_DEPTH };
const hasWildcard = (segment) => /[*?]/.test(segment);
/** Gone between listing and reading (or never there): nothing to find. Anything else hides what it holds. */
const NOTHING_THERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);
const codeOf = (err) => String(err?.code ?? 'EUNKNOWN');
const unreadable = (path, err) => `could not read ${path} (${codeOf(err)}); reports there were not searched`;
/** statSync that answers undefined for nothing there, and throws for a path it may not look at. */
function statOf(path) {
    try {
        return (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false });
    }
    catch (err) {
        if (NOTHING_THERE.has(codeOf(err)))
            return undefined;
        throw err;
    }
}
function segmentPattern(segment) {
    return segment
        .split('')
        .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
}
/**
 * The path below the fixed folders as a RegExp over `/`-separated relative paths, how deep it reaches, and
 * whether that depth is a limit (a `**`) rather than the pattern's own length.
 */
function compileRest(segments, caseless, maxDepth = MAX_DEPTH) {
    const parts = segments.map((segment, i) => {
        const last = i === segments.length - 1;
        if (segment === '**')
            return last ? '.*' : '(?:[^/]+/)*';
        return segmentPattern(segment) + (last ? '' : '/');
    });
    const bounded = segments.includes('**');
    const depth = bounded ? maxDepth : segments.length;
    return { regex: new RegExp(`^${parts.join('')}$`, caseless ? 'i' : ''), depth, bounded };
}
/** '' when the walk saw everything it should, else the first limit or unreadable folder it stopped at. */
function walk(base, { regex, depth, bounded, out, limits }) {
    let tooDeep = '';
    let unread = '';
    const pending = [{ dir: base, rel: '', level: 1 }];
    while (pending.length > 0) {
        const { dir, rel, level } = pending.pop();
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        }
        catch (err) {
            // A vanished folder holds nothing; one it may not read (EACCES) may hold a machine's real report.
            if (!NOTHING_THERE.has(codeOf(err)) && unread === '')
                unread = unreadable(dir, err);
            continue;
        }
        for (const entry of entries) {
            const path = (0,external_node_path_.join)(dir, entry.name);
            const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
            let isFile = entry.isFile();
            if (entry.isSymbolicLink()) {
                try {
                    isFile = statOf(path)?.isFile() ?? false;
                }
                catch (err) {
                    if (unread === '')
                        unread = unreadable(path, err);
                    continue;
                }
            }
            if (isFile && regex.test(relPath)) {
                if (out.size >= limits.maxFiles && !out.has(path))
                    return `stopped after ${limits.maxFiles} files; merge fewer reports at a time`;
                out.set(path, relPath);
            }
            else if (entry.isDirectory()) {
                if (level < depth)
                    pending.push({ dir: path, rel: relPath, level: level + 1 });
                else if (bounded && tooDeep === '')
                    tooDeep = `did not search folders more than ${limits.maxDepth} levels deep`;
            }
        }
    }
    return unread || tooDeep;
}
function display(path, cwd) {
    const rel = (0,external_node_path_.relative)(cwd, path);
    const shown = rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : path;
    return shown.split(external_node_path_.sep).join('/');
}
/** Every file the patterns name, each once, sorted by how it is shown. */
function findReportFiles(patterns, cwd, platform = process.platform, limits = SCAN_LIMITS) {
    const caseless = platform === 'win32';
    const found = new Map();
    const problems = [];
    const stopped = [];
    for (const raw of patterns) {
        const pattern = caseless ? raw.replace(/\\/g, '/') : raw;
        const before = found.size;
        let stop = '';
        if (!hasWildcard(pattern)) {
            const path = (0,external_node_path_.resolve)(cwd, pattern);
            let info;
            try {
                info = statOf(path);
            }
            catch (err) {
                stop = unreadable(path, err);
            }
            if (info?.isFile()) {
                if (found.size >= limits.maxFiles && !found.has(path))
                    stop = `stopped after ${limits.maxFiles} files; merge fewer reports at a time`;
                else
                    found.set(path, '');
            }
            else if (info?.isDirectory())
                stop = walk(path, {
                    ...compileRest(['**', '*.json'], caseless, limits.maxDepth),
                    out: found,
                    limits,
                });
        }
        else {
            const segments = pattern.split('/');
            const fixed = segments.findIndex(hasWildcard);
            const base = (0,external_node_path_.resolve)(cwd, segments.slice(0, fixed).join('/') || '.');
            stop = walk(base, {
                ...compileRest(segments.slice(fixed), caseless, limits.maxDepth),
                out: found,
                limits,
            });
        }
        if (stop !== '') {
            problems.push(stop);
            stopped.push(stop);
        }
        else if (found.size === before)
            problems.push(`${pattern}: no report file matched`);
        // The file limit is for the whole merge: no later pattern could add a file.
        if (stop !== '' && found.size >= limits.maxFiles)
            break;
    }
    const files = [...found.keys()].map((path) => ({ path, source: display(path, cwd) }));
    files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return { files, problems, stopped };
}

;// CONCATENATED MODULE: ./src/host/fleet-files.ts
// Reads the reports a merge was given, one at a time and each bounded in size, into the fleet builder: the
// merge holds the rows it keeps, never more than one file's text, whatever the reports weigh. The reads are
// synchronous on purpose: a merge has nothing else to do meanwhile, and four thread-pool round trips per file
// (open, stat, read, close) cost more than the reading itself on a fleet of 10,000.



/** A real report is a few KiB; anything above this is not one. */
const MAX_REPORT_BYTES = 4 * 1024 * 1024;
const size = (bytes) => bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
const errorCode = (err) => err.code ?? 'error';
/** One file, read only when it is a regular file of at most `maxBytes`. */
function readReport(file, now, maxBytes = MAX_REPORT_BYTES) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file.path, 'r');
    }
    catch (err) {
        return invalidRow(file.source, `unreadable (${errorCode(err)})`);
    }
    try {
        const info = (0,external_node_fs_.fstatSync)(fd);
        if (!info.isFile())
            return invalidRow(file.source, 'not a regular file');
        if (info.size > maxBytes)
            return invalidRow(file.source, `larger than ${size(maxBytes)}`);
        // One byte more than allowed tells a file that grew since stat from one that fits.
        const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
        let length = 0;
        for (let n = -1; n !== 0 && length < buffer.length; length += n)
            n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, length);
        if (length > maxBytes)
            return invalidRow(file.source, `larger than ${size(maxBytes)}`);
        return parseMachineReport(buffer.toString('utf8', 0, length), file.source, now);
    }
    catch (err) {
        return invalidRow(file.source, `unreadable (${errorCode(err)})`);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function loadFleet(patterns, cwd, options) {
    const { platform = process.platform, limits = SCAN_LIMITS, now } = options;
    const { files, problems, stopped } = findReportFiles(patterns, cwd, platform, limits);
    const fleet = createFleet();
    for (const detail of stopped)
        fleet.scanStopped(detail);
    for (const file of files)
        fleet.add(readReport(file, now));
    return { fleet, files: files.length, problems };
}

// EXTERNAL MODULE: ./src/host/report-files.ts
var report_files = __webpack_require__(8392);
// EXTERNAL MODULE: ./src/host/writable.ts
var writable = __webpack_require__(1852);
// EXTERNAL MODULE: ./src/host/spelling.ts
var spelling = __webpack_require__(4170);
// EXTERNAL MODULE: ./src/host/version.ts
var version = __webpack_require__(5962);
;// CONCATENATED MODULE: ./src/cli/merge-command.ts
// `imds-check merge [options] PATH...`: many machines' reports → one fleet verdict, as text or the fleet JSON
// on stdout, with --report / --markdown files on request. Exit 0 pass, 1 fail, 2 usage error.









const MERGE_USAGE = `Usage: imds-check merge [options] PATH...

Merges the JSON reports of many machines (imds-check --report FILE on each) into one verdict.
PATH is a report file, a folder (searched recursively for *.json) or a glob (**, *, ?; quote it).

Options:
  --expected N          the number of machines; each one short of it counts as missing and failed,
                        more machines than N fail the merge, and an N% min-pass is counted against N
  --min-pass N|N%       machines (or share of them) that must pass (default 100%)
  --allow-codes A,B     let a machine through when every failing check's code is listed
  --json                print the fleet report (JSON) instead of text
  --report FILE         write the fleet report (JSON) to FILE
  --markdown FILE       write the Markdown summary to FILE
  -h, --help            this help

A report counts with schemaVersion 1, a GUID machine.vmId, a startedAt no later than the merge plus
5 minutes and a reachability check; any other file is an invalid, failed machine. In one leg folder (the
folder holding the file) the newest report per vmId counts and older ones are listed as superseded; the
same vmId from two leg folders fails the merge, as does a search stopped at a limit. Always give
--expected: without it, extra reports raise the share that passes. Exit codes: 0 pass, 1 fail, 2 usage error.`;
/** Flag → input. A Map: `--constructor` is an unknown option, not a property every object has. */
const VALUE_FLAGS = new Map([
    ['expected', 'expected'],
    ['min-pass', 'min-pass'],
    ['allow-codes', 'allow-codes'],
    ['report', 'report-path'],
    ['markdown', 'markdown'],
]);
function parseMergeArgs(argv) {
    const command = { inputs: {}, json: false, markdownPath: '' };
    const paths = [];
    const seen = new Set();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            paths.push(...argv.slice(i + 1));
            break;
        }
        if (arg === '--help' || arg === '-h')
            return { kind: 'help' };
        if (!arg.startsWith('-') || arg === '-') {
            paths.push(arg);
            continue;
        }
        const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
        const name = match?.[1] ?? arg;
        if (!match || (name !== 'json' && !VALUE_FLAGS.has(name)))
            return { kind: 'usage-error', message: `unknown option ${arg}` };
        if (seen.has(name))
            return { kind: 'usage-error', message: `--${name} given more than once` };
        seen.add(name);
        if (name === 'json') {
            if (match[2] !== undefined)
                return { kind: 'usage-error', message: '--json takes no value' };
            command.json = true;
            continue;
        }
        const value = match[2] ?? argv[++i];
        if (value === undefined || (match[2] === undefined && value.startsWith('--')))
            return { kind: 'usage-error', message: `--${name} needs a value` };
        const target = VALUE_FLAGS.get(name);
        if (target === 'markdown')
            command.markdownPath = value;
        else
            command.inputs[target] = value;
    }
    if (paths.length === 0)
        return { kind: 'usage-error', message: 'no PATH given: name report files, folders or globs' };
    // One per line, as the action's `reports` input takes them.
    command.inputs.reports = paths.join('\n');
    return { kind: 'merge', ...command };
}
/** False (and one stderr line) when the file cannot be written: the merge then exits 1 (report_write_failed). */
async function writeFile(what, path, content, io) {
    try {
        await (0,report_files/* writePrivately */.Q9)((0,external_node_path_.resolve)(io.cwd, path), content);
        return true;
    }
    catch (err) {
        const problem = (0,writable/* writeProblemText */.aU)({ what, path: (0,external_node_path_.resolve)(io.cwd, path), errno: (0,writable/* errnoOf */.UQ)(err) });
        io.err(`imds-check merge: ${(0,core/* neutraliseLine */.fZ)(problem)} (see docs/errors.md#report_write_failed)\n`);
        return false;
    }
}
async function runMergeCommand(argv, io) {
    const command = parseMergeArgs(argv);
    if (command.kind === 'help') {
        io.out(`${MERGE_USAGE}\n`);
        return 0;
    }
    const usage = (message) => {
        io.err(`imds-check merge: ${(0,core/* neutraliseLine */.fZ)(message)}. Run 'imds-check merge --help' for usage.\n`);
        return 2;
    };
    if (command.kind === 'usage-error')
        return usage(command.message);
    // The flags are the input names, except --report (as for the check) and the PATH arguments.
    const parsed = parseMergeOptions(command.inputs, (name) => name === 'report-path' ? '--report' : `--${name}`);
    if (!parsed.ok)
        return usage(parsed.error.message);
    const { policy, reports, reportPath } = parsed.options;
    const now = Date.now();
    const loaded = loadFleet(reports, io.cwd, { now });
    for (const problem of loaded.problems)
        io.err(`imds-check merge: ${(0,core/* neutraliseLine */.fZ)(problem)}\n`);
    const report = loaded.fleet.finish(policy, {
        toolVersion: version/* TOOL_VERSION */.w,
        generatedAt: new Date(now).toISOString(),
    });
    const style = { spell: spelling/* CLI_SPELLING */.Id, codeLink: code_links/* pathLink */.er };
    const written = [
        reportPath === '' || (await writeFile('fleet report', reportPath, renderFleetJson(report), io)),
        command.markdownPath === '' ||
            (await writeFile('Markdown summary', command.markdownPath, renderFleetMarkdown(report, style), io)),
    ];
    io.out(command.json ? renderFleetJson(report) : renderFleetText(report, style));
    return report.result === 'pass' && written.every(Boolean) ? 0 : 1;
}


/***/ })

};
;