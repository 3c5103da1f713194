export const id = 566;
export const ids = [566];
export const modules = {

/***/ 566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runEmulateCommand: () => (/* binding */ runEmulateCommand)
});

// UNUSED EXPORTS: EMULATE_USAGE

;// CONCATENATED MODULE: ./src/emulator/fixtures/errors.ts
// Verbatim error bodies from real captures (see shared/reference/imds-protocol.md §1.4, §3.3, §4.2).
/** IMDS 400 for a missing or invalid api-version (capture of 2025-07-29). */
const NO_API_VERSION_BODY = {
    error: 'Bad request. api-version is invalid or was not specified in the request. For more information refer to aka.ms/azureimds',
    'newest-versions': ['2025-04-07', '2024-07-17', '2024-03-15'],
};
const TOKEN_NO_METADATA_HEADER_BODY = '{"error":"invalid_request","error_description":"Required metadata header not specified"}';
const INSTANCE_NO_METADATA_HEADER_BODY = '{"error":"Bad request. Required metadata header not specified"}';
const IDENTITY_NOT_FOUND_BODY = '{"error":"invalid_request","error_description":"Identity not found"}';
const MULTIPLE_USER_IDENTITIES_BODY = '{"error":"invalid_request","error_description":"Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request"}';
/** HIMDS wording for a missing or unsupported api-version (agent of Aug 2024). */
function himdsApiVersionBody(supported) {
    return JSON.stringify({
        error: 'invalid_request',
        error_description: `The api-version not specified. Supported are ${supported.join(' ')}`,
    });
}

;// CONCATENATED MODULE: ./src/emulator/versions.ts
// api-versions each emulated service accepts (imds-protocol.md §1.4 and §4.2).

/** Documented IMDS versions, newest first. */
// prettier-ignore
const VM_API_VERSIONS = [
    '2025-04-07', '2024-07-17', '2024-03-15', '2023-11-15', '2023-07-01', '2021-12-13', '2021-11-15',
    '2021-11-01', '2021-10-01', '2021-08-01', '2021-05-01', '2021-03-01', '2021-02-01', '2021-01-01',
    '2020-12-01', '2020-10-01', '2020-09-01', '2020-07-15', '2020-06-01', '2019-11-01', '2019-08-15',
    '2019-08-01', '2019-06-04', '2019-06-01', '2019-04-30', '2019-03-11', '2019-02-01', '2018-10-01',
    '2018-04-02', '2018-02-01', '2017-12-01', '2017-10-01', '2017-08-01', '2017-04-02', '2017-03-01',
];
/** The token endpoint exists from this version on. */
const VM_TOKEN_MIN_VERSION = '2018-02-01';
/** What the 400 body offers: the three newest. */
const VM_NEWEST_VERSIONS = NO_API_VERSION_BODY['newest-versions'];
/** HIMDS versions, in the order its error message lists them. */
const ARC_API_VERSIONS = ['2021-02-01', '2020-06-01', '2019-11-01', '2019-08-15'];
/** An old Arc agent: 2020-06-01 and newer are unknown to it. */
const ARC_OLD_API_VERSIONS = ['2019-11-01', '2019-08-15'];
/** The version the Arc docs and SDKs use for metadata. */
const ARC_DEFAULT_API_VERSION = '2020-06-01';

;// CONCATENATED MODULE: ./src/emulator/scenarios.ts
// Named scenarios as data. The server reads these flags; no scenario has code of its own.
// Names are a contract with the tests and the e2e suite: never rename one.

