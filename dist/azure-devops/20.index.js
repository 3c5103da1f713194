export const id = 20;
export const ids = [20];
export const modules = {

/***/ 3020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  probeAmaHosts: () => (/* binding */ probeAmaHosts)
});

// EXTERNAL MODULE: ./src/core/clouds.ts
var clouds = __webpack_require__(4729);
// EXTERNAL MODULE: ./src/core/pipeline/remedy-lookup.ts + 1 modules
var remedy_lookup = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/core/checks/ama/ama-codes.ts
var ama_codes = __webpack_require__(9553);
// EXTERNAL MODULE: ./src/core/shapes.ts
var shapes = __webpack_require__(4137);
;// CONCATENATED MODULE: ./src/core/checks/ama/hosts.ts
// The endpoints the Azure Monitor Agent itself must reach, from the facts IMDS gave (region, cloud) and the
// user's workspace ids and DCE host names. Sovereign clouds use their own suffix; ama_tst's rewrite of it is a
// no-op, so it tests .com hosts everywhere: here the suffix comes from azEnvironment every time.

/** The region as host names spell it (lower case), or null when metadata gave none usable. */
function regionLabel(location) {
    const region = location.trim().toLowerCase();
    return region !== '' && (0,shapes/* isLocation */.gI)(region) ? region : null;
}
/** Handler hosts answer GET /ping; DCE configuration hosts are handlers too. */
const isHandlerHost = (host) => host.includes('.handler.control.monitor.');
function amaHosts(region, suffix, workspaceIds, dceEndpoints) {
    const hosts = [
        {
            host: `global.handler.control.monitor.azure.${suffix}`,
            purpose: 'global handler',
            required: true,
            handler: true,
        },
        {
            host: `${region}.handler.control.monitor.azure.${suffix}`,
            purpose: 'regional handler',
            required: true,
            handler: true,
        },
        ...workspaceIds.map((id) => ({
            host: `${id}.ods.opinsights.azure.${suffix}`,
            purpose: 'Log Analytics workspace',
            required: true,
            handler: false,
        })),
        ...dceEndpoints.map((host) => ({
            host,
            purpose: 'data collection endpoint',
            required: true,
            handler: isHandlerHost(host),
        })),
    ];
    // A DCE given twice, or equal to a computed host, is probed once.
    return hosts.filter((h, i) => hosts.findIndex((o) => o.host === h.host) === i);
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/core/checks/ama/network.ts

const systemNetwork = (names) => ({
    async resolve(host, timeoutMs = 5_000) {
        const looked = await names.lookup(host, timeoutMs);
        if (looked.error !== '' && looked.error !== 'no address')
            throw Object.assign(new Error(looked.error), { code: looked.error });
        return looked.addresses.map((a) => a.address);
    },
    port: () => 443,
});
const networkOf = (run) => run.ctx.amaNetwork ?? systemNetwork(run.names);
/** A net `lookup` over the network's resolver (a proxy given by name), bounded by `timeoutMs`. */
function lookupThrough(network, timeoutMs) {
    return (hostname, options, callback) => {
        void resolveWithin(network, hostname, timeoutMs).then(({ addresses, error }) => {
            const found = addresses
                .map((address) => ({ address, family: external_node_net_default().isIP(address) }))
                .filter((a) => (options.family !== 4 && options.family !== 6 ? true : a.family === options.family));
            if (found.length === 0) {
                const code = error === 'timed out' ? 'ETIMEDOUT' : /^[A-Z_]{2,30}$/.test(error) ? error : 'ENOTFOUND';
                callback(Object.assign(new Error(`lookup ${hostname}: ${error || 'no address'}`), { code, hostname }), '');
            }
            else if (options.all)
                callback(null, found);
            else
                callback(null, found[0].address, found[0].family);
        });
    };
}
/** The host's addresses, distinct, in resolver order; none when the lookup fails or outlasts the bound. */
async function resolveWithin(network, host, timeoutMs) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve({ addresses: [], error: 'timed out' }), Math.max(0, timeoutMs));
    });
    const lookup = network.resolve(host, timeoutMs).then((addresses) => ({
        addresses: [...new Set(addresses)],
        error: addresses.length ? '' : 'no address',
    }), (err) => {
        const code = err?.code;
        const known = typeof code === 'string' && (/^[A-Z_]{2,30}$/.test(code) || code === 'timed out');
        return { addresses: [], error: known ? code : 'lookup failed' };
    });
    try {
        return await Promise.race([lookup, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/core/checks/ama/pool.ts
// Runs tasks with at most `limit` in flight; results keep the input order.
async function inPool(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < items.length; i = next++)
            results[i] = await task(items[i]);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/core/neutralise.ts
var neutralise = __webpack_require__(8453);
// EXTERNAL MODULE: ./src/core/imds/http.ts
var imds_http = __webpack_require__(8783);
;// CONCATENATED MODULE: ./src/core/checks/ama/addresses.ts
// Name resolution for the AMA check, judged against the private-link expectation. Private means an address a
// private endpoint can have: RFC 1918, the shared 100.64.0.0/10 range, or IPv6 unique-local (fc00::/7).

function ipv4Private(ip) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (a === 10 ||
        (a === 172 && b >= 16 && b <= 31) ||
        (a === 192 && b === 168) ||
        (a === 100 && b >= 64 && b <= 127));
}
function isPrivateAddress(address) {
    if (external_node_net_default().isIPv4(address))
        return ipv4Private(address);
    if (!external_node_net_default().isIPv6(address))
        return false;
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped)
        return ipv4Private(mapped[1]);
    return /^f[cd][0-9a-f]{0,2}:/.test(lower);
}
/**
 * Through a proxy, AMA lets the proxy resolve names, so a name the machine cannot resolve is not a failure
 * there, unless private link is required (then the private address must come from this machine's DNS).
 */
function judgeAddresses(addresses, privateLink, viaProxy, error = '') {
    if (addresses.length === 0) {
        const why = error ? ` (${error})` : '';
        if (viaProxy && privateLink !== 'true')
            return { private: null, failure: null, note: `not resolved here${why}; the proxy resolves it` };
        return {
            private: null,
            failure: { code: 'ama_dns_failed', reason: `the name did not resolve${why}` },
            note: '',
        };
    }
    const privates = addresses.filter(isPrivateAddress);
    const allPrivate = privates.length === addresses.length;
    const list = addresses.join(', ');
    if (privateLink === 'true' && !allPrivate) {
        const others = addresses.filter((a) => !isPrivateAddress(a)).join(', ');
        return {
            private: false,
            failure: {
                code: 'ama_private_link_public',
                reason: `private link expected, but it resolves to ${others}, which is not a private address`,
            },
            note: '',
        };
    }
    if (privateLink === 'false' && privates.length > 0) {
        return {
            private: allPrivate,
            failure: {
                code: 'ama_private_link_private',
                reason: `resolves to the private address ${privates.join(', ')}`,
            },
            note: '',
        };
    }
    return {
        private: allPrivate,
        failure: null,
        note: `resolves to ${list} (${allPrivate ? 'private' : 'not private'})`,
    };
}

// EXTERNAL MODULE: ./src/core/checks/ama/bounds.ts
var ama_bounds = __webpack_require__(3226);
// EXTERNAL MODULE: ./src/core/imds/connect.ts
var connect = __webpack_require__(9325);
// EXTERNAL MODULE: ./src/core/imds/failures.ts
var failures = __webpack_require__(28);
;// CONCATENATED MODULE: ./src/core/checks/ama/direct.ts



async function openDirect(addresses, port, bounds, cap) {
    const order = addresses.slice(0, ama_bounds/* MAX_ADDRESSES */.g0);
    // One address alone gets a second chance when dropped, as the IMDS connect does.
    if (order.length === 1)
        order.push(order[0]);
    let timeouts = 0;
    let last = {
        ok: false,
        code: 'ama_connect_failed',
        reason: 'no address to connect to',
        timedOut: false,
    };
    for (const address of order) {
        if (timeouts >= bounds.connectAttempts || cap(bounds.connectMs) <= 0)
            break;
        const result = await (0,connect/* openSocket */.k)(address, port, cap(bounds.connectMs));
        if (result.ok)
            return { ok: true, socket: result.socket, address };
        const timedOut = result.failure === 'connect_timeout';
        if (timedOut)
            timeouts += 1;
        last = {
            ok: false,
            code: timedOut ? 'ama_connect_timeout' : 'ama_connect_failed',
            reason: `TCP ${port} to ${address}: ${(0,failures/* describeFailure */.Ic)(result)}`,
            timedOut,
        };
        // A refused or unreachable single address will not change on a second try.
        if (!timedOut && order.length === 2 && order[0] === order[1])
            break;
    }
    return last;
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/checks/ama/trust.ts
// What counts as trusted, and what counts as Azure. Verification uses what the agent would trust on this machine
// (Node's bundled roots, the OS bundle AMA's OpenSSL reads on Linux, NODE_EXTRA_CA_CERTS) plus ama-trusted-roots;
// passing `ca` replaces Node's defaults (NODE_EXTRA_CA_CERTS included), so every source is added explicitly.
// A chain that verifies but whose root is not one of Azure's (or the user's) is TLS inspection.


/** SHA-256 of Azure's public TLS roots (Azure CA details, checked against Node's store by a unit test). */
const AZURE_ROOTS = {
    C741F70F4B2A8D88BF2E71C14122EF53EF10EBA0CFA5E64CFA20F418853073E0: 'Microsoft RSA Root Certificate Authority 2017',
    '358DF39D764AF9E1B766E9C972DF352EE15CFAC227AF6AD1D70E8E4A6EDCBA02': 'Microsoft ECC Root Certificate Authority 2017',
    CB3CCBB76031E5E0138F8DD39A23F9DE47FFC35E43C1144CEA27D46A5AB1CB5F: 'DigiCert Global Root G2',
    '4348A0E9444C78CB265E058D5E8944B4D84F9662BD26DB257F8934A443C70161': 'DigiCert Global Root CA',
    '31AD6648F8104138C738F39EA4320133393E3A18CC02296EF97C2AC9EF6731D0': 'DigiCert Global Root G3',
    '018E13F0772532CF809BD1B17281867283FC48C6E13BE9C69812854A490C1B05': 'DigiCert TLS ECC P384 Root G5',
    '371A00DC0533B3721A7EEB40E8419E70799D2B0A0F2C1D80693165F7CEC4AD75': 'DigiCert TLS RSA4096 Root G5',
};
/** The OS bundles AMA's OpenSSL uses (Debian family, RHEL family). */
const OS_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt'];
const MAX_ROOTS_FILE_BYTES = 1024 * 1024;
const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;
/** `AB:CD:…` as Node prints it → `ABCD…`. */
const fingerprintKey = (fingerprint) => fingerprint.replace(/:/g, '').toUpperCase();
const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';
/**
 * Each BEGIN … END block, in order. One pass: each search starts where the last one stopped, so a file of
 * BEGIN lines without an END costs one scan (a lazy regex tried every BEGIN to the end: quadratic, 13 s for
 * 1 MiB). A block runs from its BEGIN to the first END after it, as PEM readers take it.
 */
function pemCertificates(text) {
    const found = [];
    for (let at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at)) {
        const end = text.indexOf(END, at + BEGIN.length);
        if (end < 0)
            break; // no END after this BEGIN, so none after any later one
        found.push(text.slice(at, end + END.length));
        at = end + END.length;
    }
    return found;
}
const errorCode = (err) => err?.code && typeof err.code === 'string'
    ? String(err.code)
    : 'EUNKNOWN';
const MIB = 1024 * 1024;
/** Why a PEM file was not read, in words: a size cap or a non-file is named, anything else is its errno. */
function unreadable(err, maxBytes) {
    const code = errorCode(err);
    if (code === 'EFBIG')
        return `it is larger than ${maxBytes / MIB} MiB (EFBIG)`;
    if (code === 'ENOTREG')
        return 'it is not a regular file (ENOTREG)';
    return `cannot read it (${code})`;
}
/** The user's extra roots: every block must be a certificate; at least one. */
async function trustedRoots(ctx, path) {
    let text;
    try {
        text = await ctx.fs.readBounded(path, MAX_ROOTS_FILE_BYTES);
    }
    catch (err) {
        return { reason: unreadable(err, MAX_ROOTS_FILE_BYTES) };
    }
    const pems = pemCertificates(text);
    if (pems.length === 0)
        return { reason: 'it holds no PEM certificate' };
    const bad = pems.findIndex((pem) => {
        try {
            new external_node_crypto_.X509Certificate(pem);
            return false;
        }
        catch {
            return true;
        }
    });
    if (bad >= 0)
        return { reason: `certificate ${bad + 1} of ${pems.length} is not a valid X.509 certificate` };
    return { pems };
}
/** Certificates of an optional source; one that cannot be read adds nothing (the agent would not have it either). */
async function optionalBundle(ctx, path) {
    try {
        return { pems: pemCertificates(await ctx.fs.readBounded(path, MAX_BUNDLE_BYTES)) };
    }
    catch (err) {
        ctx.log.debug(`ama: no CA bundle at ${path} (${errorCode(err)})`);
        const code = errorCode(err);
        return code === 'EFBIG' || code === 'ENOTREG'
            ? { pems: [], skipped: `${path} not read: ${unreadable(err, MAX_BUNDLE_BYTES)}` }
            : { pems: [] };
    }
}
async function osBundle(ctx) {
    const skipped = [];
    if (ctx.platform !== 'linux')
        return { path: '', pems: [], skipped };
    const fromEnv = ctx.env['SSL_CERT_FILE']?.trim();
    for (const path of fromEnv ? [fromEnv] : OS_BUNDLES) {
        if (!(await ctx.fs.exists(path)))
            continue;
        const bundle = await optionalBundle(ctx, path);
        if (bundle.skipped)
            skipped.push(bundle.skipped);
        if (bundle.pems.length > 0)
            return { path, pems: bundle.pems, skipped };
    }
    return { path: '', pems: [], skipped };
}
async function loadTrust(ctx, trustedRootsPath) {
    const azureRoots = new Set(Object.keys(AZURE_ROOTS));
    const ca = [...(external_node_tls_default()).rootCertificates];
    const sources = ['Node bundled roots'];
    if (trustedRootsPath !== '') {
        const extra = await trustedRoots(ctx, trustedRootsPath);
        if ('reason' in extra)
            return { ok: false, reason: extra.reason };
        for (const pem of extra.pems)
            azureRoots.add(fingerprintKey(new external_node_crypto_.X509Certificate(pem).fingerprint256));
        ca.push(...extra.pems);
        sources.push(`ama-trusted-roots (${extra.pems.length})`);
    }
    const os = await osBundle(ctx);
    const extraPath = ctx.env['NODE_EXTRA_CA_CERTS']?.trim();
    const extra = extraPath ? await optionalBundle(ctx, extraPath) : { pems: [] };
    const nodeExtra = extra.pems;
    const optional = [...os.pems, ...nodeExtra];
    // A bundle over its cap is named, so a verdict without its roots is not a mystery.
    sources.push(...os.skipped, ...(extra.skipped ? [extra.skipped] : []));
    let context;
    try {
        context = external_node_tls_default().createSecureContext({ ca: [...ca, ...optional], minVersion: 'TLSv1.2' });
        if (os.path)
            sources.push(os.path);
        if (nodeExtra.length > 0)
            sources.push('NODE_EXTRA_CA_CERTS');
    }
    catch (err) {
        // A malformed entry in a system bundle must not stop the check: verify with the sources we control.
        ctx.log.debug(`ama: system CA bundles not usable (${errorCode(err)})`);
        context = external_node_tls_default().createSecureContext({ ca, minVersion: 'TLSv1.2' });
    }
    return { ok: true, trust: { context, azureRoots, sources } };
}

;// CONCATENATED MODULE: ./src/core/checks/ama/handshake.ts


/** A subject or issuer CN as text (a certificate may carry several). */
function cn(name) {
    const value = name?.CN;
    if (Array.isArray(value))
        return value.map(String).join(', ');
    if (typeof value === 'string')
        return value;
    const o = name?.O;
    return typeof o === 'string' ? o : '';
}
/** A certificate date as Node gives it ('Jan  1 00:00:00 2026 GMT'), in ms; null when it cannot be read. */
function dateOf(text) {
    const ms = typeof text === 'string' ? Date.parse(text) : NaN;
    return Number.isFinite(ms) ? ms : null;
}
/** The chain as Node completed it (from the server and the trusted store), leaf first, at most 10 deep. */
function chainOf(socket) {
    const chain = [];
    let cert = socket.getPeerCertificate(true);
    for (let i = 0; i < 10 && cert && cert.fingerprint256; i++) {
        chain.push({
            subject: cn(cert.subject),
            issuer: cn(cert.issuer),
            fingerprint: fingerprintKey(cert.fingerprint256),
            validFrom: dateOf(cert.valid_from),
            validTo: dateOf(cert.valid_to),
        });
        const next = cert.issuerCertificate;
        if (!next || next === cert || next.fingerprint256 === cert.fingerprint256)
            break;
        cert = next;
    }
    return chain;
}
function handshake(socket, host, context, timeoutMs) {
    return new Promise((resolve) => {
        // context null: the legacy probe, which only asks which version the server would speak.
        const security = context
            ? { secureContext: context }
            : { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' };
        const tlsSocket = external_node_tls_default().connect({
            socket,
            servername: host,
            rejectUnauthorized: false,
            ALPNProtocols: ['http/1.1'],
            ...security,
        });
        const timer = setTimeout(() => {
            tlsSocket.destroy();
            socket.destroy();
            resolve({ ok: false, errno: 'ETIMEDOUT', timedOut: true });
        }, Math.max(0, timeoutMs));
        tlsSocket.once('secureConnect', () => {
            clearTimeout(timer);
            // From here the HTTP request reports errors; a late one must not become an uncaught exception.
            tlsSocket.removeAllListeners('error');
            tlsSocket.on('error', () => undefined);
            const error = tlsSocket.authorizationError;
            resolve({
                ok: true,
                socket: tlsSocket,
                facts: {
                    protocol: tlsSocket.getProtocol(),
                    authorized: tlsSocket.authorized,
                    authorizationError: error === null || error === undefined ? null : String(error.code ?? error),
                    chain: chainOf(tlsSocket),
                },
            });
        });
        tlsSocket.once('error', (err) => {
            clearTimeout(timer);
            tlsSocket.destroy();
            socket.destroy();
            resolve({ ok: false, errno: err.code ?? 'EUNKNOWN', timedOut: false });
        });
    });
}

;// CONCATENATED MODULE: ./src/core/checks/ama/http-judge.ts


const HTML_START = /^\s*<(!doctype\s+html|html[\s>])/i;
/** The page title of an HTML answer, if any: it usually names the appliance that blocked the request. */
function htmlTitle(body) {
    const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body)?.[1]?.trim() ?? '';
    return title === '' ? '' : ` titled '${(0,neutralise/* clip */.$Q)(title, 80)}'`;
}
function judgeHttp(answer, handler, path) {
    const status = `HTTP ${answer.status}`;
    const notAzure = (reason) => ({
        failure: { code: 'ama_not_azure_answer', reason },
        summary: '',
    });
    if (answer.status === 407)
        return notAzure(`a proxy answered inside the TLS connection (${status}, proxy authentication)`);
    const via = (0,imds_http/* headerText */.TK)(answer, 'via');
    if (via.trim() !== '')
        return notAzure(`the answer passed through '${(0,neutralise/* clip */.$Q)(via.trim(), 80)}' (Via header, ${status})`);
    const type = (0,imds_http/* headerText */.TK)(answer, 'content-type');
    if (/text\/html/i.test(type) || HTML_START.test(answer.body))
        return notAzure(`an HTML page came back${htmlTitle(answer.body)} (${status}), not Azure Monitor`);
    if (!handler)
        return { failure: null, summary: `GET ${path} answered ${status}` };
    if (answer.body.trim() === 'Healthy')
        return { failure: null, summary: `GET ${path} answered Healthy` };
    const body = answer.body.trim() === '' ? 'an empty body' : `'${(0,neutralise/* clip */.$Q)(answer.body.trim(), 60)}'`;
    return {
        failure: {
            code: 'ama_ping_unhealthy',
            reason: `GET ${path} answered ${status} with ${body}, not Healthy`,
        },
        summary: '',
    };
}

// EXTERNAL MODULE: ./src/core/proxy/no-proxy.ts
var no_proxy = __webpack_require__(3548);
// EXTERNAL MODULE: ./src/core/proxy/route.ts
var route = __webpack_require__(5029);
;// CONCATENATED MODULE: ./src/core/checks/ama/route.ts
// Where AMA's traffic goes: directly, or through the proxy AMA will be told about (ama-proxy), or the
// environment's HTTPS_PROXY as AMA ≥ 1.24.2 reads it (NO_PROXY honoured). Only AMA traffic: IMDS never takes
// this path. Proxy credentials are secrets: masked before use and never part of a message.


/** The routing of a run; secrets of the environment's proxy are registered here, before any connection. */
function planRouting(choice, ctx) {
    if (choice === 'none')
        return { kind: 'direct' };
    // The input's secrets were returned by parsing and masked by the door.
    if (choice !== 'environment')
        return { kind: 'proxy', route: choice, noProxy: '' };
    // curl's order: the lower-case name first.
    const source = ['https_proxy', 'HTTPS_PROXY'].find((name) => (ctx.env[name] ?? '').trim() !== '');
    if (!source)
        return { kind: 'direct' };
    const parsed = (0,route/* parseProxy */.Y)((ctx.env[source] ?? '').trim(), source, false);
    for (const secret of parsed.secrets)
        ctx.registerSecret(secret);
    if (!parsed.ok)
        return { kind: 'invalid', source, reason: parsed.problem };
    return { kind: 'proxy', route: parsed.route, noProxy: (0,no_proxy/* noProxyValue */.VX)(ctx.env) };
}
/** The proxy for one host, or null when it goes direct (NO_PROXY applies to the environment's proxy only). */
function proxyFor(plan, host) {
    if (plan.kind !== 'proxy')
        return null;
    return plan.noProxy !== '' && (0,no_proxy/* noProxyCovers */.I2)(plan.noProxy, host) ? null : plan.route;
}

;// CONCATENATED MODULE: ./src/core/checks/ama/tls-judge.ts
/** When every certificate of the chain is valid (the latest notBefore to the earliest notAfter), if known. */
function chainWindow(chain) {
    if (chain.length === 0 || chain.some((c) => c.validFrom === null || c.validTo === null))
        return null;
    return {
        from: Math.max(...chain.map((c) => c.validFrom)),
        to: Math.min(...chain.map((c) => c.validTo)),
    };
}
const EXPIRY = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const HOST_NAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);
function judgeHandshake(facts, azureRoots) {
    const leaf = facts.chain[0];
    const top = facts.chain[facts.chain.length - 1];
    const error = facts.authorizationError ?? '';
    // Node checks the host name only after the chain verified: a host-name error means the chain is trusted.
    const chainVerified = facts.authorized || HOST_NAME.has(error);
    const azure = top !== undefined && azureRoots.has(top.fingerprint);
    const issuer = leaf?.issuer || null;
    const tls = {
        version: facts.protocol,
        verified: facts.authorized,
        issuer,
        root: top?.subject || null,
        intercepted: chainVerified && !azure,
    };
    const by = `'${issuer ?? 'unknown issuer'}'`;
    if (tls.intercepted) {
        const root = tls.root && tls.root !== issuer ? ` (root '${tls.root}')` : '';
        return { tls, failure: { code: 'ama_tls_inspected', reason: `TLS intercepted by ${by}${root}` } };
    }
    if (facts.authorized)
        return { tls, failure: null };
    if (HOST_NAME.has(error))
        return {
            tls,
            failure: { code: 'ama_tls_hostname', reason: `the certificate from ${by} is for another host name` },
        };
    if (EXPIRY.has(error)) {
        const when = error === 'CERT_HAS_EXPIRED' ? 'expired' : 'not yet valid';
        return {
            tls,
            failure: { code: 'ama_tls_expired', reason: `a certificate in the chain from ${by} is ${when}` },
        };
    }
    return {
        tls,
        failure: {
            code: 'ama_tls_untrusted',
            reason: `the chain from ${by} is not trusted (${error || 'unverified'})`,
        },
    };
}
/** Handshake errors that mean: the server only speaks a protocol older than TLS 1.2. */
const OLD_PROTOCOL = new Set([
    'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
    'ERR_SSL_UNSUPPORTED_PROTOCOL',
    'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
    'ERR_SSL_VERSION_TOO_LOW',
]);
const isOldProtocolError = (code) => OLD_PROTOCOL.has(code);

