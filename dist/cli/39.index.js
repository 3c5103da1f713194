"use strict";
exports.id = 39;
exports.ids = [39];
exports.modules = {

/***/ 39:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runEmulateCommand: () => (/* binding */ runEmulateCommand)
});

// UNUSED EXPORTS: EMULATE_HELP, EMULATE_USAGE

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
/**
 * HIMDS wording for a missing or unsupported api-version (agent of Aug 2024). `listText` replaces the
 * version list after "Supported are " (a test override).
 */
function himdsApiVersionBody(supported, listText) {
    return JSON.stringify({
        error: 'invalid_request',
        error_description: `The api-version not specified. Supported are ${listText ?? supported.join(' ')}`,
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
/** Scheduled Events has its own versions (scheduled-events.md, "Version and region availability"). */
// prettier-ignore
const SCHEDULED_EVENTS_API_VERSIONS = [
    '2020-07-01', '2019-08-01', '2019-04-01', '2019-01-01', '2017-11-01', '2017-08-01', '2017-03-01',
];
/** First IMDS version of each versioned route beyond the instance document (imds-protocol.md §1.1). */
const ROUTE_MIN_VERSION = {
    token: VM_TOKEN_MIN_VERSION,
    'identity-info': VM_TOKEN_MIN_VERSION,
    attested: '2018-10-01',
    loadbalancer: '2020-10-01',
};

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
    { name: 'updating-40s', mode: 'both', description: 'An IMDS update: instance metadata answers 410 for 40 s after the first request, then 200 (the default timeout-seconds rides it out).', statusFaults: [{ route: 'metadata', status: 410, times: forever, forMs: 40_000 }] },
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
    { name: 'token-gone-then-ok', mode: 'both', description: 'Token endpoint answers 410 (IMDS updating) once, then 200.', statusFaults: [{ route: 'token', status: 410, times: 1 }] },
    { name: 'throttled-no-retry-after', mode: 'both', description: 'Token endpoint answers 429 without Retry-After twice, then 200.', statusFaults: [{ route: 'token', status: 429, times: 2 }] },
    { name: 'arc-selector-rejected', mode: 'arc', description: 'Agent checks the identity selector first: an id naming no user-assigned identity gets 400 before any challenge.', identitySet: 'with-users', arcSelectors: 'precheck' },
    { name: 'burst-429', mode: 'both', description: 'Per route family: 4 requests answer 200, the next 6 get 429 without Retry-After, then 200 again.', statusFaults: [{ route: 'metadata', status: 429, after: 4, times: 6 }, { route: 'token', status: 429, after: 4, times: 6 }] },
    { name: 'intermittent-500', mode: 'both', description: 'Every 5th request of each route family answers 500 (a 20 % failure rate, deterministic).', intermittent: [{ route: 'metadata', status: 500, every: 5 }, { route: 'token', status: 500, every: 5 }] },
    { name: 'flaky-500', mode: 'both', description: 'Each request answers 500 with probability 0.2, drawn from the seeded PRNG (option seed, default 1).', intermittent: [{ route: 'metadata', status: 500, rate: 0.2 }, { route: 'token', status: 500, rate: 0.2 }] },
    { name: 'latency-jitter', mode: 'both', description: 'Every answer waits a random 0-800 ms, drawn from the seeded PRNG (option seed, default 1).', jitterMs: [0, 800] },
    { name: 'custom-image', mode: 'vm', description: 'Healthy, but the VM was created from a gallery image: storageProfile.imageReference has only an id, no publisher, offer or SKU.', image: 'custom' },
    { name: 'single-user-identity', mode: 'vm', description: 'One user-assigned identity and no system identity: a token request without a selector gets that identity.', identitySet: 'one-user' },
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
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
;// CONCATENATED MODULE: ./src/emulator/state.ts
// All mutable state of one emulator instance. Nothing is module-global, so parallel emulators never interfere.
/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for reproducible fault patterns, not for secrets. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
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

;// CONCATENATED MODULE: ./src/emulator/overrides.ts
// Test-supplied replacement values (EmulatorOverrides): validation at start, and the places that apply them.
// Everything here is string in, string out: the point is that any text reaches the wire unchanged.
/** Characters HTTP forbids in a header value (RFC 9110 §5.5): controls other than HTAB, and DEL. */
const FORBIDDEN_IN_HEADER = /[\x00-\x08\x0a-\x1f\x7f]/;
/** Throws for override values that cannot be sent at all; called once by startEmulator. */
function checkOverrides(overrides) {
    if (overrides.arcRealm !== undefined && FORBIDDEN_IN_HEADER.test(overrides.arcRealm)) {
        throw new Error('overrides.arcRealm holds a control character (CR, LF, NUL, DEL or C0 other than HTAB); HTTP header values cannot carry it');
    }
}
/**
 * A header value as raw UTF-8 bytes: node:http writes a string's code units 0x80-0xFF as single bytes
 * (latin1), so re-coding the UTF-8 bytes as latin1 puts exactly those bytes on the wire (obs-text in HTTP).
 */
function utf8HeaderValue(text) {
    return Buffer.from(text, 'utf8').toString('latin1');
}
// Path segments are the test's text: a segment names an own key or an index, never anything inherited, so
// `__proto__.x` or `constructor.prototype.x` makes a key of that name in the document (on the wire as sent)
// and never reaches Object.prototype of the process running the emulator.
const isIndex = (node, key) => Array.isArray(node) && /^\d+$/.test(key);
function child(node, key) {
    if (isIndex(node, key))
        return node[Number(key)];
    return Object.hasOwn(node, key) ? node[key] : undefined;
}
function put(node, key, value) {
    const name = isIndex(node, key) ? String(Number(key)) : key;
    // defineProperty, not assignment: assigning to `__proto__` would replace the node's prototype.
    Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true });
}
/** Sets `path` (dotted, relative to `root`) to `value`, creating objects on the way. */
function setPath(root, path, value) {
    const keys = path.split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) {
        let next = child(node, key);
        if (next === null || typeof next !== 'object') {
            next = {};
            put(node, key, next);
        }
        node = next;
    }
    put(node, keys[keys.length - 1] ?? '', value);
}
/** A deep copy of the instance document with the compute overrides applied. */
function withComputeOverrides(document, overrides) {
    const copy = structuredClone(document);
    const compute = overrides.compute;
    if (!compute)
        return copy;
    if (!Object.hasOwn(copy, 'compute'))
        copy.compute = {};
    const target = copy.compute;
    for (const [path, value] of Object.entries(compute))
        setPath(target, path, value);
    return copy;
}
/**
 * Applies `error` / `errorDescription` to a JSON error body. Bodies that are not a JSON object (never the
 * case for bodies the emulator writes itself) pass unchanged.
 */