const forever = Number.POSITIVE_INFINITY;
// One scenario per line, so the list reads as a table.
// prettier-ignore
const SCENARIOS = [
    { name: 'healthy', mode: 'both', description: 'Everything works: metadata and tokens (VM: system + two user-assigned identities).' },
    { name: 'no-identity', mode: 'both', description: 'No managed identity: token requests get 400 "Identity not found".', identitySet: 'none' },
    { name: 'multiple-user-identities', mode: 'vm', description: 'Two user-assigned identities and no system identity: a token request without a selector gets 400.', identitySet: 'users-only' },
    { name: 'invalid-resource', mode: 'both', description: 'Every token request gets 400 invalid_resource (AADSTS500011).', invalidResource: true },
    { name: 'metadata-404', mode: 'both', description: 'The instance document answers 404; tokens work.', statusFaults: [{ route: 'metadata', status: 404, times: forever }] },
    { name: 'throttled-then-ok', mode: 'both', description: 'Token endpoint answers 429 with Retry-After: 1 twice, then 200.', statusFaults: [{ route: 'token', status: 429, times: 2, retryAfter: '1' }] },
    { name: 'gone-then-ok', mode: 'both', description: 'Instance metadata answers 410 twice, then 200.', statusFaults: [{ route: 'metadata', status: 410, times: 2 }] },
    { name: 'updating-404-then-ok', mode: 'both', description: 'Token endpoint answers 404 (IMDS updating) twice, then 200.', statusFaults: [{ route: 'token', status: 404, times: 2 }] },
    { name: 'server-error', mode: 'both', description: 'Metadata and token endpoints answer 500 forever.', statusFaults: [{ route: 'metadata', status: 500, times: forever }, { route: 'token', status: 500, times: forever }] },
    { name: 'server-error-then-ok', mode: 'both', description: 'Metadata and token endpoints answer 500 once each, then 200.', statusFaults: [{ route: 'metadata', status: 500, times: 1 }, { route: 'token', status: 500, times: 1 }] },
    { name: 'slow', mode: 'both', description: 'Every answer comes after 1.5 s.', delayMs: 1500 },
    { name: 'silent', mode: 'both', description: 'Accepts connections and never answers.', transport: 'silent' },
    { name: 'trickle', mode: 'both', description: 'Sends 200 headers, then one body byte every 500 ms, forever.', transport: 'trickle' },
    { name: 'malformed-json', mode: 'both', description: '200 with a truncated JSON body.', transport: 'malformed-json' },
    { name: 'html', mode: 'both', description: '200 with an HTML page and no IMDS Server header.', transport: 'html' },
    { name: 'huge-body', mode: 'both', description: '200 with a 5 MB JSON body.', transport: 'huge-body' },
    { name: 'proxy-502', mode: 'both', description: 'A proxy answers 502 "cannotconnect" (plain text, no IMDS Server header).', transport: 'proxy-502' },
    { name: 'proxy-fail-to-connect', mode: 'both', description: 'A proxy answers 400 "Fail to directly connect with 169.254.169.254".', transport: 'proxy-fail-to-connect' },
    { name: 'wrong-shape', mode: 'both', description: '200 JSON {"hello":"world"} from something that is not IMDS.', transport: 'wrong-shape' },
    { name: 'no-server-header', mode: 'vm', description: 'Healthy, but without the Server: IMDS/... header.', noServerHeader: true },
    { name: 'reset', mode: 'both', description: 'Reads the request, then resets the connection.', transport: 'reset' },
    { name: 'old-api-version', mode: 'vm', description: 'Metadata rejects 2021-02-01 (400 with newest-versions) and accepts only the versions it lists.', metadataVersions: VM_NEWEST_VERSIONS },
    { name: 'token-expired', mode: 'both', description: 'Tokens come back already expired (expires_on in the past).', expiredToken: true },
    { name: 'arc-healthy', mode: 'arc', description: 'HIMDS works: 401 challenge with a .key file in the tokens dir, then a token.' },
    { name: 'arc-realm-outside', mode: 'arc', description: 'Challenge realm points to a bait file outside the tokens dir.', arcKey: 'outside' },
    { name: 'arc-not-key', mode: 'arc', description: 'Challenge realm is a .txt file inside the tokens dir.', arcKey: 'not-key' },
    { name: 'arc-oversized-key', mode: 'arc', description: 'Challenge realm is a 5000-byte .key file.', arcKey: 'oversized' },
    { name: 'arc-symlink-escape', mode: 'arc', description: 'Challenge realm is a .key symlink pointing to a bait file outside the tokens dir.', arcKey: 'symlink' },
    { name: 'arc-dotdot', mode: 'arc', description: 'Challenge realm is <tokensDir>/../bait.key.', arcKey: 'dotdot' },
    { name: 'arc-fifo', mode: 'arc', description: 'Challenge realm is a FIFO named *.key (reading it would block forever).', arcKey: 'fifo' },
    { name: 'arc-dir-key', mode: 'arc', description: 'Challenge realm is a directory named *.key.', arcKey: 'dir' },
    { name: 'arc-quoted-realm', mode: 'arc', description: 'Challenge header is Basic realm="<path>", charset="UTF-8".', arcKey: 'quoted' },
    { name: 'arc-two-challenges', mode: 'arc', description: 'Two WWW-Authenticate headers, each naming its own key file.', arcKey: 'two' },
    { name: 'arc-reject-secret', mode: 'arc', description: 'Answers 401 again after the correct secret was sent.', rejectSecret: true },
    { name: 'arc-old-api-version', mode: 'arc', description: 'Old agent: rejects 2020-06-01, "Supported are 2019-11-01 2019-08-15".', arcVersions: ARC_OLD_API_VERSIONS },
    { name: 'arc-user-supported', mode: 'arc', description: 'Agent supports user-assigned identities and echoes client_id / object_id / msi_res_id.', identitySet: 'with-users', arcSelectors: 'supported' },
    { name: 'arc-legacy-user', mode: 'arc', description: 'Legacy agent: ignores identity selectors and returns the system identity.', identitySet: 'with-users', arcSelectors: 'legacy' },
    { name: 'arc-down', mode: 'arc', description: 'HIMDS is not running: the url points to a closed loopback port.', down: true },
];
function findScenario(name) {
    return SCENARIOS.find((s) => s.name === name);
}
function listScenarios(mode) {
    return SCENARIOS.filter((s) => !mode || s.mode === mode || s.mode === 'both').map(({ name, mode: m, description }) => ({
        name,
        mode: m,
        description,
    }));
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(67);
;// CONCATENATED MODULE: ./src/emulator/state.ts
// All mutable state of one emulator instance. Nothing is module-global, so parallel emulators never interfere.
/** setTimeout that close() cancels. */
function later(state, ms, fn) {
    const timer = setTimeout(() => {
        state.timers.delete(timer);
        fn();
    }, ms);
    state.timers.add(timer);
}
/** setInterval that close() cancels. */
function every(state, ms, fn) {
    const timer = setInterval(fn, ms);
    state.timers.add(timer);
    return timer;
}

;// CONCATENATED MODULE: ./src/emulator/respond.ts
// Response helpers: every IMDS answer carries the IMDS Server header (unless the scenario drops it) and an
// exact Content-Length; HIMDS sends no Server header.
/** Shape of the header real IMDS sends (`IMDS/<a>.<b>.<c>.<build>`). */
const IMDS_SERVER_HEADER = 'IMDS/150.870.65.1854';
const JSON_TYPE = 'application/json; charset=utf-8';
function imdsHeaders(state) {
    return state.mode === 'vm' && !state.spec.noServerHeader ? { Server: IMDS_SERVER_HEADER } : {};
}
function send(res, status, body, headers) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    for (const [name, value] of Object.entries(headers))
        res.setHeader(name, value);
    res.setHeader('Content-Length', String(bytes.length));
    res.writeHead(status);
    res.end(bytes);
}
function sendJson(state, res, status, body, extra = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    send(res, status, text, { ...imdsHeaders(state), 'Content-Type': JSON_TYPE, ...extra });
}
function sendText(state, res, status, text) {
    send(res, status, text, { ...imdsHeaders(state), 'Content-Type': 'text/plain; charset=utf-8' });
}
/** IMDS error shapes: metadata routes use `{error}`, identity routes the OAuth `{error, error_description}`. */
function metadataError(message) {
    return JSON.stringify({ error: message });
}
function oauthError(code, description) {
    return JSON.stringify({ error: code, error_description: description });
}