;// CONCATENATED MODULE: ./src/core/checks/ama/tunnel.ts



function readHead(socket, timeoutMs) {
    return new Promise((resolve) => {
        let buffer = Buffer.alloc(0);
        const done = (head) => {
            clearTimeout(timer);
            socket.off('data', onData);
            socket.off('error', onEnd);
            socket.off('end', onEnd);
            socket.pause();
            resolve(head);
        };
        const none = (timedOut) => ({
            status: null,
            schemes: [],
            rest: Buffer.alloc(0),
            timedOut,
        });
        const onEnd = () => done(none(false));
        const onData = (chunk) => {
            buffer = Buffer.concat([buffer, chunk]);
            const end = buffer.indexOf('\r\n\r\n');
            if (end < 0) {
                if (buffer.length > ama_bounds/* MAX_PROXY_HEAD_BYTES */.DX)
                    done(none(false));
                return;
            }
            const lines = buffer.subarray(0, end).toString('latin1').split('\r\n');
            const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0] ?? '');
            // Only the scheme's name (a token) is kept: a realm or parameters are the proxy's text.
            const schemes = lines
                .filter((l) => /^proxy-authenticate:/i.test(l))
                .map((l) => /^proxy-authenticate:\s*([A-Za-z][A-Za-z0-9-]{0,30})/i.exec(l)?.[1] ?? '')
                .filter((s) => s !== '');
            done({
                status: status ? Number(status[1]) : null,
                schemes,
                rest: buffer.subarray(end + 4),
                timedOut: false,
            });
        };
        const timer = setTimeout(() => done(none(true)), Math.max(0, timeoutMs));
        socket.on('data', onData);
        socket.once('error', onEnd);
        socket.once('end', onEnd);
    });
}
async function openTunnel(proxy, host, port, bounds, cap, lookup) {
    // A proxy given by name resolves through the run's bounded resolver, within the connect bound.
    const bound = cap(bounds.connectMs);
    const tcp = await (0,connect/* openSocket */.k)(proxy.host, proxy.port, bound, lookup?.(bound));
    if (!tcp.ok) {
        return {
            ok: false,
            code: 'ama_proxy_connect_failed',
            reason: `cannot connect to the proxy ${proxy.display}: ${(0,failures/* describeFailure */.Ic)(tcp)}`,
            timedOut: tcp.failure === 'connect_timeout',
        };
    }
    const socket = tcp.socket;
    const auth = proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : '';
    socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
    const head = await readHead(socket, cap(bounds.headersMs));
    if (head.status === 200) {
        if (head.rest.length > 0)
            socket.unshift(head.rest);
        return { ok: true, socket, address: proxy.display };
    }
    socket.destroy();
    if (head.status === 407) {
        const scheme = head.schemes.length > 0 ? `, scheme ${head.schemes.join('/')}` : '';
        const sent = proxy.authorization
            ? 'the credentials of the proxy setting were rejected'
            : 'the proxy setting has no credentials';
        return {
            ok: false,
            code: 'ama_proxy_auth_required',
            reason: `the proxy ${proxy.display} requires proxy authentication (HTTP 407${scheme}): ${sent}`,
            timedOut: false,
        };
    }
    if (head.status === null) {
        const what = head.timedOut ? 'did not answer CONNECT in time' : 'did not answer CONNECT with HTTP';
        return {
            ok: false,
            code: 'ama_proxy_connect_failed',
            reason: `the proxy ${proxy.display} ${what}`,
            timedOut: head.timedOut,
        };
    }
    return {
        ok: false,
        code: 'ama_proxy_refused',
        reason: `the proxy ${proxy.display} refused CONNECT ${host}:${port} (HTTP ${head.status})`,
        timedOut: false,
    };
}