function withErrorOverrides(body, overrides) {
    if (overrides.error === undefined && overrides.errorDescription === undefined)
        return body;
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return body;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return body;
    const json = parsed;
    if (overrides.error !== undefined && 'error' in json)
        json.error = overrides.error;
    if (overrides.errorDescription !== undefined && 'error_description' in json) {
        json.error_description = overrides.errorDescription;
    }
    return JSON.stringify(json);
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
    const json = typeof body === 'string' ? body : JSON.stringify(body);
    // Every error answer the emulator generates passes here, so one place applies the error-text overrides.
    const text = status >= 400 ? withErrorOverrides(json, state.overrides) : json;
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
// VM instance document served by the emulator, as the newest api-version returns it; older versions drop the
// fields introduced after them (doc-versions.ts). Shape and field set follow real captures: the compute object
// of an api-version 2021-02-01 answer (elastic/beats AKS capture), the fields added up to 2021-12-13 as a
// 2023 RHEL VM returned them (redhat-sap/rh_operations azure_imds.py RETURN sample), physicalZone from the
// IMDS doc, and the network object of WALinuxAgent's valid.json, re-valued for a standalone (non-VMSS) VM.
// IMDS returns every primitive as a string, "" when not applicable. storageProfile follows the IMDS doc's storage
// profile table and the 2021-11-15 swagger example (imageReference: id, offer, publisher, sku, version; "" for a
// marketplace image's id). A custom or gallery image keeps no publisher, offer or SKU (IMDS FAQ) and names the
// image in imageReference.id instead: that shape is inferred, no real capture of it was found.
const VM_SUBSCRIPTION_ID = '3af8e776-0edc-4cf5-8520-b5ec2dbc778f';
const VM_RESOURCE_GROUP = 'rg-ama-rollout';
const VM_NAME = 'vm-ama-01';
const VM_ID = '74436628-93e4-401b-adfc-ee161f24a087';
const VM_RESOURCE_ID = `/subscriptions/${VM_SUBSCRIPTION_ID}/resourceGroups/${VM_RESOURCE_GROUP}/providers/Microsoft.Compute/virtualMachines/${VM_NAME}`;
const VM_INSTANCE = {
    compute: {
        additionalCapabilities: { hibernationEnabled: 'false' },
        azEnvironment: 'AzurePublicCloud',
        customData: '',
        evictionPolicy: '',
        extendedLocation: { name: '', type: '' },
        host: { id: '' },
        hostGroup: { id: '' },
        isHostCompatibilityLayerVm: 'false',
        licenseType: '',
        location: 'westeurope',
        name: VM_NAME,
        offer: '0001-com-ubuntu-server-jammy',
        osProfile: { adminUsername: 'azureuser', computerName: VM_NAME, disablePasswordAuthentication: 'true' },
        osType: 'Linux',
        physicalZone: '',
        placementGroupId: '',
        plan: { name: '', product: '', publisher: '' },
        platformFaultDomain: '0',
        platformSubFaultDomain: '',
        platformUpdateDomain: '0',
        priority: '',
        provider: 'Microsoft.Compute',
        publicKeys: [],
        publisher: 'Canonical',
        resourceGroupName: VM_RESOURCE_GROUP,
        resourceId: VM_RESOURCE_ID,
        securityProfile: {
            encryptionAtHost: 'false',
            secureBootEnabled: 'true',
            securityType: 'TrustedLaunch',
            virtualTpmEnabled: 'true',
        },
        sku: '22_04-lts-gen2',
        storageProfile: {
            dataDisks: [],
            imageReference: {
                id: '',
                offer: '0001-com-ubuntu-server-jammy',
                publisher: 'Canonical',
                sku: '22_04-lts-gen2',
                version: '22.04.202410020',
            },
            osDisk: {
                caching: 'ReadWrite',
                createOption: 'FromImage',
                diffDiskSettings: { option: '' },
                diskSizeGB: '30',
                encryptionSettings: { enabled: 'false' },
                image: { uri: '' },
                managedDisk: {
                    id: `/subscriptions/${VM_SUBSCRIPTION_ID}/resourceGroups/${VM_RESOURCE_GROUP}/providers/Microsoft.Compute/disks/${VM_NAME}_OsDisk_1`,
                    storageAccountType: 'Premium_LRS',
                },
                name: `${VM_NAME}_OsDisk_1`,
                osType: 'Linux',
                vhd: { uri: '' },
                writeAcceleratorEnabled: 'false',
            },
        },
        subscriptionId: VM_SUBSCRIPTION_ID,
        tags: 'env:prod;team:platform',
        tagsList: [
            { name: 'env', value: 'prod' },
            { name: 'team', value: 'platform' },
        ],
        userData: '',
        version: '22.04.202410020',
        virtualMachineScaleSet: { id: '' },
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
/** The gallery image version of the custom-image scenario. */
const CUSTOM_IMAGE_ID = `/subscriptions/${VM_SUBSCRIPTION_ID}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contosoGallery/images/ubuntu-hardened/versions/1.4.0`;
/** The same VM created from a custom (gallery) image: no publisher, offer or SKU anywhere, the image id instead. */
const CUSTOM_IMAGE_VM_INSTANCE = {
    ...VM_INSTANCE,
    compute: {
        ...VM_INSTANCE.compute,
        offer: '',
        publisher: '',
        sku: '',
        version: '',
        storageProfile: {
            ...VM_INSTANCE.compute.storageProfile,
            imageReference: { id: CUSTOM_IMAGE_ID, offer: '', publisher: '', sku: '', version: '' },
        },
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
// Status faults. Sequences ("N errors, then OK", or a burst after some good answers) count each route
// family's valid requests, a time window ("410 for 40 s") starts at the family's first request;
// intermittent faults recur every k-th request or at a seeded random rate.
// Bodies use the route family's error shape.

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
function intermittentHits(state, fault, seen) {
    // Each random-rate fault draws once per request of its family, hit or not, so the pattern depends only
    // on the seed and the request order.
    return 'every' in fault ? seen % fault.every === 0 : state.faultRandom() < fault.rate;
}
/** Counts this request and returns the fault answer if one applies. */
function nextStatusFault(state, route) {
    state.counters[route] += 1;
    const seen = state.counters[route];
    const now = Date.now();
    const first = (state.firstSeen[route] ??= now);
    const applies = (f) => f.forMs !== undefined ? now - first < f.forMs : seen > (f.after ?? 0) && seen <= (f.after ?? 0) + f.times;
    const fault = state.spec.statusFaults?.find((f) => f.route === route && applies(f));
    if (fault) {
        const headers = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
        return { status: fault.status, body: body(route, fault.status), headers };
    }
    const hits = (state.spec.intermittent ?? [])
        .filter((f) => f.route === route)
        .filter((f) => intermittentHits(state, f, seen));
    const hit = hits[0];
    return hit ? { status: hit.status, body: body(route, hit.status), headers: {} } : undefined;
}

;// CONCATENATED MODULE: ./src/emulator/doc-versions.ts
// The instance document depends on the api-version: a field introduced by a later version than the one
// requested is absent, as in real IMDS (imds-protocol.md §2.2, from the IMDS doc's field table).
// Fields not listed here are in every version (the 2017-04-02 base set and the network object).
/** Path (dot-separated, relative to the document root) → first api-version that returns it. */
// prettier-ignore
const FIELD_SINCE = {
    'compute.subscriptionId': '2017-08-01',
    'compute.resourceGroupName': '2017-08-01',
    'compute.tags': '2017-08-01',
    'compute.placementGroupId': '2017-08-01',
    'compute.vmScaleSetName': '2017-12-01',
    'compute.zone': '2017-12-01',
    'compute.plan': '2018-04-02',
    'compute.publicKeys': '2018-04-02',
    'compute.azEnvironment': '2018-10-01',
    'compute.provider': '2018-10-01',
    'compute.customData': '2019-02-01',
    'compute.resourceId': '2019-03-11',
    'compute.storageProfile': '2019-06-01',
    'compute.tagsList': '2019-06-04',
    'compute.isHostCompatibilityLayerVm': '2020-06-01',
    'compute.securityProfile': '2020-06-01',
    'compute.osProfile': '2020-07-15',
    'compute.osProfile.disablePasswordAuthentication': '2020-10-01',
    'compute.licenseType': '2020-09-01',
    'compute.evictionPolicy': '2020-12-01',
    'compute.priority': '2020-12-01',
    'compute.userData': '2021-01-01',
    'compute.virtualMachineScaleSet': '2021-03-01',
    'compute.extendedLocation': '2021-03-01',
    'compute.platformSubFaultDomain': '2021-10-01',
    'compute.securityProfile.encryptionAtHost': '2021-11-01',
    'compute.additionalCapabilities': '2021-11-01',
    'compute.host': '2021-11-15',
    'compute.hostGroup': '2021-11-15',
    'compute.securityProfile.securityType': '2021-12-13',
    'compute.physicalZone': '2023-11-15',
};
function prune(node, path, version) {
    if (node === null || typeof node !== 'object' || Array.isArray(node))
        return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        const since = Object.hasOwn(FIELD_SINCE, childPath) ? FIELD_SINCE[childPath] : undefined;
        // api-versions are ISO dates, so string order is date order.
        if (since !== undefined && version < since)
            continue;
        // An override may name a key `__proto__`: define it, as assigning would replace out's prototype.
        Object.defineProperty(out, key, {
            value: prune(value, childPath, version),
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return out;
}
/** The document as the given api-version returns it (input is not modified). */
function documentForVersion(document, version) {
    return prune(document, '', version);
}

;// CONCATENATED MODULE: ./src/emulator/metadata.ts
// /metadata/instance with route filtering: path segments walk into the document (object keys, array indexes).
// Leaves answer only with format=text; JSON answers keep IMDS's all-strings document as it is. The document
// is the fixture with the test's overrides, cut to the fields the requested api-version knows.





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
    const fixture = state.mode === 'arc'
        ? ARC_INSTANCE
        : state.spec.image === 'custom'
            ? CUSTOM_IMAGE_VM_INSTANCE
            : VM_INSTANCE;
    const document = documentForVersion(withComputeOverrides(fixture, state.overrides), query['api-version'] ?? '');
    const { found, value } = walk(document, segments);
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
var external_node_crypto_ = __webpack_require__(7598);
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
function mintAccessToken(identity, audience, mirid, times, claims = {}) {
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
        ...claims,
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
/**
 * The selectors present in the query. VM IMDS accepts `mi_res_id` as an alias of `msi_res_id` (it only
 * documents the latter; imds-protocol.md §3.1); HIMDS ignores `mi_res_id` (§4.6), and legacy HIMDS ignores
 * every selector.
 */
function givenSelectors(state, query) {
    if (state.mode === 'arc' && state.spec.arcSelectors === 'legacy')
        return [];
    const given = SELECTORS.filter((name) => (query[name] ?? '') !== '').map((name) => ({
        name,
        value: query[name] ?? '',
    }));
    const alias = query.mi_res_id ?? '';
    if (state.mode === 'vm' && alias !== '')
        given.push({ name: 'msi_res_id', value: alias });
    return given;
}
const TOO_MANY_SELECTORS = oauthError('invalid_request', 'Only one of client_id, object_id or msi_res_id may be specified');
function chooseIdentity(state, query) {
    const given = givenSelectors(state, query);
    if (given.length > 1)
        return { error: TOO_MANY_SELECTORS };
    const selector = given[0];
    if (selector !== undefined) {
        const found = state.identities.find((identity) => matches(identity, selector.name, selector.value));
        return found ? { identity: found, selector: selector.name } : { error: IDENTITY_NOT_FOUND_BODY };
    }
    const system = state.identities.find((identity) => identity.kind === 'system');
    if (system)
        return { identity: system };
    const users = state.identities.filter((identity) => identity.kind === 'user');
    if (users.length > 1)
        return { error: MULTIPLE_USER_IDENTITIES_BODY };
    return users[0] ? { identity: users[0] } : { error: IDENTITY_NOT_FOUND_BODY };
}
/**
 * HIMDS that checks the selector before challenging ('precheck'): a selector naming no user-assigned
 * identity (an unknown id, or the system identity's own id) is refused on the first request, so no key
 * file is written. Real Arc does this (MSAL Python PR #962); the body text is IMDS's "Identity not found".
 */
function selectorRefusedBeforeChallenge(state, query) {
    if (state.spec.arcSelectors !== 'precheck')
        return undefined;
    const given = givenSelectors(state, query);
    if (given.length > 1)
        return TOO_MANY_SELECTORS;
    const selector = given[0];
    if (selector === undefined)
        return undefined;
    const users = state.identities.filter((identity) => identity.kind === 'user');
    return users.some((identity) => matches(identity, selector.name, selector.value))
        ? undefined
        : IDENTITY_NOT_FOUND_BODY;
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
    const accessToken = mintAccessToken(identity, resource, mirid, times, state.overrides.claims);
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
    Object.assign(body, state.overrides.tokenAnswer);
    // What went on the wire is what a leak scan must look for.
    state.issuedTokens.push(body.access_token ?? accessToken);
    return { status: 200, body: JSON.stringify(body) };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
/**
 * A fresh single-use secret in a new .key file; returns its path. Real HIMDS key files are single-use and
 * short-lived (imds-protocol.md §4.3): an unused one goes, with its secret, after `arcKeyLifetimeMs`.
 */
function writeSecretFile(state) {
    const secret = (0,external_node_crypto_.randomBytes)(32).toString('hex');
    const path = tokensPath(state, '.key');
    writePrivate(state, path, secret);
    state.secrets.set(secret, path);
    state.issuedSecrets.push(secret);
    later(state, state.arcKeyLifetimeMs, () => {
        if (state.secrets.delete(secret))
            (0,external_node_fs_.rmSync)(path, { force: true });
    });
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
/**
 * Body of the challenge. Real HIMDS sends the 401 as `Content-Type: application/json` (azure-identity debug
 * log in MSAL Python issue #812); msal-node JSON-parses every answer, so an empty body breaks it. The text
 * itself has not been published, so this wording is the emulator's own.
 */
const CHALLENGE_BODY = oauthError('unauthorized', 'Present the content of the key file named by the realm as Basic credentials');
function realm(state, path) {
    return state.overrides.arcRealm ?? state.arcRealmPath(path);
}
function challengeValues(state) {
    const variant = state.spec.arcKey ?? 'normal';
    switch (variant) {
        case 'normal':
            return [`Basic realm=${realm(state, writeSecretFile(state))}`];
        case 'quoted':
            return [`Basic realm="${realm(state, writeSecretFile(state))}", charset="UTF-8"`];
        case 'two':
            return [
                `Basic realm=${realm(state, writeSecretFile(state))}`,
                `Basic realm=${realm(state, writeSecretFile(state))}`,
            ];
        default:
            return [`Basic realm=${realm(state, writeBadKey(state, variant))}`];
    }
}
function presentedSecret(header) {
    const match = /^Basic\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
}
function handleArcToken(state, req, res, query) {
    const authorization = req.headers.authorization;
    if (authorization === undefined) {
        const refused = selectorRefusedBeforeChallenge(state, query);
        if (refused !== undefined)
            return sendJson(state, res, 400, refused);
        const values = challengeValues(state).map(utf8HeaderValue);
        sendJson(state, res, 401, CHALLENGE_BODY, {
            [CHALLENGE_HEADER]: values.length === 1 ? (values[0] ?? '') : values,
        });
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

;// CONCATENATED MODULE: ./src/emulator/extra-routes.ts
// The VM IMDS routes a connectivity probe does not need but real clients call: attested document, load
// balancer metadata and scheduled events. Each answers as a plain VM without a Standard load balancer and
// without pending maintenance does.




/**
 * Real 404 body of /metadata/loadbalancer on a VM without a Standard load balancer (captured in the
 * redhat-sap/rh_operations azure_imds module's RETURN sample; the troubleshooting doc lists the same text).
 */
const NO_LOAD_BALANCER_BODY = metadataError('No load balancer metadata is found. Please check if your VM is using any non-basic SKU load balancer and retry later.');
/** `yyyyMMdd-HHmmss` in UTC: the nonce IMDS uses when the request has none (as in real attested payloads). */
function defaultNonce(now) {
    return now.toISOString().replace(/-/g, '').replace('T', '-').replace(/:/g, '').slice(0, 15);
}
function certTime(date) {
    // The payload's timestamps read like "10/02/23 12:33:11 -0000" in real captures.
    const p = (n) => String(n).padStart(2, '0');
    return `${p(date.getUTCMonth() + 1)}/${p(date.getUTCDate())}/${p(date.getUTCFullYear() % 100)} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} -0000`;
}
/**
 * `{encoding: "pkcs7", signature}`. The signature is fake: base64 of a DER SEQUENCE header, the JSON payload
 * real documents sign (licenseType, nonce, plan, sku, subscriptionId, timeStamp, vmId) and random bytes where
 * the certificate and signature would be. Nothing can verify it, and nothing should.
 */
function answerAttested(state, query) {
    const doc = withComputeOverrides(VM_INSTANCE, state.overrides);
    const now = new Date();
    const payload = JSON.stringify({
        licenseType: doc.compute.licenseType ?? '',
        nonce: query.nonce ?? defaultNonce(now),
        plan: doc.compute.plan ?? {},
        sku: doc.compute.sku ?? '',
        subscriptionId: doc.compute.subscriptionId ?? '',
        timeStamp: { createdOn: certTime(now), expiresOn: certTime(new Date(now.getTime() + 6 * 3600_000)) },
        vmId: doc.compute.vmId ?? '',
    });
    const content = Buffer.concat([Buffer.from(payload, 'utf8'), (0,external_node_crypto_.randomBytes)(1536)]);
    const der = Buffer.concat([Buffer.from([0x30, 0x82, content.length >> 8, content.length & 0xff]), content]);
    return { status: 200, body: JSON.stringify({ encoding: 'pkcs7', signature: der.toString('base64') }) };
}
function answerLoadBalancer() {
    return { status: 404, body: NO_LOAD_BALANCER_BODY };
}
/** No maintenance pending: the empty event list the Scheduled Events doc describes. */
function answerScheduledEvents() {
    return { status: 200, body: JSON.stringify({ DocumentIncarnation: 0, Events: [] }) };
}

;// CONCATENATED MODULE: ./src/emulator/rules.ts
// The IMDS protocol rules every request meets before routing, in the order real IMDS applies them: method,
// X-Forwarded-For, Metadata header, duplicate parameters, then (for every /metadata route but versions) the
// api-version, before the route is looked up: `GET /metadata` without api-version is a 400, not a 404
// (the captured request in fixtures azure-compute-docs-pr289-no-api-version-400.json).



const VM_ONLY_ROUTES = new Set(['attested', 'loadbalancer', 'scheduledevents']);
function routeOf(state, path) {
    const route = (() => {
        if (path === '/metadata/versions')
            return 'versions';
        if (path === '/metadata/instance' || path.startsWith('/metadata/instance/'))
            return 'instance';
        if (path === '/metadata/identity/oauth2/token')
            return 'token';
        if (path === '/metadata/identity/info')
            return 'identity-info';
        if (path === '/metadata/attested/document')
            return 'attested';
        if (path === '/metadata/loadbalancer')
            return 'loadbalancer';
        if (path === '/metadata/scheduledevents')
            return 'scheduledevents';
        return path === '/metadata' || path.startsWith('/metadata/') ? 'unknown-metadata' : 'outside';
    })();
    // HIMDS serves instance metadata and tokens only.
    return state.mode === 'arc' && VM_ONLY_ROUTES.has(route) ? 'unknown-metadata' : route;
}
function familyOf(path) {
    return path.startsWith('/metadata/identity') ? 'token' : 'metadata';
}
/**
 * Metadata header check. VM IMDS wants exactly lower-case `true` (the token doc calls it an SSRF
 * mitigation, imds-protocol.md §1.2); HIMDS accepts `True` too: Microsoft's Arc PowerShell sample sends
 * `Metadata='True'` and gets its token (managed-identity-authentication.md).
 */
function metadataHeaderOk(state, value) {
    if (typeof value !== 'string')
        return false;
    return state.mode === 'arc' ? value.toLowerCase() === 'true' : value === 'true';
}
/** Method, X-Forwarded-For, Metadata header, duplicate parameters: a refusal, or undefined to go on. */
function protocolRefusal(state, req, path, duplicate) {
    const family = familyOf(path);
    const error = (code, description) => family === 'token' ? oauthError(code, description) : metadataError(`Bad request. ${description}`);
    if (req.method !== 'GET') {
        const body = family === 'token'
            ? oauthError('method_not_allowed', 'The requested method is not allowed')
            : metadataError('Method not allowed');
        return { status: 405, body, headers: { Allow: 'GET' } };
    }
    if (req.headers['x-forwarded-for'] !== undefined) {
        return {
            status: 400,
            body: error('invalid_request', 'Requests with an X-Forwarded-For header are not allowed'),
        };
    }
    if (!metadataHeaderOk(state, req.headers.metadata)) {
        return {
            status: 400,
            body: family === 'token' ? TOKEN_NO_METADATA_HEADER_BODY : INSTANCE_NO_METADATA_HEADER_BODY,
        };
    }
    if (duplicate !== undefined) {
        return { status: 400, body: error('invalid_request', `Duplicate query parameter: ${duplicate}`) };
    }
    return undefined;
}
function versionsFor(state, route) {
    if (state.mode === 'arc')
        return state.spec.arcVersions ?? ARC_API_VERSIONS;
    if (route === 'scheduledevents')
        return SCHEDULED_EVENTS_API_VERSIONS;
    if (route === 'instance' && state.spec.metadataVersions)
        return state.spec.metadataVersions;
    return VM_API_VERSIONS;
}
/** The api-version rule for a /metadata route (not /metadata/versions): a refusal, or undefined. */
function apiVersionRefusal(state, route, version) {
    const known = version !== undefined && versionsFor(state, route).includes(version);
    const minimum = state.mode === 'vm' ? ROUTE_MIN_VERSION[route] : undefined;
    if (known && (minimum === undefined || (version ?? '') >= minimum))
        return undefined;
    if (state.mode === 'vm')
        return { status: 400, body: JSON.stringify(NO_API_VERSION_BODY) };
    const supported = state.spec.arcVersions ?? ARC_API_VERSIONS;
    return { status: 400, body: himdsApiVersionBody(supported, state.overrides.arcSupportedText) };
}
const NOT_FOUND_BODY = metadataError('Not found');

;// CONCATENATED MODULE: ./src/emulator/router.ts
// One request through the emulator: record it, apply a transport fault or delay, enforce the IMDS protocol
// rules (rules.ts), then route.











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
    // A trailing slash is tolerated: msal-node appends one when AZURE_POD_IDENTITY_AUTHORITY_HOST is set.
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    return { path, query, duplicate };
}
function record(state, req, res, parsed) {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined)
            headers[name] = value;
    const entry = {
        method: req.method ?? '',
        path: parsed.path,
        query: { ...parsed.query },
        headers,
        rawHeaders: [...req.rawHeaders],
        time: Date.now(),
    };
    state.requests.push(entry);
    res.on('finish', () => {
        entry.status = res.statusCode;
        entry.answeredAt = Date.now();
    });
    return entry;
}
/** A route's answer once every rule passed. */
function answerRoute(state, route, parsed) {
    const { path, query } = parsed;
    switch (route) {
        case 'unknown-metadata':
            return { status: 404, body: NOT_FOUND_BODY };
        case 'identity-info':
            return { status: 200, body: JSON.stringify({ tenantId: TENANT_ID }) };
        case 'attested':
            return answerAttested(state, query);
        case 'loadbalancer':
            return answerLoadBalancer();
        case 'scheduledevents':
            return answerScheduledEvents();
        case 'token':
            return answerToken(state, query);
        case 'instance':
            return answerInstance(state, path.split('/').slice(3), query);
    }
}
function serve(state, req, res, parsed) {
    const refused = protocolRefusal(state, req, parsed.path, parsed.duplicate);
    if (refused)
        return sendJson(state, res, refused.status, refused.body, refused.headers);
    const route = routeOf(state, parsed.path);
    if (route === 'outside')
        return sendJson(state, res, 404, NOT_FOUND_BODY);
    if (route === 'versions') {
        const versions = state.mode === 'arc' ? (state.spec.arcVersions ?? ARC_API_VERSIONS) : VM_API_VERSIONS;
        return sendJson(state, res, 200, { apiVersions: [...versions].reverse() });
    }
    const badVersion = apiVersionRefusal(state, route, parsed.query['api-version']);
    if (badVersion)
        return sendJson(state, res, badVersion.status, badVersion.body);
    if (route === 'token' || route === 'instance') {
        const fault = nextStatusFault(state, route === 'token' ? 'token' : 'metadata');
        if (fault)
            return sendJson(state, res, fault.status, fault.body, fault.headers);
    }
    if (route === 'token' && state.mode === 'arc')
        return handleArcToken(state, req, res, parsed.query);
    const answer = answerRoute(state, route, parsed);
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
function delayFor(state) {
    const { delayMs = 0, jitterMs } = state.spec;
    if (!jitterMs)
        return delayMs;
    const [min, max] = jitterMs;
    return delayMs + Math.round(min + state.jitterRandom() * (max - min));
}
function handleRequest(state, req, res) {
    const parsed = parse(req.url ?? '/');
    const entry = record(state, req, res, parsed);
    const { transport } = state.spec;
    if (transport)
        return applyTransportFault(transport, state, req, res, parsed.path);
    const delay = delayFor(state);
    entry.delayMs = delay;
    if (delay > 0)
        return later(state, delay, () => serveSafely(state, req, res, parsed));
    serveSafely(state, req, res, parsed);
}

;// CONCATENATED MODULE: ./src/emulator/server.ts
// startEmulator: one node:http server per call, all state on the instance. close() cancels timers, destroys
// every socket (silent and trickle scenarios keep them open forever) and removes the files it wrote.







/** How long an unused Arc key file lives (real ones are short-lived; the value itself is not published). */
const DEFAULT_ARC_KEY_LIFETIME_MS = 10_000;
function identitiesFor(spec, mode) {
    const users = [USER_IDENTITY_1, USER_IDENTITY_2];
    switch (spec.identitySet) {
        case 'none':
            return [];
        case 'users-only':
            return users;
        case 'one-user':
            return [USER_IDENTITY_1];
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
    const lifetime = options.arcKeyLifetimeMs ?? DEFAULT_ARC_KEY_LIFETIME_MS;
    if (!(lifetime > 0))
        throw new Error(`invalid arcKeyLifetimeMs ${String(lifetime)}`);
    checkOverrides(options.overrides ?? {});
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
        firstSeen: {},
        sockets: new Set(),
        timers: new Set(),
        cleanup: dirs ? [...dirs.cleanup] : [],
        closed: false,
        overrides: options.overrides ?? {},
        faultRandom: seededRandom(options.seed ?? 1),
        jitterRandom: seededRandom((options.seed ?? 1) + 0x9e3779b9),
        arcKeyLifetimeMs: options.arcKeyLifetimeMs ?? DEFAULT_ARC_KEY_LIFETIME_MS,
        arcRealmPath: options.arcRealmPath ?? ((hostPath) => hostPath),
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
        identities: state.identities,
        requests: state.requests,
        issuedTokens: state.issuedTokens,
        issuedSecrets: state.issuedSecrets,
        baitPaths: state.baitPaths,
        close,
    };
}

;// CONCATENATED MODULE: ./src/emulator/command-text.ts
// Text of `imds-check emulate`: the help (every option with its default) and the start banner (where it
// listens and which identities it serves, so a user can try `--identity user --client-id …` at once).

const EMULATE_USAGE = 'Usage: imds-check emulate [--scenario NAME] [--mode vm|arc] [--host H] [--port N] [--tokens-dir DIR] ' +
    '[--key-lifetime S] [--seed N] [--log] [--list] [--help]';
const EMULATE_HELP = `${EMULATE_USAGE}

Serves Azure IMDS (VM mode) or Hybrid IMDS with the Arc key-file challenge (Arc mode) on a local port,
healthy or with a fault scenario, until Ctrl+C. Point a check at it with --endpoint.

Options:
  --scenario NAME     what the emulator does (default healthy); --list shows every scenario
  --mode vm|arc       which service to emulate (default vm; arc for a scenario that exists in Arc mode only)
  --host H            address to listen on (default 127.0.0.1)
  --port N            port to listen on, 0-65535 (default 0: any free port, shown at start)
  --tokens-dir DIR    Arc: where challenge .key files are written (default: a new temp folder, removed on exit)
  --key-lifetime S    Arc: seconds an unused key file lives before it is removed (default ${DEFAULT_ARC_KEY_LIFETIME_MS / 1000})
  --seed N            seed of the random faults and latency jitter, an integer (default 1: same seed, same run)
  --log               print one line per request: time, method, path, status (default off; never a secret)
  --list              list the scenarios (with --mode, only that mode's) and exit
  -h, --help          this help

Examples:
  imds-check emulate --port 8080 &
  imds-check --endpoint http://127.0.0.1:8080
  imds-check emulate --port 8081 --scenario throttled-then-ok
  imds-check emulate --mode arc --port 8082 --tokens-dir /tmp/imds-tokens --log &
  imds-check --mode arc --endpoint http://127.0.0.1:8082 --arc-tokens-dir /tmp/imds-tokens`;
function describeIdentity(identity) {
    const resource = identity.resourceId ? `  resource ${identity.resourceId}` : '';
    return `  ${identity.kind.padEnd(6)}  client ${identity.clientId}  object ${identity.objectId}${resource}`;
}
/** The lines printed once the emulator listens. The first line is a contract: scripts wait for it. */
function bannerLines(emulator) {
    const lines = [
        `imds-check emulator (${emulator.mode}, scenario ${emulator.scenario}) listening on ${emulator.url}`,
    ];
    if (emulator.tokensDir !== null)
        lines.push(`tokens dir: ${emulator.tokensDir}`);
    if (emulator.scenario === 'arc-down') {
        lines.push('nothing accepts connections there: arc-down models a stopped HIMDS');
        return lines;
    }
    if (emulator.identities.length === 0)
        lines.push('identities: none (token requests get "Identity not found")');
    else
        lines.push('identities:', ...emulator.identities.map(describeIdentity));
    // Arc needs the check to read key files from this emulator's folder (a CLI-only, loopback-only option).
    const target = emulator.mode === 'arc'
        ? `--mode arc --endpoint ${emulator.url} --arc-tokens-dir ${emulator.tokensDir ?? ''}`
        : `--endpoint ${emulator.url}`;
    lines.push(`try: imds-check ${target}`);
    const user = emulator.identities.find((identity) => identity.kind === 'user');
    if (user)
        lines.push(`     imds-check ${target} --identity user --client-id ${user.clientId}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/emulator/ama/der.ts
// A minimal DER (ASN.1) encoder: just the types an X.509 v3 certificate needs. node:crypto can sign but not
// build certificates, and the emulator must mint its test chains at run time without a new dependency.
function lengthBytes(length) {
    if (length < 0x80)
        return Buffer.from([length]);
    const bytes = [];
    for (let n = length; n > 0; n = Math.floor(n / 256))
        bytes.unshift(n % 256);
    return Buffer.from([0x80 | bytes.length, ...bytes]);
}
/** One tag-length-value. */
function tlv(tag, content) {
    return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}
const sequence = (...items) => tlv(0x30, Buffer.concat(items));
const set = (...items) => tlv(0x31, Buffer.concat(items));
const der_boolean = (value) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const octetString = (bytes) => tlv(0x04, bytes);
const utf8String = (text) => tlv(0x0c, Buffer.from(text, 'utf8'));
/** [n] EXPLICIT, constructed. */
const explicit = (n, content) => tlv(0xa0 + n, content);
/** [n] IMPLICIT, primitive (e.g. dNSName [2], keyIdentifier [0]). */
const implicit = (n, content) => tlv(0x80 + n, content);
/** A non-negative INTEGER from big-endian bytes (a leading 0x00 keeps it positive). */
function integer(value) {
    let bytes = typeof value === 'number' ? Buffer.from([value]) : value;
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0 && (bytes[start + 1] & 0x80) === 0)
        start += 1;
    bytes = bytes.subarray(start);
    if ((bytes[0] & 0x80) !== 0)
        bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return tlv(0x02, bytes);
}
/** BIT STRING with `unused` trailing bits in the last byte. */
const bitString = (bytes, unused = 0) => tlv(0x03, Buffer.concat([Buffer.from([unused]), bytes]));
function base128(n) {
    const out = [n & 0x7f];
    for (let rest = Math.floor(n / 128); rest > 0; rest = Math.floor(rest / 128))
        out.unshift((rest & 0x7f) | 0x80);
    return out;
}
function oid(dotted) {
    const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
    return tlv(0x06, Buffer.from([40 * a + b, ...rest.flatMap(base128)]));
}
/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 §4.1.2.5). */
function time(date) {
    const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const year = date.getUTCFullYear();
    return year >= 1950 && year < 2050
        ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii'))
        : tlv(0x18, Buffer.from(`${iso}Z`, 'ascii'));
}

;// CONCATENATED MODULE: ./src/emulator/ama/x509.ts
// X.509 v3 certificates for the emulator's test chains: EC P-256 keys from node:crypto, the certificate body
// from der.ts, signed with ECDSA-SHA256. Keys live in memory only; nothing here is ever written as a key file.


const ECDSA_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const OID = {
    commonName: '2.5.4.3',
    organization: '2.5.4.10',
    subjectKeyId: '2.5.29.14',
    keyUsage: '2.5.29.15',
    subjectAltName: '2.5.29.17',
    basicConstraints: '2.5.29.19',
    authorityKeyId: '2.5.29.35',
    extKeyUsage: '2.5.29.37',
    serverAuth: '1.3.6.1.5.5.7.3.1',
};
const newKeys = () => (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
const x509_name = (n) => sequence(set(sequence(oid(OID.organization), utf8String(n.o))), set(sequence(oid(OID.commonName), utf8String(n.cn))));
const extension = (id, critical, value) => sequence(oid(id), ...(critical ? [der_boolean(true)] : []), octetString(value));
function extensions(spec, keyId, authorityKeyId) {
    const list = [
        extension(OID.basicConstraints, true, spec.ca ? sequence(der_boolean(true)) : sequence()),
        // keyCertSign + cRLSign (bits 5, 6) for a CA; digitalSignature (bit 0) for a server.
        extension(OID.keyUsage, true, spec.ca ? bitString(Buffer.from([0x06]), 1) : bitString(Buffer.from([0x80]), 7)),
        extension(OID.subjectKeyId, false, octetString(keyId)),
        extension(OID.authorityKeyId, false, sequence(implicit(0, authorityKeyId))),
    ];
    if (!spec.ca) {
        list.push(extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth))));
        const names = (spec.dnsNames ?? []).map((n) => implicit(2, Buffer.from(n, 'ascii')));
        list.push(extension(OID.subjectAltName, false, sequence(...names)));
    }
    return explicit(3, sequence(...list));
}
function toPem(der) {
    const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
function issue(spec) {
    const keys = spec.keys ?? newKeys();
    const spki = keys.publicKey.export({ type: 'spki', format: 'der' });
    const keyId = (0,external_node_crypto_.createHash)('sha1').update(spki).digest();
    const signer = spec.issuer ?? { name: { cn: spec.cn, o: spec.o }, keys, keyId };
    const serial = (0,external_node_crypto_.randomBytes)(16);
    serial[0] = serial[0] & 0x7f;
    const tbs = sequence(explicit(0, integer(2)), integer(serial), ECDSA_SHA256, x509_name(signer.name), sequence(time(spec.notBefore), time(spec.notAfter)), x509_name({ cn: spec.cn, o: spec.o }), spki, extensions(spec, keyId, signer.keyId));
    const signature = (0,external_node_crypto_.sign)('sha256', tbs, signer.keys.privateKey);
    const der = sequence(tbs, ECDSA_SHA256, bitString(signature));
    return { name: { cn: spec.cn, o: spec.o }, keys, keyId, der, pem: toPem(der) };
}

;// CONCATENATED MODULE: ./src/emulator/ama/pki.ts
// The emulator's test PKI, minted at start and held in memory: a "test Azure" root with an issuing CA (stands in
// for Azure's chain; trusted by passing its root as ama-trusted-roots), a "corporate inspection" CA (trusted via
// NODE_EXTRA_CA_CERTS, as a firewall's CA would be), and an untrusted CA. Only public certificates leave it.

const TEST_AZURE_ROOT_CN = 'imds-check Test Azure Root CA';
const TEST_AZURE_ISSUING_CN = 'imds-check Test Azure TLS Issuing CA 01';
const INSPECTION_CA_CN = 'Contoso Firewall CA';
const UNTRUSTED_CA_CN = 'Untrusted Test CA';
/** What the wrong-host certificate is issued for, whatever name the client asked for. */
const WRONG_HOST_NAME = 'wrong-host.example.net';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
function createAmaPki(now = Date.now()) {
    const valid = { notBefore: new Date(now - HOUR), notAfter: new Date(now + 30 * DAY) };
    const o = 'imds-check test PKI (not Microsoft)';
    const azureRoot = issue({ cn: TEST_AZURE_ROOT_CN, o, ca: true, ...valid });
    const azureIssuing = issue({ cn: TEST_AZURE_ISSUING_CN, o, ca: true, issuer: azureRoot, ...valid });
    const inspection = issue({ cn: INSPECTION_CA_CN, o: 'Contoso Ltd', ca: true, ...valid });
    const untrusted = issue({ cn: UNTRUSTED_CA_CN, o, ca: true, ...valid });
    // One server key for every leaf: keys are cheap, but a stable one keeps a leaf per host name cheap too.
    const serverKeys = newKeys();
    const key = serverKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const cache = new Map();
    const signers = {
        azure: { issuer: azureIssuing, chain: [azureIssuing] },
        expired: { issuer: azureIssuing, chain: [azureIssuing] },
        fresh: { issuer: azureIssuing, chain: [azureIssuing] },
        'wrong-host': { issuer: azureIssuing, chain: [azureIssuing] },
        inspection: { issuer: inspection, chain: [] },
        untrusted: { issuer: untrusted, chain: [untrusted] },
    };
    return {
        azureRootPem: azureRoot.pem,
        inspectionRootPem: inspection.pem,
        leaf(kind, host, clockShiftMs = 0) {
            const cacheKey = `${kind} ${host} ${clockShiftMs}`;
            const hit = cache.get(cacheKey);
            if (hit)
                return hit;
            const { issuer, chain } = signers[kind];
            const name = kind === 'wrong-host' ? WRONG_HOST_NAME : host;
            const at = now + clockShiftMs;
            const validity = kind === 'expired'
                ? { notBefore: new Date(at - 30 * DAY), notAfter: new Date(at - DAY) }
                : kind === 'fresh'
                    ? { notBefore: new Date(at - 10 * MINUTE), notAfter: new Date(at + 30 * DAY) }
                    : { notBefore: new Date(at - HOUR), notAfter: new Date(at + 30 * DAY) };
            const leaf = issue({ cn: name, o, ca: false, issuer, dnsNames: [name], keys: serverKeys, ...validity });
            const credentials = { key, cert: [leaf, ...chain].map((c) => c.pem).join('') };
            cache.set(cacheKey, credentials);
            return credentials;
        },
    };
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/emulator/ama/proxy.ts
// A CONNECT proxy stub for the AMA tests: it records every request it sees (CONNECT target, whether credentials
// came and were accepted, the status it gave) and forwards accepted tunnels to the emulator's listener. Any
// non-CONNECT request (an IMDS call that went through a proxy, say) is recorded and refused with 502. The
// Proxy-Authorization value itself is never recorded.


function credentialsOf(header, expected) {
    if (!header)
        return 'none';
    if (!expected)
        return 'accepted';
    const wanted = `Basic ${Buffer.from(`${expected.username}:${expected.password}`, 'utf8').toString('base64')}`;
    return header === wanted ? 'accepted' : 'rejected';
}
async function startAmaProxy(options) {
    const records = [];
    const sockets = new Set();
    const settle = (record, status) => {
        record.status = status;
        options.onRecord?.(record);
    };
    const server = external_node_http_default().createServer((req, res) => {
        const credentials = credentialsOf(req.headers['proxy-authorization'], options.credentials);
        const record = {
            time: Date.now(),
            method: req.method ?? '',
            target: req.url ?? '',
            credentials,
            status: 0,
        };
        records.push(record);
        settle(record, 502);
        res
            .writeHead(502, { 'Content-Type': 'text/plain', Connection: 'close' })
            .end('imds-check test proxy: CONNECT only\n');
    });
    server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
    });
    server.on('connect', (req, client, head) => {
        sockets.add(client);
        client.on('error', () => undefined);
        const credentials = credentialsOf(req.headers['proxy-authorization'], options.credentials);
        const record = {
            time: Date.now(),
            method: 'CONNECT',
            target: req.url ?? '',
            credentials,
            status: 0,
        };
        records.push(record);
        if (options.credentials && credentials !== 'accepted') {
            settle(record, 407);
            client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="imds-check test proxy"\r\n' +
                'Content-Length: 0\r\nConnection: close\r\n\r\n');
            return;
        }
        const target = /^([^:]+|\[[^\]]+\]):(\d{1,5})$/.exec(req.url ?? '');
        if (!target) {
            settle(record, 400);
            client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
            return;
        }
        const to = options.upstream(target[1].replace(/^\[|\]$/g, ''), Number(target[2]));
        const upstream = external_node_net_default().connect(to.port, to.host);
        sockets.add(upstream);
        upstream.on('error', () => {
            if (record.status === 0) {
                settle(record, 502);
                client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
            }
            else
                client.destroy();
        });
        upstream.on('connect', () => {
            settle(record, 200);
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            if (head.length > 0)
                upstream.write(head);
            upstream.pipe(client);
            client.pipe(upstream);
        });
        client.on('close', () => upstream.destroy());
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.address();
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
        url: `http://${shown}:${address.port}`,
        port: address.port,
        records,
        close: async () => {
            for (const s of sockets)
                s.destroy();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}

;// CONCATENATED MODULE: ./src/emulator/ama/scenarios.ts
const AMA_SCENARIOS = [
    {
        name: 'healthy',
        description: 'test-Azure chain; /ping answers Healthy, other paths 401 JSON',
        leaf: 'azure',
        http: 'azure',
    },
    {
        name: 'intercepted',
        description: "re-signed by 'Contoso Firewall CA' (trust it with NODE_EXTRA_CA_CERTS)",
        leaf: 'inspection',
        http: 'azure',
    },
    { name: 'untrusted', description: 'chain from a CA nobody trusts', leaf: 'untrusted', http: 'azure' },
    {
        name: 'expired',
        description: 'test-Azure chain, leaf expired yesterday',
        leaf: 'expired',
        http: 'azure',
    },
    {
        name: 'fresh',
        description: 'test-Azure chain, leaf issued 10 minutes ago (a clock over 10 minutes behind: not yet valid)',
        leaf: 'fresh',
        http: 'azure',
    },
    {
        name: 'wrong-host',
        description: 'test-Azure chain for another host name',
        leaf: 'wrong-host',
        http: 'azure',
    },
    { name: 'tls11', description: 'speaks TLS 1.0/1.1 only', leaf: 'azure', oldTls: true, http: 'azure' },
    {
        name: 'html',
        description: 'test-Azure chain, every path a 403 HTML block page',
        leaf: 'azure',
        http: 'html',
    },
    {
        name: 'unhealthy',
        description: 'test-Azure chain, /ping answers 503 Unhealthy',
        leaf: 'azure',
        http: 'unhealthy',
    },
    { name: 'via', description: 'test-Azure chain, answers carry a Via header', leaf: 'azure', http: 'via' },
    { name: 'silent', description: 'accepts TCP, never speaks', leaf: null, http: 'azure' },
];
function amaScenario(name) {
    return AMA_SCENARIOS.find((s) => s.name === name);
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./src/emulator/ama/server.ts
// HTTPS listeners on loopback that answer under the real Azure Monitor host names: the certificate is minted for
// whatever name the client sends as SNI, signed as the scenario says. Every connection and request is recorded,
// so a test can prove that nothing came (ama: false) or what did.




const BLOCK_PAGE = '<!DOCTYPE html><html><head><title>Access blocked by Contoso Web Filter</title></head>' +
    '<body><h1>This site is blocked</h1><p>Category: uncategorised.</p></body></html>';
const UNAUTHENTICATED = JSON.stringify({
    error: {
        code: 'AuthenticationFailed',
        message: 'Authentication failed. The Authorization header is missing.',
    },
});
/** A whole answer with its length, as the real endpoints send it (no chunked encoding). */
function server_send(res, status, type, body, extra = {}) {
    res
        .writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra })
        .end(body);
    return status;
}
function answer(scenario, req, res, dateOffsetSeconds) {
    const ping = (req.url ?? '').split('?')[0] === '/ping';
    // The Date every answer carries, as a server whose clock is off by the offset would send it.
    const date = { Date: new Date(Date.now() + dateOffsetSeconds * 1000).toUTCString() };
    if (scenario.http === 'html') {
        return server_send(res, 403, 'text/html; charset=utf-8', BLOCK_PAGE, date);
    }
    const extra = scenario.http === 'via' ? { ...date, Via: '1.1 contoso-proxy.corp.example' } : date;
    if (ping) {
        const [status, body] = scenario.http === 'unhealthy' ? [503, 'Unhealthy'] : [200, 'Healthy'];
        return server_send(res, status, 'text/plain', body, extra);
    }
    return server_send(res, 401, 'application/json', UNAUTHENTICATED, extra);
}
function tlsOptions(scenario, pki, clockShiftMs) {
    const kind = scenario.leaf ?? 'azure';
    const fallback = pki.leaf(kind, 'ama-emulator.invalid', clockShiftMs);
    if (scenario.oldTls) {
        // A version-pinned server keeps one context: the client fails on the version before it looks at names.
        return { ...fallback, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' };
    }
    return {
        ...fallback,
        SNICallback: (name, cb) => cb(null, external_node_tls_default().createSecureContext(pki.leaf(kind, name.toLowerCase(), clockShiftMs))),
    };
}
async function server_listen(server, host, port) {
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    return server.address().port;
}
async function startAmaServers(specs, pki, onRecord = () => undefined) {
    const records = [];
    const record = (r) => {
        records.push(r);
        onRecord(r);
    };
    const servers = [];
    const sockets = new Set();
    const listeners = [];
    const close = async () => {
        for (const s of sockets)
            s.destroy();
        await Promise.all(servers.map((s) => new Promise((resolve) => s.close(() => resolve()))));
    };
    try {
        for (const spec of specs) {
            const scenario = amaScenario(spec.scenario);
            if (!scenario)
                throw new Error(`unknown AMA scenario '${spec.scenario}'`);
            const host = spec.host ?? '127.0.0.1';
            const dateOffsetSeconds = spec.dateOffsetSeconds ?? 0;
            let label = '';
            const server = scenario.leaf === null
                ? external_node_net_default().createServer()
                : external_node_https_default().createServer(tlsOptions(scenario, pki, dateOffsetSeconds * 1000), (req, res) => {
                    const sni = req.socket.servername;
                    const status = answer(scenario, req, res, dateOffsetSeconds);
                    record({
                        time: Date.now(),
                        kind: 'request',
                        listener: label,
                        sni: sni || '',
                        path: req.url ?? '',
                        status,
                    });
                });
            server.on('connection', (socket) => {
                sockets.add(socket);
                socket.on('close', () => sockets.delete(socket));
                socket.on('error', () => undefined);
                record({
                    time: Date.now(),
                    kind: 'connection',
                    listener: label,
                    sni: '',
                    path: '',
                    status: null,
                });
            });
            server.on('tlsClientError', () => undefined);
            servers.push(server);
            const port = await server_listen(server, host, spec.port ?? 0);
            label = `${host}:${port}`;
            listeners.push({ scenario: scenario.name, host, port, dateOffsetSeconds });
        }
    }
    catch (err) {
        await close();
        throw err;
    }
    return { listeners, records, close };
}

;// CONCATENATED MODULE: ./src/emulator/ama/command.ts
// `imds-check emulate` flags of the Azure Monitor side. They are split off before the IMDS emulator parses the
// rest, start their own listeners, and print their own banner and (with --log) one line per connection.
//   --ama SCENARIO[@HOST:PORT][,date=±S]  a listener (repeatable; default 127.0.0.1 on a free port); date=-600
//                                makes its Date header 10 minutes behind, so the machine's clock looks ahead
//   --ama-proxy [HOST:]PORT      the CONNECT proxy stub; tunnels go to the first listener
//   --ama-proxy-auth USER:PASS   Basic credentials the stub insists on (407 otherwise)
//   --ama-roots DIR              write the test roots (public certificates only) into DIR






const AMA_HELP = [
    'Azure Monitor side (AMA readiness tests):',
    '  --ama SCENARIO[@HOST:PORT]   HTTPS listener answering under any Azure Monitor host name (repeatable);',
    '                               append ,date=-600 to send a Date header 600 s behind (local clock looks ahead)',
    '  --ama-proxy [HOST:]PORT      CONNECT proxy stub forwarding to the first --ama listener',
    '  --ama-proxy-auth USER:PASS   make the stub require these Basic credentials (407 otherwise)',
    '  --ama-roots DIR              write ama-test-azure-root.pem and ama-inspection-root.pem into DIR',
    `  AMA scenarios: ${AMA_SCENARIOS.map((s) => s.name).join(', ')}`,
].join('\n');
const FLAGS = new Set(['ama', 'ama-proxy', 'ama-proxy-auth', 'ama-roots']);
function hostPort(value, defaultHost) {
    const m = /^(?:(\[[^\]]+\]|[^:@]+):)?(\d{1,5})$/.exec(value);
    if (!m)
        return null;
    const port = Number(m[2]);
    return port <= 65535 ? { host: (m[1] ?? defaultHost).replace(/^\[|\]$/g, ''), port } : null;
}
function apply(args, name, value) {
    if (name === 'ama') {
        const shifted = /^(.*),date=([+-]?\d{1,9})$/.exec(value);
        const [scenario = '', at] = (shifted ? shifted[1] : value).split('@');
        if (!amaScenario(scenario))
            return `unknown AMA scenario '${scenario}' (${AMA_SCENARIOS.map((s) => s.name).join(', ')})`;
        const where = at === undefined ? { host: '127.0.0.1', port: 0 } : hostPort(at, '127.0.0.1');
        if (!where)
            return `--ama ${value}: expected SCENARIO[@HOST:PORT][,date=SECONDS]`;
        args.listeners.push({ scenario, ...where, dateOffsetSeconds: shifted ? Number(shifted[2]) : 0 });
    }
    else if (name === 'ama-proxy') {
        args.proxy = hostPort(value, '127.0.0.1');
        if (!args.proxy)
            return `--ama-proxy ${value}: expected [HOST:]PORT`;
    }
    else if (name === 'ama-proxy-auth') {
        const at = value.indexOf(':');
        if (at <= 0)
            return '--ama-proxy-auth: expected USER:PASS';
        args.proxyAuth = { username: value.slice(0, at), password: value.slice(at + 1) };
    }
    else
        args.rootsDir = value;
    return null;
}
/** The AMA flags out of argv; `ama` is null when none was given. */
function splitAmaArgs(argv) {
    const rest = [];
    const args = { listeners: [], proxy: null, proxyAuth: null, rootsDir: null };
    let seen = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
        if (!m || !FLAGS.has(m[1])) {
            rest.push(arg);
            continue;
        }
        const value = m[2] ?? argv[++i];
        if (value === undefined || value === '')
            return { error: `--${m[1]} needs a value` };
        const problem = apply(args, m[1], value);
        if (problem)
            return { error: problem };
        seen = true;
    }
    if (seen && args.listeners.length === 0)
        return { error: '--ama-proxy, --ama-proxy-auth and --ama-roots need --ama' };
    return { rest, ama: seen ? args : null };
}
async function startAmaSide(args, log) {
    const pki = createAmaPki();
    const servers = await startAmaServers(args.listeners, pki, (r) => log?.(r.kind === 'connection'
        ? `ama connection ${r.listener}`
        : `ama request ${r.sni || '(no SNI)'} GET ${r.path} -> ${r.status ?? '-'}`));
    const first = servers.listeners[0];
    let proxy = null;
    try {
        if (args.proxy) {
            proxy = await startAmaProxy({
                ...args.proxy,
                ...(args.proxyAuth ? { credentials: args.proxyAuth } : {}),
                upstream: () => ({ host: first.host === '0.0.0.0' ? '127.0.0.1' : first.host, port: first.port }),
                onRecord: (r) => log?.(`ama-proxy ${r.method} ${r.target} credentials=${r.credentials} -> ${r.status}`),
            });
        }
    }
    catch (err) {
        await servers.close();
        throw err;
    }
    const lines = servers.listeners.map((l) => `ama ${l.scenario} listening on https://${l.host}:${l.port}${l.dateOffsetSeconds ? ` (Date ${l.dateOffsetSeconds > 0 ? '+' : ''}${l.dateOffsetSeconds} s)` : ''}`);
    if (proxy)
        lines.push(`ama proxy listening on ${proxy.url}${args.proxyAuth ? ' (Basic authentication required)' : ''}`);
    if (args.rootsDir) {
        const azure = (0,external_node_path_.join)(args.rootsDir, 'ama-test-azure-root.pem');
        const inspection = (0,external_node_path_.join)(args.rootsDir, 'ama-inspection-root.pem');
        (0,external_node_fs_.writeFileSync)(azure, pki.azureRootPem, { mode: 0o644 });
        (0,external_node_fs_.writeFileSync)(inspection, pki.inspectionRootPem, { mode: 0o644 });
        lines.push(`ama roots: ${azure} (ama-trusted-roots), ${inspection} (NODE_EXTRA_CA_CERTS)`);
    }
    lines.push('ama ready');
    return {
        lines,
        close: async () => {
            await Promise.all([servers.close(), proxy?.close()]);
        },
    };
}

;// CONCATENATED MODULE: ./src/emulator/command.ts
// `imds-check emulate`: run the emulator in the foreground until SIGINT/SIGTERM, or list its scenarios.





const VALUE_FLAGS = new Set(['scenario', 'mode', 'host', 'port', 'tokens-dir', 'key-lifetime', 'seed']);
function command_parse(argv) {
    const parsed = { list: false, help: false, log: false, options: {} };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '--help' || arg === '-h')
            parsed.help = true;
        else if (arg === '--list')
            parsed.list = true;
        else if (arg === '--log')
            parsed.log = true;
        else {
            const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
            const name = match?.[1];
            if (name === undefined || !VALUE_FLAGS.has(name))
                return { error: `unknown argument '${arg}'` };
            const value = match?.[2] ?? argv[++i];
            if (value === undefined || value === '')
                return { error: `--${name} needs a value` };
            const problem = command_apply(parsed.options, name, value);
            if (problem)
                return { error: problem };
        }
    }
    const { options } = parsed;
    const spec = SCENARIOS.find((s) => s.name === options.scenario);
    if (spec && options.mode && spec.mode !== 'both' && spec.mode !== options.mode) {
        return { error: `scenario '${spec.name}' exists in ${spec.mode} mode only` };
    }
    return parsed;
}
function command_apply(options, name, value) {
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
        case 'key-lifetime': {
            const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
            if (!(seconds > 0 && seconds <= 86400))
                return `--key-lifetime must be seconds from 0 to 86400, not '${value}'`;
            options.arcKeyLifetimeMs = Math.round(seconds * 1000);
            return undefined;
        }
        case 'seed':
            if (!/^-?\d{1,9}$/.test(value))
                return `--seed must be an integer, not '${value}'`;
            options.seed = Number(value);
            return undefined;
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
/** --log: one line per answered request. Path and query only: headers (Authorization) are never printed. */
function logRequests(emulator, io) {
    let printed = 0;
    const timer = setInterval(() => {
        for (; printed < emulator.requests.length; printed++) {
            const r = emulator.requests[printed];
            if (r === undefined || (r.status === undefined && Date.now() - r.time < 2000))
                break;
            const query = new URLSearchParams(r.query).toString();
            const status = r.status === undefined ? 'no answer yet' : String(r.status);
            io.out(`${new Date(r.time).toISOString()} ${r.method} ${r.path}${query ? `?${query}` : ''} -> ${status}`);
        }
    }, 100);
    return () => clearInterval(timer);
}
async function runEmulateCommand(argv, io, control = {}) {
    // The Azure Monitor side (src/emulator/ama) takes its --ama* flags first; the rest is parsed as before.
    const amaArgs = splitAmaArgs(argv);
    if ('error' in amaArgs) {
        io.err(`imds-check emulate: ${amaArgs.error}`);
        io.err(EMULATE_USAGE);
        return 2;
    }
    const parsed = command_parse(amaArgs.rest);
    if ('error' in parsed) {
        io.err(`imds-check emulate: ${parsed.error}`);
        io.err(EMULATE_USAGE);
        return 2;
    }
    if (parsed.help) {
        io.out(EMULATE_HELP);
        io.out(AMA_HELP);
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
    let ama = null;
    try {
        ama = amaArgs.ama ? await startAmaSide(amaArgs.ama, parsed.log ? io.out : undefined) : null;
    }
    catch (err) {
        await emulator.close();
        io.err(`imds-check emulate: ${err instanceof Error ? err.message : String(err)}`);
        return 1;
    }
    const stopped = waitForStop(control.signal);
    for (const line of bannerLines(emulator))
        io.out(line);
    for (const line of ama?.lines ?? [])
        io.out(line);
    const stopLog = parsed.log ? logRequests(emulator, io) : () => undefined;
    await stopped;
    stopLog();
    await emulator.close();
    await ama?.close();
    return 0;
}


/***/ })

};
;