;// CONCATENATED MODULE: ./src/emulator/fixtures/vm-instance.ts
// VM instance document served by the emulator. Shape and field set follow real captures: the compute object of an
// api-version 2021-02-01 answer (elastic/beats AKS capture) and the network object of WALinuxAgent's valid.json,
// re-valued for a standalone (non-VMSS) VM. IMDS returns every primitive as a string, "" when not applicable.
const VM_SUBSCRIPTION_ID = '3af8e776-0edc-4cf5-8520-b5ec2dbc778f';
const VM_RESOURCE_GROUP = 'rg-ama-rollout';
const VM_NAME = 'vm-ama-01';
const VM_ID = '74436628-93e4-401b-adfc-ee161f24a087';
const VM_RESOURCE_ID = `/subscriptions/${VM_SUBSCRIPTION_ID}/resourceGroups/${VM_RESOURCE_GROUP}/providers/Microsoft.Compute/virtualMachines/${VM_NAME}`;
const VM_INSTANCE = {
    compute: {
        azEnvironment: 'AzurePublicCloud',
        customData: '',
        evictionPolicy: '',
        isHostCompatibilityLayerVm: 'false',
        licenseType: '',
        location: 'westeurope',
        name: VM_NAME,
        offer: '0001-com-ubuntu-server-jammy',
        osProfile: { adminUsername: 'azureuser', computerName: VM_NAME, disablePasswordAuthentication: 'true' },
        osType: 'Linux',
        placementGroupId: '',
        plan: { name: '', product: '', publisher: '' },
        platformFaultDomain: '0',
        platformUpdateDomain: '0',
        priority: '',
        provider: 'Microsoft.Compute',
        publicKeys: [],
        publisher: 'Canonical',
        resourceGroupName: VM_RESOURCE_GROUP,
        resourceId: VM_RESOURCE_ID,
        securityProfile: { secureBootEnabled: 'true', virtualTpmEnabled: 'true' },
        sku: '22_04-lts-gen2',
        storageProfile: {},
        subscriptionId: VM_SUBSCRIPTION_ID,
        tags: 'env:prod;team:platform',
        tagsList: [
            { name: 'env', value: 'prod' },
            { name: 'team', value: 'platform' },
        ],
        userData: '',
        version: '22.04.202410020',
        vmId: VM_ID,
        vmScaleSetName: '',
        vmSize: 'Standard_D2s_v5',
        zone: '1',
    },
    network: {
        interface: [
            {
                ipv4: {
                    ipAddress: [{ privateIpAddress: '10.1.0.4', publicIpAddress: '' }],
                    subnet: [{ address: '10.1.0.0', prefix: '24' }],
                },
                ipv6: { ipAddress: [] },
                macAddress: '6045BDA1C2E3',
            },
        ],
    },
};

;// CONCATENATED MODULE: ./src/emulator/fixtures/arc-instance.ts
// HIMDS instance document: the shape of the Arc Jumpstart capture (api-version 2020-06-01) with its redacted
// values filled in. HIMDS differs from VM IMDS: HybridCompute resource id, empty network object,
// publicKeys null, lower-case osType, sku carries the OS name.
const ARC_SUBSCRIPTION_ID = '11068852-db4d-4cf5-b3b4-45717e081abd';
const ARC_RESOURCE_GROUP = 'rg-arc-servers';
const ARC_NAME = 'arc-srv-01';
const ARC_VM_ID = '709b381a-b7ed-44ba-90b0-aee0ce5b8370';
const ARC_RESOURCE_ID = `/subscriptions/${ARC_SUBSCRIPTION_ID}/resourceGroups/${ARC_RESOURCE_GROUP}/providers/Microsoft.HybridCompute/machines/${ARC_NAME}`;
const ARC_INSTANCE = {
    compute: {
        azEnvironment: 'AzurePublicCloud',
        isHostCompatibilityLayerVm: '',
        location: 'westeurope',
        name: ARC_NAME,
        offer: '',
        osType: 'linux',
        placementGroupId: '',
        plan: { name: '', product: '', publisher: '' },
        platformFaultDomain: '',
        platformUpdateDomain: '',
        provider: '',
        publicKeys: null,
        publisher: '',
        resourceGroupName: ARC_RESOURCE_GROUP,
        customData: '',
        resourceId: ARC_RESOURCE_ID,
        securityProfile: { secureBootEnabled: '', virtualTpmEnabled: '' },
        sku: 'Ubuntu 22.04.4 LTS',
        storageProfile: {},
        subscriptionId: ARC_SUBSCRIPTION_ID,
        tags: 'scenario:Managed Identity',
        tagsList: [{ name: 'scenario', value: 'Managed Identity' }],
        version: '22.04',
        vmId: ARC_VM_ID,
        vmScaleSetName: '',
        vmSize: '',
        zone: '',
    },
    network: {},
};

;// CONCATENATED MODULE: ./src/emulator/faults.ts
// Transport-level faults: things that answer (or fail to) before any IMDS logic runs. They model interceptors,
// proxies, hung services and broken sockets, so they ignore the request's headers and api-version.




const HUGE_BODY_BYTES = 5 * 1024 * 1024;
const TRICKLE_INTERVAL_MS = 500;
const HTML_PAGE = '<!DOCTYPE html>\n<html><head><title>Welcome</title></head>\n' +
    '<body><h1>It works!</h1><p>This is the default page of a web server, not a metadata service.</p></body></html>\n';