;// CONCATENATED MODULE: ./src/core/checks/ama/probe-host.ts











const NO_TLS = { version: null, verified: false, issuer: null, root: null, intercepted: false };
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
/** A server that refused TLS 1.2+: ask once more, legacy only, which version it insists on. */
async function oldVersion(open, host, deps) {
    const again = await open();
    if (!again.ok)
        return null;
    const legacy = await handshake(again.socket, host, null, deps.cap(deps.bounds.handshakeMs));
    if (!legacy.ok)
        return null;
    legacy.socket.destroy();
    return legacy.facts.protocol;
}
async function probeHost(target, deps) {
    const startedAt = deps.now();
    const { host } = target;
    const proxy = proxyFor(deps.plan, host);
    const entry = {
        host,
        purpose: target.purpose,
        required: target.required,
        addresses: [],
        private: null,
        connectMs: null,
        via: proxy ? 'proxy' : 'direct',
        tls: NO_TLS,
        http: { status: null, body: null },
        status: 'fail',
        code: 'deadline_exceeded',
    };
    let answered = null;
    let expiry = null;
    const done = (code, reason, status = 'fail') => ({
        entry: { ...entry, code, status },
        reason,
        answered,
        expiry,
        ms: Math.max(0, deps.now() - startedAt),
    });
    if (deps.cap(deps.bounds.resolveMs) <= 0)
        return done('deadline_exceeded', 'not probed: no time left');
    const resolved = await resolveWithin(deps.network, host, deps.cap(deps.bounds.resolveMs));
    const dns = judgeAddresses(resolved.addresses, deps.privateLink, proxy !== null, resolved.error);
    entry.addresses = resolved.addresses;
    entry.private = dns.private;
    if (dns.failure)
        return done(dns.failure.code, dns.failure.reason);
    const open = () => proxy
        ? openTunnel(proxy, host, 443, deps.bounds, deps.cap, (ms) => lookupThrough(deps.network, ms))
        : openDirect(resolved.addresses, deps.network.port(host), deps.bounds, deps.cap);
    const connectStarted = deps.now();
    const opened = await open();
    entry.connectMs = Math.max(0, deps.now() - connectStarted);
    if (!opened.ok)
        return done(opened.code, opened.reason);
    const handshakeMs = deps.cap(deps.bounds.handshakeMs);
    const shake = await handshake(opened.socket, host, deps.trust.context, handshakeMs);
    if (!shake.ok) {
        opened.socket.destroy();
        if (isOldProtocolError(shake.errno)) {
            const version = await oldVersion(open, host, deps);
            entry.tls = { ...NO_TLS, version };
            const spoken = version ? `only ${version}` : 'no TLS version Node accepts';
            return done('ama_tls_old_version', `the server speaks ${spoken}; AMA needs TLS 1.2 or newer`);
        }
        const why = shake.timedOut
            ? `no TLS handshake within ${seconds(handshakeMs)} (the connection was accepted, then silence)`
            : `the TLS handshake failed (${shake.errno})`;
        return done('ama_tls_failed', why);
    }
    const tls = judgeHandshake(shake.facts, deps.trust.azureRoots);
    entry.tls = tls.tls;
    if (tls.failure) {
        shake.socket.destroy();
        if (tls.failure.code === 'ama_tls_expired')
            expiry = { at: deps.now(), window: chainWindow(shake.facts.chain) };
        return done(tls.failure.code, tls.failure.reason);
    }
    const path = target.handler ? '/ping' : '/';
    const sent = deps.now();
    const got = await (0,imds_http/* httpGet */.lx)({
        connection: { socket: shake.socket },
        hostHeader: host,
        path,
        headers: { 'User-Agent': deps.userAgent, Accept: '*/*', Connection: 'close' },
        connectTimeoutMs: deps.cap(deps.bounds.headersMs),
        headersTimeoutMs: deps.cap(deps.bounds.headersMs),
        bodyTimeoutMs: deps.cap(deps.bounds.bodyMs),
        remainingMs: deps.cap(Number.MAX_SAFE_INTEGER),
        maxBodyBytes: ama_bounds/* MAX_HTTP_BODY_BYTES */.hJ,
        body: 'peek',
    });
    if (got.kind === 'failure') {
        entry.http = { status: got.status, body: null };
        const why = got.errno === 'ETIMEDOUT' ? 'no HTTP answer in time' : `no HTTP answer (${got.errno})`;
        return done('ama_http_failed', `GET ${path}: ${why}`);
    }
    answered = { date: (0,imds_http/* header */.wx)(got, 'date'), sent, at: deps.now() };
    entry.http = { status: got.status, body: (0,neutralise/* clip */.$Q)(got.body, ama_bounds/* KEPT_BODY_CHARS */.O0) };
    const http = judgeHttp(got, target.handler, path);
    if (http.failure)
        return done(http.failure.code, http.failure.reason);
    const where = [dns.note, entry.via === 'proxy' ? `through the proxy` : '']
        .filter((s) => s !== '')
        .join(', ');
    return done('ok', `${http.summary}${where ? ` (${where})` : ''}`, 'pass');
}

