#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _host_context_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(857);
/* harmony import */ var _host_one_line_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(73);
/* harmony import */ var _host_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(402);
/* harmony import */ var _host_quiet_pipes_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(734);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(592);
// CLI entry (bundled to dist/cli/index.js, package bin `imds-check`).





(0,_host_quiet_pipes_js__WEBPACK_IMPORTED_MODULE_3__/* .ignoreClosedPipes */ .M)();
try {
    process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .runCli */ .a)(process.argv.slice(2), {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
        isTTY: process.stdout.isTTY === true,
        env: process.env,
        makeContext: (registerSecret) => (0,_host_context_js__WEBPACK_IMPORTED_MODULE_0__/* .createHostContext */ .KH)({ frontDoor: 'cli', registerSecret, diagnostics: _host_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .childProcessDiagnostics */ .m }),
        // Loaded only for `imds-check emulate`, so a check does not pay for parsing the emulator.
        emulate: async (argv) => {
            const { runEmulateCommand } = await __nccwpck_require__.e(/* import() */ 566).then(__nccwpck_require__.bind(__nccwpck_require__, 566));
            return runEmulateCommand(argv, { out: (l) => console.log(l), err: (l) => console.error(l) });
        },
    });
}
catch (err) {
    // No stack traces unless asked for: the message alone, on one line.
    process.stderr.write(`imds-check: unexpected error: ${(0,_host_one_line_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .T)(err)}\n`);
    if (process.env['IMDS_CHECK_DEBUG'] === '1' && err instanceof Error && err.stack)
        process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 592:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: redact

;// CONCATENATED MODULE: ./src/core/contract.ts
// The public contract: input and output names (kebab-case on GitHub and the CLI, camelCase on Azure DevOps),
// how a report becomes outputs, and how fail-on turns a result into a step verdict. Adapters only translate.
const INPUT_NAMES = [
    'mode',
    'identity',
    'client-id',
    'object-id',
    'msi-res-id',
    'resource',
    'endpoint',
    'timeout-seconds',
    'fail-on',
    'expose-token',
    'report-path',
    'junit-path',
];
const INPUT_DEFAULTS = {
    mode: 'auto',
    identity: 'system',
    'client-id': '',
    'object-id': '',
    'msi-res-id': '',
    resource: '',
    endpoint: '',
    'timeout-seconds': '30',
    'fail-on': 'error',
    'expose-token': 'false',
    'report-path': '',
    'junit-path': '',
};
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'result',
    'reachable',
    'mode',
    'metadata-status',
    'token-status',
    'vm-id',
    'vm-name',
    'resource-id',
    'subscription-id',
    'resource-group',
    'location',
    'az-environment',
    'principal-id',
    'tenant-id',
    'app-id',
    'token-expires-on',
    'report-path',
    'access-token',
]));
/** `client-id` → `clientId`: the Azure DevOps spelling of a contract name. */
function toCamel(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
function styleName(name, style) {
    return style === 'camel' ? toCamel(name) : name;
}
const SOCKET_WORDS = new Set([
    'timeout',
    'refused',
    'unreachable',
    'reset',
    'no-response',
]);
/** The status output for a check: its outcome, or the socket word of reachability when nothing answered. */
function statusOutput(report, id) {
    const check = report.checks.find((c) => c.id === id);
    const reach = report.checks.find((c) => c.id === 'reachability');
    if (!check)
        return '';
    // Only a socket-level word carries over to a request that was never sent; an HTTP status would claim an answer.
    const requested = id === 'metadata' || report.identity.kind !== 'none';
    if (check.outcome === 'skipped' &&
        requested &&
        reach &&
        !report.reachable &&
        SOCKET_WORDS.has(reach.outcome)) {
        return reach.outcome;
    }
    return check.outcome;
}
/**
 * Every contract output, values as strings ('' when unknown). `access-token` is present only when exposed;
 * callers must have registered it as a secret already (the engine does so the moment it arrives).
 */
function buildOutputs(report, accessToken, options, reportPath) {
    const m = report.machine;
    const id = report.identity;
    const outputs = {
        result: report.result,
        reachable: String(report.reachable),
        mode: report.mode.resolved,
        'metadata-status': statusOutput(report, 'metadata'),
        'token-status': statusOutput(report, 'token'),
        'vm-id': m.vmId,
        'vm-name': m.name,
        'resource-id': m.resourceId,
        'subscription-id': m.subscriptionId,
        'resource-group': m.resourceGroup,
        location: m.location,
        'az-environment': m.azEnvironment,
        'principal-id': id.principalId,
        'tenant-id': id.tenantId,
        'app-id': id.appId,
        'token-expires-on': id.expiresOn,
        'report-path': reportPath,
    };
    if (options.exposeToken)
        outputs['access-token'] = accessToken ?? '';
    return outputs;
}
/** `token: token_identity_not_found, ...` for the checks with the given statuses, for one-line step results. */
function checkCodes(report, statuses) {
    return report.checks
        .filter((c) => statuses.includes(c.status))
        .map((c) => `${c.id}: ${c.code}`)
        .join(', ');
}
/**
 * fail-on policy. `fail` + error fails; `unreachable` fails only when nothing IMDS-like answered;
 * a failure that the policy lets through, and any `warn`, is "succeeded with issues".
 */
function stepVerdict(report) {
    const { result, reachable, failOn } = report;
    if (failOn === 'error' && result === 'fail')
        return 'failed';
    if (failOn === 'unreachable' && !reachable)
        return 'failed';
    if (result === 'pass')
        return 'succeeded';
    return 'succeeded-with-issues';
}
/** CLI exit code for a finished run: 0 pass/warn (or let through), 1 fail. Usage errors are 2 elsewhere. */
function exitCodeFor(report) {
    return stepVerdict(report) === 'failed' ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/core/options.ts
// Turns raw input strings (from action inputs, task inputs or CLI flags) into validated ProbeOptions.
// Every error names the input in the caller's spelling and lists what is accepted.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UAMI_RESOURCE_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resource[gG]roups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
const SELECTOR_INPUTS = [
    ['client-id', 'client_id'],
    ['object-id', 'object_id'],
    ['msi-res-id', 'msi_res_id'],
];
/** A value as shown in a message: quoted, control characters escaped, so the message stays one line. */
function shown(value) {
    const clipped = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    // JSON.stringify leaves U+0085, U+2028 and U+2029 raw; some log viewers break lines on them.
    return JSON.stringify(clipped).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
class InvalidInput extends Error {
    input;
    detail;
    constructor(input, detail) {
        super(detail);
        this.input = input;
        this.detail = detail;
    }
}
function oneOf(input, value, allowed) {
    const lower = value.toLowerCase();
    const hit = allowed.find((a) => a === lower);
    if (hit === undefined)
        throw new InvalidInput(input, `got ${shown(value)}; accepted values: ${allowed.join(', ')}`);
    return hit;
}
/** Strict booleans, so GitHub and Azure DevOps accept and reject the same values. */
function strictBoolean(input, value) {
    const lower = value.toLowerCase();
    if (lower === 'true')
        return true;
    if (lower === 'false')
        return false;
    throw new InvalidInput(input, `got ${shown(value)}; accepted values: true, false`);
}
function timeoutSeconds(value) {
    if (!/^\d+$/.test(value))
        throw new InvalidInput('timeout-seconds', `got ${shown(value)}; expected a whole number from 1 to 600`);
    const n = Number(value);
    if (n < 1 || n > 600)
        throw new InvalidInput('timeout-seconds', `got ${n}; expected a whole number from 1 to 600`);
    return n;
}
/** http://host[:port] with nothing after the authority but an optional '/'. */
function validateBaseUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return null;
    }
    if (url.protocol !== 'http:')
        return null;
    if (url.username || url.password || url.search || url.hash)
        return null;
    if (url.pathname !== '/' && url.pathname !== '')
        return null;
    return `${url.protocol}//${url.host}`;
}
function endpoint(value) {
    if (value === '')
        return '';
    const base = validateBaseUrl(value);
    if (base === null) {
        throw new InvalidInput('endpoint', `got ${shown(value)}; expected a base URL like http://127.0.0.1:8080 (http only, no path)`);
    }
    return base;
}
function resource(value) {
    if (value === '')
        return '';
    if (/\s/.test(value))
        throw new InvalidInput('resource', `got ${shown(value)}; expected an App ID URI such as https://management.azure.com/`);
    if (/^https?:\/\/\S+$/i.test(value) || GUID.test(value) || /^api:\/\/\S+$/i.test(value))
        return value;
    throw new InvalidInput('resource', `got ${shown(value)}; expected an App ID URI (https://...) or an application id (GUID)`);
}
function selector(raw, identity) {
    const given = SELECTOR_INPUTS.filter(([input]) => raw[input] !== '');
    if (identity !== 'user') {
        const first = given[0];
        if (first)
            throw new InvalidInput(first[0], `is only used with identity 'user' (identity is '${identity}')`);
        return null;
    }
    if (given.length === 0) {
        throw new InvalidInput('identity', `'user' needs exactly one of client-id, object-id or msi-res-id`);
    }
    if (given.length > 1) {
        throw new InvalidInput(given[1][0], `give exactly one of client-id, object-id or msi-res-id, not ${given.map(([n]) => n).join(' and ')}`);
    }
    const [input, kind] = given[0];
    const value = raw[input];
    if (kind === 'msi_res_id') {
        if (!UAMI_RESOURCE_ID.test(value)) {
            throw new InvalidInput(input, `got ${shown(value)}; expected /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`);
        }
    }
    else if (!GUID.test(value)) {
        throw new InvalidInput(input, `got ${shown(value)}; expected a GUID like 00000000-0000-0000-0000-000000000000 (not the identity's name)`);
    }
    return { kind, value };
}
/**
 * Parses raw inputs. Missing or empty inputs take the contract defaults; every value is trimmed.
 * `style` decides how inputs are named in messages ('camel' for Azure DevOps).
 */
function parseOptions(rawInputs, style = 'kebab') {
    const raw = {};
    for (const name of INPUT_NAMES) {
        const value = (rawInputs[name] ?? '').trim();
        raw[name] = value === '' ? INPUT_DEFAULTS[name] : value;
    }
    try {
        const identity = oneOf('identity', raw.identity, ['system', 'user', 'none']);
        const options = {
            mode: oneOf('mode', raw.mode, ['auto', 'vm', 'arc']),
            identity,
            selector: selector(raw, identity),
            resource: resource(raw.resource),
            endpoint: endpoint(raw.endpoint),
            timeoutSeconds: timeoutSeconds(raw['timeout-seconds']),
            failOn: oneOf('fail-on', raw['fail-on'], ['error', 'unreachable', 'never']),
            exposeToken: strictBoolean('expose-token', raw['expose-token']),
            reportPath: raw['report-path'],
            junitPath: raw['junit-path'],
        };
        return { ok: true, options };
    }
    catch (err) {
        if (!(err instanceof InvalidInput))
            throw err;
        const detail = err.detail.replace(/\b(client-id|object-id|msi-res-id)\b/g, (n) => styleName(n, style));
        return {
            ok: false,
            error: {
                code: 'invalid_input',
                input: err.input,
                message: `Invalid input '${styleName(err.input, style)}': ${detail}`,
            },
        };
    }
}

;// CONCATENATED MODULE: ./src/core/codes.ts
// Every stable code a check can end with, and the fix we tell the user. docs/errors.md documents each one;
// a test keeps the two in step. Codes never change meaning once released.

/** `timeout-seconds` on GitHub, `timeoutSeconds` on Azure DevOps, `--timeout-seconds` on the CLI. */
function setting(ctx, name, value) {
    if (ctx.frontDoor === 'cli')
        return value === undefined ? `--${name}` : `--${name} ${value}`;
    const styled = ctx.frontDoor === 'azure-devops' ? toCamel(name) : name;
    return value === undefined ? styled : `${styled}: ${value}`;
}
const selectors = (ctx) => ['client-id', 'object-id', 'msi-res-id'].map((n) => setting(ctx, n)).join(', ');
const vmRoute = 'Check that nothing blocks 169.254.169.254:80: an OS firewall or iptables rule, a missing route for 169.254.169.254/32 ' +
    'via the primary NIC (`ip route get 169.254.169.254`), or AKS --enable-imds-restriction for pods without hostNetwork.';
const himdsService = (ctx) => ctx.platform === 'win32'
    ? 'Start the Hybrid IMDS service and check the agent: `Get-Service himds`, `Start-Service himds`, `azcmagent show`.'
    : 'Start the Hybrid IMDS service and check the agent: `systemctl status himdsd`, `sudo systemctl start himdsd`, `azcmagent show`.';
const notImds = (ctx) => `Something other than ${ctx.mode === 'arc' ? 'Hybrid IMDS' : 'IMDS'} answered. Make sure its traffic is not sent through a proxy ` +
    `(add ${ctx.mode === 'arc' ? 'localhost,127.0.0.1' : '169.254.169.254'} to NO_PROXY and the proxy bypass list) ` +
    'and that no local service or container runtime intercepts the address.';
const keyGroup = (ctx) => ctx.platform === 'win32'
    ? "Run the agent or runner as a member of the local 'Hybrid agent extension applications' group (or Administrators), then restart its service."
    : 'Add the runner or agent user to the himds group (`sudo usermod -aG himds <runner user>`), then restart the runner or agent service so the new group applies.';
const CODES = {
    ok: 'Nothing to fix.',
    skipped: 'Nothing to fix; the check did not apply or was not requested.',
    invalid_input: 'Correct the named input; the message lists the accepted values.',
    deadline_exceeded: (ctx) => `The run used up ${setting(ctx, 'timeout-seconds')} before this check could finish. Raise it, or fix the slower check first.`,
    proxy_without_imds_bypass: 'Add the IMDS address to the proxy bypass list (the message shows the exact NO_PROXY value) so that the Azure Monitor Agent and other tools reach IMDS directly. imds-check itself never uses a proxy for IMDS.',
    arc_endpoint_invalid: 'IMDS_ENDPOINT must be an http URL on a loopback address, as the Arc agent sets it (http://localhost:40342). Correct or unset it; imds-check used the default endpoint.',
    arc_in_container: 'Hybrid IMDS listens on the host loopback only; a job in a container cannot reach it. Run the job on the host, or with host networking.',
    connect_timeout: (ctx) => ctx.mode === 'arc'
        ? 'Nothing answered on the Hybrid IMDS port. ' + himdsService(ctx).replace(/^Start/, 'Check')
        : 'Packets to IMDS are dropped. ' + vmRoute,
    connection_refused: (ctx) => ctx.mode === 'arc'
        ? 'Hybrid IMDS is not listening. ' + himdsService(ctx)
        : 'The connection to IMDS was refused locally. ' +
            vmRoute +
            ' Inside a container on an Arc host, IMDS is not available.',
    network_unreachable: (ctx) => ctx.mode === 'arc'
        ? 'The loopback address is unreachable; check the network configuration of this host or container.'
        : 'There is no route to 169.254.169.254. Add a route for 169.254.169.254/32 via the primary NIC (DHCP restores it), or run on an Azure VM.',
    connection_reset: 'The connection was reset. A firewall or a security agent probably rejects it; allow TCP to the IMDS address and port.',
    no_response: 'Something accepted the connection but never answered. Look for a proxy, a transparent interceptor or a hung service on the IMDS address.',
    body_timeout: 'The answer started but its body never finished. Look for an interceptor or a hung service on the IMDS address.',
    body_too_large: (ctx) => 'The answer was larger than 1 MiB, which IMDS never sends. ' + notImds(ctx),
    protocol_error: (ctx) => 'The answer was not valid HTTP. ' + notImds(ctx),
    not_imds_html: (ctx) => 'An HTML page came back. ' + notImds(ctx),
    not_imds_proxy: 'A proxy answered instead of IMDS. Set NO_PROXY to include 169.254.169.254 (Arc: localhost,127.0.0.1) and add it to the proxy bypass list of the agent.',
    not_imds_container_runtime: 'A container runtime answered that the network is unreachable: the job is running somewhere without IMDS (for example Docker Desktop). Run it on an Azure VM or Arc server.',
    not_imds_answer: (ctx) => 'The answer does not look like IMDS. ' + notImds(ctx),
    metadata_header_rejected: 'IMDS rejected the request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
    metadata_api_version: (ctx) => ctx.mode === 'arc'
        ? 'No api-version was accepted, even after falling back to the versions Hybrid IMDS offered. Update the Connected Machine agent (azcmagent), or report the versions shown.'
        : 'No api-version was accepted, even after falling back to the versions IMDS offered. Something may be rewriting requests; compare with `curl -H Metadata:true "http://169.254.169.254/metadata/versions"` on the machine.',
    metadata_not_found: 'IMDS answered 404 for the instance document. Old VMs may need a tag, extension or disk change before compute metadata appears.',
    metadata_method_not_allowed: 'IMDS answered 405: something rewrote the request method. Remove the interceptor.',
    metadata_forbidden: 'IMDS refused the request (403). Check that the request leaves through the primary NIC and that no interceptor rewrites it.',
    metadata_gone: (ctx) => `IMDS kept answering 410 (updating) until the deadline. Retry later, or raise ${setting(ctx, 'timeout-seconds')} above 70.`,
    metadata_throttled: 'IMDS kept answering 429 (more than 5 requests per second from this VM). Reduce other IMDS traffic and retry.',
    metadata_server_error: 'IMDS kept answering 5xx until the deadline. Retry later; if it persists, open an Azure support case for the VM.',
    metadata_unexpected_status: 'IMDS answered with an undocumented status. Retry; if it persists, compare with `curl -H Metadata:true` on the machine.',
    metadata_bad_json: (ctx) => 'The instance document is not valid JSON. ' + notImds(ctx),
    metadata_bad_shape: (ctx) => 'The instance document lacks compute.vmId or compute.resourceId. ' + notImds(ctx),
    token_identity_not_found: (ctx) => ctx.mode === 'arc'
        ? 'The Arc machine has no such identity. Check the identity on the machine resource in Azure.'
        : `The VM has no managed identity, or not the one selected. Enable the system-assigned identity, or assign the user-assigned identity to the VM (az vm identity assign), and check the ${selectors(ctx)} value.`,
    token_multiple_identities: (ctx) => `The VM has several user-assigned identities and none was selected. Set ${setting(ctx, 'identity', 'user')} with one of ${selectors(ctx)}.`,
    token_invalid_resource: 'Entra ID does not know the requested resource in this tenant. Correct the resource (App ID URI of the target API).',
    token_bad_request: 'IMDS rejected the token request (400). Read the error text in the message; check the resource and identity selector.',
    token_header_rejected: 'IMDS rejected the token request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
    token_forbidden: 'IMDS refused the token request (403). Check that the identity is allowed to request tokens and that no interceptor rewrites the request.',
    token_not_found: (ctx) => `The token endpoint kept answering 404 (IMDS updating) until the deadline. Retry later, or raise ${setting(ctx, 'timeout-seconds')}.`,
    token_gone: (ctx) => `The token endpoint kept answering 410 (IMDS updating, up to 70 s). Raise ${setting(ctx, 'timeout-seconds')} above 70 or retry later.`,
    token_throttled: 'The token endpoint kept answering 429 (20 requests per second, 5 concurrent). Reduce other token traffic and retry.',
    token_server_error: 'The token endpoint kept answering 5xx (often Entra ID unreachable from IMDS). Retry later; check Azure status.',
    token_unexpected_status: 'The token endpoint answered with an undocumented status. Retry; compare with a manual request on the machine.',
    token_bad_json: (ctx) => 'The token answer is not valid JSON. ' + notImds(ctx),
    token_bad_shape: (ctx) => 'The token answer lacks access_token or expires_on. ' + notImds(ctx),
    token_expired: 'IMDS returned a token that is already expired. Check the machine clock (NTP) and retry.',
    arc_challenge_missing: 'Hybrid IMDS answered 401 without a WWW-Authenticate challenge. Update the Connected Machine agent.',
    arc_challenge_malformed: 'The WWW-Authenticate challenge is not `Basic realm=<path>`. Update the Connected Machine agent; if it persists, something impersonates HIMDS.',
    arc_expected_challenge: 'Hybrid IMDS returned a token without the key-file challenge; something other than HIMDS may be listening on its port.',
    arc_endpoint_not_loopback: 'The key-file challenge is only followed for a Hybrid IMDS on this machine. Point endpoint at localhost:40342 (or leave it empty); a remote server asking for the key file is not HIMDS.',
    arc_key_outside_tokens_dir: 'The challenge named a file outside the Arc tokens folder, so it was not read. Something other than HIMDS may be listening on its port; check `azcmagent show`.',
    arc_key_not_key_file: 'The challenge named a file that does not end in .key, so it was not read. Something other than HIMDS may be answering.',
    arc_key_not_regular_file: 'The challenge named something that is not a regular file (a link, folder or FIFO), so it was not read.',
    arc_key_too_large: 'The challenge file is larger than 4096 bytes, so it was not read. Something other than HIMDS may be answering.',
    arc_key_missing: 'The challenge file does not exist (it is single-use and removed quickly). Retry; if it persists, restart himdsd.',
    arc_key_permission_denied: keyGroup,
    arc_key_read_failed: 'The challenge file could not be read. Check the folder permissions and free disk space.',
    arc_secret_rejected: 'Hybrid IMDS rejected the key-file secret. Retry; if it persists, restart the Hybrid IMDS service.',
    arc_user_identity_unconfirmed: (ctx) => `The answer did not confirm the requested user-assigned identity: Arc agents before user-assigned support return the system identity. Update the Connected Machine agent, or use ${setting(ctx, 'identity', 'system')}.`,
};
function remediationFor(code, ctx) {
    const remedy = CODES[code];
    return typeof remedy === 'function' ? remedy(ctx) : remedy;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(67);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
;// CONCATENATED MODULE: ./src/core/budget.ts
class Budget {
    clock;
    deadline;
    constructor(clock, totalMs) {
        this.clock = clock;
        this.deadline = clock.now() + totalMs;
    }
    remaining() {
        return Math.max(0, this.deadline - this.clock.now());
    }
    expired() {
        return this.remaining() <= 0;
    }
    /** A bound for one phase: its own limit, or less when the run is nearly out of time. */
    cap(ms) {
        return Math.min(ms, this.remaining());
    }
}

;// CONCATENATED MODULE: ./src/core/endpoints.ts
// Protocol constants in one place: addresses, paths, api-versions, per-attempt bounds, Arc key-file limits.
const IMDS_BASE = 'http://169.254.169.254';
const HIMDS_BASE = 'http://localhost:40342';
const IMDS_HOST = '169.254.169.254';
const METADATA_PATH = '/metadata/instance';
const TOKEN_PATH = '/metadata/identity/oauth2/token';
const VM_METADATA_API_VERSION = '2021-02-01';
const ARC_METADATA_API_VERSION = '2020-06-01';
const VM_TOKEN_API_VERSION = '2018-02-01';
const ARC_TOKEN_API_VERSION = '2020-06-01';
const CONNECT_TIMEOUT_MS = 5_000;
const CONNECT_ATTEMPTS = 2;
const HEADERS_TIMEOUT_MS = 10_000;
const BODY_TIMEOUT_MS = 10_000;
const ARC_SECRET_MAX_BYTES = 4096;
const DEFAULT_RESOURCE = 'https://management.azure.com/';
/** ARM audience per azEnvironment (compared case-insensitively; IMDS samples print it upper-case). */
const ARM_RESOURCE_BY_CLOUD = {
    azurepubliccloud: 'https://management.azure.com/',
    azureusgovernmentcloud: 'https://management.usgovcloudapi.net/',
    azurechinacloud: 'https://management.chinacloudapi.cn/',
    azuregermancloud: 'https://management.microsoftazure.de/',
};
function armResourceFor(azEnvironment) {
    return ARM_RESOURCE_BY_CLOUD[azEnvironment.toLowerCase()] ?? DEFAULT_RESOURCE;
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: ./src/core/no-proxy.ts
// Proxy settings that would catch IMDS traffic of other programs (AMA included), and whether NO_PROXY or the
// agent's bypass list exempts the IMDS host. imds-check itself never uses a proxy.

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'];
function proxySettings(env, agentProxy) {
    const found = [];
    for (const name of PROXY_VARIABLES) {
        for (const variant of [name, name.toLowerCase()]) {
            const value = env[variant]?.trim();
            if (value)
                found.push({ source: variant, url: value });
        }
    }
    if (agentProxy && agentProxy.url.trim() !== '')
        found.push({ source: 'agent proxy', url: agentProxy.url });
    return found;
}
/** NO_PROXY / no_proxy merged, as most tools read either. */
function noProxyValue(env) {
    const entries = [env['NO_PROXY'], env['no_proxy']]
        .flatMap((v) => (v ?? '').split(','))
        .map((e) => e.trim());
    return [...new Set(entries.filter((e) => e !== ''))].join(',');
}
function ipv4ToInt(ip) {
    return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}
function cidrCovers(cidr, host) {
    const [range, bitsText] = cidr.split('/');
    const bits = Number(bitsText);
    if (!range || !external_node_net_default().isIPv4(range) || !external_node_net_default().isIPv4(host) || !Number.isInteger(bits) || bits < 0 || bits > 32)
        return false;
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (ipv4ToInt(range) & mask) === (ipv4ToInt(host) & mask);
}
/** Exact host, leading-dot (or *.) suffix, `*`, and IPv4 CIDR; ports in entries are ignored. */
function noProxyCovers(noProxy, host) {
    const target = host.toLowerCase();
    return noProxy
        .split(/[,\s]+/)
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== '')
        .some((entry) => {
        if (entry === '*')
            return true;
        if (entry.includes('/'))
            return cidrCovers(entry, target);
        const bare = entry.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/^([^:]+):\d+$/, '$1');
        if (bare.startsWith('*.'))
            return target.endsWith(bare.slice(1));
        if (bare.startsWith('.'))
            return target.endsWith(bare) || target === bare.slice(1);
        return bare === target;
    });
}
/** Azure DevOps bypass entries are regular expressions matched against the host. */
function agentBypassCovers(bypass, host) {
    return bypass.some((pattern) => {
        try {
            return new RegExp(pattern, 'i').test(host);
        }
        catch {
            return pattern.toLowerCase() === host.toLowerCase();
        }
    });
}

;// CONCATENATED MODULE: ./src/core/http.ts
// One GET over node:http with an explicit agent (never a proxy, never the global agent), separate bounds for
// connect, time to first byte and body, and a body cap. It never throws: every end is a value the checks classify.

const MAX_BODY_BYTES = 1024 * 1024;
const REFUSED = new Set(['ECONNREFUSED']);
const UNREACHABLE = new Set([
    'ENETUNREACH',
    'EHOSTUNREACH',
    'EADDRNOTAVAIL',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENONET',
    'EHOSTDOWN',
]);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/** Maps a socket error (before or after the connection was up) to a transport failure. */
function classifySocketError(errno, phase) {
    if (REFUSED.has(errno))
        return 'connection_refused';
    if (UNREACHABLE.has(errno))
        return 'network_unreachable';
    if (errno === 'ETIMEDOUT')
        return phase === 'connect' ? 'connect_timeout' : 'no_response';
    if (errno.startsWith('HPE_'))
        return 'protocol_error';
    if (RESET.has(errno) || errno === 'ERR_STREAM_PREMATURE_CLOSE')
        return 'connection_reset';
    return phase === 'connect' ? 'network_unreachable' : 'connection_reset';
}
/** Failures worth trying the next address for (e.g. HIMDS listening on ::1 only). */
const TRY_NEXT_HOST = new Set(['connection_refused', 'network_unreachable']);
async function httpGet(request) {
    let last = null;
    for (const host of request.connectHosts) {
        last = await getOnce(request, host);
        if (last.kind === 'answer' || !TRY_NEXT_HOST.has(last.failure))
            return last;
    }
    return (last ?? { kind: 'failure', failure: 'network_unreachable', errno: 'ENOHOST', status: null, elapsedMs: 0 });
}
function getOnce(request, host) {
    const started = Date.now();
    return new Promise((resolve) => {
        let settled = false;
        let phase = 'connect';
        let status = null;
        let timer = null;
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearTimeout(timer);
            resolve(result);
        };
        const fail = (failure, errno) => {
            finish({ kind: 'failure', failure, errno, status, elapsedMs: Date.now() - started });
            req.destroy();
        };
        // Each phase gets its own bound, but never past what was left of the run when the request started.
        const until = started + request.remainingMs;
        const arm = (ms, onExpire) => {
            if (timer)
                clearTimeout(timer);
            timer = setTimeout(onExpire, Math.max(0, Math.min(ms, until - Date.now())));
        };
        const req = external_node_http_default().request({
            host,
            port: request.port,
            path: request.path,
            method: 'GET',
            agent: request.agent,
            setHost: false,
            headers: { Host: request.hostHeader, ...request.headers },
        });
        const onConnected = () => {
            phase = 'headers';
            arm(request.headersTimeoutMs, () => fail('no_response', 'ETIMEDOUT'));
        };
        arm(request.connectTimeoutMs, () => fail('connect_timeout', 'ETIMEDOUT'));
        req.on('socket', (socket) => {
            if (socket.connecting)
                socket.once('connect', onConnected);
            else
                onConnected();
        });
        req.on('error', (err) => {
            const errno = err.code ?? 'EUNKNOWN';
            fail(classifySocketError(errno, phase), errno);
        });
        req.on('response', (res) => {
            phase = 'body';
            status = res.statusCode ?? 0;
            arm(request.bodyTimeoutMs, () => fail('body_timeout', 'ETIMEDOUT'));
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > request.maxBodyBytes) {
                    fail('body_too_large', 'EFBIG');
                    return;
                }
                chunks.push(chunk);
            });
            res.on('error', (err) => fail(classifySocketError(err.code ?? 'ECONNRESET', 'body'), err.code ?? 'ECONNRESET'));
            res.on('aborted', () => fail('connection_reset', 'ECONNRESET'));
            res.on('end', () => {
                if (!res.complete) {
                    fail('connection_reset', 'ECONNRESET');
                    return;
                }
                finish({
                    kind: 'answer',
                    status: status ?? 0,
                    headers: collectHeaders(res.rawHeaders),
                    body: Buffer.concat(chunks).toString('utf8'),
                    elapsedMs: Date.now() - started,
                });
            });
        });
        req.end();
    });
}
function collectHeaders(raw) {
    const headers = {};
    for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = raw[i].toLowerCase();
        (headers[name] ??= []).push(raw[i + 1]);
    }
    return headers;
}
function header(answer, name) {
    return answer.headers[name.toLowerCase()]?.[0] ?? '';
}