let hugeBody;
function hugeJson() {
    // Valid JSON of exactly HUGE_BODY_BYTES: {"padding":"xxx…"}; built once, it never changes.
    hugeBody ??= Buffer.from(`{"padding":"${'x'.repeat(HUGE_BODY_BYTES - 14)}"}`, 'utf8');
    return hugeBody;
}
function truncatedJson(state, path) {
    if (path.startsWith('/metadata/identity'))
        return '{"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1';
    const text = JSON.stringify(state.mode === 'arc' ? ARC_INSTANCE : VM_INSTANCE);
    return text.slice(0, Math.floor(text.length / 2));
}
function resetSocket(socket) {
    // An RST (ECONNRESET on the client), not a clean FIN; resetAndDestroy exists from Node 18.3.
    if (typeof socket.resetAndDestroy === 'function')
        socket.resetAndDestroy();
    else
        socket.destroy();
}
function trickle(state, res) {
    res.writeHead(200, { ...imdsHeaders(state), 'Content-Type': JSON_TYPE });
    res.flushHeaders();
    let first = true;
    const timer = every(state, TRICKLE_INTERVAL_MS, () => {
        res.write(first ? '{' : ' ');
        first = false;
    });
    res.on('close', () => {
        clearInterval(timer);
        state.timers.delete(timer);
    });
}
/** Answers the request according to the fault. */
function applyTransportFault(fault, state, req, res, path) {
    const plain = 'text/plain; charset=utf-8';
    switch (fault) {
        case 'silent':
            return; // keep the socket open and say nothing; close() destroys it
        case 'reset':
            return resetSocket(req.socket);
        case 'trickle':
            return trickle(state, res);
        case 'html':
            return send(res, 200, HTML_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
        case 'huge-body':
            return send(res, 200, hugeJson(), { ...imdsHeaders(state), 'Content-Type': JSON_TYPE });
        case 'malformed-json':
            return send(res, 200, truncatedJson(state, path), { ...imdsHeaders(state), 'Content-Type': JSON_TYPE });
        case 'proxy-502':
            return send(res, 502, 'cannotconnect', { 'Content-Type': plain });
        case 'proxy-fail-to-connect': {
            const text = `Fail to directly connect with ${state.mode === 'arc' ? 'localhost' : '169.254.169.254'}`;
            res.statusMessage = text;
            return send(res, 400, text, { 'Content-Type': plain });
        }
        case 'wrong-shape':
            return send(res, 200, '{"hello":"world"}', { 'Content-Type': JSON_TYPE });
    }
}

;// CONCATENATED MODULE: ./src/emulator/status-faults.ts
// "N errors, then OK" sequences. Each route family counts its own valid requests; the fault answers while
// the count is within `times`. Bodies use the route family's error shape.

const MESSAGES = {
    404: { metadata: 'Not found', token: ['not_found', 'IMDS endpoint is updating'] },
    410: {
        metadata: 'Gone. IMDS is going through updates, retry after some time',
        token: ['service_unavailable', 'IMDS is going through updates'],
    },
    429: {
        metadata: 'Too many requests',
        token: ['too_many_requests', 'Too many requests, retry after some time'],
    },
    500: {
        metadata: 'Internal server error',
        token: ['unknown', 'Failed to retrieve token from the Active directory'],
    },
};
function body(route, status) {
    const message = MESSAGES[status] ?? { metadata: 'Error', token: ['unknown', 'Error'] };
    return route === 'metadata' ? metadataError(message.metadata) : oauthError(...message.token);
}
/** Counts this request and returns the fault answer if one applies. */
function nextStatusFault(state, route) {
    state.counters[route] += 1;
    const seen = state.counters[route];
    const fault = state.spec.statusFaults?.find((f) => f.route === route && seen <= f.times);
    if (!fault)
        return undefined;
    const headers = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
    return { status: fault.status, body: body(route, fault.status), headers };
}

;// CONCATENATED MODULE: ./src/emulator/metadata.ts
// /metadata/instance with route filtering: path segments walk into the document (object keys, array indexes).
// Leaves answer only with format=text; JSON answers keep IMDS's all-strings document as it is.



const NOT_FOUND = {
    status: 404,
    body: metadataError('Not found. The requested element does not exist'),
};
function walk(document, segments) {
    let node = document;
    for (const segment of segments) {
        if (Array.isArray(node)) {
            if (!/^\d+$/.test(segment) || Number(segment) >= node.length)
                return { found: false, value: undefined };
            node = node[Number(segment)];
        }
        else if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) {
            node = node[segment];
        }
        else {
            return { found: false, value: undefined };
        }
    }
    return { found: true, value: node };
}
/** format=text on an object or array lists its children, one per line; containers end with '/'. */
function listChildren(node) {
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
    return entries.map(([key, v]) => (v !== null && typeof v === 'object' ? `${key}/` : key)).join('\n');
}
/** `segments` are the path parts after /metadata/instance. */
function answerInstance(state, segments, query) {
    const format = query.format ?? 'json';
    if (format !== 'json' && format !== 'text') {
        return { status: 400, body: metadataError(`Bad request. Unsupported format: ${format}`) };
    }
    const { found, value } = walk(state.mode === 'arc' ? ARC_INSTANCE : VM_INSTANCE, segments);
    if (!found)
        return NOT_FOUND;
    const leaf = value === null || typeof value !== 'object';
    if (leaf) {
        if (format !== 'text') {
            return {
                status: 400,
                body: metadataError('Bad request. Leaf nodes can only be requested with format=text'),
            };
        }
        return { status: 200, body: value === null ? '' : String(value), text: true };
    }
    if (format === 'text')
        return { status: 200, body: listChildren(value), text: true };
    return { status: 200, body: JSON.stringify(value) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
;// CONCATENATED MODULE: ./src/emulator/identities.ts
// Synthetic identities and tenant. GUIDs are random and belong to nothing real.

const TENANT_ID = '8dcece74-f736-4b23-a91d-56792cc59fa7';
const uamiId = (name) => `/subscriptions/${VM_SUBSCRIPTION_ID}/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
const SYSTEM_IDENTITY = {
    kind: 'system',
    clientId: 'c8665819-4f36-48db-be77-b7daf276cd97',
    objectId: 'f2c8a4fc-0c41-49c9-aaf5-5957830c3cb5',
};
const USER_IDENTITY_1 = {
    kind: 'user',
    clientId: 'ab77ccb7-0b00-46c8-ac2b-4303f0ffc6b0',
    objectId: '0a92bc98-f76f-462e-af3d-c7330eb5f2b3',
    resourceId: uamiId('id-ama-writer'),
};
const USER_IDENTITY_2 = {
    kind: 'user',
    clientId: '6fe8e176-6a90-4f36-b369-8f03726473e6',
    objectId: 'dc99342b-0b30-469e-af0d-0ddfcc804af5',
    resourceId: uamiId('id-deploy'),
};
/** 'healthy' VM: one system identity and two user-assigned identities. */
const DEFAULT_IDENTITIES = [
    SYSTEM_IDENTITY,
    USER_IDENTITY_1,
    USER_IDENTITY_2,
];
/** The system identity of the emulated Arc machine. */
const ARC_SYSTEM_IDENTITY = {
    kind: 'system',
    clientId: '032a0262-8879-4d9f-b8f2-04cfbbeb662c',
    objectId: '5b0c3a1e-2f64-4c7d-9e8a-1d2b3c4d5e6f',
};
const ARC_DEFAULT_IDENTITIES = [ARC_SYSTEM_IDENTITY];

;// CONCATENATED MODULE: ./src/emulator/jwt.ts
// Mints JWT-shaped access tokens: real-looking header and claims, random signature. Nothing can verify them,
// and each one is unique so leak scans can search for it.


const TOKEN_LIFETIME_SECONDS = 86399;
const b64url = (data) => Buffer.from(data).toString('base64url');
const json64 = (value) => b64url(JSON.stringify(value));
function tokenTimes(nowSeconds, expired) {
    // An expired token was issued more than a day ago and ran out an hour ago.
    const iat = expired ? nowSeconds - TOKEN_LIFETIME_SECONDS - 3600 : nowSeconds;
    return { iat, nbf: iat, exp: iat + TOKEN_LIFETIME_SECONDS };
}
function mintAccessToken(identity, audience, mirid, times) {
    const keyId = b64url((0,external_node_crypto_.randomBytes)(20));
    const header = { typ: 'JWT', alg: 'RS256', x5t: keyId, kid: keyId };
    const issuer = `https://sts.windows.net/${TENANT_ID}/`;
    const payload = {
        aud: audience,
        iss: issuer,
        iat: times.iat,
        nbf: times.nbf,
        exp: times.exp,
        aio: b64url((0,external_node_crypto_.randomBytes)(48)),
        appid: identity.clientId,
        appidacr: '2',
        azp: identity.clientId,
        idp: issuer,
        idtyp: 'app',
        oid: identity.objectId,
        rh: `0.${b64url((0,external_node_crypto_.randomBytes)(36))}.`,
        sub: identity.objectId,
        tid: TENANT_ID,
        uti: b64url((0,external_node_crypto_.randomBytes)(16)),
        ver: '1.0',
        xms_mirid: mirid,
    };
    return `${json64(header)}.${json64(payload)}.${b64url((0,external_node_crypto_.randomBytes)(256))}`;
}

;// CONCATENATED MODULE: ./src/emulator/token.ts
// The token answer once a request has passed the protocol rules (and, on Arc, the challenge): identity
// selection, resource check, minting. Returns status + body; the caller writes it.







const SELECTORS = ['client_id', 'object_id', 'msi_res_id'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function looksLikeResource(resource) {
    if (GUID.test(resource))
        return true;
    try {
        return ['http:', 'https:', 'api:'].includes(new URL(resource).protocol);
    }
    catch {
        return false;
    }
}
function matches(identity, selector, value) {
    const own = selector === 'client_id'
        ? identity.clientId
        : selector === 'object_id'
            ? identity.objectId
            : identity.resourceId;
    return own !== undefined && own.toLowerCase() === value.toLowerCase();
}
function chooseIdentity(state, query) {
    const legacyArc = state.mode === 'arc' && state.spec.arcSelectors === 'legacy';
    const given = legacyArc ? [] : SELECTORS.filter((name) => (query[name] ?? '') !== '');
    if (given.length > 1) {
        return {
            error: oauthError('invalid_request', 'Only one of client_id, object_id or msi_res_id may be specified'),
        };
    }
    const selector = given[0];
    if (selector !== undefined) {
        const found = state.identities.find((identity) => matches(identity, selector, query[selector] ?? ''));
        return found ? { identity: found, selector } : { error: IDENTITY_NOT_FOUND_BODY };
    }
    const system = state.identities.find((identity) => identity.kind === 'system');
    if (system)
        return { identity: system };
    const users = state.identities.filter((identity) => identity.kind === 'user');
    if (users.length > 1)
        return { error: MULTIPLE_USER_IDENTITIES_BODY };
    return users[0] ? { identity: users[0] } : { error: IDENTITY_NOT_FOUND_BODY };
}
function invalidResource(resource) {
    const now = new Date();
    const traceId = (0,external_node_crypto_.randomUUID)();
    const correlationId = (0,external_node_crypto_.randomUUID)();
    const stamp = now
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z'); // AAD style: 2026-11-25 18:00:00Z
    return JSON.stringify({
        error: 'invalid_resource',
        error_description: `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${TENANT_ID}. ` +
            'This can happen if the application has not been installed by the administrator of the tenant or consented to by ' +
            'any user in the tenant. You might have sent your authentication request to the wrong tenant. ' +
            `Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${stamp}`,
        error_codes: [500011],
        timestamp: stamp,
        trace_id: traceId,
        correlation_id: correlationId,
    });
}
function answerToken(state, query) {
    const resource = query.resource ?? '';
    if (resource === '') {
        return { status: 400, body: oauthError('invalid_request', 'Required audience parameter not specified') };
    }
    const choice = chooseIdentity(state, query);
    if ('error' in choice)
        return { status: 400, body: choice.error };
    if (state.spec.invalidResource || !looksLikeResource(resource)) {
        return { status: 400, body: invalidResource(resource) };
    }
    const { identity, selector } = choice;
    const machineId = state.mode === 'arc' ? ARC_RESOURCE_ID : VM_RESOURCE_ID;
    const mirid = identity.kind === 'system' ? machineId : (identity.resourceId ?? '');
    const now = Math.floor(Date.now() / 1000);
    const times = tokenTimes(now, state.spec.expiredToken === true);
    const accessToken = mintAccessToken(identity, resource, mirid, times);
    state.issuedTokens.push(accessToken);
    const expiresIn = String(Math.max(0, times.exp - now));
    const body = {
        access_token: accessToken,
        refresh_token: '',
        expires_in: expiresIn,
        expires_on: String(times.exp),
        ext_expires_in: expiresIn,
        not_before: String(times.nbf),
        resource,
        token_type: 'Bearer',
        client_id: identity.clientId,
    };
    // Echo the selector the way IMDS (2023-07-01 swagger) and modern HIMDS do.
    if (selector === 'object_id')
        body.object_id = identity.objectId;
    if (selector === 'msi_res_id')
        body.msi_res_id = identity.resourceId ?? '';
    return { status: 200, body: JSON.stringify(body) };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
;// CONCATENATED MODULE: ./src/emulator/arc-files.ts
// Files behind the Arc challenge: the tokens dir, bait files outside it, and one key file per challenge.
// Bait files hold `baitContent`; a client that follows a bad realm and sends the bait is caught by the tests.





/** Content of every bait file. Shaped like a real secret (64 hex chars) so a careless client would send it. */
const baitContent = 'ba17ba17c0ffee00deadbeef5ec2e7ba17ba17c0ffee00deadbeef5ec2e70000';
const OVERSIZED_KEY_BYTES = 5000;
/** Default: one private temp root holding `tokens/` and a sibling `outside/` for bait, so `tokens/..` is ours too. */
function prepareArcDirs(tokensDirOption) {
    if (tokensDirOption === undefined) {
        const root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'imds-emu-'));
        const tokensDir = (0,external_node_path_.join)(root, 'tokens');
        const baitDir = (0,external_node_path_.join)(root, 'outside');
        (0,external_node_fs_.mkdirSync)(tokensDir, { mode: 0o750 });
        (0,external_node_fs_.mkdirSync)(baitDir, { mode: 0o750 });
        return { tokensDir, baitDir, cleanup: [root] };
    }
    const tokensDir = (0,external_node_path_.resolve)(tokensDirOption);
    const cleanup = [];
    const created = (0,external_node_fs_.mkdirSync)(tokensDir, { recursive: true, mode: 0o750 });
    if (created !== undefined)
        cleanup.push(created);
    const baitDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'imds-emu-bait-'));
    cleanup.push(baitDir);
    return { tokensDir, baitDir, cleanup };
}
function writePrivate(state, path, content) {
    (0,external_node_fs_.writeFileSync)(path, content, { mode: 0o640 });
    (0,external_node_fs_.chmodSync)(path, 0o640); // whatever the umask says, as the agent does
    state.cleanup.push(path);
}
function tokensPath(state, extension) {
    return (0,external_node_path_.join)(state.tokensDir ?? '', `${(0,external_node_crypto_.randomUUID)()}${extension}`);
}
/** A fresh single-use secret in a new .key file; returns its path. */
function writeSecretFile(state) {
    const secret = (0,external_node_crypto_.randomBytes)(32).toString('hex');
    const path = tokensPath(state, '.key');
    writePrivate(state, path, secret);
    state.secrets.set(secret, path);
    state.issuedSecrets.push(secret);
    return path;
}
function writeBait(state, path, content = baitContent) {
    writePrivate(state, path, content);
    state.baitPaths.push(path);
    return path;
}
/** The realm path of one bad-key challenge; `variant` is the scenario's ArcKeyVariant. */
function writeBadKey(state, variant) {
    const baitDir = state.baitDir ?? '';
    switch (variant) {
        case 'outside':
            return writeBait(state, (0,external_node_path_.join)(baitDir, `${(0,external_node_crypto_.randomUUID)()}.key`));
        case 'not-key':
            return writeBait(state, tokensPath(state, '.txt'));
        case 'oversized':
            return writeBait(state, tokensPath(state, '.key'), baitContent.padEnd(OVERSIZED_KEY_BYTES, '0'));
        case 'symlink': {
            const target = writeBait(state, (0,external_node_path_.join)(baitDir, `${(0,external_node_crypto_.randomUUID)()}.key`));
            const link = tokensPath(state, '.key');
            (0,external_node_fs_.symlinkSync)(target, link);
            state.cleanup.push(link);
            return link;
        }
        case 'dotdot': {
            // Built by hand: path.join would normalise the '..' away, and the point is that it is there.
            const realm = `${state.tokensDir ?? ''}${external_node_path_.sep}..${external_node_path_.sep}bait.key`;
            if (!(0,external_node_fs_.existsSync)(realm))
                writeBait(state, realm);
            return realm;
        }
        case 'fifo': {
            const path = tokensPath(state, '.key');
            (0,external_node_child_process_.execFileSync)('mkfifo', ['-m', '0640', path], { stdio: 'ignore' });
            state.cleanup.push(path);
            return path;
        }
        case 'dir': {
            const path = tokensPath(state, '.key');
            (0,external_node_fs_.mkdirSync)(path);
            state.cleanup.push(path);
            return path;
        }
        default:
            throw new Error(`unknown Arc key variant ${variant}`);
    }
}
/** Consumes an outstanding secret: true when it was valid. The file goes, as HIMDS removes it. */
function redeemSecret(state, secret) {
    const path = state.secrets.get(secret);
    if (path === undefined)
        return false;
    state.secrets.delete(secret);
    (0,external_node_fs_.rmSync)(path, { force: true });
    return true;
}
function removeAll(paths) {
    for (const path of [...paths].reverse()) {
        try {
            (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
        }
        catch {
            // best effort: a file the test removed or made unremovable must not break close()
        }
    }
}

;// CONCATENATED MODULE: ./src/emulator/arc-challenge.ts
// HIMDS token flow: no Authorization → 401 + Www-Authenticate: Basic realm=<key file>; the key file's content
// sent back as `Authorization: Basic <secret>` → the token. Secrets are single use.



/** Header name as HIMDS spells it (the Arc docs grep for this spelling). */
const CHALLENGE_HEADER = 'Www-Authenticate';
function challengeValues(state) {
    const variant = state.spec.arcKey ?? 'normal';
    switch (variant) {
        case 'normal':
            return [`Basic realm=${writeSecretFile(state)}`];
        case 'quoted':
            return [`Basic realm="${writeSecretFile(state)}", charset="UTF-8"`];
        case 'two':
            return [`Basic realm=${writeSecretFile(state)}`, `Basic realm=${writeSecretFile(state)}`];
        default:
            return [`Basic realm=${writeBadKey(state, variant)}`];
    }
}
function presentedSecret(header) {
    const match = /^Basic\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
}
function handleArcToken(state, req, res, query) {
    const authorization = req.headers.authorization;
    if (authorization === undefined) {
        const values = challengeValues(state);
        send(res, 401, '', { [CHALLENGE_HEADER]: values.length === 1 ? (values[0] ?? '') : values });
        return;
    }
    const secret = presentedSecret(authorization);
    const accepted = secret !== undefined && redeemSecret(state, secret) && !state.spec.rejectSecret;
    if (!accepted) {
        // No new challenge file: a wrong or reused secret is an error, not a new round.
        sendJson(state, res, 401, oauthError('unauthorized_client', 'The secret in the Authorization header is not valid'));
        return;
    }
    const answer = answerToken(state, query);
    sendJson(state, res, answer.status, answer.body);
}

;// CONCATENATED MODULE: ./src/emulator/router.ts
// One request through the emulator: record it, apply a transport fault or delay, enforce the IMDS protocol
// rules (method, X-Forwarded-For, Metadata header, duplicate parameters, api-version), then route.










function parse(rawUrl) {
    const url = new URL(rawUrl, 'http://emulator.invalid');
    const query = {};
    let duplicate;
    for (const [key, value] of url.searchParams) {
        if (Object.hasOwn(query, key))
            duplicate ??= key;
        else
            query[key] = value;
    }
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    return { path, query, duplicate };
}
function record(state, req, parsed) {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined)
            headers[name] = value;
    state.requests.push({
        method: req.method ?? '',
        path: parsed.path,
        query: { ...parsed.query },
        headers,
        rawHeaders: [...req.rawHeaders],
        time: Date.now(),
    });
}
function routeOf(path) {
    if (path === '/metadata/versions')
        return 'versions';
    if (path === '/metadata/instance' || path.startsWith('/metadata/instance/'))
        return 'instance';
    if (path === '/metadata/identity/oauth2/token')
        return 'token';
    if (path === '/metadata/identity/info')
        return 'identity-info';
    return 'unknown';
}
function apiVersionAccepted(state, family, route, version) {
    if (version === undefined)
        return false;
    if (state.mode === 'arc')
        return (state.spec.arcVersions ?? ARC_API_VERSIONS).includes(version);
    const list = family === 'metadata' && state.spec.metadataVersions ? state.spec.metadataVersions : VM_API_VERSIONS;
    return list.includes(version) && (route !== 'token' || version >= VM_TOKEN_MIN_VERSION);
}
function apiVersionError(state) {
    return state.mode === 'arc'
        ? himdsApiVersionBody(state.spec.arcVersions ?? ARC_API_VERSIONS)
        : JSON.stringify(NO_API_VERSION_BODY);
}
function serve(state, req, res, parsed) {
    const { path, query } = parsed;
    const family = path.startsWith('/metadata/identity') ? 'token' : 'metadata';
    const error = (code, description) => family === 'token' ? oauthError(code, description) : metadataError(`Bad request. ${description}`);
    if (req.method !== 'GET') {
        const text = family === 'token'
            ? oauthError('method_not_allowed', 'The requested method is not allowed')
            : metadataError('Method not allowed');
        return sendJson(state, res, 405, text, { Allow: 'GET' });
    }
    if (req.headers['x-forwarded-for'] !== undefined) {
        return sendJson(state, res, 400, error('invalid_request', 'Requests with an X-Forwarded-For header are not allowed'));
    }
    if (req.headers.metadata !== 'true') {
        return sendJson(state, res, 400, family === 'token' ? TOKEN_NO_METADATA_HEADER_BODY : INSTANCE_NO_METADATA_HEADER_BODY);
    }
    if (parsed.duplicate !== undefined) {
        return sendJson(state, res, 400, error('invalid_request', `Duplicate query parameter: ${parsed.duplicate}`));
    }
    const route = routeOf(path);
    if (route === 'unknown')
        return sendJson(state, res, 404, metadataError('Not found'));
    if (route === 'versions') {
        const versions = state.mode === 'arc' ? (state.spec.arcVersions ?? ARC_API_VERSIONS) : VM_API_VERSIONS;
        return sendJson(state, res, 200, { apiVersions: [...versions].reverse() });
    }
    if (!apiVersionAccepted(state, family, route, query['api-version'])) {
        return sendJson(state, res, 400, apiVersionError(state));
    }
    if (route === 'identity-info')
        return sendJson(state, res, 200, { tenantId: TENANT_ID });
    const fault = nextStatusFault(state, route === 'token' ? 'token' : 'metadata');
    if (fault)
        return sendJson(state, res, fault.status, fault.body, fault.headers);
    if (route === 'token') {
        if (state.mode === 'arc')
            return handleArcToken(state, req, res, query);
        const answer = answerToken(state, query);
        return sendJson(state, res, answer.status, answer.body);
    }
    const segments = path.split('/').slice(3);
    const answer = answerInstance(state, segments, query);
    if (answer.text)
        return sendText(state, res, answer.status, answer.body);
    return sendJson(state, res, answer.status, answer.body);
}
function serveSafely(state, req, res, parsed) {
    if (state.closed)
        return;
    try {
        serve(state, req, res, parsed);
    }
    catch (err) {
        // An emulator bug must show up as a loud answer, not a hung test.
        if (!res.headersSent)
            sendJson(state, res, 500, metadataError(`emulator failure: ${err.message}`));
        else
            res.destroy();
    }
}
function handleRequest(state, req, res) {
    const parsed = parse(req.url ?? '/');
    record(state, req, parsed);
    const { transport, delayMs } = state.spec;
    if (transport)
        return applyTransportFault(transport, state, req, res, parsed.path);
    if (delayMs)
        return later(state, delayMs, () => serveSafely(state, req, res, parsed));
    serveSafely(state, req, res, parsed);
}