;// CONCATENATED MODULE: ./src/core/checks/ama/verdict.ts
function tlsCell(e) {
    if (e.tls.intercepted)
        return `intercepted by '${e.tls.issuer ?? '?'}'`;
    if (!e.tls.version)
        return '-';
    const trust = e.tls.verified ? 'verified' : 'not verified';
    return `${e.tls.version}, ${trust}${e.tls.root ? `, root '${e.tls.root}'` : ''}`;
}
function httpCell(e) {
    if (e.http.status === null)
        return '-';
    const body = (e.http.body ?? '').trim();
    return body !== '' && body.length <= 20 ? `${e.http.status} ${body}` : `${e.http.status}`;
}
/** One row per host, in list order. */
function hostTable(outcomes) {
    return {
        title: 'Endpoints',
        columns: ['Host', 'Purpose', 'Addresses', 'Via', 'TLS', 'HTTP', 'Status', 'Code', 'Time'],
        rows: outcomes.map(({ entry: e, ms }) => [
            e.host,
            e.purpose,
            e.addresses.length > 0 ? e.addresses.join(', ') : '-',
            e.via,
            tlsCell(e),
            httpCell(e),
            e.status,
            e.code,
            `${ms} ms`,
        ]),
    };
}
/** The report entry of a host as JSON (the contract's field order). */
function hostJson(e) {
    return {
        host: e.host,
        purpose: e.purpose,
        required: e.required,
        addresses: [...e.addresses],
        private: e.private,
        connectMs: e.connectMs,
        via: e.via,
        tls: { ...e.tls },
        http: { ...e.http },
        status: e.status,
        code: e.code,
    };
}
function hostsVerdict(outcomes, route, trust) {
    const failed = outcomes.filter((o) => o.entry.status === 'fail' && o.entry.required);
    const data = {
        hosts: outcomes.map((o) => hostJson(o.entry)),
        proxy: route === 'direct' ? null : route,
        trustedRoots: [...trust],
    };
    const details = [hostTable(outcomes)];
    const total = outcomes.length;
    if (failed.length === 0) {
        return {
            verdict: {
                status: 'pass',
                code: 'ok',
                message: `All ${total} Azure Monitor endpoints answered over a verified Azure TLS chain (${route}).`,
                details,
                data,
            },
            otherCodes: [],
        };
    }
    const first = failed[0].entry.code;
    const lines = failed.map((o) => `${o.entry.host}: ${o.reason}`);
    return {
        verdict: {
            status: 'fail',
            code: first,
            message: `${failed.length} of ${total} Azure Monitor endpoints failed (${route}): ${lines.join('; ')}.`,
            details,
            data,
        },
        otherCodes: [...new Set(failed.map((o) => o.entry.code))].filter((c) => c !== first),
    };
}