;// CONCATENATED MODULE: ./src/core/probe-context.ts



const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);
/** 127.0.0.0/8, ::1 and localhost. */
function isLoopbackAddress(host) {
    const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    return LOOPBACK_NAMES.has(h) || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
function parseEndpoint(base) {
    const url = new URL(base);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port === '' ? 80 : Number(url.port);
    // localhost may resolve to ::1 first while HIMDS listens on 127.0.0.1: try IPv4 first, then IPv6.
    const connectHosts = LOOPBACK_NAMES.has(hostname.toLowerCase()) ? ['127.0.0.1', '::1'] : [hostname];
    return { base: `http://${url.host}`, connectHosts, port, hostHeader: url.host };
}
function sendGet(run, pathAndQuery, extraHeaders = {}) {
    const { budget } = run;
    return httpGet({
        connectHosts: run.endpoint.connectHosts,
        port: run.endpoint.port,
        hostHeader: run.endpoint.hostHeader,
        path: pathAndQuery,
        headers: {
            Metadata: 'true',
            Accept: 'application/json',
            'User-Agent': `imds-check/${run.ctx.toolVersion}`,
            ...extraHeaders,
        },
        connectTimeoutMs: budget.cap(CONNECT_TIMEOUT_MS),
        headersTimeoutMs: budget.cap(HEADERS_TIMEOUT_MS),
        bodyTimeoutMs: budget.cap(BODY_TIMEOUT_MS),
        remainingMs: budget.remaining(),
        maxBodyBytes: MAX_BODY_BYTES,
        agent: run.agent,
    });
}
const CHECK_TITLES = {
    environment: 'Environment',
    reachability: 'IMDS reachable',
    metadata: 'Instance metadata',
    token: 'Managed-identity token',
};
function finishCheck(run, id, startedAt, end) {
    const standard = end.status === 'pass' || end.status === 'skip'
        ? ''
        : remediationFor(end.code, {
            mode: run.mode,
            platform: run.ctx.platform,
            frontDoor: run.ctx.frontDoor,
        });
    return {
        id,
        title: CHECK_TITLES[id],
        status: end.status,
        code: end.code,
        message: end.message,
        remediation: [end.hint ?? '', standard].filter((s) => s !== '').join(' '),
        durationMs: Math.max(0, run.ctx.clock.now() - startedAt),
        attempts: end.attempts ?? 0,
        httpStatus: end.httpStatus ?? null,
        outcome: end.outcome ?? 'skipped',
    };
}
function skipped(run, id, message, outcome = 'skipped') {
    return finishCheck(run, id, run.ctx.clock.now(), { status: 'skip', code: 'skipped', message, outcome });
}

;// CONCATENATED MODULE: ./src/core/checks/environment.ts
// The environment check: which mode (VM or Arc) and why, which endpoint, and whether a proxy setting would
// catch IMDS traffic of other programs. It sends nothing over the network.




const SIGNAL_TEXT = {
    requested: 'requested by the mode input',
    'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
    'himds-agent-installed': 'the Azure Connected Machine agent (himds) is installed',
    'default-vm': 'no Arc signal found',
};
async function anyExists(ctx, paths) {
    for (const p of paths)
        if (await ctx.fs.exists(p))
            return p;
    return null;
}
async function resolveMode(options, ctx) {
    if (options.mode !== 'auto')
        return { mode: options.mode, signal: 'requested' };
    if (ctx.env['IDENTITY_ENDPOINT'] && ctx.env['IMDS_ENDPOINT'])
        return { mode: 'arc', signal: 'identity-endpoint-env' };
    if (await anyExists(ctx, ctx.arcAgentMarkers))
        return { mode: 'arc', signal: 'himds-agent-installed' };
    return { mode: 'vm', signal: 'default-vm' };
}
/** Arc endpoint from IMDS_ENDPOINT when it is a plain http loopback URL; otherwise the default, with a reason. */
function arcEndpoint(ctx) {
    const raw = ctx.env['IMDS_ENDPOINT']?.trim();
    if (!raw)
        return { base: HIMDS_BASE, problem: null };
    const base = validateBaseUrl(raw);
    if (base === null || !isLoopbackAddress(new URL(base).hostname)) {
        return {
            base: HIMDS_BASE,
            problem: `IMDS_ENDPOINT='${raw}' is not an http URL on a loopback address; used ${HIMDS_BASE} instead.`,
        };
    }
    return { base, problem: null };
}
function proxyFinding(ctx, mode) {
    const settings = proxySettings(ctx.env, ctx.agentProxy);
    if (settings.length === 0)
        return { message: 'No proxy is configured.', warn: false, hint: '' };
    const hosts = mode === 'arc' ? ['localhost', '127.0.0.1'] : [IMDS_HOST];
    const noProxy = noProxyValue(ctx.env);
    const envMissing = hosts.filter((h) => !noProxyCovers(noProxy, h));
    const envProxies = settings.filter((s) => s.source !== 'agent proxy');
    const agentMissing = ctx.agentProxy
        ? hosts.filter((h) => !agentBypassCovers(ctx.agentProxy.bypass, h))
        : [];
    const names = settings.map((s) => s.source).join(', ');
    const nodeEnvProxy = ctx.env['NODE_USE_ENV_PROXY'] === '1' ? ' NODE_USE_ENV_PROXY=1 is set, so Node programs use it too.' : '';
    const problems = [];
    const fixes = [];
    if (envProxies.length > 0 && envMissing.length > 0) {
        problems.push(`NO_PROXY does not cover ${envMissing.join(', ')}`);
        const fixed = [noProxy, ...envMissing].filter((v) => v !== '').join(',');
        fixes.push(`Set NO_PROXY=${fixed} (and no_proxy the same) for the runner and the Azure Monitor Agent.`);
    }
    if (agentMissing.length > 0) {
        problems.push(`the agent proxy bypass list does not cover ${agentMissing.join(', ')}`);
        fixes.push(`Add ${agentMissing.map((h) => h.replace(/\./g, '\\.')).join(' and ')} to the agent's .proxybypass file.`);
    }
    const base = `Proxy configured (${names}); imds-check contacted IMDS directly.${nodeEnvProxy}`;
    if (problems.length === 0)
        return { message: `${base} The bypass list covers the IMDS address.`, warn: false, hint: '' };
    return {
        message: `${base} But ${problems.join(' and ')}, so other programs would send IMDS traffic to the proxy.`,
        warn: true,
        hint: fixes.join(' '),
    };
}
async function environmentCheck(options, ctx) {
    const startedAt = ctx.clock.now();
    const { mode, signal } = await resolveMode(options, ctx);
    let base = options.endpoint;
    let endpointProblem = null;
    if (base === '') {
        if (mode === 'arc')
            ({ base, problem: endpointProblem } = arcEndpoint(ctx));
        else
            base = IMDS_BASE;
    }
    const inContainer = await anyExists(ctx, ctx.containerMarkers);
    const proxy = proxyFinding(ctx, mode);
    const parts = [
        `Mode ${mode} (${SIGNAL_TEXT[signal]}); endpoint ${base}${options.endpoint ? ' (endpoint input)' : ''}.`,
        proxy.message,
    ];
    if (inContainer)
        parts.push(`Running in a container (${inContainer}).`);
    let end;
    if (endpointProblem) {
        end = { status: 'fail', code: 'arc_endpoint_invalid', message: [...parts, endpointProblem].join(' ') };
    }
    else if (proxy.warn) {
        end = { status: 'warn', code: 'proxy_without_imds_bypass', message: parts.join(' '), hint: proxy.hint };
    }
    else if (inContainer && mode === 'arc' && options.endpoint === '') {
        end = { status: 'warn', code: 'arc_in_container', message: parts.join(' ') };
    }
    else {
        end = { status: 'pass', code: 'ok', message: parts.join(' ') };
    }
    const check = finishCheck({ mode, ctx }, 'environment', startedAt, end);
    return { mode, signal, base, check };
}

;// CONCATENATED MODULE: ./src/core/recognise.ts

const IMDS_SERVER = /^IMDS\/\d+(\.\d+)*$/;
function parseJsonObject(body) {
    try {
        const value = JSON.parse(body);
        return value !== null && typeof value === 'object' && !Array.isArray(value)
            ? value
            : null;
    }
    catch {
        return null;
    }
}
function hasImdsServerHeader(answer) {
    return IMDS_SERVER.test(header(answer, 'server').trim());
}
function isArcChallenge(answer) {
    return (answer.status === 401 &&
        (answer.headers['www-authenticate'] ?? []).some((v) => /^\s*basic\s+realm=/i.test(v)));
}
function isImdsError(json) {
    return 'error' in json || 'newest-versions' in json;
}
/** `successShape` says what a 200 must hold to count as IMDS. */
function recognise(answer, successShape) {
    const body = answer.body;
    const serverHeader = hasImdsServerHeader(answer);
    const contentType = header(answer, 'content-type').toLowerCase();
    const json = parseJsonObject(body);
    if (/fail to directly connect/i.test(body)) {
        return {
            imds: false,
            code: 'not_imds_proxy',
            json,
            what: `a proxy answered ${answer.status} "Fail to directly connect"`,
        };
    }
    if (answer.status === 403 && /unreachable network/i.test(body)) {
        return {
            imds: false,
            code: 'not_imds_container_runtime',
            json,
            what: 'a container runtime answered 403 "unreachable network"',
        };
    }
    if (isArcChallenge(answer))
        return { imds: true, json, serverHeader };
    if (answer.status === 407)
        return { imds: false, code: 'not_imds_proxy', json, what: 'a proxy asked for authentication (407)' };
    if ((answer.status === 502 || answer.status === 504) && !(json && isImdsError(json))) {
        return {
            imds: false,
            code: 'not_imds_proxy',
            json,
            what: `a proxy or gateway answered ${answer.status}`,
        };
    }
    if (contentType.includes('text/html') || /^\s*<(!doctype|html|head|body|\?xml)/i.test(body)) {
        return {
            imds: false,
            code: 'not_imds_html',
            json,
            what: `an HTML page came back (HTTP ${answer.status})`,
        };
    }
    if (json !== null) {
        if (answer.status === 200 ? successShape(json) : isImdsError(json))
            return { imds: true, json, serverHeader };
        if (answer.status === 502 || answer.status === 504) {
            return { imds: false, code: 'not_imds_proxy', json, what: `a gateway answered ${answer.status}` };
        }
        return {
            imds: false,
            code: 'not_imds_answer',
            json,
            what: `JSON that is not IMDS-shaped came back (HTTP ${answer.status})`,
        };
    }
    // HIMDS may answer version errors in plain text.
    if (/supported are/i.test(body))
        return { imds: true, json: null, serverHeader };
    if (answer.status === 502 || answer.status === 504) {
        return {
            imds: false,
            code: 'not_imds_proxy',
            json: null,
            what: `a proxy or gateway answered ${answer.status}`,
        };
    }
    return {
        imds: false,
        code: 'not_imds_answer',
        json: null,
        what: `a non-JSON answer came back (HTTP ${answer.status})`,
    };
}

;// CONCATENATED MODULE: ./src/core/retry.ts


const MAX_ATTEMPTS = 8;
// A transport failure after the connection was proven is retried once: more only delays the diagnosis.
const MAX_TRANSPORT_ATTEMPTS = 2;
const GONE_WINDOW_MS = 70_000;
const MAX_GONE_ATTEMPTS = 20;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 16_000;
// During an IMDS update, poll about every 10 s (as Microsoft's clients do) rather than backing off further.
const GONE_MAX_DELAY_MS = 10_000;
const RETRIED_FAILURES = new Set(['no_response', 'connection_reset', 'connect_timeout', 'body_timeout']);
function isRetryable(kind, result) {
    if (result.kind === 'failure')
        return RETRIED_FAILURES.has(result.failure);
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
function retryAfterMs(value, now) {
    const v = value.trim();
    if (v === '')
        return null;
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    // Only an IMF-fixdate (e.g. "Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would accept "1.5" as a date.
    if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(v))
        return null;
    const date = Date.parse(v);
    return Number.isNaN(date) ? null : Math.max(0, date - now);
}
/** Delay before attempt n+1 after n attempts: 0.5–1.0 × 1 s·2^(n-1), at least 1 s for 5xx, or Retry-After. */
function retryDelayMs(attemptsSoFar, result, random, now) {
    if (result.kind === 'answer') {
        const hinted = retryAfterMs(header(result, 'retry-after'), now);
        if (hinted !== null && (result.status === 429 || result.status === 503))
            return hinted;
    }
    const cap = result.kind === 'answer' && result.status === 410 ? GONE_MAX_DELAY_MS : MAX_DELAY_MS;
    const base = Math.min(cap, BASE_DELAY_MS * 2 ** Math.max(0, attemptsSoFar - 1));
    const jittered = base / 2 + random() * (base / 2);
    return result.kind === 'answer' && result.status >= 500 ? Math.max(1_000, jittered) : jittered;
}
async function withRetry(kind, send, deps) {
    let attempts = 0;
    let firstGoneAt = null;
    for (;;) {
        const result = await send();
        attempts += 1;
        if (!isRetryable(kind, result))
            return { result, attempts };
        // 410 means "IMDS is updating, back within 70 s": keep trying for that window, not for a fixed count.
        const gone = result.kind === 'answer' && result.status === 410;
        if (gone && firstGoneAt === null)
            firstGoneAt = deps.clock.now();
        const limit = result.kind === 'failure' ? MAX_TRANSPORT_ATTEMPTS : gone ? MAX_GONE_ATTEMPTS : MAX_ATTEMPTS;
        if (attempts >= limit)
            return { result, attempts };
        if (gone && firstGoneAt !== null && deps.clock.now() - firstGoneAt >= GONE_WINDOW_MS)
            return { result, attempts };
        const delay = retryDelayMs(attempts, result, deps.random, deps.clock.now());
        // A wait that leaves no time for the next attempt is pointless: report what we have.
        if (delay + 250 >= deps.budget.remaining())
            return { result, attempts };
        await deps.clock.sleep(delay);
    }
}

;// CONCATENATED MODULE: ./src/core/transport.ts
const OUTCOME = {
    connect_timeout: 'timeout',
    connection_refused: 'refused',
    network_unreachable: 'unreachable',
    connection_reset: 'reset',
    no_response: 'no-response',
    body_timeout: 'no-response',
    body_too_large: '',
    protocol_error: 'no-response',
};
const DESCRIPTION = {
    connect_timeout: 'the connection attempt timed out (packets dropped)',
    connection_refused: 'the connection was refused',
    network_unreachable: 'the network is unreachable (no route)',
    connection_reset: 'the connection was reset',
    no_response: 'the connection was accepted but nothing answered',
    body_timeout: 'the answer started but its body never finished',
    body_too_large: 'the answer was larger than 1 MiB',
    protocol_error: 'the answer was not valid HTTP',
};
function failureOutcome(f) {
    return OUTCOME[f.failure] || String(f.status ?? '');
}
function failureCode(f) {
    return f.failure;
}
function describeFailure(f) {
    const errno = f.errno && f.errno !== 'ETIMEDOUT' && f.errno !== 'EFBIG' ? ` (${f.errno})` : '';
    return `${DESCRIPTION[f.failure]}${errno}`;
}

;// CONCATENATED MODULE: ./src/core/checks/answers.ts

const answers_text = (v) => typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
/** The `error` / `error_description` of an IMDS error body, as one short line. */
function errorText(answer) {
    const json = parseJsonObject(answer.body);
    if (json) {
        const error = json['error'];
        const parts = [
            typeof error === 'object' && error !== null
                ? answers_text(error['message'])
                : answers_text(error),
            answers_text(json['error_description']),
        ];
        // A JSON body is only ever shown through its error fields, never raw (it could hold a token).
        return clip(parts.filter((p) => p !== '').join(': '));
    }
    return clip(answer.body.replace(/\s+/g, ' ').trim());
}
function clip(s, max = 300) {
    return s.length > max ? `${s.slice(0, max)}…` : s;
}
const VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
/** Versions the server says it accepts, newest first; empty when the answer is not a version error. */
function offeredVersions(answer) {
    if (answer.status !== 400 && answer.status !== 404)
        return [];
    const json = parseJsonObject(answer.body);
    const newest = json?.['newest-versions'];
    if (Array.isArray(newest))
        return newest.map(answers_text).filter((v) => VERSION.test(v));
    const supported = /supported are\s+([0-9a-z\-, ]+)/i.exec(answer.body);
    if (supported?.[1]) {
        return supported[1]
            .split(/[\s,]+/)
            .filter((v) => VERSION.test(v))
            .sort()
            .reverse();
    }
    return [];
}
function isVersionError(answer) {
    return offeredVersions(answer).length > 0 || /invalid version|api-version/i.test(errorText(answer));
}

;// CONCATENATED MODULE: ./src/core/checks/metadata.ts






const EMPTY_MACHINE = {
    vmId: '',
    name: '',
    resourceId: '',
    subscriptionId: '',
    resourceGroup: '',
    location: '',
    azEnvironment: '',
    vmSize: '',
    osType: '',
};
function compute(json) {
    const c = json['compute'];
    return c !== null && typeof c === 'object' && !Array.isArray(c) ? c : null;
}
function hasMetadataShape(json) {
    const c = compute(json);
    return c !== null && (answers_text(c['vmId']) !== '' || answers_text(c['resourceId']) !== '');
}
function metadata_machineFacts(json) {
    const c = compute(json) ?? {};
    return {
        vmId: answers_text(c['vmId']),
        name: answers_text(c['name']),
        resourceId: answers_text(c['resourceId']),
        subscriptionId: answers_text(c['subscriptionId']),
        resourceGroup: answers_text(c['resourceGroupName']),
        location: answers_text(c['location']),
        azEnvironment: answers_text(c['azEnvironment']),
        vmSize: answers_text(c['vmSize']),
        osType: answers_text(c['osType']),
    };
}
function statusCode(answer) {
    const s = answer.status;
    if (s === 400 && /metadata header/i.test(answer.body))
        return 'metadata_header_rejected';
    if (s === 400 || s === 404)
        return isVersionError(answer)
            ? 'metadata_api_version'
            : s === 404
                ? 'metadata_not_found'
                : 'metadata_unexpected_status';
    if (s === 403)
        return 'metadata_forbidden';
    if (s === 405)
        return 'metadata_method_not_allowed';
    if (s === 410)
        return 'metadata_gone';
    if (s === 429)
        return 'metadata_throttled';
    if (s >= 500)
        return 'metadata_server_error';
    return 'metadata_unexpected_status';
}
async function metadataCheck(run) {
    const startedAt = run.ctx.clock.now();
    const deps = { clock: run.ctx.clock, random: run.ctx.random, budget: run.budget };
    let version = run.mode === 'arc' ? ARC_METADATA_API_VERSION : VM_METADATA_API_VERSION;
    const get = (v) => withRetry('metadata', () => sendGet(run, `${METADATA_PATH}?api-version=${v}`), deps);
    let { result, attempts } = await get(version);
    let fellBackFrom = '';
    if (result.kind === 'answer' && isVersionError(result)) {
        const offered = offeredVersions(result);
        if (offered[0] && offered[0] !== version) {
            fellBackFrom = version;
            version = offered[0];
            const second = await get(version);
            result = second.result;
            attempts += second.attempts;
        }
    }
    return judge(run, startedAt, result, attempts, version, fellBackFrom);
}
function judge(run, startedAt, result, attempts, version, fellBackFrom) {
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (result.kind === 'failure') {
        const check = finishCheck(run, 'metadata', startedAt, {
            status: 'fail',
            code: failureCode(result),
            message: `GET ${METADATA_PATH} failed${tries}: ${describeFailure(result)}.`,
            attempts,
            httpStatus: result.status,
            outcome: failureOutcome(result),
        });
        return { check, recognition: null, machine: EMPTY_MACHINE };
    }
    const recognition = recognise(result, hasMetadataShape);
    const base = { attempts, httpStatus: result.status, outcome: String(result.status) };
    const fallback = fellBackFrom
        ? ` (api-version ${fellBackFrom} was refused; used ${version} from the versions offered)`
        : '';
    if (!recognition.imds) {
        // A 200 that is neither HTML nor a proxy page is a broken instance document: say which way it is broken.
        const brokenDocument = result.status === 200 && recognition.code === 'not_imds_answer';
        const check = finishCheck(run, 'metadata', startedAt, {
            status: 'fail',
            code: !brokenDocument
                ? recognition.code
                : recognition.json === null
                    ? 'metadata_bad_json'
                    : 'metadata_bad_shape',
            message: `GET ${METADATA_PATH}: ${recognition.what}${tries}, not the IMDS instance document.`,
            ...base,
        });
        return { check, recognition, machine: EMPTY_MACHINE };
    }
    if (result.status !== 200) {
        const code = statusCode(result);
        const check = finishCheck(run, 'metadata', startedAt, {
            status: 'fail',
            code,
            message: `GET ${METADATA_PATH}?api-version=${version} answered ${result.status}${tries}: ${errorText(result) || 'no error text'}${fallback}.`,
            ...base,
        });
        return { check, recognition, machine: EMPTY_MACHINE };
    }
    if (recognition.json === null || !hasMetadataShape(recognition.json)) {
        const check = finishCheck(run, 'metadata', startedAt, {
            status: 'fail',
            code: recognition.json === null ? 'metadata_bad_json' : 'metadata_bad_shape',
            message: `GET ${METADATA_PATH} answered 200${tries} but the body is ${recognition.json === null ? 'not valid JSON' : 'not an instance document (no compute.vmId)'}.`,
            ...base,
        });
        return { check, recognition, machine: EMPTY_MACHINE };
    }
    const machine = metadata_machineFacts(recognition.json);
    const where = [
        machine.name && `${machine.name}`,
        machine.location && `in ${machine.location}`,
        machine.azEnvironment && `(${machine.azEnvironment})`,
    ]
        .filter((s) => s)
        .join(' ');
    const serverNote = recognition.serverHeader || run.mode === 'arc'
        ? ''
        : ' Note: the answer had no `Server: IMDS/...` header.';
    const check = finishCheck(run, 'metadata', startedAt, {
        status: 'pass',
        code: 'ok',
        message: `Instance metadata read${tries} with api-version ${version}${fallback}: ${where || 'document valid'}.${serverNote}`,
        ...base,
    });
    return { check, recognition, machine };
}

;// CONCATENATED MODULE: ./src/core/tcp.ts
// TCP connect probe for the reachability check: tells dropped (timeout) from refused from unreachable
// before any HTTP is spoken.


function connectOnce(host, port, timeoutMs) {
    const started = Date.now();
    return new Promise((resolve) => {
        const socket = external_node_net_default().connect({ host, port });
        const done = (result) => {
            clearTimeout(timer);
            socket.destroy();
            resolve(result);
        };
        const timer = setTimeout(() => done({ ok: false, failure: 'connect_timeout', errno: 'ETIMEDOUT', elapsedMs: Date.now() - started }), Math.max(0, timeoutMs));
        socket.once('connect', () => done({ ok: true, host, elapsedMs: Date.now() - started }));
        socket.once('error', (err) => {
            const errno = err.code ?? 'EUNKNOWN';
            done({
                ok: false,
                failure: classifySocketError(errno, 'connect'),
                errno,
                elapsedMs: Date.now() - started,
            });
        });
    });
}
/** Tries each host in order; moves on only when one is refused or unreachable. */
async function tcpConnect(hosts, port, timeoutMs) {
    let last = { ok: false, failure: 'network_unreachable', errno: 'ENOHOST', elapsedMs: 0 };
    for (const host of hosts) {
        last = await connectOnce(host, port, timeoutMs);
        if (last.ok || (last.failure !== 'connection_refused' && last.failure !== 'network_unreachable'))
            return last;
    }
    return last;
}

;// CONCATENATED MODULE: ./src/core/checks/reachability.ts
// The reachability check, part one: a TCP connect that tells dropped from refused from unreachable.
// Part two (did IMDS itself answer?) is settled by run-probe from what the metadata and token requests saw.




async function serviceState(run) {
    const diagnostics = run.ctx.diagnostics;
    // With no time left a zero timeout would mean "no limit" to child_process: skip instead.
    if (!diagnostics || run.mode !== 'arc' || run.budget.remaining() < 250)
        return '';
    const [cmd, args, name] = run.ctx.platform === 'win32'
        ? ['sc.exe', ['query', 'himds'], 'himds service']
        : ['systemctl', ['is-active', 'himdsd'], 'himdsd service'];
    try {
        const answer = await diagnostics.run(cmd, args, Math.min(2_000, run.budget.remaining()));
        if (!answer)
            return '';
        const state = run.ctx.platform === 'win32'
            ? (/STATE\s*:\s*\d+\s+(\w+)/.exec(answer.stdout)?.[1] ?? '')
            : answer.stdout.trim().split('\n')[0];
        return state ? ` The ${name} is ${state.toLowerCase()}.` : '';
    }
    catch {
        return '';
    }
}
async function connectCheck(run) {
    const startedAt = run.ctx.clock.now();
    const { connectHosts, port, base } = run.endpoint;
    let attempts = 0;
    for (;;) {
        attempts += 1;
        const result = await tcpConnect(connectHosts, port, run.budget.cap(CONNECT_TIMEOUT_MS));
        if (result.ok)
            return { connected: true, check: null, attempts, connectMs: run.ctx.clock.now() - startedAt };
        const again = result.failure === 'connect_timeout' && attempts < CONNECT_ATTEMPTS && !run.budget.expired();
        if (again)
            continue;
        const extra = result.failure === 'connection_refused' ? await serviceState(run) : '';
        const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
        const check = finishCheck(run, 'reachability', startedAt, {
            status: 'fail',
            code: failureCode(result),
            message: `Could not connect to ${base}${tries}: ${describeFailure(result)}.${extra}`,
            attempts,
            outcome: failureOutcome({ failure: result.failure, status: null }),
        });
        return { connected: false, check, attempts, connectMs: run.ctx.clock.now() - startedAt };
    }
}

;// CONCATENATED MODULE: ./src/core/jwt.ts
const EMPTY = {
    aud: '',
    iss: '',
    tid: '',
    oid: '',
    appid: '',
    xmsMirid: '',
    exp: null,
    iat: null,
};
const jwt_text = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) ? n : null;
};
function readClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[1])
        return EMPTY;
    let payload;
    try {
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return EMPTY;
    }
    if (payload === null || typeof payload !== 'object')
        return EMPTY;
    const p = payload;
    return {
        aud: jwt_text(p['aud']),
        iss: jwt_text(p['iss']),
        tid: jwt_text(p['tid']),
        oid: jwt_text(p['oid']),
        appid: jwt_text(p['appid']) || jwt_text(p['azp']),
        xmsMirid: jwt_text(p['xms_mirid']),
        exp: num(p['exp']),
        iat: num(p['iat']),
    };
}