;// CONCATENATED MODULE: ./src/emulator/server.ts
// startEmulator: one node:http server per call, all state on the instance. close() cancels timers, destroys
// every socket (silent and trickle scenarios keep them open forever) and removes the files it wrote.





function identitiesFor(spec, mode) {
    const users = [USER_IDENTITY_1, USER_IDENTITY_2];
    switch (spec.identitySet) {
        case 'none':
            return [];
        case 'users-only':
            return users;
        case 'with-users':
            return mode === 'arc' ? [ARC_SYSTEM_IDENTITY, ...users] : DEFAULT_IDENTITIES;
        default:
            return mode === 'arc' ? ARC_DEFAULT_IDENTITIES : DEFAULT_IDENTITIES;
    }
}
function resolveStart(options) {
    const name = options.scenario ?? 'healthy';
    const spec = findScenario(name);
    if (!spec)
        throw new Error(`unknown emulator scenario "${name}" (imds-check emulate --list shows them)`);
    // An Arc-only scenario implies Arc mode when no mode was given.
    const mode = options.mode ?? (spec.mode === 'both' ? 'vm' : spec.mode);
    if (spec.mode !== 'both' && spec.mode !== mode) {
        throw new Error(`scenario "${name}" exists in ${spec.mode} mode only, not ${mode}`);
    }
    if (spec.arcKey === 'fifo' && process.platform === 'win32') {
        throw new Error('scenario "arc-fifo" needs mkfifo, which this platform does not have');
    }
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`invalid port ${String(port)}`);
    return { spec, mode, host: options.host ?? '127.0.0.1', port };
}
function listen(server, host, port) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve(server.address().port);
        });
    });
}
function stopServer(server) {
    return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}