;// CONCATENATED MODULE: ./src/core/checks/ama/probe-hosts.ts
// The AMA readiness check's run, loaded only when the check was asked for (ama: true), so a plain IMDS check
// never pays for loading TLS, DNS and the rest of the Azure Monitor probing at start-up.










const ended = (verdict) => ({ verdict, hosts: [], answers: [], expired: [] });
/** Every host AMA must reach, at most `bounds.concurrency` at once. */
async function probeAmaHosts(run, findings, bounds) {
    const machine = findings.metadata?.machine;
    const region = regionLabel(machine?.location ?? '');
    if (!region)
        return { skipped: 'Not attempted: metadata gave no region (compute.location).' };
    const cloud = machine?.azEnvironment ?? '';
    const suffix = (0,clouds/* monitorSuffix */.qK)(cloud);
    if (!suffix) {
        return ended({
            status: 'warn',
            code: 'ama_unknown_cloud',
            message: `No Azure Monitor endpoint was probed: the cloud '${cloud || '(none)'}' from metadata azEnvironment has no published Azure Monitor host names.`,
        });
    }
    if (run.budget.expired()) {
        return ended({
            status: 'fail',
            code: 'deadline_exceeded',
            message: `No time left of ${run.ctx.spell.name('timeout-seconds')} (${run.options.timeoutSeconds} s) for the Azure Monitor endpoints.`,
        });
    }
    const plan = planRouting(run.options.amaProxy, run.ctx);
    if (plan.kind === 'invalid') {
        return ended({
            status: 'fail',
            code: 'ama_proxy_invalid',
            message: `The environment's proxy cannot be used for Azure Monitor: ${plan.reason}.`,
        });
    }
    const loaded = await loadTrust(run.ctx, run.options.amaTrustedRoots);
    if (!loaded.ok) {
        return ended({
            status: 'fail',
            code: 'ama_trusted_roots_invalid',
            message: `${run.ctx.spell.name('ama-trusted-roots')} '${run.options.amaTrustedRoots}': ${loaded.reason}. No endpoint was probed.`,
        });
    }
    const hosts = amaHosts(region, suffix, run.options.workspaceIds, run.options.dceEndpoints);
    const route = plan.kind === 'proxy' ? `through the proxy ${plan.route.display} from ${plan.route.source}` : 'direct';
    // The list first, so a user watching a slow run knows what is being waited for.
    hosts.forEach((h, i) => run.ctx.progress({ check: 'ama', text: `ama: host ${i + 1}/${hosts.length} ${h.host} (${h.purpose})` }));
    const deps = {
        network: networkOf(run),
        trust: loaded.trust,
        plan,
        privateLink: run.options.privateLink,
        bounds,
        cap: (ms) => run.budget.cap(ms),
        now: () => run.ctx.clock.now(),
        userAgent: `imds-check/${run.ctx.toolVersion}`,
    };
    const outcomes = await inPool(hosts, bounds.concurrency, async (host) => {
        const outcome = await probeHost(host, deps);
        const { status, code } = outcome.entry;
        const named = status === 'pass' ? 'pass' : `${status} (${code})`;
        run.ctx.progress({ check: 'ama', text: `ama: ${host.host} ${named} ${outcome.ms} ms` });
        return outcome;
    });
    const { verdict, otherCodes } = hostsVerdict(outcomes, route, loaded.trust.sources);
    const hint = otherCodes
        .map((code) => `For ${code}: ${(0,remedy_lookup/* remedyFor */.wJ)(code, (0,remedy_lookup/* remedyContext */.qY)(run), ama_codes/* AMA_REMEDIES */.r)}`)
        .join(' ');
    return {
        verdict: hint ? { ...verdict, hint } : verdict,
        hosts: outcomes.map((o) => o.entry),
        answers: outcomes.flatMap((o) => (o.answered ? [{ host: o.entry.host, ...o.answered }] : [])),
        expired: outcomes.flatMap((o) => (o.expiry ? [{ host: o.entry.host, ...o.expiry }] : [])),
    };
}


/***/ })

};