;// CONCATENATED MODULE: ./src/core/checks/token-answer.ts



/**
 * Registers every secret an answer carries, before anything else looks at it; returns the access token when
 * the body is a JSON object. A body that does not parse is still scanned, so a truncated answer cannot carry
 * an unregistered token into a message.
 */
function registerTokenSecrets(body, ctx) {
    const json = parseJsonObject(body);
    if (!json) {
        for (const m of body.matchAll(/"(?:access|refresh)_token"\s*:\s*"([^"\\]{8,})/g))
            ctx.registerSecret(m[1]);
        return null;
    }
    const token = typeof json['access_token'] === 'string' ? json['access_token'] : null;
    for (const field of ['access_token', 'refresh_token']) {
        const value = json[field];
        if (typeof value === 'string' && value !== '')
            ctx.registerSecret(value);
    }
    return token;
}
/** '' when the value is not a date JavaScript can represent (a hostile expires_on like 1e20 must not throw). */
function isoSeconds(epochSeconds) {
    const date = new Date(epochSeconds * 1000);
    if (!Number.isFinite(epochSeconds) || Number.isNaN(date.getTime()))
        return '';
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** expires_on as epoch seconds: a number, a numeric string, or a date string; else from exp or expires_in. */
function expiresOnSeconds(json, exp, nowMs) {
    const raw = json['expires_on'];
    if (typeof raw === 'number' && Number.isFinite(raw))
        return raw;
    if (typeof raw === 'string' && /^\d+$/.test(raw.trim()))
        return Number(raw.trim());
    if (typeof raw === 'string' && raw.trim() !== '') {
        const parsed = Date.parse(raw);
        if (!Number.isNaN(parsed))
            return Math.floor(parsed / 1000);
    }
    if (exp !== null)
        return exp;
    const inSeconds = Number(answers_text(json['expires_in']));
    return Number.isFinite(inSeconds) && answers_text(json['expires_in']) !== ''
        ? Math.floor(nowMs / 1000) + inSeconds
        : null;
}
function selectorText(selector) {
    return selector ? `${selector.kind}=${selector.value}` : '';
}
function identityFacts(options, token, json, nowMs) {
    const claims = readClaims(token);
    const expires = expiresOnSeconds(json, claims.exp, nowMs);
    return {
        kind: options.identity,
        selector: selectorText(options.selector),
        principalId: claims.oid || answers_text(json['object_id']),
        tenantId: claims.tid,
        appId: claims.appid || answers_text(json['client_id']),
        audience: claims.aud || answers_text(json['resource']),
        expiresOn: expires === null ? '' : isoSeconds(expires),
        tokenType: answers_text(json['token_type']),
    };
}
/** On Arc a user-assigned request passes only when the answer names the identity we asked for. */
function confirmsSelector(selector, token, json) {
    const claims = readClaims(token);
    const want = selector.value.toLowerCase();
    const echoed = answers_text(json[selector.kind]).toLowerCase();
    const claim = { client_id: claims.appid, object_id: claims.oid, msi_res_id: claims.xmsMirid }[selector.kind].toLowerCase();
    return echoed === want || claim === want;
}
function tokenStatusCode(answer) {
    const s = answer.status;
    const detail = errorText(answer);
    if (s === 400) {
        if (/identity not found/i.test(detail))
            return 'token_identity_not_found';
        if (/multiple user assigned identities/i.test(detail))
            return 'token_multiple_identities';
        if (/invalid_resource|AADSTS500011|AADSTS50001\b/i.test(detail))
            return 'token_invalid_resource';
        if (/metadata header/i.test(detail))
            return 'token_header_rejected';
        return 'token_bad_request';
    }
    if (s === 403)
        return 'token_forbidden';
    if (s === 404)
        return 'token_not_found';
    if (s === 410)
        return 'token_gone';
    if (s === 429)
        return 'token_throttled';
    if (s >= 500)
        return 'token_server_error';
    return 'token_unexpected_status';
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/checks/arc-key.ts
// The Arc challenge: parse `WWW-Authenticate: Basic realm=<path>`, prove the path is a .key file directly in
// the platform's tokens folder (no `..`, no link, regular file, at most 4096 bytes) BEFORE reading it, then
// read it. Any rule broken means the file is never opened.


const refuse = (code, message) => ({ ok: false, code, message });
/** The realm path, or a refusal when the challenge is missing, ambiguous or not plain `Basic realm=<path>`. */
function realmFrom(answer) {
    const values = answer.headers['www-authenticate'] ?? [];
    if (values.length === 0)
        return {
            code: 'arc_challenge_missing',
            message: 'Hybrid IMDS answered 401 without a WWW-Authenticate header.',
        };
    if (new Set(values.map((v) => v.trim())).size > 1) {
        return {
            code: 'arc_challenge_malformed',
            message: `Hybrid IMDS sent ${values.length} different WWW-Authenticate challenges; none was followed.`,
        };
    }
    const match = /^\s*Basic\s+realm=(.*)$/i.exec(values[0]);
    let realm = match?.[1]?.trim() ?? '';
    const quoted = /^"([^"]*)"$/.exec(realm);
    if (quoted)
        realm = quoted[1];
    if (realm === '' || /["',;\r\n\0]/.test(realm)) {
        return {
            code: 'arc_challenge_malformed',
            message: 'The WWW-Authenticate challenge is not of the form `Basic realm=<path>`; it was not followed.',
        };
    }
    return { path: realm };
}
function pathApi(platform) {
    return platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
}
/** Checks the rules that need no file access. */
function checkKeyPath(realm, ctx) {
    const p = pathApi(ctx.platform);
    const same = (a, b) => ctx.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
    const segments = realm.split(ctx.platform === 'win32' ? /[\\/]/ : /\//);
    if (!p.isAbsolute(realm) || segments.includes('..') || segments.includes('.')) {
        return refuse('arc_key_outside_tokens_dir', `The challenge path ${realm} is not a plain absolute path; it was not read.`);
    }
    const dir = p.dirname(p.normalize(realm));
    if (!same(dir, p.normalize(ctx.arcTokensDir).replace(/[\\/]+$/, ''))) {
        return refuse('arc_key_outside_tokens_dir', `The challenge path ${realm} is not directly in ${ctx.arcTokensDir}; it was not read.`);
    }
    if (!(ctx.platform === 'win32' ? realm.toLowerCase() : realm).endsWith('.key')) {
        return refuse('arc_key_not_key_file', `The challenge path ${realm} does not end in .key; it was not read.`);
    }
    return null;
}
function errorCode(err) {
    return err?.code ?? '';
}
function fileError(err, realm, ctx) {
    const code = errorCode(err);
    if (code === 'ENOENT')
        return refuse('arc_key_missing', `The challenge file ${realm} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM') {
        const who = ctx.platform === 'win32'
            ? "members of 'Hybrid agent extension applications' or Administrators"
            : 'root and members of the himds group';
        return refuse('arc_key_permission_denied', `Permission denied reading ${realm}: only ${who} may read the Arc tokens folder.`);
    }
    if (code === 'ELOOP' || code === 'ENOTREG' || code === 'EISDIR')
        return refuse('arc_key_not_regular_file', `${realm} is not a regular file; it was not read.`);
    if (code === 'EFBIG')
        return refuse('arc_key_too_large', `${realm} is larger than ${ARC_SECRET_MAX_BYTES} bytes; it was not read.`);
    return refuse('arc_key_read_failed', `Could not read ${realm} (${code || 'error'}).`);
}
async function readArcKey(realm, ctx) {
    const pathProblem = checkKeyPath(realm, ctx);
    if (pathProblem)
        return pathProblem;
    try {
        const stat = await ctx.fs.lstat(realm);
        if (stat.isSymbolicLink || !stat.isFile)
            return refuse('arc_key_not_regular_file', `${realm} is a link, folder or special file, not a regular file; it was not read.`);
        if (stat.size > ARC_SECRET_MAX_BYTES)
            return refuse('arc_key_too_large', `${realm} is ${stat.size} bytes, over the ${ARC_SECRET_MAX_BYTES}-byte limit; it was not read.`);
        // The folder itself may be a link; what matters is that the file really lives inside the real folder.
        const p = pathApi(ctx.platform);
        const [realFile, realDir] = await Promise.all([
            ctx.fs.realpath(realm),
            ctx.fs.realpath(ctx.arcTokensDir),
        ]);
        if (p.dirname(realFile) !== realDir)
            return refuse('arc_key_outside_tokens_dir', `${realm} resolves outside ${ctx.arcTokensDir}; it was not read.`);
        const secret = await ctx.fs.readSmallFile(realm, ARC_SECRET_MAX_BYTES);
        const value = secret.replace(/\r?\n$/, '');
        // Only printable ASCII can travel in a header without being mangled or splitting it.
        if (value === '' || /[^\x20-\x7e]/.test(value)) {
            return refuse('arc_key_read_failed', `${realm} does not hold a usable secret (empty, several lines or non-ASCII).`);
        }
        return { ok: true, secret: value, path: realm };
    }
    catch (err) {
        return fileError(err, realm, ctx);
    }
}

;// CONCATENATED MODULE: ./src/core/checks/token.ts
// The token check: GET /metadata/identity/oauth2/token for the chosen identity, with retries (404, 410, 429,
// 5xx), the Arc key-file challenge, and the identity facts. The token is registered as a secret the moment it
// is seen and is returned to the caller separately from the report.








function tokenPath(run, resource, version) {
    const query = new URLSearchParams({ 'api-version': version, resource });
    const selector = run.options.selector;
    if (selector)
        query.set(selector.kind, selector.value);
    return `${TOKEN_PATH}?${query.toString()}`;
}
async function arcChallenge(run, path, first) {
    if (first.result.kind !== 'answer' || first.result.status !== 401)
        return first;
    const realm = realmFrom(first.result);
    const fail = (code, message) => ({
        ...first,
        refusal: { status: 'fail', code, message, attempts: first.attempts, httpStatus: 401, outcome: '401' },
    });
    if ('code' in realm)
        return fail(realm.code, realm.message);
    // The key file proves local access; its secret must never travel to another machine.
    if (!run.endpoint.connectHosts.every(isLoopbackAddress)) {
        return fail('arc_endpoint_not_loopback', `The challenge came from ${run.endpoint.base}, which is not on this machine; the key file was not read.`);
    }
    const key = await readArcKey(realm.path, run.ctx);
    if (!key.ok)
        return fail(key.code, key.message);
    run.ctx.registerSecret(key.secret);
    // The secret is single-use: one request, to the same origin, never retried.
    const second = await sendGet(run, path, { Authorization: `Basic ${key.secret}` });
    if (second.kind === 'answer' && second.status === 401) {
        registerTokenSecrets(second.body, run.ctx);
        return {
            result: second,
            attempts: first.attempts + 1,
            refusal: {
                status: 'fail',
                code: 'arc_secret_rejected',
                message: 'Hybrid IMDS answered 401 again after the key-file secret was sent.',
                attempts: first.attempts + 1,
                httpStatus: 401,
                outcome: '401',
            },
        };
    }
    return { result: second, attempts: first.attempts + 1 };
}
async function tokenCheck(run, resource) {
    const startedAt = run.ctx.clock.now();
    const deps = { clock: run.ctx.clock, random: run.ctx.random, budget: run.budget };
    let path = tokenPath(run, resource, run.mode === 'arc' ? ARC_TOKEN_API_VERSION : VM_TOKEN_API_VERSION);
    let exchange = await withRetry('token', () => sendGet(run, path), deps);
    // Older agents refuse newer api-versions and say which they accept: try the newest of those once.
    const offered = exchange.result.kind === 'answer' ? offeredVersions(exchange.result) : [];
    if (offered[0] && !path.includes(`api-version=${offered[0]}&`)) {
        path = tokenPath(run, resource, offered[0]);
        const second = await withRetry('token', () => sendGet(run, path), deps);
        exchange = { result: second.result, attempts: exchange.attempts + second.attempts };
    }
    const firstWasChallenge = exchange.result.kind === 'answer' && isArcChallenge(exchange.result);
    if (run.mode === 'arc')
        exchange = await arcChallenge(run, path, exchange);
    const { result, attempts } = exchange;
    const done = (end, recognition, identity = null, accessToken = null) => ({
        check: finishCheck(run, 'token', startedAt, { attempts, ...end }),
        recognition,
        identity,
        accessToken,
    });
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (result.kind === 'failure') {
        return done({
            status: 'fail',
            code: failureCode(result),
            message: `GET ${TOKEN_PATH} failed${tries}: ${describeFailure(result)}.`,
            httpStatus: result.status,
            outcome: failureOutcome(result),
        }, null);
    }
    // Any token in any answer is a secret from this moment on, whatever we decide about the answer.
    const accessToken = registerTokenSecrets(result.body, run.ctx);
    const recognition = recognise(result, (json) => typeof json['access_token'] === 'string' && json['access_token'] !== '');
    const answered = { httpStatus: result.status, outcome: String(result.status) };
    if (exchange.refusal)
        return done(exchange.refusal, { imds: true, json: null, serverHeader: false });
    if (!recognition.imds) {
        const code = result.status === 200 && recognition.code === 'not_imds_answer'
            ? recognition.json
                ? 'token_bad_shape'
                : 'token_bad_json'
            : recognition.code;
        return done({
            status: 'fail',
            code,
            message: `GET ${TOKEN_PATH}: ${recognition.what}${tries}, not a token answer.`,
            ...answered,
        }, recognition);
    }
    if (run.mode === 'arc' && result.status === 200 && !firstWasChallenge) {
        return done({
            status: 'fail',
            code: 'arc_expected_challenge',
            message: 'The token endpoint returned a token without the Hybrid IMDS key-file challenge.',
            ...answered,
        }, recognition);
    }
    if (result.status !== 200) {
        const who = run.options.selector ? ` for ${selectorText(run.options.selector)}` : '';
        return done({
            status: 'fail',
            code: tokenStatusCode(result),
            message: `Token request${who} answered ${result.status}${tries}: ${errorText(result) || 'no error text'}.`,
            ...answered,
        }, recognition);
    }
    if (recognition.json === null) {
        return done({
            status: 'fail',
            code: 'token_bad_json',
            message: `GET ${TOKEN_PATH} answered 200${tries} but the body is not valid JSON.`,
            ...answered,
        }, recognition);
    }
    const json = recognition.json;
    const now = run.ctx.clock.now();
    const identity = identityFacts(run.options, accessToken ?? '', json, now);
    if (identity.expiresOn === '') {
        return done({
            status: 'fail',
            code: 'token_bad_shape',
            message: 'The token answer has no readable expires_on.',
            ...answered,
        }, recognition, identity);
    }
    if (Date.parse(identity.expiresOn) <= now) {
        return done({
            status: 'fail',
            code: 'token_expired',
            message: `IMDS returned a token that expired at ${identity.expiresOn}.`,
            ...answered,
        }, recognition, identity);
    }
    const selector = run.options.selector;
    if (run.mode === 'arc' && selector && !confirmsSelector(selector, accessToken ?? '', json)) {
        return done({
            status: 'fail',
            code: 'arc_user_identity_unconfirmed',
            message: `The token answer does not confirm ${selectorText(selector)} (principal ${identity.principalId || 'unknown'}, app ${identity.appId || 'unknown'}).`,
            ...answered,
        }, recognition, identity);
    }
    const minutes = Math.round((Date.parse(identity.expiresOn) - now) / 60_000);
    const who = selector ? `user-assigned identity ${selectorText(selector)}` : 'system-assigned identity';
    const principal = identity.principalId ? ` (principal ${identity.principalId})` : '';
    return done({
        status: 'pass',
        code: 'ok',
        message: `Token for ${identity.audience || resource} issued to the ${who}${principal}${tries}; expires ${identity.expiresOn} (in ${minutes} min).`,
        ...answered,
    }, recognition, identity, accessToken);
}

;// CONCATENATED MODULE: ./src/core/run-probe.ts
// Orchestrates one run: environment → reachability (TCP) → metadata → token, then settles whether IMDS itself
// answered, aggregates the result and builds the report. Expected outcomes never throw.











function emptyIdentity(options) {
    return {
        kind: options.identity,
        selector: selectorText(options.selector),
        principalId: '',
        tenantId: '',
        appId: '',
        audience: '',
        expiresOn: '',
        tokenType: '',
    };
}
/** Reachability, part two: connected, and did something recognisable as IMDS answer? */
function reachabilityVerdict(run, connect, meta, token) {
    const startedAt = run.ctx.clock.now() - connect.connectMs;
    const base = run.endpoint.base;
    const imdsAnswer = [meta, token].find((f) => f?.recognition?.imds === true);
    if (imdsAnswer) {
        const server = imdsAnswer.recognition?.imds && imdsAnswer.recognition.serverHeader
            ? ' with a Server: IMDS header'
            : '';
        const check = finishCheck(run, 'reachability', startedAt, {
            status: 'pass',
            code: 'ok',
            message: `Connected to ${base} in ${connect.connectMs} ms; ${run.mode === 'arc' ? 'Hybrid IMDS' : 'IMDS'} answered (HTTP ${imdsAnswer.check.httpStatus})${server}.`,
            attempts: connect.attempts,
            httpStatus: imdsAnswer.check.httpStatus,
            outcome: imdsAnswer.check.outcome,
        });
        return { check: { ...check, durationMs: connect.connectMs }, reachable: true };
    }
    const seen = meta.recognition;
    // Nothing recognisable came back: name what answered instead, or the transport failure the metadata request hit.
    const code = seen && !seen.imds
        ? seen.code
        : meta.check.status === 'fail'
            ? meta.check.code
            : 'not_imds_answer';
    const what = seen && !seen.imds
        ? seen.what
        : meta.check.message.replace(/^GET \S+ failed[^:]*: /, '').replace(/\.$/, '');
    const check = finishCheck(run, 'reachability', startedAt, {
        status: 'fail',
        code,
        message: `Connected to ${base}, but IMDS did not answer: ${what}.`,
        attempts: connect.attempts,
        httpStatus: meta.check.httpStatus,
        outcome: meta.check.outcome,
    });
    return { check: { ...check, durationMs: connect.connectMs }, reachable: false };
}
function aggregate(checks) {
    if (checks.some((c) => c.status === 'fail'))
        return 'fail';
    if (checks.some((c) => c.status === 'warn'))
        return 'warn';
    return 'pass';
}
async function runProbe(options, ctx) {
    const startedAtMs = ctx.clock.now();
    const budget = new Budget(ctx.clock, options.timeoutSeconds * 1000);
    const env = await environmentCheck(options, ctx);
    const run = {
        options,
        ctx,
        budget,
        mode: env.mode,
        endpoint: parseEndpoint(env.base),
        agent: new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: 1 }),
    };
    let reach;
    let metadata;
    let tokenResult;
    let reachable = false;
    let machine = EMPTY_MACHINE;
    let identity = emptyIdentity(options);
    let accessToken = null;
    try {
        const connect = await connectCheck(run);
        if (!connect.connected && connect.check) {
            reach = connect.check;
            metadata = skipped(run, 'metadata', 'Not attempted: nothing could be connected.');
            tokenResult = skipped(run, 'token', options.identity === 'none'
                ? 'Not requested (identity: none).'
                : 'Not attempted: nothing could be connected.');
        }
        else {
            const meta = await metadataCheck(run);
            machine = meta.machine;
            metadata = meta.check;
            let token = null;
            if (options.identity === 'none') {
                tokenResult = skipped(run, 'token', 'Not requested (identity: none).');
            }
            else if (meta.recognition && !meta.recognition.imds) {
                tokenResult = skipped(run, 'token', 'Not attempted: what answered is not IMDS.');
            }
            else if (!meta.recognition) {
                tokenResult = skipped(run, 'token', 'Not attempted: IMDS did not answer the metadata request.');
            }
            else if (budget.expired()) {
                tokenResult = finishCheck(run, 'token', ctx.clock.now(), {
                    status: 'fail',
                    code: 'deadline_exceeded',
                    message: `No time left of ${setting(ctx, 'timeout-seconds')} (${options.timeoutSeconds} s) for the token request.`,
                    outcome: 'timeout',
                });
            }
            else {
                token = await tokenCheck(run, options.resource || armResourceFor(machine.azEnvironment));
                tokenResult = token.check;
                identity = token.identity ?? identity;
                accessToken = token.accessToken;
            }
            ({ check: reach, reachable } = reachabilityVerdict(run, connect, meta, token));
            // Nothing answered the metadata request at all: reachability carries the socket word; metadata is skipped.
            if (!reachable && meta.recognition === null && SOCKET_WORDS.has(metadata.outcome)) {
                metadata = skipped(run, 'metadata', `Not answered: ${meta.check.message} See reachability.`);
            }
        }
    }
    finally {
        run.agent.destroy();
    }
    const checks = [env.check, reach, metadata, tokenResult];
    const report = {
        schemaVersion: 1,
        tool: { name: 'imds-check', version: ctx.toolVersion },
        startedAt: new Date(startedAtMs).toISOString(),
        durationMs: Math.max(0, ctx.clock.now() - startedAtMs),
        mode: { requested: options.mode, resolved: env.mode, signal: env.signal },
        endpoint: run.endpoint.base,
        result: aggregate(checks),
        reachable,
        failOn: options.failOn,
        checks,
        machine,
        identity,
    };
    return { report, accessToken };
}

;// CONCATENATED MODULE: ./src/core/render/sanitize.ts
// Report values partly come from the network (IMDS answers, token claims) and are untrusted. Every renderer
// passes them through safeText() first: terminal escape sequences and control characters go, line breaks
// become spaces (each value is printed on one line), and long values are clipped.
/** Longest value any renderer prints, in UTF-16 units; longer values end in an ellipsis. */
const MAX_VALUE_CHARS = 2000;
/** CSI (ESC [ … final, or the 8-bit CSI), OSC (ESC ] … BEL or ESC \) and two-byte ESC sequences. */
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[ -~]?/g;
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Remaining C0/C1 controls and DEL. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides can make a value read differently from what it is. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Surrogate halves without their partner, and the noncharacters U+FFFE / U+FFFF. */
const BROKEN_UNICODE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
/** Cuts to at most `max` units, never inside a surrogate pair, marking the cut with an ellipsis. */
function sanitize_clip(value, max = MAX_VALUE_CHARS) {
    if (value.length <= max)
        return value;
    let end = Math.max(0, max - 1);
    const last = value.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end -= 1;
    return value.slice(0, end) + '…';
}
/** Removes escape sequences and controls; line breaks and tabs become single spaces. */
function stripControls(value) {
    return value
        .replace(ESCAPE_SEQUENCE, '')
        .replace(LINE_BREAKS, ' ')
        .replace(CONTROLS, '')
        .replace(BIDI_CONTROLS, '')
        .replace(BROKEN_UNICODE, '');
}
/**
 * Any report value as one printable line: stringified, stripped, trimmed and clipped. Clipping a generous
 * prefix first bounds the work done on huge values.
 */
function sanitize_safeText(value, max = MAX_VALUE_CHARS) {
    const raw = value === null || value === undefined ? '' : String(value);
    const limit = max * 4;
    const text = stripControls(raw.slice(0, limit)).trim();
    return sanitize_clip(raw.length > limit ? text + '…' : text, max);
}

;// CONCATENATED MODULE: ./src/core/render/format.ts
// Words and fact lists shared by the text, Markdown and JUnit renderers, so all three describe a report
// the same way. Everything returned here is already safe plain text (see sanitize.ts); each renderer only
// adds the escaping its format needs.

const STATUS_WORDS = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };
/** PASS / WARN / FAIL / SKIP; an unexpected status is shown as itself rather than hidden. */
function statusWord(status) {
    return Object.hasOwn(STATUS_WORDS, status)
        ? STATUS_WORDS[status]
        : sanitize_safeText(status).toUpperCase();
}
function format_needsAttention(check) {
    return check.status === 'warn' || check.status === 'fail';
}
const SIGNAL_WORDS = {
    'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
    'himds-agent-installed': 'the Arc agent (himds) is installed',
    'default-vm': 'no Arc signal found',
};
/** "vm (requested)" or "arc (auto: IDENTITY_ENDPOINT and IMDS_ENDPOINT are set)". */
function format_modeText(mode) {
    const resolved = sanitize_safeText(mode.resolved);
    if (mode.signal === 'requested' || mode.requested !== 'auto')
        return `${resolved} (requested)`;
    const why = Object.hasOwn(SIGNAL_WORDS, mode.signal) ? SIGNAL_WORDS[mode.signal] : sanitize_safeText(mode.signal);
    return `${resolved} (auto: ${why})`;
}
/** "HTTP 200" when an HTTP answer came back, else the outcome word ("timeout", "skipped"), else "-". */
function format_outcomeText(check) {
    const status = check.httpStatus;
    if (typeof status === 'number' && Number.isFinite(status))
        return `HTTP ${status}`;
    const outcome = sanitize_safeText(check.outcome);
    if (/^\d{3}$/.test(outcome))
        return `HTTP ${outcome}`;
    // The engine gives a check that sent nothing (environment) the outcome "skipped"; only skipped checks say so.
    if (outcome === '' || (outcome === 'skipped' && check.status !== 'skip'))
        return '-';
    return outcome;
}
/** Whole milliseconds; a missing or negative value shows as 0 rather than NaN. */
function format_wholeMs(ms) {
    return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
}
/** "850 ms" below a second, "12.3 s" above. */
function format_durationText(ms) {
    const whole = format_wholeMs(ms);
    return whole < 1000 ? `${whole} ms` : `${(whole / 1000).toFixed(1)} s`;
}
function attemptCount(check) {
    return Number.isFinite(check.attempts) && check.attempts > 1 ? Math.floor(check.attempts) : 1;
}
function countByStatus(checks) {
    const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
    for (const c of checks)
        if (Object.hasOwn(counts, c.status))
            counts[c.status] += 1;
    return counts;
}
/** "2 pass, 1 warn, 1 skip": only the statuses that occur. */
function format_countsText(checks) {
    const counts = countByStatus(checks);
    const parts = Object.keys(counts)
        .filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}`);
    return parts.length > 0 ? parts.join(', ') : 'no checks';
}
function nonEmpty(rows) {
    return rows.map(([label, value]) => ({ label, value: sanitize_safeText(value) })).filter((f) => f.value !== '');
}
/** Identifying facts from the instance document; subscription and resource group are inside the resource id. */
function format_machineFacts(m) {
    return nonEmpty([
        ['VM id', m.vmId],
        ['Name', m.name],
        ['Resource id', m.resourceId],
        ['Location', m.location],
        ['Azure environment', m.azEnvironment],
        ['VM size', m.vmSize],
        ['OS type', m.osType],
    ]);
}
/** What was asked for: the identity kind and its selector. */
function format_requestedIdentityFacts(id) {
    return nonEmpty([
        ['Kind', id.kind],
        ['Selector', id.selector],
    ]);
}
/** Claims read from the token payload without verifying it; shown as information only. */
function format_tokenClaimFacts(id) {
    return nonEmpty([
        ['Principal id (oid)', id.principalId],
        ['Tenant id (tid)', id.tenantId],
        ['App id (appid/azp)', id.appId],
        ['Audience (aud)', id.audience],
        ['Expires on', id.expiresOn],
    ]);
}
const format_CLAIMS_CAVEAT = 'from the token, not verified';

;// CONCATENATED MODULE: ./src/core/render/text.ts
// Human output for a terminal: a header, one aligned line per check (plus a "fix:" line for warnings and
// failures), the machine and identity facts, and a result line. ANSI colour only when asked for; every
// report value is stripped of escape sequences first, so an IMDS answer cannot drive the terminal.



const SGR = { green: '32', yellow: '33', red: '31', dim: '2', bold: '1' };
function painter(style) {
    return (sgr) => (style.color ? (text) => `\u001b[${SGR[sgr]}m${text}\u001b[0m` : (text) => text);
}
function statusPaint(status, paint) {
    if (status === 'pass')
        return paint('green');
    if (status === 'warn')
        return paint('yellow');
    if (status === 'fail')
        return paint('red');
    return paint('dim');
}
const INDENT = '  ';
function checkLines(checks, paint) {
    const rows = checks.map((c) => ({
        check: c,
        word: statusWord(c.status),
        title: sanitize_safeText(c.title),
        ms: `${format_wholeMs(c.durationMs)} ms`,
        outcome: format_outcomeText(c),
        attempts: attemptCount(c) > 1 ? `${attemptCount(c)} attempts` : '',
    }));
    const width = (pick) => Math.max(0, ...rows.map((r) => pick(r).length));
    const w = {
        word: width((r) => r.word),
        title: width((r) => r.title),
        ms: width((r) => r.ms),
        outcome: width((r) => r.outcome),
        attempts: width((r) => r.attempts),
    };
    // The fix line starts under the title, so the eye finds it below the check it belongs to.
    const fixIndent = INDENT + ' '.repeat(w.word + 2);
    const lines = [];
    for (const r of rows) {
        const columns = [
            statusPaint(r.check.status, paint)(r.word.padEnd(w.word)),
            r.title.padEnd(w.title),
            r.ms.padStart(w.ms),
            r.outcome.padEnd(w.outcome),
        ];
        if (w.attempts > 0)
            columns.push(r.attempts.padEnd(w.attempts));
        columns.push(sanitize_safeText(r.check.message));
        lines.push((INDENT + columns.join('  ')).trimEnd());
        if (format_needsAttention(r.check)) {
            const fix = sanitize_safeText(r.check.remediation) || 'See docs/errors.md.';
            lines.push(`${fixIndent}${paint('bold')('fix:')} ${fix} (code: ${sanitize_safeText(r.check.code)})`);
        }
    }
    return lines;
}
function factLines(heading, facts, paint) {
    if (facts.length === 0)
        return [];
    const width = Math.max(...facts.map((f) => f.label.length));
    return [paint('bold')(heading), ...facts.map((f) => `${INDENT}${f.label.padEnd(width)}  ${f.value}`)];
}
function identityLines(report, paint) {
    const requested = format_requestedIdentityFacts(report.identity);
    const claims = format_tokenClaimFacts(report.identity);
    const width = Math.max(0, ...[...requested, ...claims].map((f) => f.label.length));
    const row = (f) => `${INDENT}${f.label.padEnd(width)}  ${f.value}`;
    const lines = [paint('bold')('Identity'), ...requested.map(row)];
    if (claims.length > 0)
        lines.push(`${INDENT}${paint('dim')(`token claims (${format_CLAIMS_CAVEAT}):`)}`, ...claims.map(row));
    return lines;
}
function verdictText(report) {
    const verdict = stepVerdict(report);
    const failOn = `fail-on: ${sanitize_safeText(report.failOn)}`;
    if (verdict === 'failed')
        return `the run fails (${failOn})`;
    if (verdict === 'succeeded-with-issues')
        return `the run succeeds with issues (${failOn})`;
    return 'the run succeeds';
}
function resultLine(report, paint) {
    const word = statusWord(report.result);
    const reach = report.reachable ? 'IMDS reachable' : 'IMDS not reachable';
    const parts = [reach, format_countsText(report.checks), format_durationText(report.durationMs), verdictText(report)];
    return `${paint('bold')(statusPaint(report.result, paint)(`Result: ${word}`))}  ${parts.join(' - ')}`;
}
/** The report for a terminal; ends with a newline. */
function renderText(report, style) {
    const paint = painter(style);
    const header = [
        paint('bold')(`${sanitize_safeText(report.tool.name)} ${sanitize_safeText(report.tool.version)}`),
        `mode: ${format_modeText(report.mode)}`,
        `endpoint: ${sanitize_safeText(report.endpoint) || '(default)'}`,
    ].join('  ');
    const sections = [
        [header],
        checkLines(report.checks, paint),
        factLines('Machine', format_machineFacts(report.machine), paint),
        identityLines(report, paint),
        [resultLine(report, paint)],
    ].filter((lines) => lines.length > 0);
    return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/core/render/json.ts
// The report as JSON. Fields are copied one by one, in the order of the Report type, so anything attached
// to the object that the type does not name (an access token, a debug field) can never reach the file.
function copyCheck(c) {
    return {
        id: c.id,
        title: c.title,
        status: c.status,
        code: c.code,
        message: c.message,
        remediation: c.remediation,
        durationMs: c.durationMs,
        attempts: c.attempts,
        httpStatus: c.httpStatus,
        outcome: c.outcome,
    };
}
function copyMachine(m) {
    return {
        vmId: m.vmId,
        name: m.name,
        resourceId: m.resourceId,
        subscriptionId: m.subscriptionId,
        resourceGroup: m.resourceGroup,
        location: m.location,
        azEnvironment: m.azEnvironment,
        vmSize: m.vmSize,
        osType: m.osType,
    };
}
function copyIdentity(i) {
    return {
        kind: i.kind,
        selector: i.selector,
        principalId: i.principalId,
        tenantId: i.tenantId,
        appId: i.appId,
        audience: i.audience,
        expiresOn: i.expiresOn,
        tokenType: i.tokenType,
    };
}
/** Only the fields the Report type names, in its order. */
function copyReport(r) {
    return {
        schemaVersion: r.schemaVersion,
        tool: { name: r.tool.name, version: r.tool.version },
        startedAt: r.startedAt,
        durationMs: r.durationMs,
        mode: { requested: r.mode.requested, resolved: r.mode.resolved, signal: r.mode.signal },
        endpoint: r.endpoint,
        result: r.result,
        reachable: r.reachable,
        failOn: r.failOn,
        checks: r.checks.map(copyCheck),
        machine: copyMachine(r.machine),
        identity: copyIdentity(r.identity),
    };
}
/** Pretty JSON (2 spaces) with a trailing newline. */
function renderJson(report) {
    return JSON.stringify(copyReport(report), null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/core/render/markdown-escape.ts
// Escaping for untrusted values placed in Markdown (GitHub step summary, Azure DevOps summary tab). Neither
// platform escapes summary content, so a value must not be able to open HTML, break a table row, start a
// code span, or form a link or image. Character references are never parsed as Markdown structure, so
// writing the structural characters as references makes them literal text.

const REFERENCES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '\\': '&#92;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '@': '&#64;',
    '#': '&#35;',
};
const STRUCTURAL = /[&<>"'|`[\]\\*_~@#]/g;
/**
 * One untrusted value as inert Markdown/HTML text: one line, clipped, structural characters as references,
 * and bare URLs ("http://", "www.") broken up so GitHub's autolinker does not turn them into links.
 */
function markdown_escape_mdText(value) {
    return safeText(value)
        .replace(STRUCTURAL, (ch) => REFERENCES[ch] ?? ch)
        .replace(/:\/\//g, ':&#47;&#47;')
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`);
}
/** A stable code as a code span when it has the expected shape; otherwise as escaped text. */
function markdown_escape_mdCode(value) {
    const text = safeText(value);
    return /^[a-z0-9_]+$/i.test(text) ? `\`${text}\`` : markdown_escape_mdText(text);
}
/** A stable code inside HTML (e.g. a <summary>, where Markdown is not parsed) as <code>, else escaped text. */
function markdown_escape_htmlCode(value) {
    const text = safeText(value);
    return /^[a-z0-9_]+$/i.test(text) ? `<code>${text}</code>` : markdown_escape_mdText(text);
}

;// CONCATENATED MODULE: ./src/core/render/markdown.ts
// Markdown for the GitHub step summary and the Azure DevOps summary tab: a result heading, a table of checks,
// fact tables, and a collapsible section per warning or failure. Every report value goes through mdText().
// GitHub accepts at most 1 MiB per step summary, so the output is kept under MAX_SUMMARY_BYTES.



/** Comfortably below GitHub's 1 MiB step-summary limit, leaving room for other content of the step. */
const MAX_SUMMARY_BYTES = (/* unused pure expression or super */ null && (900 * 1024));
const MARKERS = { pass: '✅', warn: '⚠️', fail: '❌', skip: '⏭️' };
function marker(status) {
    return Object.hasOwn(MARKERS, status) ? (MARKERS[status] ?? '') : '';
}
function statusCell(status) {
    const word = mdText(status);
    const mark = marker(status);
    return mark === '' ? word : `${mark} ${word}`;
}
function table(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}
function headingLines(report) {
    const result = safeText(report.result);
    const summary = [
        `IMDS reachable: **${report.reachable ? 'yes' : 'no'}**`,
        mdText(countsText(report.checks)),
        `mode: ${mdText(modeText(report.mode))}`,
        `endpoint: ${mdText(report.endpoint) || '(default)'}`,
        `${mdText(report.tool.name)} ${mdText(report.tool.version)}`,
        mdText(durationText(report.durationMs)),
    ];
    const heading = ['##', marker(result), 'imds-check:', mdText(result)]
        .filter((part) => part !== '')
        .join(' ');
    return [heading, '', summary.join(' · ')];
}
function checksTable(checks) {
    const rows = checks.map((c) => [
        mdText(c.title),
        statusCell(c.status),
        `${wholeMs(c.durationMs)} ms`,
        mdText(outcomeText(c)),
        mdCode(c.code),
    ]);
    return table(['Check', 'Status', 'Time', 'HTTP / outcome', 'Code'], rows);
}
function factTable(heading, facts, note) {
    if (facts.length === 0)
        return [];
    const lines = [
        `### ${heading}`,
        '',
        ...table(['Fact', 'Value'], facts.map((f) => [mdText(f.label), mdText(f.value)])),
    ];
    return note ? [...lines, '', note] : lines;
}
function identitySection(report) {
    const claims = tokenClaimFacts(report.identity);
    const facts = [...requestedIdentityFacts(report.identity), ...claims];
    return factTable('Identity', facts, claims.length > 0 ? `_Token claims: ${CLAIMS_CAVEAT}._` : undefined);
}
function detailBlocks(checks) {
    const blocks = checks
        .filter(needsAttention)
        .map((c) => [
        `<details><summary>${marker(c.status)} ${mdText(c.title)}: ${htmlCode(c.code)}</summary>`,
        '',
        `**Message:** ${mdText(c.message) || '-'}`,
        '',
        `**Fix:** ${mdText(c.remediation) || '-'}`,
        '',
        '</details>',
    ]);
    return blocks.length === 0 ? [] : ['### What to fix', '', ...blocks.flatMap((b) => [...b, ''])];
}
function join(sections) {
    return (sections
        .filter((s) => s.length > 0)
        .map((s) => s.join('\n').trimEnd())
        .join('\n\n') + '\n');
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const DETAILS_DROPPED = '_Details were left out to keep this summary under the 1 MiB limit; see the JSON report._';
const CUT_NOTE = '\n\n_The summary was cut here to stay under the 1 MiB limit; see the JSON report._\n';
/** Whole lines up to the budget, then a note saying where the rest is. */
function cutToBudget(text, budget) {
    const room = budget - bytes(CUT_NOTE);
    let used = 0;
    const kept = [];
    for (const line of text.split('\n')) {
        const size = bytes(line) + 1;
        if (used + size > room)
            break;
        kept.push(line);
        used += size;
    }
    return kept.join('\n').trimEnd() + CUT_NOTE;
}
/** The report as Markdown, always below 1 MiB (normally far below; see MAX_SUMMARY_BYTES). */
function renderMarkdown(report) {
    const base = [
        headingLines(report),
        checksTable(report.checks),
        factTable('Machine', machineFacts(report.machine)),
        identitySection(report),
    ];
    const full = join([...base, detailBlocks(report.checks)]);
    if (bytes(full) <= MAX_SUMMARY_BYTES)
        return full;
    const hasDetails = report.checks.some(needsAttention);
    const withoutDetails = join([...base, hasDetails ? [DETAILS_DROPPED] : []]);
    if (bytes(withoutDetails) <= MAX_SUMMARY_BYTES)
        return withoutDetails;
    return cutToBudget(withoutDetails, MAX_SUMMARY_BYTES);
}

;// CONCATENATED MODULE: ./src/core/render/xml-escape.ts
// Escaping for untrusted values in XML 1.0 text and attributes. Characters XML 1.0 forbids outright
// (most C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be escaped, only removed; safeText() removes
// them along with terminal escape sequences, and xmlText() removes any left as a last guard.

/** Anything outside Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
};
/** Escapes text that is already safe; usable in element content and in double- or single-quoted attributes. */
function xmlEscape(text) {
    return text.replace(ILLEGAL_XML_CHARS, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
/** One untrusted value as XML text: stripped, clipped, escaped. `]]>` cannot survive because `>` is escaped. */
function xmlText(value) {
    return xmlEscape(sanitize_safeText(value));
}
/** name="value" pairs for an element's attributes; values are untrusted and go through xmlText(). */
function xmlAttributes(attributes) {
    return attributes.map(([name, value]) => `${name}="${xmlText(value)}"`).join(' ');
}

;// CONCATENATED MODULE: ./src/core/render/junit.ts
// JUnit XML, the shape GitHub test reporters and Azure DevOps "Publish Test Results" read: one suite named
// imds-check with one testcase per check. fail -> <failure>, skip -> <skipped>, warn -> a passing case whose
// <system-out> carries the warning. Every value is XML-escaped and freed of characters XML 1.0 forbids.



const SUITE = 'imds-check';
/** Seconds with millisecond precision, as JUnit's time attributes expect. */
function seconds(ms) {
    return (format_wholeMs(ms) / 1000).toFixed(3);
}
/** Only a well-formed ISO 8601 start time goes into `timestamp`; parsers reject anything else. */
function timestamp(startedAt) {
    const text = sanitize_safeText(startedAt);
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(text) ? text : null;
}
function caseBody(c) {
    const code = sanitize_safeText(c.code);
    const message = sanitize_safeText(c.message);
    if (c.status === 'fail') {
        const attrs = xmlAttributes([
            ['message', `${code}: ${message}`],
            ['type', code],
        ]);
        return [`      <failure ${attrs}>${xmlText(c.remediation)}</failure>`];
    }
    if (c.status === 'skip')
        return [`      <skipped ${xmlAttributes([['message', message || 'skipped']])}/>`];
    if (c.status === 'warn') {
        const outcome = format_outcomeText(c);
        const lines = [`WARN ${code}: ${message}`, `fix: ${sanitize_safeText(c.remediation)}`];
        if (outcome !== '-')
            lines.push(`outcome: ${outcome}`);
        return [`      <system-out>${lines.map((line) => xmlText(line)).join('\n')}</system-out>`];
    }
    return [];
}
function testcase(c) {
    const attrs = xmlAttributes([
        ['classname', SUITE],
        ['name', `${sanitize_safeText(c.id)}: ${sanitize_safeText(c.title)}`],
        ['time', seconds(c.durationMs)],
    ]);
    const body = caseBody(c);
    if (body.length === 0)
        return [`    <testcase ${attrs}/>`];
    return [`    <testcase ${attrs}>`, ...body, '    </testcase>'];
}
function properties(report) {
    const props = [
        ['tool.version', report.tool.version],
        ['mode', report.mode.resolved],
        ['mode.signal', report.mode.signal],
        ['endpoint', report.endpoint],
        ['result', report.result],
        ['reachable', String(report.reachable)],
        ['fail-on', report.failOn],
    ];
    return [
        '    <properties>',
        ...props.map(([name, value]) => `      <property ${xmlAttributes([
            ['name', name],
            ['value', value],
        ])}/>`),
        '    </properties>',
    ];
}
/** The report as JUnit XML (UTF-8), ending with a newline. */
function renderJunit(report) {
    const counts = countByStatus(report.checks);
    const totals = [
        ['tests', report.checks.length],
        ['failures', counts.fail],
        ['errors', 0],
        ['skipped', counts.skip],
        ['time', seconds(report.durationMs)],
    ];
    const started = timestamp(report.startedAt);
    const suiteAttrs = xmlAttributes([
        ['name', SUITE],
        ...totals,
        ...(started ? [['timestamp', started]] : []),
    ]);
    return ([
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites ${xmlAttributes([['name', SUITE], ...totals])}>`,
        `  <testsuite ${suiteAttrs}>`,
        ...properties(report),
        ...report.checks.flatMap(testcase),
        '  </testsuite>',
        '</testsuites>',
    ].join('\n') + '\n');
}

;// CONCATENATED MODULE: ./src/core/index.ts
// The engine's public surface. Adapters import from here only.










;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/host/report-files.ts
// Writes the JSON report and, when asked, JUnit XML. Shared by every front door so paths behave the same.



async function writeOne(path, content) {
    try {
        await (0,promises_namespaceObject.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_namespaceObject.writeFile)(path, content, 'utf8');
        return null;
    }
    catch (err) {
        const code = err.code ?? 'error';
        return `could not write ${path} (${code})`;
    }
}
/**
 * reportPath '' means `<defaultDir>/report.json`, or no JSON report when defaultDir is '' too (the CLI writes
 * files only on request); junitPath '' means no JUnit.
 */
async function writeReports(report, paths) {
    const wanted = paths.reportPath !== ''
        ? paths.reportPath
        : paths.defaultDir !== ''
            ? `${paths.defaultDir}/report.json`
            : '';
    const reportPath = wanted !== '' ? (0,external_node_path_.resolve)(wanted) : '';
    const junitPath = paths.junitPath !== '' ? (0,external_node_path_.resolve)(paths.junitPath) : '';
    const problems = [];
    const jsonProblem = reportPath !== '' ? await writeOne(reportPath, renderJson(report)) : null;
    if (jsonProblem)
        problems.push(jsonProblem);
    if (junitPath !== '') {
        const junitProblem = await writeOne(junitPath, renderJunit(report));
        if (junitProblem)
            problems.push(junitProblem);
    }
    return { reportPath: jsonProblem ? '' : reportPath, junitPath, problems };
}

// EXTERNAL MODULE: ./src/host/version.ts
var version = __nccwpck_require__(962);
;// CONCATENATED MODULE: ./src/cli/args.ts
// argv → what the CLI should do. Flags are the contract input names (`--mode vm` or `--mode=vm`), plus
// --report, --junit, --json, --expose-token (bare), --no-color, --help and --version.

const VALUE_FLAGS = new Set(INPUT_NAMES.filter((n) => n !== 'expose-token' && n !== 'report-path' && n !== 'junit-path'));
const FILE_FLAGS = { report: 'report-path', junit: 'junit-path' };
function parseArgs(argv) {
    if (argv[0] === 'emulate')
        return { kind: 'emulate', argv: argv.slice(1) };
    const inputs = {};
    let json = false;
    let noColor = false;
    const seen = new Set();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h')
            return { kind: 'help' };
        if (arg === '--version' || arg === '-V')
            return { kind: 'version' };
        if (arg === 'check' && i === 0)
            continue;
        const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
        if (!match)
            return { kind: 'usage-error', message: `unexpected argument '${arg}'` };
        const name = match[1];
        const inline = match[2];
        if (seen.has(name))
            return { kind: 'usage-error', message: `--${name} given more than once` };
        seen.add(name);
        if (name === 'json' || name === 'expose-token' || name === 'no-color') {
            if (inline !== undefined)
                return { kind: 'usage-error', message: `--${name} takes no value` };
            if (name === 'json')
                json = true;
            else if (name === 'no-color')
                noColor = true;
            else
                inputs['expose-token'] = 'true';
            continue;
        }
        const target = FILE_FLAGS[name] ?? (VALUE_FLAGS.has(name) ? name : undefined);
        if (!target)
            return { kind: 'usage-error', message: `unknown option --${name}` };
        const value = inline ?? argv[++i];
        if (value === undefined || (inline === undefined && value.startsWith('--'))) {
            return { kind: 'usage-error', message: `--${name} needs a value` };
        }
        inputs[target] = value;
    }
    return { kind: 'check', inputs, json, noColor };
}
const USAGE = `Usage: imds-check [options]
       imds-check emulate [--scenario NAME] [--mode vm|arc] [--port N] [--host H] [--list]

Checks that this machine reaches Azure IMDS (VMs) or Hybrid IMDS (Arc) and gets a managed-identity token.

Options:
  --mode auto|vm|arc         which metadata service (default auto: Arc when its agent or variables are present)
  --identity system|user|none  which identity to request a token for (default system; none skips the token)
  --client-id GUID           user-assigned identity by client id (with --identity user)
  --object-id GUID           user-assigned identity by object (principal) id
  --msi-res-id ID            user-assigned identity by ARM resource id
  --resource URI             token audience (default: ARM of the cloud IMDS reports)
  --endpoint URL             base URL override, e.g. http://127.0.0.1:8080 for the emulator
  --timeout-seconds N        bound on the whole run, retries included (1-600, default 30)
  --fail-on error|unreachable|never  when to exit 1 (default error)
  --report FILE              write the JSON report to FILE
  --junit FILE               write JUnit XML to FILE
  --json                     print the JSON report on stdout instead of text
  --expose-token             with --json, add accessToken to the printed document (never to --report)
  --no-color                 no colours (also when NO_COLOR is set or stdout is not a terminal)
  -h, --help                 this help
  -V, --version              the version

Exit codes: 0 pass or warn, 1 fail (per --fail-on), 2 usage error.`;

;// CONCATENATED MODULE: ./src/cli/main.ts
// The CLI front door: parse flags, run the engine, print text or one JSON document, write files on request,
// and exit 0/1/2. Secrets are redacted from everything it prints unless the user asked to see the token.




function redact(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s.length >= 4)
            out = out.split(s).join('***');
    return out;
}
async function runCli(argv, io) {
    const command = parseArgs(argv);
    switch (command.kind) {
        case 'help':
            io.out(`${USAGE}\n`);
            return 0;
        case 'version':
            io.out(`imds-check ${version/* TOOL_VERSION */.w}\n`);
            return 0;
        case 'emulate':
            return io.emulate(command.argv);
        case 'usage-error':
            io.err(`imds-check: ${command.message}. Run 'imds-check --help' for usage.\n`);
            return 2;
    }
    const parsed = parseOptions(command.inputs, 'kebab');
    if (!parsed.ok) {
        io.err(`imds-check: ${parsed.error.message}\n`);
        return 2;
    }
    const options = parsed.options;
    const secrets = new Set();
    const ctx = io.makeContext((value) => secrets.add(value));
    const { report, accessToken } = await (io.probe ?? runProbe)(options, ctx);
    const written = options.reportPath !== '' || options.junitPath !== ''
        ? await writeReports(report, {
            reportPath: options.reportPath,
            junitPath: options.junitPath,
            defaultDir: '',
        })
        : null;
    if (command.json) {
        const document = options.exposeToken
            ? { ...JSON.parse(renderJson(report)), accessToken }
            : JSON.parse(renderJson(report));
        const text = `${JSON.stringify(document, null, 2)}\n`;
        io.out(options.exposeToken ? text : redact(text, secrets));
    }
    else {
        const color = io.isTTY && !command.noColor && !('NO_COLOR' in io.env) && io.env['TERM'] !== 'dumb';
        io.out(redact(renderText(report, { color }), secrets));
        if (options.exposeToken)
            io.err('imds-check: --expose-token only adds the token to --json output.\n');
    }
    for (const problem of written?.problems ?? [])
        io.err(`imds-check: ${problem}\n`);
    return exitCodeFor(report);
}


/***/ }),

/***/ 857:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  KH: () => (/* binding */ createHostContext)
});

// UNUSED EXPORTS: arcPathsFor, defaultReportDir

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
;// CONCATENATED MODULE: ./src/host/file-system.ts
// FileSystemPort over node:fs. readSmallFile opens without following a final link and without blocking
// on a FIFO, then checks the opened handle is a regular file within the size cap before reading it.

const NO_FOLLOW = external_node_fs_.constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = external_node_fs_.constants.O_NONBLOCK ?? 0;
function fail(code, message) {
    throw Object.assign(new Error(message), { code });
}
const nodeFileSystem = {
    async exists(path) {
        try {
            await external_node_fs_.promises.access(path, external_node_fs_.constants.F_OK);
            return true;
        }
        catch {
            return false;
        }
    },
    async lstat(path) {
        const s = await external_node_fs_.promises.lstat(path);
        return { isFile: s.isFile(), isSymbolicLink: s.isSymbolicLink(), size: s.size };
    },
    realpath: (path) => external_node_fs_.promises.realpath(path),
    async readSmallFile(path, maxBytes) {
        const handle = await external_node_fs_.promises.open(path, external_node_fs_.constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
        try {
            const s = await handle.stat();
            if (!s.isFile())
                fail('ENOTREG', `${path} is not a regular file`);
            if (s.size > maxBytes)
                fail('EFBIG', `${path} is larger than ${maxBytes} bytes`);
            const buffer = Buffer.alloc(maxBytes + 1);
            const { bytesRead } = await handle.read(buffer, 0, maxBytes + 1, 0);
            if (bytesRead > maxBytes)
                fail('EFBIG', `${path} is larger than ${maxBytes} bytes`);
            return buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await handle.close();
        }
    },
    readText: (path) => external_node_fs_.promises.readFile(path, 'utf8'),
};

// EXTERNAL MODULE: ./src/host/version.ts
var version = __nccwpck_require__(962);
;// CONCATENATED MODULE: ./src/host/context.ts
// Builds the engine's RuntimeContext from the real process: the one place that reads process.env and the
// platform on behalf of the engine. Each front door calls it with its own secret registration.



function arcPathsFor(platform, env) {
    if (platform === 'win32') {
        const programData = env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData';
        const programFiles = env['ProgramFiles'] ?? env['PROGRAMFILES'] ?? 'C:\\Program Files';
        return {
            arcTokensDir: `${programData}\\AzureConnectedMachineAgent\\Tokens`,
            arcAgentMarkers: [`${programFiles}\\AzureConnectedMachineAgent\\himds.exe`],
        };
    }
    return { arcTokensDir: '/var/opt/azcmagent/tokens', arcAgentMarkers: ['/opt/azcmagent/bin/himds'] };
}
function createHostContext(options) {
    const env = options.env ?? process.env;
    const platform = options.platform ?? process.platform;
    return {
        env: { ...env },
        platform,
        clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
        random: Math.random,
        fs: nodeFileSystem,
        ...arcPathsFor(platform, env),
        containerMarkers: platform === 'win32' ? [] : ['/.dockerenv', '/run/.containerenv'],
        agentProxy: options.agentProxy ?? null,
        frontDoor: options.frontDoor,
        diagnostics: options.diagnostics ?? null,
        log: options.log ?? { debug: () => undefined },
        registerSecret: options.registerSecret,
        toolVersion: version/* TOOL_VERSION */.w,
    };
}
const defaultReportDir = (tempDir, fallback) => join(tempDir && tempDir !== '' ? tempDir : fallback, 'imds-check');


/***/ }),

/***/ 402:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ childProcessDiagnostics)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
// Read-only diagnostics commands for the engine (e.g. `systemctl is-active himdsd`) over node:child_process:
// no shell, output captured (task-lib's exec would print `[command]` lines while the engine runs), killed at
// the timeout. A missing command or a timeout is `null`; a non-zero exit is an answer.

const childProcessDiagnostics = {
    run(command, args, timeoutMs) {
        return new Promise((resolve) => {
            (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(command, args, { timeout: timeoutMs, maxBuffer: 64 * 1024, windowsHide: true, encoding: 'utf8' }, (err, stdout) => {
                if (!err)
                    return resolve({ exitCode: 0, stdout });
                const code = err.code;
                if (typeof code === 'number')
                    return resolve({ exitCode: code, stdout });
                resolve(null); // ENOENT, EACCES, killed by the timeout, output too large
            });
        });
    },
};


/***/ }),

/***/ 73:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ oneLine)
/* harmony export */ });
// Failures are reported on one line, never with a stack trace: the first non-empty line of the message.
function oneLine(err) {
    const text = err instanceof Error ? err.message : String(err);
    return (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? 'unknown error').trim();
}


/***/ }),

/***/ 734:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ ignoreClosedPipes)
/* harmony export */ });
// A closed stdout/stderr pipe (EPIPE, e.g. `imds-check --json | head -c0`) must not become an unhandled
// 'error' event, which Node reports with a stack trace.
function ignoreClosedPipes() {
    for (const stream of [process.stdout, process.stderr])
        stream.on('error', () => undefined);
}


/***/ }),

/***/ 962:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
// Kept in step with package.json by a test; a literal so bundles need not read package.json at run time.
const TOOL_VERSION = '1.0.0';


/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