async function startEmulator(options = {}) {
    const { spec, mode, host, port } = resolveStart(options);
    const dirs = mode === 'arc' ? prepareArcDirs(options.tokensDir) : null;
    const state = {
        mode,
        spec,
        identities: options.identities ? [...options.identities] : identitiesFor(spec, mode),
        tokensDir: dirs?.tokensDir ?? null,
        baitDir: dirs?.baitDir ?? null,
        requests: [],
        issuedTokens: [],
        issuedSecrets: [],
        baitPaths: [],
        secrets: new Map(),
        counters: { metadata: 0, token: 0 },
        sockets: new Set(),
        timers: new Set(),
        cleanup: dirs ? [...dirs.cleanup] : [],
        closed: false,
    };
    const server = (0,external_node_http_.createServer)((req, res) => handleRequest(state, req, res));
    server.on('connection', (socket) => {
        state.sockets.add(socket);
        socket.on('close', () => state.sockets.delete(socket));
    });
    let boundPort;
    try {
        boundPort = await listen(server, host, port);
    }
    catch (err) {
        removeAll(state.cleanup);
        throw err;
    }
    // arc-down: the port was ours a moment ago and now nothing listens on it, so clients get ECONNREFUSED.
    if (spec.down)
        await stopServer(server);
    let closing;
    const close = () => {
        closing ??= (async () => {
            state.closed = true;
            for (const timer of state.timers)
                clearTimeout(timer);
            state.timers.clear();
            for (const socket of state.sockets)
                socket.destroy();
            await stopServer(server);
            removeAll(state.cleanup);
        })();
        return closing;
    };
    return {
        url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
        host,
        port: boundPort,
        mode,
        scenario: spec.name,
        tokensDir: state.tokensDir,
        requests: state.requests,
        issuedTokens: state.issuedTokens,
        issuedSecrets: state.issuedSecrets,
        baitPaths: state.baitPaths,
        close,
    };
}

;// CONCATENATED MODULE: ./src/emulator/command.ts
// `imds-check emulate`: run the emulator in the foreground until SIGINT/SIGTERM, or list its scenarios.


const EMULATE_USAGE = 'Usage: imds-check emulate [--scenario NAME] [--mode vm|arc] [--host H] [--port N] [--tokens-dir DIR] [--list]';
const VALUE_FLAGS = new Set(['scenario', 'mode', 'host', 'port', 'tokens-dir']);
function command_parse(argv) {
    const options = {};
    let list = false;
    let help = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '--help' || arg === '-h')
            help = true;
        else if (arg === '--list')
            list = true;
        else {
            const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
            const name = match?.[1];
            if (name === undefined || !VALUE_FLAGS.has(name))
                return { error: `unknown argument '${arg}'` };
            const value = match?.[2] ?? argv[++i];
            if (value === undefined || value === '')
                return { error: `--${name} needs a value` };
            const problem = apply(options, name, value);
            if (problem)
                return { error: problem };
        }
    }
    const spec = SCENARIOS.find((s) => s.name === options.scenario);
    if (spec && options.mode && spec.mode !== 'both' && spec.mode !== options.mode) {
        return { error: `scenario '${spec.name}' exists in ${spec.mode} mode only` };
    }
    return { list, help, options };
}
function apply(options, name, value) {
    switch (name) {
        case 'scenario':
            if (!SCENARIOS.some((s) => s.name === value))
                return `unknown scenario '${value}' (see --list)`;
            options.scenario = value;
            return undefined;
        case 'mode':
            if (value !== 'vm' && value !== 'arc')
                return `--mode must be vm or arc, not '${value}'`;
            options.mode = value;
            return undefined;
        case 'port': {
            const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
            if (!(port >= 0 && port <= 65535))
                return `--port must be a number from 0 to 65535, not '${value}'`;
            options.port = port;
            return undefined;
        }
        case 'host':
            options.host = value;
            return undefined;
        default:
            options.tokensDir = value;
            return undefined;
    }
}
function waitForStop(signal) {
    return new Promise((resolve) => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            signal?.removeEventListener('abort', stop);
            resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        if (signal?.aborted)
            stop();
        else
            signal?.addEventListener('abort', stop);
    });
}
async function runEmulateCommand(argv, io, control = {}) {
    const parsed = command_parse(argv);
    if ('error' in parsed) {
        io.err(`imds-check emulate: ${parsed.error}`);
        io.err(EMULATE_USAGE);
        return 2;
    }
    if (parsed.help) {
        io.out(EMULATE_USAGE);
        return 0;
    }
    if (parsed.list) {
        const scenarios = listScenarios(parsed.options.mode);
        const width = Math.max(...scenarios.map((s) => s.name.length));
        for (const s of scenarios)
            io.out(`${s.name.padEnd(width)}  ${s.mode.padEnd(4)}  ${s.description}`);
        return 0;
    }
    let emulator;
    try {
        emulator = await startEmulator(parsed.options);
    }
    catch (err) {
        io.err(`imds-check emulate: ${err instanceof Error ? err.message : String(err)}`);
        return 1;
    }
    const stopped = waitForStop(control.signal);
    io.out(`imds-check emulator (${emulator.mode}, scenario ${emulator.scenario}) listening on ${emulator.url}`);
    if (emulator.tokensDir !== null)
        io.out(`tokens dir: ${emulator.tokensDir}`);
    if (emulator.scenario === 'arc-down')
        io.out('nothing accepts connections there: arc-down models a stopped HIMDS');
    await stopped;
    await emulator.close();
    return 0;
}


/***/ })

};
