/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__nccwpck_require__.r(__webpack_exports__);
/* harmony import */ var _host_exit_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8304);
/* harmony import */ var _host_process_context_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5951);
/* harmony import */ var _host_one_line_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4073);
/* harmony import */ var _host_quiet_pipes_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9734);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8399);
// CLI entry (bundled to dist/cli/index.js, package bin `imds-check`).





(0,_host_quiet_pipes_js__WEBPACK_IMPORTED_MODULE_2__/* .ignoreClosedPipes */ .M)();
try {
    process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .runCli */ .a)(process.argv.slice(2), {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
        isTTY: process.stdout.isTTY === true,
        errIsTTY: process.stderr.isTTY === true,
        env: process.env,
        makeContext: (options) => (0,_host_process_context_js__WEBPACK_IMPORTED_MODULE_0__/* .createHostContext */ .KH)(options),
        // Loaded only for `imds-check emulate`, so a check does not pay for parsing the emulator.
        emulate: async (argv) => {
            const { runEmulateCommand } = await __nccwpck_require__.e(/* import() */ 39).then(__nccwpck_require__.bind(__nccwpck_require__, 39));
            return runEmulateCommand(argv, { out: (l) => console.log(l), err: (l) => console.error(l) });
        },
        merge: async (argv) => {
            const { runMergeCommand } = await __nccwpck_require__.e(/* import() */ 391).then(__nccwpck_require__.bind(__nccwpck_require__, 6391));
            return runMergeCommand(argv, {
                out: (t) => process.stdout.write(t),
                err: (t) => process.stderr.write(t),
                cwd: process.cwd(),
            });
        },
    });
}
catch (err) {
    // No stack traces unless asked for: the message alone, on one line.
    process.stderr.write(`imds-check: unexpected error: ${(0,_host_one_line_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .T)(err)}\n`);
    if (process.env['IMDS_CHECK_DEBUG'] === '1' && err instanceof Error && err.stack)
        process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
}
// The verdict is printed and the files written: nothing the run gave up on (a stuck lookup) may hold the CLI.
await (0,_host_exit_js__WEBPACK_IMPORTED_MODULE_4__/* .exitOnceWritten */ .B)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8399:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./src/core/index.ts + 18 modules
var core = __nccwpck_require__(9293);
// EXTERNAL MODULE: ./src/host/code-links.ts
var code_links = __nccwpck_require__(2777);
// EXTERNAL MODULE: ./src/host/report-files.ts
var report_files = __nccwpck_require__(8392);
// EXTERNAL MODULE: ./src/host/writable.ts
var writable = __nccwpck_require__(1852);
// EXTERNAL MODULE: ./src/host/spelling.ts
var spelling = __nccwpck_require__(4170);
// EXTERNAL MODULE: ./src/host/version.ts
var version = __nccwpck_require__(5962);
;// CONCATENATED MODULE: ./src/cli/args.ts
// argv → what the CLI should do. The flags and their --help lines come from the contract's inputs (each declared
// by the run or the check that reads it): `--mode vm` or `--mode=vm`, a bare flag for a boolean input, `--report`
// and `--junit` for the two file inputs; plus the CLI's own --json, --no-color, --arc-tokens-dir, --help, --version.

/** Flag name → input; no prototype, as the names come from the command line. */
const FLAGS = new Map(core/* CONTRACT_INPUTS */.Vw.map((i) => [i.cli.flag ?? i.name, { input: i.name, bare: i.cli.value === undefined }]));
function parseArgs(argv) {
    if (argv[0] === 'emulate')
        return { kind: 'emulate', argv: argv.slice(1) };
    if (argv[0] === 'merge')
        return { kind: 'merge', argv: argv.slice(1) };
    const command = { kind: 'check', inputs: {}, json: false, noColor: false, arcTokensDir: '' };
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
        // A stray value may be a URL with a password (`--ama http://u:p@proxy`): never echo its user-info.
        if (!match)
            return { kind: 'usage-error', message: `unexpected argument '${(0,core/* withoutUserInfo */.sl)(arg)}'` };
        const name = match[1];
        const inline = match[2];
        if (seen.has(name))
            return { kind: 'usage-error', message: `--${name} given more than once` };
        seen.add(name);
        const flag = FLAGS.get(name);
        if (name === 'json' || name === 'no-color' || flag?.bare) {
            if (inline !== undefined)
                return { kind: 'usage-error', message: `--${name} takes no value` };
            if (name === 'json')
                command.json = true;
            else if (name === 'no-color')
                command.noColor = true;
            else
                command.inputs[flag.input] = 'true';
            continue;
        }
        if (!flag && name !== 'arc-tokens-dir')
            return { kind: 'usage-error', message: `unknown option --${name}` };
        const value = inline ?? argv[++i];
        if (value === undefined || (inline === undefined && value.startsWith('--'))) {
            return { kind: 'usage-error', message: `--${name} needs a value` };
        }
        if (flag)
            command.inputs[flag.input] = value;
        else
            command.arcTokensDir = value;
    }
    // The token is printed only inside the JSON document: without --json the flag would do nothing, so say so
    // before anything runs rather than after.
    if (command.inputs['expose-token'] === 'true' && !command.json)
        return {
            kind: 'usage-error',
            message: '--expose-token needs --json (the token is printed only as accessToken in the JSON document, never as text)',
        };
    return command;
}
/** `  --flag VALUE` padded to the help column (at least two spaces before the text). */
const helpLine = (left, text) => `  ${left.padEnd(25)}  ${text}`;
const INPUT_LINES = core/* CONTRACT_INPUTS */.Vw.map((i) => helpLine(`--${i.cli.flag ?? i.name}${i.cli.value ? ` ${i.cli.value}` : ''}`, i.cli.help.replace('{default}', core/* INPUT_DEFAULTS */.WJ[i.name])));
const USAGE = `Usage: imds-check [options]
       imds-check emulate [options]     (imds-check emulate --help lists them)
       imds-check merge [options] PATH...  (one verdict over many machines' reports; merge --help)

Checks that this machine reaches Azure IMDS (VMs) or Hybrid IMDS (Arc) and gets a managed-identity token.

Options:
${INPUT_LINES.join('\n')}
${helpLine('--json', 'print the JSON report on stdout instead of text')}
${helpLine('--arc-tokens-dir DIR', 'Arc key-file folder, only with a loopback --endpoint (to try Arc against the emulator)')}
${helpLine('--no-color', 'no colours (also when NO_COLOR is set or stdout is not a terminal)')}
${helpLine('-h, --help', 'this help')}
${helpLine('-V, --version', 'the version')}

Progress lines during long waits go to stderr. Each failure names its code, documented in docs/errors.md.
Exit codes: 0 pass or warn, 1 fail (per --fail-on), 2 usage error.`;

;// CONCATENATED MODULE: ./src/cli/progress.ts
function progressPrinter(write, live) {
    let showing = false;
    return {
        line(text) {
            if (!live)
                return write(`${text}\n`);
            write(`\r\u001b[2K${text}`);
            showing = true;
        },
        done() {
            if (showing)
                write('\r\u001b[2K');
            showing = false;
        },
    };
}

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
/** The key-file folder may only be redirected for a Hybrid IMDS on this machine (the emulator). */
function arcTokensDirProblem(command, options) {
    if (command.arcTokensDir === '')
        return null;
    if (options.endpoint === '' || !(0,core/* isLoopbackAddress */.Ow)(new URL(options.endpoint).hostname))
        return '--arc-tokens-dir is only accepted with a loopback --endpoint (http://127.0.0.1:PORT)';
    return null;
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
        case 'merge':
            if (io.merge)
                return io.merge(command.argv);
            io.err('imds-check: merge is not available in this build.\n');
            return 2;
        case 'usage-error':
            io.err(`imds-check: ${command.message}. Run 'imds-check --help' for usage.\n`);
            return 2;
    }
    const parsed = (0,core/* parseOptions */.Ac)(command.inputs, spelling/* CLI_SPELLING */.Id);
    if (!parsed.ok) {
        io.err(`imds-check: ${redact(parsed.error.message, parsed.secrets)}\n`);
        return 2;
    }
    const options = parsed.options;
    const problem = arcTokensDirProblem(command, options);
    if (problem) {
        io.err(`imds-check: ${problem}.\n`);
        return 2;
    }
    // A file asked for that cannot be written ends the run now (exit 1, whatever --fail-on says), before the
    // probe spends its time.
    const paths = (0,report_files/* reportPaths */.Rs)({ ...options, defaultDir: '' });
    const unwritable = await (0,writable/* firstWriteProblem */.Xc)([
        ...(paths.reportPath ? [{ what: 'JSON report', path: paths.reportPath }] : []),
        ...(paths.junitPath ? [{ what: 'JUnit file', path: paths.junitPath }] : []),
    ]);
    if (unwritable) {
        io.err(writeFailure(unwritable));
        return 1;
    }
    // Credentials found in inputs (a proxy password) are redacted from everything printed.
    const secrets = new Set(parsed.secrets);
    const progress = progressPrinter(io.err, io.errIsTTY);
    const ctx = io.makeContext({
        spell: spelling/* CLI_SPELLING */.Id,
        registerSecret: (value) => secrets.add(value),
        // stderr may be read by a pipeline too: the same guard as every other line the CLI prints.
        progress: (event) => progress.line((0,core/* neutraliseLine */.fZ)(redact(event.text, secrets))),
        ...(command.arcTokensDir ? { arcTokensDir: command.arcTokensDir } : {}),
    });
    let outcome;
    try {
        outcome = await (io.probe ?? core/* runProbe */.mW)(options, ctx);
    }
    finally {
        progress.done();
    }
    const { report, accessToken } = outcome;
    const written = options.reportPath !== '' || options.junitPath !== ''
        ? await (0,report_files/* writeReports */.Li)(report, {
            reportPath: options.reportPath,
            junitPath: options.junitPath,
            defaultDir: '',
        })
        : null;
    if (command.json) {
        const document = JSON.parse((0,core/* renderJson */.hF)(report));
        if (options.exposeToken)
            document['accessToken'] = accessToken;
        const text = `${(0,core/* safeJson */.oi)(document)}\n`;
        io.out(options.exposeToken ? text : redact(text, secrets));
    }
    else {
        const color = io.isTTY && !command.noColor && !('NO_COLOR' in io.env) && io.env['TERM'] !== 'dumb';
        io.out(redact((0,core/* renderText */.S5)(report, { color, codeLink: code_links/* pathLink */.er }), secrets));
    }
    for (const p of written?.problems ?? [])
        io.err(writeFailure(p));
    return written && written.problems.length > 0 ? 1 : (0,core/* exitCodeFor */.Rr)(report);
}
/** One stderr line; the path is the user's own text, printed as one line. */
const writeFailure = (problem) => `imds-check: ${(0,core/* neutraliseLine */.fZ)((0,writable/* writeProblemText */.aU)(problem))} (see docs/errors.md#report_write_failed)\n`;


/***/ }),

/***/ 5035:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ AMA_HOST_REMEDIES)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);
// The ama-host check's codes and their fixes (docs/errors.md has the long form of each).

const AMA_HOST_REMEDIES = {
    ama_os_unsupported: 'The Azure Monitor Agent refuses to install on this operating system (the installer exits 51 "Unsupported operating system"). Move the workload to a supported distribution or Windows version (see the list in docs/ama.md), or leave this machine out of the rollout.',
    ama_os_unknown: "This operating system is not on Microsoft's supported list, though its family is: the list may be older than the release, but the installer gates on its own copy of the list and will probably refuse it. Test the AMA install on one such machine first, or use a listed version.",
    ama_arch_unsupported: 'AMA runs on 64-bit x86 (x64) and, for the listed distributions and Windows 11, on Arm64 only; 32-bit systems are not supported. Use an x64 (or a listed Arm64) machine.',
    ama_disk_low: (ctx) => `AMA caches data on local disk (10 GB by default, more while it cannot reach Azure, and twice the agent's size during an upgrade). Free space on the file system named in the message, grow the disk, or lower the cache quota (MaxDiskQuotaInMB in an AgentSettings DCR) and ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-min-free-gb')} with it.`,
};


/***/ }),

/***/ 4563:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ AMA_IDENTITY_REMEDIES)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);
// The ama-identity check's codes and their fixes (docs/errors.md has the long form of each).

const AMA_IDENTITY_REMEDIES = {
    ama_identity_none: 'AMA needs a managed identity to authenticate. Enable the system-assigned identity (az vm identity assign -g <rg> -n <vm>), or assign the user-assigned identity AMA should use and select it in the extension settings.',
    ama_identity_ambiguous: (ctx) => `The VM has several user-assigned identities and no system-assigned one, so AMA's token request without settings fails (400 "multiple user assigned identities"). Install AMA with settings that name one: run the gate with ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'identity', 'user')} and ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'msi-res-id')} of that identity, and pass its ama-extension-settings output to the extension install; or enable the system-assigned identity.`,
    ama_arc_user_identity: (ctx) => `On Azure Arc-enabled servers AMA authenticates with the machine's system-assigned identity only: the user-assigned identity the gate checked is not the one AMA will use. Check ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'identity', 'system')} instead and grant the system identity what AMA needs.`,
    ama_policy_skip: 'The built-in "Configure … to run Azure Monitor Agent" policy would not install AMA on this machine (the rule is named in the message). Install the extension directly, assign the policy with scopeToSupportedImages false or this image id in listOfLinuxImageIdToInclude / listOfWindowsImageIdToInclude, or use a policy variant that covers the region or identity.',
};


/***/ }),

/***/ 6543:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H7: () => (/* binding */ IDENTIFIER_NAMES),
/* harmony export */   jM: () => (/* binding */ isExtensionSettings),
/* harmony export */   xK: () => (/* binding */ isUserIdentityId),
/* harmony export */   zc: () => (/* binding */ settingsFor)
/* harmony export */ });
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4137);
// The AMA extension `settings` that select the identity AMA should use, as compact JSON for the
// ama-extension-settings output: `{}` for the system identity (AMA's default), otherwise
// {"authentication":{"managedIdentity":{"identifier-name":…,"identifier-value":…}}}. The shape is the one the
// AMA docs (azure-monitor-agent-manage, requirements) and the built-in user-assigned policies use; mi_res_id is
// the recommended name. Values are only GUIDs or user-assigned identity resource ids: a network value that does
// not fit never becomes the output.

/** The extension's name for each of our selector kinds (IMDS says msi_res_id, the extension mi_res_id). */
const IDENTIFIER_NAMES = {
    msi_res_id: 'mi_res_id',
    object_id: 'object_id',
    client_id: 'client_id',
};
const UAMI_PROVIDER = /\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
/** An ARM id of a user-assigned identity. */
const isUserIdentityId = (value) => (0,_shapes_js__WEBPACK_IMPORTED_MODULE_0__/* .isResourceId */ .Gy)(value) && UAMI_PROVIDER.test(value);
function fits(name, value) {
    if (name === 'mi_res_id')
        return isUserIdentityId(value);
    return (name === 'object_id' || name === 'client_id') && (0,_shapes_js__WEBPACK_IMPORTED_MODULE_0__/* .isGuid */ .W_)(value);
}
/** Compact JSON of the settings; null when the value does not fit the name. */
function settingsFor(identifier) {
    if (identifier === null)
        return '{}';
    if (!fits(identifier.name, identifier.value))
        return null;
    return JSON.stringify({
        authentication: {
            managedIdentity: { 'identifier-name': identifier.name, 'identifier-value': identifier.value },
        },
    });
}
/** The output's shape: exactly one of the two forms above, compact, nothing else. */
function isExtensionSettings(value) {
    if (value === '{}')
        return true;
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        return false;
    }
    const mi = parsed
        ?.authentication?.managedIdentity;
    const name = mi?.['identifier-name'];
    const id = mi?.['identifier-value'];
    if (typeof name !== 'string' || typeof id !== 'string')
        return false;
    if (name !== 'mi_res_id' && name !== 'object_id' && name !== 'client_id')
        return false;
    return settingsFor({ name, value: id }) === value;
}


/***/ }),

/***/ 9553:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ AMA_REMEDIES)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);
// The ama check's codes and their fixes (docs/errors.md has the long form of each).

const AMA_REMEDIES = {
    ama_unknown_cloud: (ctx) => `Azure Monitor host names are published only for the public, US Government and China clouds, so the hosts of this cloud cannot be named. Check its Azure Monitor endpoints with the documentation of that cloud, or set ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama', 'false')} on these machines.`,
    ama_trusted_roots_invalid: (ctx) => `Point ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-trusted-roots')} at a readable PEM file (at most 1 MiB) holding only -----BEGIN CERTIFICATE----- blocks: the root certificates of your Azure Stack or lab cloud.`,
    ama_proxy_invalid: (ctx) => `Set HTTPS_PROXY to http://host:port (AMA supports HTTP proxies only), or tell imds-check the proxy AMA will use with ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-proxy')} (or none).`,
    ama_dns_failed: 'The machine cannot resolve the host, so AMA cannot reach it. Check the DNS servers the machine uses (custom DNS needs forwarders to Azure DNS 168.63.129.16) and, with Private Link, the privatelink.* zones linked to the VNet.',
    ama_private_link_public: 'The name still resolves to a public address although Private Link is expected: link the privatelink.monitor.azure.com, privatelink.oms.opinsights.azure.com and privatelink.ods.opinsights.azure.com zones to this VNet (or forward them from your DNS) and make sure the workspace and DCE are in the AMPLS.',
    ama_private_link_private: (ctx) => `The name resolves to a private address (a Private Link zone is in effect) although ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'private-link', 'false')} says it should not: this network shares DNS with an Azure Monitor Private Link Scope, so AMA needs a DCE and must use the private endpoint. Set ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'private-link', 'true')} if that is intended.`,
    ama_connect_timeout: 'Packets to TCP 443 of the host are dropped: allow outbound 443 to the AzureMonitor service tag (and the DCE addresses, which the tag does not cover) in the NSG, the firewall and any OS firewall.',
    ama_connect_failed: 'TCP 443 to the host was refused or has no route: check the firewall, routes (UDR to a firewall appliance) and that nothing on this machine rejects outbound 443.',
    ama_proxy_connect_failed: (ctx) => `The proxy AMA would use cannot be reached or does not answer CONNECT. Check the address in ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-proxy')} or HTTPS_PROXY and that the proxy accepts connections from this machine.`,
    ama_proxy_auth_required: (ctx) => `The proxy requires proxy authentication and refused the credentials (or none were given). Put its user name and password in AMA's protected settings (proxy.username, proxy.password, with auth true) and in ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-proxy')} as http://user:password@host:port, or allow the Azure Monitor endpoints without authentication. AMA supports Basic authentication only.`,
    ama_proxy_refused: 'The proxy refused to open a tunnel to the host (its status is in the message): allow CONNECT to the Azure Monitor endpoints on port 443 in the proxy policy.',
    ama_tls_old_version: 'The server that answered on 443 speaks only TLS 1.0/1.1, which Azure Monitor no longer accepts; Azure itself speaks TLS 1.2+. Something in the path (an old proxy or firewall) terminates TLS: update it or exclude the Azure Monitor endpoints from it.',
    ama_tls_failed: 'The TLS handshake did not complete: something accepted the connection but does not speak TLS for this host (a transparent proxy, a firewall holding the connection). Allow direct TLS to the Azure Monitor endpoints.',
    ama_tls_untrusted: 'The certificate chain is not trusted on this machine: something in the path presents its own certificate (the issuer is named). Exclude the Azure Monitor endpoints from HTTPS inspection; AMA does not support inspected traffic.',
    ama_tls_expired: 'A certificate in the chain is expired or not yet valid. Check the machine clock (NTP); if the clock is right, a device in the path presents a stale certificate: exclude the Azure Monitor endpoints from HTTPS inspection.',
    ama_tls_hostname: 'The certificate is not issued for this host name: the name leads to another Azure service (a wrong hosts-file entry, DNS record or Private Link zone entry). Check what it resolves to and correct it.',
    ama_tls_inspected: (ctx) => `A TLS-inspecting firewall or proxy re-signed the connection with its own CA (named in the message). Microsoft does not support HTTPS inspection for any Azure Monitor Agent endpoint: exclude these hosts from inspection (bypass or no-decrypt rule). ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-trusted-roots')} is for Azure Stack, air-gapped clouds and labs, not to accept inspection.`,
    ama_http_failed: 'TLS worked but no HTTP answer came back in time. Something in the path may hold the connection; retry, and check the firewall or proxy logs for the host.',
    ama_ping_unhealthy: 'The handler answered GET /ping with something other than Healthy. Retry later and check Azure status for Azure Monitor in the region; if it persists, open a support case.',
    ama_not_azure_answer: 'Something other than Azure Monitor answered (a proxy, a block page, or a device adding a Via header). Allow the Azure Monitor endpoints through that device without interception or blocking.',
};


/***/ }),

/***/ 3226:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ MAX_PROXY_HEAD_BYTES),
/* harmony export */   EM: () => (/* binding */ AMA_BOUNDS),
/* harmony export */   O0: () => (/* binding */ KEPT_BODY_CHARS),
/* harmony export */   g0: () => (/* binding */ MAX_ADDRESSES),
/* harmony export */   hJ: () => (/* binding */ MAX_HTTP_BODY_BYTES)
/* harmony export */ });
/* harmony import */ var _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7743);
// Per-host bounds of the AMA check, like the IMDS ones: a dropped host is reported after two 5 s connect
// attempts; a silent one after the handshake bound. Every bound is also capped by what is left of the run.

const AMA_BOUNDS = {
    resolveMs: 5_000,
    connectMs: _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .CONNECT_TIMEOUT_MS */ .cC,
    connectAttempts: _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .CONNECT_ATTEMPTS */ .GY,
    handshakeMs: 10_000,
    headersMs: _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .HEADERS_TIMEOUT_MS */ .C9,
    bodyMs: _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .BODY_TIMEOUT_MS */ .CB,
    concurrency: 8,
};
/** Addresses tried per host: enough for dual stack, few enough to stay within the bounds. */
const MAX_ADDRESSES = 4;
/** What is read of an HTTP answer, and what of it the report keeps. */
const MAX_HTTP_BODY_BYTES = 64 * 1024;
const KEPT_BODY_CHARS = 200;
/** A CONNECT answer's head larger than this is not a proxy speaking HTTP. */
const MAX_PROXY_HEAD_BYTES = 16 * 1024;


/***/ }),

/***/ 2601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ STABILITY_CODES),
/* harmony export */   H: () => (/* binding */ STABILITY_REMEDIES)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);
// The stability check's codes and their fixes (docs/errors.md has the long form of each).

const STABILITY_CODES = [
    'stability_throttled',
    'stability_server_error',
    'stability_updating',
    'stability_no_answer',
    'stability_slow_answer',
    'stability_bad_answer',
    'stability_incomplete',
];
const STABILITY_REMEDIES = {
    stability_throttled: (ctx) => `${ctx.profile.service} answered 429 to some samples: other software on this machine uses up its 5 requests per second (imds-check stays below it). Find what polls it in a loop (agents, scripts, clients that do not cache tokens) and slow it down.`,
    stability_server_error: (ctx) => `${ctx.profile.service} answered 5xx to some samples. Clients that retry ride this out; if it persists, check Azure status for the region and the service's health on this machine, then open a support case.`,
    stability_updating: (ctx) => `${ctx.profile.service} was being updated while sampling (410, or 404 from the token endpoint); this passes within about 70 s. Make sure your clients retry that long, and sample again later.`,
    stability_no_answer: 'Some samples got no answer at all (timeout, reset or refused) although others were answered. Look for a firewall or security agent dropping some connections, or a host under heavy load.',
    stability_slow_answer: 'Some answers took more than 1 s, after which @azure/identity and Go azidentity stop probing IMDS, so DefaultAzureCredential may skip the managed identity. Look for CPU or network load on the host, or software inspecting local traffic.',
    stability_bad_answer: 'Some samples got an answer that was not a good IMDS answer (the codes per sample are in the report, under samples.series). Something may intercept part of the traffic, such as a proxy for some of the requests.',
    stability_incomplete: (ctx) => `${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'timeout-seconds')} ran out before every sample was taken. Raise it (up to 600) or lower ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'samples')}: a sample takes about 0.5 s (0.9 s with a token on Arc).`,
};


/***/ }),

/***/ 4729:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Np: () => (/* binding */ KNOWN_CLOUDS),
/* harmony export */   iu: () => (/* binding */ armResourceFor),
/* harmony export */   qK: () => (/* binding */ monitorSuffix)
/* harmony export */ });
/* unused harmony export DEFAULT_RESOURCE */
// What imds-check knows per Azure cloud, keyed by the azEnvironment metadata names (compared case-insensitively;
// IMDS samples print it upper-case): the clouds that may become the az-environment output, the ARM audience a
// token is asked for by default, and the suffix of Azure Monitor's host names. The name comes from the network,
// so the tables are Maps: `constructor` or `__proto__` is an unknown cloud, never a property of a table.
/** The clouds IMDS and the Azure Monitor Agent know. */
const KNOWN_CLOUDS = [
    'AzurePublicCloud',
    'AzureUSGovernmentCloud',
    'AzureChinaCloud',
    'AzureGermanCloud',
    'AzureStackCloud',
    'USNat',
    'USSec',
];
const DEFAULT_RESOURCE = 'https://management.azure.com/';
/** ARM audience per azEnvironment. */
const ARM_RESOURCE_BY_CLOUD = new Map([
    ['azurepubliccloud', 'https://management.azure.com/'],
    ['azureusgovernmentcloud', 'https://management.usgovcloudapi.net/'],
    ['azurechinacloud', 'https://management.chinacloudapi.cn/'],
    ['azuregermancloud', 'https://management.microsoftazure.de/'],
]);
/** The handler/ODS host suffix per azEnvironment, as the AMA network documentation lists them. */
const MONITOR_SUFFIX_BY_CLOUD = new Map([
    ['azurepubliccloud', 'com'],
    ['azureusgovernmentcloud', 'us'],
    ['azurechinacloud', 'cn'],
]);
function armResourceFor(azEnvironment) {
    return ARM_RESOURCE_BY_CLOUD.get(azEnvironment.toLowerCase()) ?? DEFAULT_RESOURCE;
}
/** `com`, `us` or `cn`; null for a cloud whose Azure Monitor host names are not published (or none given). */
function monitorSuffix(azEnvironment) {
    return MONITOR_SUFFIX_BY_CLOUD.get(azEnvironment.trim().toLowerCase()) ?? null;
}


/***/ }),

/***/ 7265:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _m: () => (/* binding */ isCode),
/* harmony export */   q5: () => (/* binding */ FLEET_CODES)
/* harmony export */ });
/* unused harmony export CODES */
/* harmony import */ var _pipeline_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3342);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1497);
// Every stable code, whoever owns it: codes are declared where they are produced (a check's folder, the
// transport, the Arc challenge, the run) and gathered here through the registry, each with its fix. docs/errors.md
// documents each one (a test keeps the two equal) and remedies.ts holds the fix for each. A code never changes meaning once
// released.


/** The fleet merge's codes: rows of the fleet report that are not a machine's own check. */
const FLEET_CODES = [
    'fleet_report_invalid',
    'fleet_machine_missing',
    'fleet_no_reports',
    'fleet_vmid_conflict',
    'fleet_too_many_machines',
    'fleet_scan_incomplete',
];
/** The engine's codes (the run, the transport, the Arc challenge), each check's in registry order, the fleet's. */
const CODES = [
    ..._pipeline_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .ENGINE_REMEDIES */ .OQ.keys(),
    ..._registry_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECKS */ .u.flatMap((check) => Object.keys(check.remedies ?? {})),
    ...FLEET_CODES,
];
const KNOWN = new Set(CODES);
function isCode(value) {
    return KNOWN.has(value);
}


/***/ }),

/***/ 2568:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ registerTokenSecrets),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   dO: () => (/* binding */ offeredVersions),
/* harmony export */   kc: () => (/* binding */ errorText),
/* harmony export */   x1: () => (/* binding */ isVersionError)
/* harmony export */ });
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8453);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4137);
/* harmony import */ var _recognise_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7710);



/** An error text is shown on one line of a message: the first 300 characters are enough to name it. */
const ERROR_TEXT_CHARS = 300;
const text = (v) => typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
/** The `error` / `error_description` of an IMDS error body, as one short line. */
function errorText(answer) {
    const json = (0,_recognise_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(answer.body);
    if (json) {
        const error = json['error'];
        const parts = [
            typeof error === 'object' && error !== null
                ? text(error['message'])
                : text(error),
            text(json['error_description']),
        ];
        // A JSON body is only ever shown through its error fields, never raw (it could hold a token).
        return (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(parts.filter((p) => p !== '').join(': '), ERROR_TEXT_CHARS);
    }
    return (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(answer.body.replace(/\s+/g, ' ').trim(), ERROR_TEXT_CHARS);
}
const VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
/** Versions the server says it accepts, newest first; empty when the answer is not a version error. */
function offeredVersions(answer) {
    if (answer.status !== 400 && answer.status !== 404)
        return [];
    const json = (0,_recognise_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(answer.body);
    const newest = json?.['newest-versions'];
    if (Array.isArray(newest))
        return newest.map(text).filter((v) => VERSION.test(v));
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
    // Only an error answer can refuse a version: a 200 document is never parsed a second time for it.
    if (answer.status !== 400 && answer.status !== 404)
        return false;
    return offeredVersions(answer).length > 0 || /invalid version|api-version/i.test(errorText(answer));
}
/**
 * Registers every plausible secret an answer carries, before anything else looks at it; returns the access
 * token when the body is a JSON object. A body that does not parse is still scanned, so a truncated answer
 * cannot carry an unregistered token into a message. Implausible values (short, with spaces) are never
 * registered: masking "e" would blank every e in the job log; they are never printed either.
 */
function registerTokenSecrets(body, ctx) {
    const register = (value) => {
        if (typeof value === 'string' && (0,_shapes_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlausibleSecret */ .sT)(value))
            ctx.registerSecret(value);
    };
    const json = (0,_recognise_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(body);
    if (!json) {
        for (const m of body.matchAll(/"(?:access|refresh)_token"\s*:\s*"([^"\\]{8,})/g))
            register(m[1]);
        return null;
    }
    register(json['access_token']);
    register(json['refresh_token']);
    return typeof json['access_token'] === 'string' ? json['access_token'] : null;
}


/***/ }),

/***/ 9325:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ tcpConnect),
/* harmony export */   k: () => (/* binding */ openSocket)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(28);
// The one TCP connect primitive, for the reachability check and Azure Monitor's hosts alike: a bound per attempt,
// and a failure told apart as dropped (timeout), refused or unreachable before any HTTP is spoken.


/**
 * One TCP connect with a bound; on success the caller owns the socket. `lookup` resolves a host given by name
 * (the run's bounded resolver: see lookup.ts); an IP address never reaches it.
 */
function openSocket(host, port, timeoutMs, lookup) {
    const started = Date.now();
    return new Promise((resolve) => {
        const socket = node_net__WEBPACK_IMPORTED_MODULE_0___default().connect({ host, port, ...(lookup ? { lookup } : {}) });
        const timer = setTimeout(() => {
            socket.destroy();
            resolve({
                ok: false,
                failure: 'connect_timeout',
                errno: 'ETIMEDOUT',
                elapsedMs: Date.now() - started,
            });
        }, Math.max(0, timeoutMs));
        socket.once('connect', () => {
            clearTimeout(timer);
            // Later steps listen for what matters to them; a late error must not become an uncaught exception.
            socket.removeAllListeners('error');
            socket.on('error', () => undefined);
            resolve({ ok: true, socket, host, elapsedMs: Date.now() - started });
        });
        socket.once('error', (err) => {
            clearTimeout(timer);
            socket.destroy();
            const errno = err.code ?? 'EUNKNOWN';
            resolve({
                ok: false,
                failure: (0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .classifySocketError */ .Wy)(errno, 'connect'),
                errno,
                elapsedMs: Date.now() - started,
            });
        });
    });
}
/** A connect that only proves the path: each host in order, moving on only when one is refused or unreachable. */
async function tcpConnect(hosts, port, timeoutMs, lookup) {
    let last = { ok: false, failure: 'network_unreachable', errno: 'ENOHOST', elapsedMs: 0 };
    for (const host of hosts) {
        last = await openSocket(host, port, timeoutMs, lookup);
        if (last.ok)
            last.socket.destroy();
        if (last.ok || (last.failure !== 'connection_refused' && last.failure !== 'network_unreachable'))
            return last;
    }
    return last;
}


/***/ }),

/***/ 7098:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A$: () => (/* binding */ hasUserInfo),
/* harmony export */   Bk: () => (/* binding */ parseEndpoint),
/* harmony export */   Ow: () => (/* binding */ isLoopbackAddress),
/* harmony export */   VO: () => (/* binding */ decodedOrNull),
/* harmony export */   f4: () => (/* binding */ validateBaseUrl),
/* harmony export */   sl: () => (/* binding */ withoutUserInfo),
/* harmony export */   v4: () => (/* binding */ writtenUserInfo)
/* harmony export */ });
// Endpoint URLs: validating a base URL, telling loopback from remote, and where to connect.
const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);
/** 127.0.0.0/8, ::1 and localhost. */
function isLoopbackAddress(host) {
    const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    return LOOPBACK_NAMES.has(h) || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * A URL as it may be shown: everything up to its last '@' becomes `***`, so a password never reaches a message
 * whatever characters it holds. A password may carry '/', '?', '#' or '@' unescaped (`http://u:a#b@proxy:3128`),
 * which a URL parser reads as the end of the authority, so the last '@' is where credentials could end; a path
 * or query with an '@' is hidden too, which costs nothing but a less helpful message.
 */
function withoutUserInfo(value) {
    const at = value.lastIndexOf('@');
    if (at < 0)
        return value;
    const scheme = SCHEME.exec(value)?.[0] ?? '';
    return `${scheme}***@${value.slice(at + 1)}`;
}
/**
 * The user name and password as written (not decoded) in `value`: what lies between the scheme and the last
 * '@', split at its first ':'. Null without an '@'. For masking what a value that is not even a URL may hold.
 */
function writtenUserInfo(value) {
    const at = value.lastIndexOf('@');
    if (at < 0)
        return null;
    const info = value.slice(SCHEME.exec(value)?.[0].length ?? 0, at);
    const colon = info.indexOf(':');
    return colon < 0
        ? { user: info, password: '' }
        : { user: info.slice(0, colon), password: info.slice(colon + 1) };
}
/** decodeURIComponent that answers null for a malformed escape (`%zz`, a lone `%`) instead of throwing. */
function decodedOrNull(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return null;
    }
}
/** http://host[:port] with nothing after the authority but an optional '/', and no user-info. */
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
/** User-info as a URL parser finds it; for a value that does not parse, any '@' after the scheme. */
function hasUserInfo(value) {
    try {
        const url = new URL(value);
        return url.username !== '' || url.password !== '';
    }
    catch {
        return /^[a-z][a-z0-9+.-]*:\/\/[^@]*@/i.test(value);
    }
}
function parseEndpoint(base) {
    const url = new URL(base);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port === '' ? 80 : Number(url.port);
    // localhost may resolve to ::1 first while HIMDS listens on 127.0.0.1: try IPv4 first, then IPv6.
    const connectHosts = LOOPBACK_NAMES.has(hostname.toLowerCase()) ? ['127.0.0.1', '::1'] : [hostname];
    return { base: `http://${url.host}`, connectHosts, port, hostHeader: url.host };
}


/***/ }),

/***/ 28:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   Uz: () => (/* binding */ isNoAnswer),
/* harmony export */   Wj: () => (/* binding */ isRetriedFailure),
/* harmony export */   Wy: () => (/* binding */ classifySocketError),
/* harmony export */   po: () => (/* binding */ notImds),
/* harmony export */   vI: () => (/* binding */ TRANSPORT_REMEDIES),
/* harmony export */   vi: () => (/* binding */ failureOutcome)
/* harmony export */ });
const FAILURES = {
    connect_timeout: {
        word: 'timeout',
        description: 'the connection attempt timed out (packets dropped)',
        retried: true,
    },
    connection_refused: { word: 'refused', description: 'the connection was refused', retried: false },
    network_unreachable: {
        word: 'unreachable',
        description: 'the network is unreachable (no route)',
        retried: false,
    },
    connection_reset: { word: 'reset', description: 'the connection was reset', retried: true },
    no_response: {
        word: 'no-response',
        description: 'the connection was accepted but nothing answered',
        retried: true,
    },
    body_timeout: {
        word: 'no-response',
        description: 'the answer started but its body never finished',
        retried: true,
    },
    body_too_large: { word: null, description: 'the answer was larger than 1 MiB', retried: false },
    protocol_error: { word: 'no-response', description: 'the answer was not valid HTTP', retried: false },
};
const isRetriedFailure = (failure) => FAILURES[failure].retried;
/** Nothing usable came back: every failure but a body too large, which had a status line. */
const isNoAnswer = (failure) => Object.hasOwn(FAILURES, failure) && FAILURES[failure].word !== null;
function failureOutcome(f) {
    return FAILURES[f.failure].word ?? (f.status === null ? 'no-response' : `${f.status}`);
}
function describeFailure(f) {
    const errno = f.errno && f.errno !== 'ETIMEDOUT' && f.errno !== 'EFBIG' ? ` (${f.errno})` : '';
    return `${FAILURES[f.failure].description}${errno}`;
}
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
// The fixes name the endpoint the run used: the route, NSG and AKS advice only for IMDS's own address; an endpoint
// given as input (an emulator on loopback, another host) gets advice about that address.
const correctEndpoint = (ctx) => `correct ${ctx.spell.name('endpoint')}`;
function blocked(ctx) {
    const { address, host, port, kind } = ctx.endpoint;
    if (kind === 'imds')
        return (`Check that nothing blocks ${address}: an OS firewall or iptables rule, a missing route for ${host}/32 ` +
            `via the primary NIC (\`ip route get ${host}\`), or AKS --enable-imds-restriction for pods without hostNetwork.`);
    if (kind === 'loopback')
        return `Check that no firewall rule (iptables, nftables) drops loopback traffic to port ${port}, or ${correctEndpoint(ctx)}.`;
    return (`Check that nothing on the way blocks ${address} (an OS firewall or iptables rule, a network firewall or NSG) ` +
        `and that a route leads there (\`ip route get ${host}\`), or ${correctEndpoint(ctx)}.`);
}
function refused(ctx) {
    const { address, port, kind } = ctx.endpoint;
    if (kind === 'imds')
        return `The connection to IMDS was refused locally. ${blocked(ctx)} Inside a container on an Arc host, IMDS is not available.`;
    if (kind === 'loopback')
        return `Nothing listens on ${address}. Start what should answer there (the emulator: \`imds-check emulate --port ${port}\`), or ${correctEndpoint(ctx)}.`;
    return `The connection to ${address} was refused: nothing listens there, or a firewall rejects it. Check the service at that address, or ${correctEndpoint(ctx)}.`;
}
function unreachable(ctx) {
    const { host, kind } = ctx.endpoint;
    if (kind === 'imds')
        return `There is no route to ${host}. Add a route for ${host}/32 via the primary NIC (DHCP restores it), or run on an Azure VM.`;
    if (kind === 'loopback')
        return 'The loopback address is unreachable; check the network configuration of this host or container.';
    return `There is no route to ${host}. Check the routes of this machine (\`ip route get ${host}\`), or ${correctEndpoint(ctx)}.`;
}
/** The hosts NO_PROXY must hold: the mode's usual ones, or the host the endpoint input names. */
const bypassHosts = (ctx) => ctx.profile.bypassHosts.includes(ctx.endpoint.host) ? ctx.profile.bypassHosts : [ctx.endpoint.host];
function proxyAnswered(ctx) {
    const hosts = bypassHosts(ctx);
    return `A proxy answered instead of ${ctx.profile.service}. Set NO_PROXY to include ${hosts.join(',')} and add ${hosts.length > 1 ? 'them' : 'it'} to the proxy bypass list of the agent.`;
}
const notImds = (ctx) => `Something other than ${ctx.profile.service} answered. Make sure its traffic is not sent through a proxy ` +
    `(add ${bypassHosts(ctx).join(',')} to NO_PROXY and the proxy bypass list) ` +
    'and that no local service or container runtime intercepts the address.';
/** The fixes on a VM, naming the endpoint the run used; modes/arc.ts overrides those that differ on Arc. */
const TRANSPORT_REMEDIES = {
    connect_timeout: (ctx) => `Packets to ${ctx.endpoint.kind === 'imds' ? 'IMDS' : ctx.endpoint.address} are dropped. ${blocked(ctx)}`,
    connection_refused: refused,
    network_unreachable: unreachable,
    connection_reset: (ctx) => `The connection was reset. A firewall or a security agent probably rejects it; allow TCP to ${ctx.endpoint.address}.`,
    no_response: (ctx) => `Something accepted the connection but never answered. Look for a proxy, a transparent interceptor or a hung service on ${ctx.endpoint.address}.`,
    body_timeout: (ctx) => `The answer started but its body never finished. Look for an interceptor or a hung service on ${ctx.endpoint.address}.`,
    body_too_large: (ctx) => 'The answer was larger than 1 MiB, which IMDS never sends. ' + notImds(ctx),
    protocol_error: (ctx) => 'The answer was not valid HTTP. ' + notImds(ctx),
    not_imds_html: (ctx) => 'An HTML page came back. ' + notImds(ctx),
    not_imds_proxy: proxyAnswered,
    not_imds_container_runtime: 'A container runtime answered that the network is unreachable: the job is running somewhere without IMDS (for example Docker Desktop). Run it on an Azure VM or Arc server.',
    not_imds_answer: (ctx) => 'The answer does not look like IMDS. ' + notImds(ctx),
};


/***/ }),

/***/ 8783:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TK: () => (/* binding */ headerText),
/* harmony export */   UE: () => (/* binding */ headerValues),
/* harmony export */   YK: () => (/* binding */ MAX_BODY_BYTES),
/* harmony export */   lx: () => (/* binding */ httpGet),
/* harmony export */   wx: () => (/* binding */ header)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(28);
// One bounded GET over node:http, for IMDS and Azure Monitor alike: never a proxy, never the global agent; separate
// bounds for connect, time to the status line and body, each capped by what is left of the run; a body cap. It
// never throws: every end is a value (an answer or a transport failure) the callers classify.


const MAX_BODY_BYTES = 1024 * 1024;
/** Failures worth trying the next address for (e.g. HIMDS listening on ::1 only). */
const TRY_NEXT_HOST = new Set(['connection_refused', 'network_unreachable']);
async function httpGet(request) {
    const { connection } = request;
    if (!('agent' in connection))
        return getOnce(request, null);
    let last = null;
    for (const host of connection.connectHosts) {
        last = await getOnce(request, host);
        if (last.kind === 'answer' || !TRY_NEXT_HOST.has(last.failure))
            return last;
    }
    return (last ?? { kind: 'failure', failure: 'network_unreachable', errno: 'ENOHOST', status: null, elapsedMs: 0 });
}
function getOnce(request, host) {
    const started = Date.now();
    const { connection } = request;
    return new Promise((resolve) => {
        let settled = false;
        let phase = 'connect';
        let status = null;
        let timer = null;
        const end = (result) => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearTimeout(timer);
            resolve(result);
            // A socket handed in is used once; an agent's socket stays for the next request unless this one failed.
            if ('socket' in connection) {
                req.destroy();
                connection.socket.destroy();
            }
        };
        const fail = (failure, errno) => {
            end({ kind: 'failure', failure, errno, status, elapsedMs: Date.now() - started });
            req.destroy();
        };
        // Each phase gets its own bound, but never past what was left of the run when the request started.
        const until = started + request.remainingMs;
        const arm = (ms, onExpire) => {
            if (timer)
                clearTimeout(timer);
            timer = setTimeout(onExpire, Math.max(0, Math.min(ms, until - Date.now())));
        };
        const req = node_http__WEBPACK_IMPORTED_MODULE_0___default().request({
            ...('agent' in connection
                ? {
                    host: host ?? '',
                    port: connection.port,
                    agent: connection.agent,
                    ...(request.lookup ? { lookup: request.lookup } : {}),
                }
                : { createConnection: () => connection.socket }),
            path: request.path,
            method: 'GET',
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
            fail((0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .classifySocketError */ .Wy)(errno, phase), errno);
        });
        req.on('response', (res) => {
            phase = 'body';
            status = res.statusCode ?? 0;
            arm(request.bodyTimeoutMs, () => fail('body_timeout', 'ETIMEDOUT'));
            const chunks = [];
            let size = 0;
            const answer = () => ({
                kind: 'answer',
                status: status ?? 0,
                headers: collectHeaders(res.rawHeaders),
                body: Buffer.concat(chunks).toString('utf8'),
                elapsedMs: Date.now() - started,
            });
            const peek = request.body === 'peek';
            res.on('data', (chunk) => {
                if (peek) {
                    chunks.push(chunk.subarray(0, request.maxBodyBytes - size));
                    size += chunk.length;
                    if (size >= request.maxBodyBytes)
                        end(answer());
                    return;
                }
                size += chunk.length;
                if (size > request.maxBodyBytes) {
                    fail('body_too_large', 'EFBIG');
                    return;
                }
                chunks.push(chunk);
            });
            res.on('error', (err) => {
                if (peek)
                    return end(answer());
                fail((0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .classifySocketError */ .Wy)(err.code ?? 'ECONNRESET', 'body'), err.code ?? 'ECONNRESET');
            });
            res.on('aborted', () => (peek ? end(answer()) : fail('connection_reset', 'ECONNRESET')));
            res.on('end', () => {
                if (!peek && !res.complete) {
                    fail('connection_reset', 'ECONNRESET');
                    return;
                }
                end(answer());
            });
        });
        req.end();
    });
}
function collectHeaders(raw) {
    const headers = new Map();
    for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = raw[i].toLowerCase();
        const values = headers.get(name);
        if (values)
            values.push(raw[i + 1]);
        else
            headers.set(name, [raw[i + 1]]);
    }
    return headers;
}
/** Every value of a header, in the order received; none when absent. */
function headerValues(answer, name) {
    return answer.headers.get(name.toLowerCase()) ?? [];
}
/** The first value of a header, '' when absent. */
function header(answer, name) {
    return headerValues(answer, name)[0] ?? '';
}
/** Every value of a header joined as one (`a, b`), '' when absent. */
function headerText(answer, name) {
    return headerValues(answer, name).join(', ');
}


/***/ }),

/***/ 9174:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ readClaims)
/* harmony export */ });
const EMPTY = {
    aud: '',
    iss: '',
    tid: '',
    oid: '',
    appid: '',
    xmsMirid: '',
    exp: null,
    nbf: null,
    iat: null,
};
const text = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
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
        aud: text(p['aud']),
        iss: text(p['iss']),
        tid: text(p['tid']),
        oid: text(p['oid']),
        appid: text(p['appid']) || text(p['azp']),
        xmsMirid: text(p['xms_mirid']),
        exp: num(p['exp']),
        nbf: num(p['nbf']),
        iat: num(p['iat']),
    };
}


/***/ }),

/***/ 7743:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ ARC_SECRET_MAX_BYTES),
/* harmony export */   C9: () => (/* binding */ HEADERS_TIMEOUT_MS),
/* harmony export */   CB: () => (/* binding */ BODY_TIMEOUT_MS),
/* harmony export */   GN: () => (/* binding */ METADATA_PATH),
/* harmony export */   GY: () => (/* binding */ CONNECT_ATTEMPTS),
/* harmony export */   I9: () => (/* binding */ HIMDS_BASE),
/* harmony export */   Jm: () => (/* binding */ IMDS_HOST),
/* harmony export */   UN: () => (/* binding */ VM_METADATA_API_VERSION),
/* harmony export */   X1: () => (/* binding */ ARC_METADATA_API_VERSION),
/* harmony export */   aP: () => (/* binding */ IMDS_BASE),
/* harmony export */   cC: () => (/* binding */ CONNECT_TIMEOUT_MS),
/* harmony export */   od: () => (/* binding */ TOKEN_PATH),
/* harmony export */   qR: () => (/* binding */ VM_TOKEN_API_VERSION),
/* harmony export */   vF: () => (/* binding */ ARC_TOKEN_API_VERSION)
/* harmony export */ });
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


/***/ }),

/***/ 7710:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ recognise),
/* harmony export */   dw: () => (/* binding */ parseJsonObject),
/* harmony export */   uS: () => (/* binding */ isArcChallenge)
/* harmony export */ });
/* unused harmony export hasImdsServerHeader */
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8783);

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
    return IMDS_SERVER.test((0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .header */ .wx)(answer, 'server').trim());
}
function isArcChallenge(answer) {
    return (answer.status === 401 &&
        (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .headerValues */ .UE)(answer, 'www-authenticate').some((v) => /^\s*basic\s+realm=/i.test(v)));
}
function isImdsError(json) {
    return 'error' in json || 'newest-versions' in json;
}
/** `successShape` says what a 200 must hold to count as IMDS. */
function recognise(answer, successShape) {
    const body = answer.body;
    const serverHeader = hasImdsServerHeader(answer);
    const contentType = (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .header */ .wx)(answer, 'content-type').toLowerCase();
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


/***/ }),

/***/ 9293:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Vw: () => (/* reexport */ CONTRACT_INPUTS),
  WJ: () => (/* reexport */ INPUT_DEFAULTS),
  Rr: () => (/* reexport */ exitCodeFor),
  Ow: () => (/* reexport */ endpoint/* isLoopbackAddress */.Ow),
  fZ: () => (/* reexport */ neutralise/* neutraliseLine */.fZ),
  Ac: () => (/* reexport */ parseOptions),
  hF: () => (/* reexport */ renderJson),
  RV: () => (/* reexport */ renderJunit),
  S5: () => (/* reexport */ renderText),
  mW: () => (/* reexport */ runProbe),
  oi: () => (/* reexport */ neutralise/* safeJson */.oi),
  wu: () => (/* reexport */ input_spec/* toCamel */.wu),
  sl: () => (/* reexport */ endpoint/* withoutUserInfo */.sl)
});

// UNUSED EXPORTS: CODES, CONTRACT_OUTPUTS, CREDENTIAL_INPUTS, EMPTY_MACHINE, INPUT_GROUPS, INPUT_NAMES, OUTPUT_NAMES, OUTPUT_SHAPES, buildOutputs, checkCodes, emptyIdentity, hasUserInfo, isCode, isPlausibleSecret, isSocketWord, neutralise, neutraliseBlock, remedyFor, renderMarkdown, setting, stepVerdict

// EXTERNAL MODULE: ./src/core/types.ts
var types = __nccwpck_require__(3054);
// EXTERNAL MODULE: ./src/core/imds/endpoint.ts
var endpoint = __nccwpck_require__(7098);
// EXTERNAL MODULE: ./src/core/pipeline/input-spec.ts
var input_spec = __nccwpck_require__(6508);
;// CONCATENATED MODULE: ./src/core/pipeline/run-inputs.ts
// The run's own inputs: which service (mode, endpoint), its bounds (timeout-seconds), what fails the step
// (fail-on), where the report files go, and the switch of the Azure Monitor Agent checks (ama), which several
// checks share. Every other input belongs to the check that reads it.


function run_inputs_endpoint(value) {
    if (value === '')
        return '';
    if ((0,endpoint/* hasUserInfo */.A$)(value)) {
        throw new input_spec/* InvalidInput */.o9('endpoint', `got ${(0,input_spec/* shown */.SP)(value)}; user-info is not accepted: IMDS needs no credentials and the value would be logged`);
    }
    const base = (0,endpoint/* validateBaseUrl */.f4)(value);
    if (base === null) {
        throw new input_spec/* InvalidInput */.o9('endpoint', `got ${(0,input_spec/* shown */.SP)(value)}; expected a base URL like http://127.0.0.1:8080 (http only, no path)`);
    }
    return base;
}
const RUN_INPUTS = {
    inputs: [
        {
            name: 'mode',
            default: 'auto',
            cli: {
                value: 'auto|vm|arc',
                help: 'which metadata service (default {default}: Arc when its agent or variables are present)',
            },
        },
        {
            name: 'endpoint',
            credential: true,
            default: '',
            cli: { value: 'URL', help: 'base URL override, e.g. http://127.0.0.1:8080 for the emulator' },
        },
        {
            name: 'timeout-seconds',
            default: '90',
            cli: { value: 'N', help: 'bound on the whole run, retries included (1-600, default {default})' },
        },
        {
            name: 'fail-on',
            default: 'error',
            cli: { value: 'error|unreachable|never', help: 'when to exit 1 (default {default})' },
        },
        {
            name: 'report-path',
            default: '',
            cli: { flag: 'report', value: 'FILE', help: 'write the JSON report to FILE' },
        },
        {
            name: 'junit-path',
            default: '',
            cli: { flag: 'junit', value: 'FILE', help: 'write JUnit XML to FILE' },
        },
        {
            name: 'ama',
            default: 'false',
            cli: { help: 'also check the endpoints the Azure Monitor Agent needs (off by default)' },
        },
    ],
    parse(read) {
        return {
            mode: (0,input_spec/* oneOf */.yL)('mode', read.raw('mode'), ['auto', 'vm', 'arc']),
            endpoint: run_inputs_endpoint(read.raw('endpoint')),
            timeoutSeconds: (0,input_spec/* wholeNumber */.rD)('timeout-seconds', read.raw('timeout-seconds'), 1, 600),
            failOn: (0,input_spec/* oneOf */.yL)('fail-on', read.raw('fail-on'), ['error', 'unreachable', 'never']),
            reportPath: read.raw('report-path'),
            junitPath: read.raw('junit-path'),
            ama: (0,input_spec/* strictBoolean */.c9)('ama', read.raw('ama')),
        };
    },
};

;// CONCATENATED MODULE: ./src/core/pipeline/run-outputs.ts
const RUN_OUTPUTS = [
    {
        name: 'result',
        value: (report) => report.result,
    },
    {
        name: 'mode',
        value: (report) => report.mode.resolved,
    },
    {
        name: 'report-path',
        value: (_report, sources) => sources.reportPath,
    },
];

// EXTERNAL MODULE: ./src/core/registry.ts + 20 modules
var registry = __nccwpck_require__(1497);
;// CONCATENATED MODULE: ./src/core/contract.ts
// The public contract's names, put together from the run's own inputs and outputs and those of every registered
// check, in that order: kebab-case on GitHub and the CLI, camelCase on Azure DevOps. action.yml and task.json are
// generated from these lists (npm run manifests), the CLI's flags and --help lines too.




/** The run's inputs, then each check's, in registry order. */
const INPUT_GROUPS = [
    RUN_INPUTS,
    ...registry/* CHECKS */.u.flatMap((check) => (check.inputs ? [check.inputs] : [])),
];
const CONTRACT_INPUTS = INPUT_GROUPS.flatMap((group) => group.inputs);
const INPUT_NAMES = CONTRACT_INPUTS.map((input) => input.name);
const INPUT_DEFAULTS = Object.assign(Object.create(null), Object.fromEntries(CONTRACT_INPUTS.map((input) => [input.name, input.default])));
/** Inputs that may carry a credential: adapters read them without any echo and mask what parsing found. */
const CREDENTIAL_INPUTS = CONTRACT_INPUTS.filter((i) => i.credential).map((i) => i.name);
/** The run's outputs, then each check's, in registry order. */
const contract_CONTRACT_OUTPUTS = [
    ...RUN_OUTPUTS,
    ...registry/* CHECKS */.u.flatMap((check) => check.outputs ?? []),
];
const OUTPUT_NAMES = contract_CONTRACT_OUTPUTS.map((output) => output.name);

;// CONCATENATED MODULE: ./src/core/policy.ts
/**
 * `fail` + error fails; `unreachable` fails only when nothing IMDS-like answered; a failure that the policy
 * lets through, and any `warn`, is "succeeded with issues".
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
/** `token: token_identity_not_found, ...` for the checks with the given statuses, for one-line step results. */
function checkCodes(report, statuses) {
    return report.checks
        .filter((c) => statuses.includes(c.status))
        .map((c) => `${c.id}: ${c.code}`)
        .join(', ');
}

;// CONCATENATED MODULE: ./src/core/outputs.ts
// How a report becomes the contract's outputs: each output the run or a check declares reads its value from the
// finished report. Every value fed by the network must fit the documented shape of its field (shapes.ts); one
// that does not is the empty string (its check already warned).

/** The shape each network-fed output must fit (no prototype: looked up by names read from elsewhere). */
const OUTPUT_SHAPES = Object.assign(Object.create(null), Object.fromEntries(contract_CONTRACT_OUTPUTS.flatMap((o) => (o.shape ? [[o.name, o.shape]] : []))));
/**
 * Every contract output, values as strings ('' when unknown or not of its field's shape). `access-token` is
 * present only when exposed; the engine registered it as a secret the moment it arrived.
 */
function buildOutputs(report, accessToken, exposeToken, reportPath) {
    const outputs = {};
    for (const output of CONTRACT_OUTPUTS) {
        const value = output.value(report, { accessToken, exposeToken, reportPath });
        if (value === undefined)
            continue;
        outputs[output.name] = value === '' || !output.shape || output.shape(value) ? value : '';
    }
    return outputs;
}

;// CONCATENATED MODULE: ./src/core/options.ts
// Turns raw input strings (from action inputs, task inputs or CLI flags) into validated ProbeOptions: the run's
// own inputs first, then each check's in registry order. Every error names the input the way the calling front
// door spells it and lists what is accepted; a value is shown escaped and without any user-info, so a message
// stays one line and never carries a password. Secrets found in values come back for the door to mask.


/**
 * Parses raw inputs. Missing or empty inputs take the contract defaults; every value is trimmed.
 * `spelling` names inputs in messages the way the calling front door writes them.
 */
function parseOptions(rawInputs, spelling) {
    const spell = (name) => spelling.name(name);
    const raw = new Map();
    for (const { name } of CONTRACT_INPUTS) {
        const value = (rawInputs[name] ?? '').trim();
        raw.set(name, value === '' ? INPUT_DEFAULTS[name] : value);
    }
    const secrets = [];
    const read = {
        raw: (name) => raw.get(name) ?? '',
        spell,
        secret: (value) => void secrets.push(value),
    };
    try {
        const options = {};
        for (const group of INPUT_GROUPS) {
            // An input of a switched-off feature would be a silent no-op, which would mislead: refuse it.
            for (const input of group.inputs) {
                if (!input.onlyWith || raw.get(input.name) === input.default)
                    continue;
                if (!(0,input_spec/* strictBoolean */.c9)(input.onlyWith, read.raw(input.onlyWith)))
                    throw new input_spec/* InvalidInput */.o9(input.name, `is only used with ${spell(input.onlyWith)} true`);
            }
            Object.assign(options, group.parse(read));
        }
        return { ok: true, options, secrets };
    }
    catch (err) {
        if (!(err instanceof input_spec/* InvalidInput */.o9))
            throw err;
        return {
            ok: false,
            secrets,
            error: {
                code: 'invalid_input',
                input: err.input,
                message: `Invalid input '${spell(err.input)}': ${err.detail}`,
            },
        };
    }
}

// EXTERNAL MODULE: ./src/core/codes.ts
var codes = __nccwpck_require__(7265);
// EXTERNAL MODULE: ./src/core/remedies.ts
var remedies = __nccwpck_require__(5591);
// EXTERNAL MODULE: ./src/core/neutralise.ts
var neutralise = __nccwpck_require__(8453);
// EXTERNAL MODULE: ./src/core/shapes.ts
var shapes = __nccwpck_require__(4137);
;// CONCATENATED MODULE: ./src/core/imds/budget.ts
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

// EXTERNAL MODULE: ./src/core/modes/target.ts + 4 modules
var modes_target = __nccwpck_require__(2638);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/core/imds/http.ts
var http = __nccwpck_require__(8783);
// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __nccwpck_require__(7743);
// EXTERNAL MODULE: ./src/core/imds/failures.ts
var failures = __nccwpck_require__(28);
// EXTERNAL MODULE: ./src/core/imds/recognise.ts
var recognise = __nccwpck_require__(7710);
;// CONCATENATED MODULE: ./src/core/imds/retry.ts



const MAX_ATTEMPTS = 8;
// A transport failure after the connection was proven is retried once: more only delays the diagnosis.
const MAX_TRANSPORT_ATTEMPTS = 2;
const GONE_WINDOW_MS = 70_000;
const MAX_GONE_ATTEMPTS = 20;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 16_000;
// During an IMDS update, poll about every 10 s (as Microsoft's clients do) rather than backing off further.
const GONE_MAX_DELAY_MS = 10_000;
function isRetryable(kind, result) {
    if (result.kind === 'failure')
        return (0,failures/* isRetriedFailure */.Wj)(result.failure);
    const s = result.status;
    // A proxy's or gateway's 5xx page is not IMDS being busy: retrying it only delays the diagnosis. Any other
    // 5xx (JSON, or plain text as Hybrid IMDS may send) is retried.
    if (s >= 500) {
        const seen = (0,recognise/* recognise */.GJ)(result, () => false);
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
        const hinted = retryAfterMs((0,http/* header */.wx)(result, 'retry-after'), now);
        if (hinted !== null && (result.status === 429 || result.status === 503))
            return hinted;
    }
    const cap = result.kind === 'answer' && result.status === 410 ? GONE_MAX_DELAY_MS : MAX_DELAY_MS;
    const base = Math.min(cap, BASE_DELAY_MS * 2 ** Math.max(0, attemptsSoFar - 1));
    const jittered = base / 2 + random() * (base / 2);
    return result.kind === 'answer' && result.status >= 500 ? Math.max(1_000, jittered) : jittered;
}
const STATUS_REASONS = {
    404: 'updating',
    410: 'updating',
    429: 'throttled',
};
/** Why a retry happens, in status words: `HTTP 410 (IMDS updating)`, `HTTP 429 (throttled)`, `no answer (reset)`. */
function waitReason(result, service) {
    if (result.kind === 'failure')
        return `no answer (${result.failure.replace(/_/g, ' ')})`;
    const why = STATUS_REASONS[result.status] ?? (result.status >= 500 ? 'server error' : 'retryable');
    return `HTTP ${result.status} (${why === 'updating' ? `${service} updating` : why})`;
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
        deps.onWait?.(result, attempts + 1, delay);
        await deps.clock.sleep(delay);
    }
}

;// CONCATENATED MODULE: ./src/core/imds/client.ts
// The narrow client through which everything talks to IMDS: one GET to the run's endpoint with the header policy
// every request follows (Metadata: true, never X-Forwarded-For, never a proxy), admitted by the run's pacer
// (IMDS's 5 requests per second), each phase bounded by its own limit and by what is left of the run, and a
// slow answer or a retry wait told as progress of the check that asked.




function imdsClients(deps) {
    // One keep-alive connection for the whole run: every IMDS request of every check goes through it.
    const agent = new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: 1 });
    const { endpoint, budget } = deps;
    const client = (check) => ({
        endpoint,
        async get(pathAndQuery, extraHeaders = {}) {
            await deps.pacer.admit();
            const bound = budget.cap(protocol/* CONNECT_TIMEOUT_MS */.cC + protocol/* HEADERS_TIMEOUT_MS */.C9);
            const quiet = deps.progress.slow(check, endpoint.base, bound);
            return (0,http/* httpGet */.lx)({
                connection: { agent, connectHosts: endpoint.connectHosts, port: endpoint.port },
                hostHeader: endpoint.hostHeader,
                path: pathAndQuery,
                headers: {
                    Metadata: 'true',
                    Accept: 'application/json',
                    'User-Agent': deps.userAgent,
                    ...extraHeaders,
                },
                connectTimeoutMs: budget.cap(protocol/* CONNECT_TIMEOUT_MS */.cC),
                lookup: deps.names.netLookup(budget.cap(protocol/* CONNECT_TIMEOUT_MS */.cC)),
                headersTimeoutMs: budget.cap(protocol/* HEADERS_TIMEOUT_MS */.C9),
                bodyTimeoutMs: budget.cap(protocol/* BODY_TIMEOUT_MS */.CB),
                remainingMs: budget.remaining(),
                maxBodyBytes: http/* MAX_BODY_BYTES */.YK,
                body: 'whole',
            }).finally(quiet);
        },
        retried: (kind, send) => withRetry(kind, send, {
            clock: deps.clock,
            random: deps.random,
            budget,
            onWait: (result, attempt, delayMs) => deps.progress.retry(check, waitReason(result, deps.service), attempt, delayMs),
        }),
    });
    return { client, close: () => agent.destroy() };
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/core/imds/lookup.ts

const key = (host) => host.toLowerCase().replace(/\.$/, '');
/** `address name alias…` lines; `#` starts a comment; lines whose first field is not an IP are skipped. */
function parseHosts(text) {
    const table = new Map();
    for (const raw of text.split(/\r?\n/)) {
        const [address = '', ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
        const family = external_node_net_default().isIP(address.replace(/%.*$/, ''));
        if (family !== 4 && family !== 6)
            continue;
        for (const name of names) {
            const list = table.get(key(name)) ?? [];
            if (!list.some((a) => a.address === address))
                list.push({ address, family });
            table.set(key(name), list);
        }
    }
    return table;
}
/**
 * c-ares over the system's DNS servers, or `servers` (tests: a server on loopback). node:dns (and c-ares) is
 * loaded on the first query: a check of IMDS by address resolves nothing, and start-up is what it pays for.
 */
const caresQueryVia = (servers) => async (host, family, timeoutMs) => {
    const { Resolver } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 610, 23)); // a built-in: about a millisecond, once
    // Short tries, so a second server (or a resent query) fits in the bound; the cancel enforces the bound.
    const perTry = Math.min(2_000, Math.max(250, Math.round(timeoutMs / 4)));
    const resolver = new Resolver({ timeout: perTry, tries: 3 });
    if (servers)
        resolver.setServers(servers);
    return new Promise((done) => {
        const timer = setTimeout(() => resolver.cancel(), Math.max(0, timeoutMs));
        const answered = (err, addresses) => {
            clearTimeout(timer);
            done(err ? { code: err.code ?? 'EUNKNOWN' } : addresses);
        };
        if (family === 4)
            resolver.resolve4(host, answered);
        else
            resolver.resolve6(host, answered);
    });
};
const caresQuery = caresQueryVia();
/** c-ares codes in the words getaddrinfo users know: a server that failed or refused is EAI_AGAIN. */
function errorWord(codes) {
    if (codes.some((c) => c === 'ECANCELLED' || c === 'ETIMEOUT'))
        return 'timed out';
    if (codes.every((c) => c === 'ENODATA'))
        return 'no address';
    if (codes.includes('ENOTFOUND'))
        return 'ENOTFOUND';
    if (codes.some((c) => ['ESERVFAIL', 'ECONNREFUSED', 'EREFUSED', 'ENODATA'].includes(c)))
        return 'EAI_AGAIN';
    return codes.find((c) => /^[A-Z_]{2,30}$/.test(c)) ?? 'lookup failed';
}
/** `hosts`: read once, on the first name that is not an IP address; `query` is replaced in tests only. */
function nameResolver(hosts, query = caresQuery) {
    let table = null;
    const lookup = async (host, timeoutMs, family = 0) => {
        const literal = external_node_net_default().isIP(host);
        if (literal === 4 || literal === 6)
            return { addresses: [{ address: host, family: literal }], error: '' };
        table ??= hosts().catch(() => new Map());
        const listed = (await table).get(key(host));
        if (listed) {
            const addresses = listed.filter((a) => family === 0 || a.family === family);
            return { addresses, error: addresses.length > 0 ? '' : 'no address' };
        }
        const families = family === 0 ? [4, 6] : [family];
        const answers = await Promise.all(families.map((f) => query(host, f, timeoutMs)));
        const addresses = answers.flatMap((answer, i) => Array.isArray(answer) ? [...new Set(answer)].map((address) => ({ address, family: families[i] })) : []);
        if (addresses.length > 0)
            return { addresses, error: '' };
        return { addresses, error: errorWord(answers.map((a) => (Array.isArray(a) ? 'ENODATA' : a.code))) };
    };
    const netLookup = (timeoutMs) => (hostname, options, callback) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        void lookup(hostname, timeoutMs, family).then(({ addresses, error }) => {
            if (error !== '') {
                const code = error === 'timed out' ? 'ETIMEDOUT' : error === 'no address' ? 'ENOTFOUND' : error;
                callback(Object.assign(new Error(`lookup ${hostname}: ${error}`), { code, hostname }), '');
            }
            else if (options.all)
                callback(null, addresses);
            else
                callback(null, addresses[0].address, addresses[0].family);
        });
    };
    return { lookup, netLookup };
}
/** The platform's hosts file: Windows keeps it under SystemRoot (a plain drive path only, as for sc.exe). */
function hostsFilePath(platform, env) {
    if (platform !== 'win32')
        return '/etc/hosts';
    const root = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? '';
    const windows = /^[A-Za-z]:\\[^;"%<>|?*\r\n]*$/.test(root) ? root.replace(/\\+$/, '') : 'C:\\Windows';
    return `${windows}\\System32\\drivers\\etc\\hosts`;
}

;// CONCATENATED MODULE: ./src/core/imds/pacer.ts
/**
 * 5 per second, counted over 1.2 s: arrival times at the service differ from send times by the scheduling of
 * both ends (a stalled event loop, a busy core), and the limit binds where requests arrive. The margin keeps
 * an arrival-side count within 5 per second even when one request arrives up to 200 ms late.
 */
const IMDS_RATE_LIMIT = { max: 5, windowMs: 1_200 };
class RequestPacer {
    clock;
    limit;
    /** Admission times, oldest first; only the last `max` matter. */
    admitted = [];
    held = 0;
    constructor(clock, limit = IMDS_RATE_LIMIT) {
        this.clock = clock;
        this.limit = limit;
    }
    /** How long from now until `count` more requests (sent back to back) fit in every window. */
    roomIn(count = 1) {
        const keep = this.limit.max - Math.min(count, this.limit.max);
        // The request that must have left the window: the (keep+1)-th most recent admission.
        const blocking = this.admitted[this.admitted.length - keep - 1];
        if (blocking === undefined)
            return 0;
        return Math.max(0, blocking + this.limit.windowMs - this.clock.now());
    }
    /** Time requests were held back so far: a latency measured around a request leaves it out. */
    get heldMs() {
        return this.held;
    }
    /** Waits until one more request fits, then counts it as sent. */
    async admit() {
        // A loop, not one sleep: a timer may fire a moment early.
        for (let wait = this.roomIn(1); wait > 0; wait = this.roomIn(1)) {
            const from = this.clock.now();
            await this.clock.sleep(wait);
            this.held += this.clock.now() - from;
        }
        this.admitted.push(this.clock.now());
        if (this.admitted.length > this.limit.max)
            this.admitted.shift();
    }
}

;// CONCATENATED MODULE: ./src/core/imds/progress.ts
/** A request still pending after this long gets a line, so a dropped path never looks like a hung step. */
const SLOW_ANSWER_MS = 2_000;
/** Shorter retry delays are recorded but not announced. */
const ANNOUNCED_WAIT_MS = 1_500;
const seconds = (ms) => `${Math.max(0, Math.round(ms / 1000))} s`;
class ProgressLog {
    ctx;
    budget;
    waits = new Map();
    constructor(ctx, budget) {
        this.ctx = ctx;
        this.budget = budget;
    }
    /** Before a retry delay: `metadata: HTTP 410 (IMDS updating), retry 3 in 10 s, 62 s left`. */
    retry(check, reason, attempt, delayMs) {
        const key = `${check}\u0000${reason}`;
        const record = this.waits.get(key) ?? { check, reason, waits: 0, ms: 0 };
        record.waits += 1;
        record.ms += Math.round(delayMs);
        this.waits.set(key, record);
        if (delayMs < ANNOUNCED_WAIT_MS)
            return;
        const left = seconds(this.budget.remaining());
        this.ctx.progress({
            check,
            text: `${check}: ${reason}, retry ${attempt} in ${seconds(delayMs)}, ${left} left`,
        });
    }
    /** Starts a timer for one request; it speaks once if no answer came after SLOW_ANSWER_MS. */
    slow(check, what, boundMs) {
        if (boundMs <= SLOW_ANSWER_MS)
            return () => undefined;
        const timer = setTimeout(() => {
            this.ctx.progress({
                check,
                text: `${check}: no answer yet from ${what} after ${seconds(SLOW_ANSWER_MS)}; waiting up to ${seconds(boundMs)}`,
            });
        }, SLOW_ANSWER_MS);
        timer.unref?.();
        return () => clearTimeout(timer);
    }
    records() {
        return [...this.waits.values()];
    }
}

;// CONCATENATED MODULE: ./src/core/pipeline/run-state.ts




/** A hosts file larger than this is not a hosts file anyone maintains by hand: it is not read. */
const MAX_HOSTS_FILE_BYTES = 1024 * 1024;
function createRun(options, ctx, target, budget) {
    const pacer = new RequestPacer(ctx.clock);
    const progress = new ProgressLog(ctx, budget);
    const names = nameResolver(async () => parseHosts(await ctx.fs.readBounded(hostsFilePath(ctx.platform, ctx.env), MAX_HOSTS_FILE_BYTES)));
    const clients = imdsClients({
        names,
        endpoint: target.endpoint,
        service: target.profile.service,
        budget,
        pacer,
        progress,
        clock: ctx.clock,
        random: ctx.random,
        userAgent: `imds-check/${ctx.toolVersion}`,
    });
    return {
        options,
        ctx,
        budget,
        target,
        pacer,
        progress,
        names,
        imds: clients.client,
        close: clients.close,
    };
}

;// CONCATENATED MODULE: ./src/core/run-probe.ts





function aggregate(checks) {
    if (checks.some((c) => c.status === 'fail'))
        return 'fail';
    if (checks.some((c) => c.status === 'warn'))
        return 'warn';
    return 'pass';
}
/** Findings are keyed by check id; one typed store for modules of every kind. */
const own = (findings, check) => findings[check.id];
const keep = (findings, check, finding) => {
    findings[check.id] = finding;
};
async function runProbe(options, ctx) {
    const startedAtMs = ctx.clock.now();
    const budget = new Budget(ctx.clock, options.timeoutSeconds * 1000);
    const target = await (0,modes_target/* resolveTarget */.u1)(options, ctx);
    const run = createRun(options, ctx, target, budget);
    const checks = registry/* CHECKS */.u.filter((check) => check.wanted?.(options) ?? true);
    const findings = {};
    try {
        for (const check of checks)
            keep(findings, check, await check.run(run, findings));
        for (const check of checks) {
            const finding = own(findings, check);
            if (check.settle && finding)
                keep(findings, check, check.settle(finding, findings, run));
        }
    }
    finally {
        run.close();
    }
    const added = checks.map((check) => check.adds?.(own(findings, check), run) ?? {});
    const facts = Object.assign({}, ...added.map((a) => a.facts ?? {}));
    const sections = {};
    for (const { section } of added)
        if (section)
            sections[section.key] = section.value;
    const results = checks.map((check) => own(findings, check).check);
    const report = {
        schemaVersion: 1,
        tool: { name: 'imds-check', version: ctx.toolVersion },
        startedAt: new Date(startedAtMs).toISOString(),
        durationMs: Math.max(0, ctx.clock.now() - startedAtMs),
        mode: { requested: options.mode, resolved: target.profile.mode, signal: target.signal },
        endpoint: target.endpoint.base,
        result: aggregate(results),
        reachable: facts.reachable ?? false,
        failOn: options.failOn,
        checks: results,
        machine: facts.machine ?? types/* EMPTY_MACHINE */.KI,
        identity: facts.identity ?? (0,types/* emptyIdentity */.gL)(options.identity),
        waits: run.progress.records(),
        ...(Object.keys(sections).length > 0 ? { sections } : {}),
    };
    const accessToken = added.find((a) => a.accessToken !== undefined)?.accessToken ?? null;
    return { report, accessToken };
}

// EXTERNAL MODULE: ./src/core/render/format.ts
var format = __nccwpck_require__(9649);
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
/** A check's detail tables, indented under it: a title line, then one aligned row per entry. */
function detailLines(check, indent) {
    const lines = [];
    for (const table of check.details ?? []) {
        const rows = [table.columns, ...table.rows].map((row) => row.map((cell) => (0,neutralise/* neutralise */.$0)(cell)));
        const widths = table.columns.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
        lines.push(`${indent}${(0,neutralise/* neutralise */.$0)(table.title)}:`);
        for (const row of rows)
            lines.push(`${indent}  ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
    }
    return lines;
}
function checkLines(checks, paint, style) {
    const rows = checks.map((c) => ({
        check: c,
        word: (0,format/* statusWord */.Hm)(c.status),
        title: (0,neutralise/* neutralise */.$0)(c.title),
        ms: `${(0,format/* wholeMs */.yW)(c.durationMs)} ms`,
        outcome: (0,format/* outcomeText */.EL)(c),
        attempts: (0,format/* attemptCount */.T3)(c) > 1 ? `${(0,format/* attemptCount */.T3)(c)} attempts` : '',
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
        columns.push((0,neutralise/* neutralise */.$0)(r.check.message));
        lines.push((INDENT + columns.join('  ')).trimEnd());
        if ((0,format/* needsAttention */.e_)(r.check)) {
            const fix = (0,neutralise/* neutralise */.$0)(r.check.remediation) || 'See docs/errors.md.';
            const code = (0,neutralise/* neutralise */.$0)(r.check.code);
            const link = (0,format/* linkFor */._q)(style.codeLink, code);
            lines.push(`${fixIndent}${paint('bold')('fix:')} ${fix} (code: ${code}${link ? `, see ${link}` : ''})`);
        }
        lines.push(...detailLines(r.check, fixIndent));
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
    const requested = (0,format/* requestedIdentityFacts */.qo)(report.identity);
    const claims = (0,format/* tokenClaimFacts */.lU)(report.identity);
    const width = Math.max(0, ...[...requested, ...claims].map((f) => f.label.length));
    const row = (f) => `${INDENT}${f.label.padEnd(width)}  ${f.value}`;
    const lines = [paint('bold')('Identity'), ...requested.map(row)];
    if (claims.length > 0)
        lines.push(`${INDENT}${paint('dim')(`token claims (${format/* CLAIMS_CAVEAT */.$1}):`)}`, ...claims.map(row));
    return lines;
}
function verdictText(report) {
    const verdict = stepVerdict(report);
    const failOn = `fail-on: ${(0,neutralise/* neutralise */.$0)(report.failOn)}`;
    if (verdict === 'failed')
        return `the run fails (${failOn})`;
    if (verdict === 'succeeded-with-issues')
        return `the run succeeds with issues (${failOn})`;
    return 'the run succeeds';
}
function resultLine(report, paint) {
    const word = (0,format/* statusWord */.Hm)(report.result);
    const reach = report.reachable ? 'IMDS reachable' : 'IMDS not reachable';
    const parts = [reach, (0,format/* countsText */.WN)(report.checks), (0,format/* durationText */.S5)(report.durationMs), verdictText(report)];
    return `${paint('bold')(statusPaint(report.result, paint)(`Result: ${word}`))}  ${parts.join(' - ')}`;
}
/** The report for a terminal; ends with a newline. */
function renderText(report, style) {
    const paint = painter(style);
    const header = [
        paint('bold')(`${(0,neutralise/* neutralise */.$0)(report.tool.name)} ${(0,neutralise/* neutralise */.$0)(report.tool.version)}`),
        `mode: ${(0,format/* modeText */.zR)(report.mode)}`,
        `endpoint: ${(0,neutralise/* neutralise */.$0)(report.endpoint) || '(default)'}`,
    ].join('  ');
    const sections = [
        [header],
        checkLines(report.checks, paint, style),
        [(0,format/* waitsText */.QM)(report.waits)].filter((line) => line !== ''),
        factLines('Machine', (0,format/* machineFacts */.Rw)(report.machine), paint),
        identityLines(report, paint),
        [resultLine(report, paint)],
    ].filter((lines) => lines.length > 0);
    return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/core/render/json.ts
// The report as JSON. Fields are copied one by one, in the order of the Report type, so anything attached
// to the object that the type does not name (an access token, a debug field) can never reach the file.
// Raw values are kept (equal as data) but written by safeJson, so no line a pipeline reads carries a command.

function copyCheck(c) {
    const entry = {
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
    // A check's own fields (e.g. the AMA check's `hosts`) follow the standard ones and never replace them.
    for (const [key, value] of Object.entries(c.data ?? {}))
        if (!(key in entry))
            entry[key] = value;
    return entry;
}
function copyWait(w) {
    return { check: w.check, reason: w.reason, waits: w.waits, ms: w.ms };
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
/** Only the fields the Report type names, in its order; check-owned sections (e.g. `samples`) last. */
function copyReport(r) {
    const copy = {
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
        machine: { ...copyMachine(r.machine) },
        identity: { ...copyIdentity(r.identity) },
        waits: (r.waits ?? []).map((w) => ({ ...copyWait(w) })),
    };
    for (const [key, value] of Object.entries(r.sections ?? {}))
        if (!(key in copy))
            copy[key] = value;
    return copy;
}
/** Pretty JSON (2 spaces) with a trailing newline. */
function renderJson(report) {
    return (0,neutralise/* safeJson */.oi)(copyReport(report)) + '\n';
}

// EXTERNAL MODULE: ./src/core/render/markdown.ts
var markdown = __nccwpck_require__(7715);
;// CONCATENATED MODULE: ./src/core/render/xml-escape.ts
// Escaping for untrusted values in XML 1.0 text and attributes. Characters XML 1.0 forbids outright
// (most C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be escaped, only removed; neutralise() removes
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
    return xmlEscape((0,neutralise/* neutralise */.$0)(value));
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
function junit_seconds(ms) {
    return ((0,format/* wholeMs */.yW)(ms) / 1000).toFixed(3);
}
/** Only a well-formed ISO 8601 start time goes into `timestamp`; parsers reject anything else. */
function timestamp(startedAt) {
    const text = (0,neutralise/* neutralise */.$0)(startedAt);
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(text) ? text : null;
}
/** Detail tables as plain lines: the title, then `column: value` pairs per row. */
function junit_detailLines(c) {
    return (c.details ?? []).flatMap((t) => [
        `${(0,neutralise/* neutralise */.$0)(t.title)}:`,
        ...t.rows.map((row) => t.columns.map((col, i) => `${(0,neutralise/* neutralise */.$0)(col)}: ${(0,neutralise/* neutralise */.$0)(row[i] ?? '')}`).join(', ')),
    ]);
}
function systemOut(lines) {
    return lines.length === 0
        ? []
        : [`      <system-out>${lines.map((line) => xmlText(line)).join('\n')}</system-out>`];
}
function caseBody(c) {
    const code = (0,neutralise/* neutralise */.$0)(c.code);
    const message = (0,neutralise/* neutralise */.$0)(c.message);
    const details = junit_detailLines(c);
    if (c.status === 'fail') {
        const attrs = xmlAttributes([
            ['message', `${code}: ${message}`],
            ['type', code],
        ]);
        return [`      <failure ${attrs}>${xmlText(c.remediation)}</failure>`, ...systemOut(details)];
    }
    if (c.status === 'skip')
        return [`      <skipped ${xmlAttributes([['message', message || 'skipped']])}/>`];
    if (c.status === 'warn') {
        const outcome = (0,format/* outcomeText */.EL)(c);
        const lines = [`WARN ${code}: ${message}`, `fix: ${(0,neutralise/* neutralise */.$0)(c.remediation)}`];
        if (outcome !== '-')
            lines.push(`outcome: ${outcome}`);
        return systemOut([...lines, ...details]);
    }
    return systemOut(details);
}
function testcase(c) {
    const attrs = xmlAttributes([
        ['classname', SUITE],
        ['name', `${(0,neutralise/* neutralise */.$0)(c.id)}: ${(0,neutralise/* neutralise */.$0)(c.title)}`],
        ['time', junit_seconds(c.durationMs)],
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
    const counts = (0,format/* countByStatus */.x7)(report.checks);
    const totals = [
        ['tests', report.checks.length],
        ['failures', counts.fail],
        ['errors', 0],
        ['skipped', counts.skip],
        ['time', junit_seconds(report.durationMs)],
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
// The engine's public surface. Adapters import from here only (ESLint keeps them to it).

















/***/ }),

/***/ 2638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jI: () => (/* binding */ PROFILES),
  jN: () => (/* binding */ containerHint),
  u1: () => (/* binding */ resolveTarget)
});

// EXTERNAL MODULE: ./src/core/imds/endpoint.ts
var endpoint = __nccwpck_require__(7098);
// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __nccwpck_require__(7743);
// EXTERNAL MODULE: ./src/core/imds/jwt.ts
var jwt = __nccwpck_require__(9174);
// EXTERNAL MODULE: ./src/core/imds/answers.ts
var answers = __nccwpck_require__(2568);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/imds/http.ts
var http = __nccwpck_require__(8783);
// EXTERNAL MODULE: ./src/core/shapes.ts
var shapes = __nccwpck_require__(4137);
;// CONCATENATED MODULE: ./src/core/modes/arc-key.ts
// The Arc challenge: parse `WWW-Authenticate: Basic realm=<path>`, prove the path is a .key file directly in
// the platform's tokens folder (no `..`, no link, one hard link, regular file, at most 4096 bytes) BEFORE
// reading it, then read it. Any rule broken means the file is never opened.




const refuse = (code, message) => ({ ok: false, code, message });
/** The realm path, or a refusal when the challenge is missing, ambiguous or not plain `Basic realm=<path>`. */
function realmFrom(answer) {
    const values = (0,http/* headerValues */.UE)(answer, 'www-authenticate');
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
    if (code === 'EMLINK')
        return refuse('arc_key_hard_link', `${realm} has more than one hard link; it was not read.`);
    if (code === 'EFBIG')
        return refuse('arc_key_too_large', `${realm} is larger than ${protocol/* ARC_SECRET_MAX_BYTES */.B4} bytes; it was not read.`);
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
        if (stat.nlink > 1)
            return refuse('arc_key_hard_link', `${realm} has ${stat.nlink} hard links, so it may be another file of this machine; it was not read.`);
        if (stat.size > protocol/* ARC_SECRET_MAX_BYTES */.B4)
            return refuse('arc_key_too_large', `${realm} is ${stat.size} bytes, over the ${protocol/* ARC_SECRET_MAX_BYTES */.B4}-byte limit; it was not read.`);
        // The folder itself may be a link; what matters is that the file really lives inside the real folder.
        const p = pathApi(ctx.platform);
        const [realFile, realDir] = await Promise.all([
            ctx.fs.realpath(realm),
            ctx.fs.realpath(ctx.arcTokensDir),
        ]);
        if (p.dirname(realFile) !== realDir)
            return refuse('arc_key_outside_tokens_dir', `${realm} resolves outside ${ctx.arcTokensDir}; it was not read.`);
        const secret = await ctx.fs.readSmallFile(realm, protocol/* ARC_SECRET_MAX_BYTES */.B4);
        const value = secret.replace(/\r?\n$/, '');
        // Only printable ASCII can travel in a header without being mangled or splitting it, and only a value
        // that is plausible as a secret may be registered for masking (a short one would blank words in the log).
        if (!(0,shapes/* isPlausibleSecret */.sT)(value)) {
            return refuse('arc_key_read_failed', `${realm} does not hold a usable secret (empty, short, several lines, spaces or non-ASCII).`);
        }
        return { ok: true, secret: value, path: realm };
    }
    catch (err) {
        return fileError(err, realm, ctx);
    }
}

;// CONCATENATED MODULE: ./src/core/modes/arc-challenge.ts
// The Hybrid IMDS key-file challenge, the one step of the token exchange that only Arc has: a 401 with
// `WWW-Authenticate: Basic realm=<key file>`; read the file (only if every rule holds), register its secret,
// send it once to the same loopback origin, never retried.



async function followChallenge(first, step) {
    const { client, path, ctx } = step;
    if (first.result.kind !== 'answer' || first.result.status !== 401)
        return first;
    const refuse = (code, message) => ({
        ...first,
        refusal: { status: 'fail', code, message, attempts: first.attempts, httpStatus: 401, outcome: '401' },
    });
    const realm = realmFrom(first.result);
    if ('code' in realm)
        return refuse(realm.code, realm.message);
    // The key file proves local access; its secret must never travel to another machine.
    if (!client.endpoint.connectHosts.every(endpoint/* isLoopbackAddress */.Ow)) {
        return refuse('arc_endpoint_not_loopback', `The challenge came from ${client.endpoint.base}, which is not on this machine; the key file was not read.`);
    }
    const key = await readArcKey(realm.path, ctx);
    if (!key.ok)
        return refuse(key.code, key.message);
    ctx.registerSecret(key.secret);
    const second = await client.get(path, { Authorization: `Basic ${key.secret}` });
    const attempts = first.attempts + 1;
    if (second.kind === 'answer')
        (0,answers/* registerTokenSecrets */.Cr)(second.body, ctx);
    if (second.kind === 'answer' && second.status === 401) {
        return {
            result: second,
            attempts,
            challenged: true,
            refusal: {
                status: 'fail',
                code: 'arc_secret_rejected',
                message: 'Hybrid IMDS answered 401 again after the key-file secret was sent.',
                attempts,
                httpStatus: 401,
                outcome: '401',
            },
        };
    }
    return { result: second, attempts, challenged: true };
}

;// CONCATENATED MODULE: ./src/core/modes/arc.ts
// Azure Arc-enabled server: Hybrid IMDS on the host's loopback (IMDS_ENDPOINT when the agent set it), the
// key-file challenge on token requests, the himds service for diagnostics, and the fixes that differ from a VM.




const arc_text = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** IMDS_ENDPOINT when it is a plain http loopback URL; otherwise the default, with a reason. */
function defaultEndpoint(ctx) {
    const raw = ctx.env['IMDS_ENDPOINT']?.trim();
    if (!raw)
        return { base: protocol/* HIMDS_BASE */.I9, problem: null };
    const base = (0,endpoint/* validateBaseUrl */.f4)(raw);
    if (base === null || !(0,endpoint/* isLoopbackAddress */.Ow)(new URL(base).hostname)) {
        return {
            base: protocol/* HIMDS_BASE */.I9,
            problem: `IMDS_ENDPOINT='${(0,endpoint/* withoutUserInfo */.sl)(raw)}' is not an http URL on a loopback address; used ${protocol/* HIMDS_BASE */.I9} instead.`,
        };
    }
    return { base, problem: null };
}
/** Legacy agents ignore the selector and return the system identity: only an echo or a claim proves it. */
function confirmsIdentity(selector, token, json) {
    const claims = (0,jwt/* readClaims */.I)(token);
    const want = selector.value.toLowerCase();
    const echoed = arc_text(json[selector.kind]).toLowerCase();
    const claim = { client_id: claims.appid, object_id: claims.oid, msi_res_id: claims.xmsMirid }[selector.kind];
    return echoed === want || claim.toLowerCase() === want;
}
/**
 * sc.exe by its full path: a bare name makes Windows look in the working folder first (the checked-out
 * repository, on a build agent), so any sc.exe there would run. SystemRoot when it is a plain drive path.
 */
function scExePath(env) {
    const root = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? '';
    const windows = /^[A-Za-z]:\\[^;"%<>|?*\r\n]*$/.test(root) ? root.replace(/\\+$/, '') : 'C:\\Windows';
    return `${windows}\\System32\\sc.exe`;
}
/**
 * systemctl by its full path too: a bare name is looked up through the step's PATH, which a job can change
 * (a checked-out repository's bin folder first). The usual place, then the old one; none means no diagnostics.
 */
const SYSTEMCTL_PATHS = ['/usr/bin/systemctl', '/bin/systemctl'];
async function systemctlPath(fs) {
    for (const path of SYSTEMCTL_PATHS)
        if (await fs.exists(path))
            return path;
    return null;
}
/** Hybrid IMDS's own port: an endpoint on any other port was given as input (an emulator, a test server). */
const HIMDS_PORT = new URL(protocol/* HIMDS_BASE */.I9).port;
const onHimdsPort = (ctx) => ctx.endpoint.port === HIMDS_PORT;
const himdsService = (ctx) => ctx.platform === 'win32'
    ? 'Start the Hybrid IMDS service and check the agent: `Get-Service himds`, `Start-Service himds`, `azcmagent show`.'
    : 'Start the Hybrid IMDS service and check the agent: `systemctl status himdsd`, `sudo systemctl start himdsd`, `azcmagent show`.';
const arcProfile = {
    mode: 'arc',
    service: 'Hybrid IMDS',
    defaultEndpoint,
    metadataApiVersion: protocol/* ARC_METADATA_API_VERSION */.X1,
    tokenApiVersion: protocol/* ARC_TOKEN_API_VERSION */.vF,
    bypassHosts: ['localhost', '127.0.0.1'],
    notesMissingServerHeader: false,
    completeTokenExchange: followChallenge,
    requiresChallenge: true,
    confirmsIdentity,
    async serviceState(ctx, budget) {
        const diagnostics = ctx.diagnostics;
        // With no time left a zero timeout would mean "no limit" to child_process: skip instead.
        if (!diagnostics || budget.remaining() < 250)
            return '';
        const windows = ctx.platform === 'win32';
        const [args, name] = windows
            ? [['query', 'himds'], 'himds service']
            : [['is-active', 'himdsd'], 'himdsd service'];
        try {
            const command = windows ? scExePath(ctx.env) : await systemctlPath(ctx.fs);
            if (command === null)
                return '';
            const answer = await diagnostics.run(command, args, Math.min(2_000, budget.remaining()));
            if (!answer)
                return '';
            const state = windows
                ? (/STATE\s*:\s*\d+\s+(\w+)/.exec(answer.stdout)?.[1] ?? '')
                : (answer.stdout.trim().split('\n')[0] ?? '');
            // The service state is one word; anything else is not shown.
            return /^[a-z-]{1,20}$/i.test(state) ? ` The ${name} is ${state.toLowerCase()}.` : '';
        }
        catch {
            return '';
        }
    },
    containerHint: (marker) => `This job runs in a container (${marker}): Hybrid IMDS listens on the host's loopback only, so run the job on the host or with host networking.`,
    remedies: {
        // On Hybrid IMDS's own port, the himds service. On another port (the emulator, a test server), that address
        // first; the service advice still follows, as the run may be on an Arc server whose Hybrid IMDS is down too.
        connect_timeout: (ctx) => onHimdsPort(ctx)
            ? `Nothing answered on the Hybrid IMDS port (${ctx.endpoint.address}). ` +
                himdsService(ctx).replace(/^Start/, 'Check')
            : `Nothing answered on ${ctx.endpoint.address}, which ${ctx.spell.name('endpoint')} names (Hybrid IMDS listens on port ${HIMDS_PORT}): check the server at that address, or leave ${ctx.spell.name('endpoint')} empty. For this machine's Hybrid IMDS: ` +
                himdsService(ctx).replace(/^Start/, 'check'),
        connection_refused: (ctx) => onHimdsPort(ctx)
            ? `Hybrid IMDS is not listening on ${ctx.endpoint.address}. ` + himdsService(ctx)
            : `Nothing listens on ${ctx.endpoint.address}, which ${ctx.spell.name('endpoint')} names (Hybrid IMDS listens on port ${HIMDS_PORT}): start what should answer there (the emulator: \`imds-check emulate --mode arc --port ${ctx.endpoint.port}\`), or leave ${ctx.spell.name('endpoint')} empty. For this machine's Hybrid IMDS: ` +
                himdsService(ctx).replace(/^Start/, 'start'),
        network_unreachable: 'The loopback address is unreachable; check the network configuration of this host or container.',
        metadata_api_version: 'No api-version was accepted, even after falling back to the versions Hybrid IMDS offered. Update the Connected Machine agent (azcmagent), or report the versions shown.',
        token_identity_not_found: 'The Arc machine has no such identity. Check the identity on the machine resource in Azure.',
    },
};

;// CONCATENATED MODULE: ./src/core/modes/vm.ts
// Azure VM: IMDS at 169.254.169.254, plain token requests, no challenge.

const vmProfile = {
    mode: 'vm',
    service: 'IMDS',
    defaultEndpoint: () => ({ base: protocol/* IMDS_BASE */.aP, problem: null }),
    metadataApiVersion: protocol/* VM_METADATA_API_VERSION */.UN,
    tokenApiVersion: protocol/* VM_TOKEN_API_VERSION */.qR,
    bypassHosts: [protocol/* IMDS_HOST */.Jm],
    notesMissingServerHeader: true,
    completeTokenExchange: async (first) => first,
    requiresChallenge: false,
    // IMDS honours the selector; a wrong one is answered 400 "Identity not found".
    confirmsIdentity: () => true,
    serviceState: async () => '',
    containerHint: () => '',
    remedies: {},
};

;// CONCATENATED MODULE: ./src/core/modes/target.ts
// Before any check: which mode (and why), which endpoint, and whether the job runs in a container. The
// environment check reports this; every later check talks to the target.



const PROFILES = { vm: vmProfile, arc: arcProfile };
async function firstExisting(ctx, paths) {
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
    if (await firstExisting(ctx, ctx.arcAgentMarkers))
        return { mode: 'arc', signal: 'himds-agent-installed' };
    return { mode: 'vm', signal: 'default-vm' };
}
async function resolveTarget(options, ctx) {
    const { mode, signal } = await resolveMode(options, ctx);
    const profile = PROFILES[mode];
    const chosen = options.endpoint === '' ? profile.defaultEndpoint(ctx) : { base: options.endpoint, problem: null };
    return {
        profile,
        signal,
        endpoint: (0,endpoint/* parseEndpoint */.Bk)(chosen.base),
        endpointFromInput: options.endpoint !== '',
        endpointProblem: chosen.problem,
        container: await firstExisting(ctx, ctx.containerMarkers),
    };
}
/** A failed reachability or token check in a container on Arc: the container is the likely cause. */
function containerHint(target) {
    const { container, endpointFromInput, profile } = target;
    return container && !endpointFromInput ? profile.containerHint(container) : '';
}


/***/ }),

/***/ 8453:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ neutralise),
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   fZ: () => (/* binding */ neutraliseLine),
/* harmony export */   oi: () => (/* binding */ safeJson)
/* harmony export */ });
/* unused harmony exports MAX_VALUE_CHARS, stripControls, neutraliseBlock */
// The one neutraliser. Text from the network (metadata values, claims, error bodies, realms, merged reports)
// is hostile: a CI agent acts on `##vso[` anywhere in a line, the GitHub runner on the legacy `##[` anywhere
// and on a line that starts with `::`, and terminals act on escape sequences. Every value passes through
// neutralise() before any renderer or adapter writes it; adapters also pass whole lines through
// neutraliseLine() as a last guard. Both apply the same rules and are idempotent.
/** Longest value any renderer prints, in UTF-16 units; longer values end in an ellipsis. */
const MAX_VALUE_CHARS = 2000;
/** CSI (ESC [ … final, or the 8-bit CSI), OSC (ESC ] … BEL or ESC \) and two-byte ESC sequences. */
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[ -~]?/g;
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Remaining C0/C1 controls and DEL. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional controls make a value read differently from what it is; invisible format characters hide text. */
const BIDI_AND_INVISIBLE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Surrogate halves without their partner, and the noncharacters U+FFFE / U+FFFF. */
const BROKEN_UNICODE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
/** `##vso[` (Azure DevOps, matched in any case) and `##[` (GitHub legacy and ADO formatting). */
const PIPELINE_COMMAND = /(##(?:vso)?)\[/gi;
/** The GitHub runner trims leading white space before it looks for `::`. */
const LEADING_COMMAND = /^(\s*):(?=:)/;
/** Cuts to at most `max` units, never inside a surrogate pair, marking the cut with an ellipsis. */
function clip(value, max = MAX_VALUE_CHARS) {
    if (value.length <= max)
        return value;
    let end = Math.max(0, max - 1);
    const last = value.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end -= 1;
    return value.slice(0, end) + '…';
}
/** Removes escape sequences, controls, bidi and invisible characters; line breaks and tabs become one space. */
function stripControls(value) {
    return value
        .replace(ESCAPE_SEQUENCE, '')
        .replace(LINE_BREAKS, ' ')
        .replace(CONTROLS, '')
        .replace(BIDI_AND_INVISIBLE, '')
        .replace(BROKEN_UNICODE, '');
}
/** Rewrites what a pipeline would read as a command: `##vso[` → `##vso(`, `##[` → `##(`, a leading `::` → `: :`. */
function defuseCommands(line) {
    return line.replace(PIPELINE_COMMAND, '$1(').replace(LEADING_COMMAND, '$1: ');
}
/**
 * One line of output as it may reach a log: no controls, no pipeline command. Indentation is kept, so a
 * rendered block can be guarded line by line without changing its layout.
 */
function neutraliseLine(line) {
    return defuseCommands(stripControls(line));
}
/** A block of product text (a rendered report, a message with `\n`), guarded line by line. */
function neutraliseBlock(text) {
    return text
        .split(/\r\n|\n/)
        .map(neutraliseLine)
        .join('\n');
}
/**
 * Any value as one inert printable line: stringified, stripped, commands defused, trimmed and clipped.
 * Clipping a generous prefix first bounds the work done on huge values.
 */
function neutralise(value, max = MAX_VALUE_CHARS) {
    const raw = value === null || value === undefined ? '' : String(value);
    const limit = max * 4;
    const text = defuseCommands(stripControls(raw.slice(0, limit)).trim());
    return clip(raw.length > limit ? text + '…' : text, max);
}
/** Characters JSON.stringify leaves raw that a log viewer or a pipeline could act on. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/**
 * JSON for a file or stdout that a pipeline may read: valid, equal as data to JSON.stringify's output, but
 * with no `##` (written `#\u0023`) and no raw control, bidi or line-separator character. Pretty-printed
 * lines always start with white space and a quote or bracket, so none can start with `::`.
 */
function safeJson(value) {
    return JSON.stringify(value, null, 2)
        .replace(/##/g, '#\\u0023')
        .replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 5790:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ finish),
/* harmony export */   i: () => (/* binding */ skip)
/* harmony export */ });
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8453);
/* harmony import */ var _remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3342);
// A check is a folder checks/<id>/ whose index.ts exports a CheckModule: its id and title, when it is wanted,
// its inputs, outputs and codes with their fixes, run → finding, an optional settle step (revise its finding
// once every check ran) and what it adds to the report. finish() turns a check's verdict into the result every
// renderer draws: neutralised text, the code's remedy, timings.


const MAX_MESSAGE_CHARS = 4000;
function neutraliseTable(table) {
    return {
        title: (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)(table.title),
        columns: table.columns.map((c) => (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)(c)),
        rows: table.rows.map((row) => row.map((cell) => (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)(cell))),
    };
}
function finish(run, check, startedAt, verdict) {
    const standard = verdict.status === 'pass' || verdict.status === 'skip'
        ? ''
        : (0,_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .remedyFor */ .wJ)(verdict.code, (0,_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .remedyContext */ .qY)(run), check.remedies);
    const result = {
        id: check.id,
        title: check.title,
        status: verdict.status,
        code: verdict.code,
        // Messages embed network values (error bodies, names, realms): neutralised here, once for every channel.
        message: (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)(verdict.message, MAX_MESSAGE_CHARS),
        remediation: (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)([verdict.hint ?? '', standard].filter((s) => s !== '').join(' '), MAX_MESSAGE_CHARS),
        durationMs: Math.max(0, run.ctx.clock.now() - startedAt),
        attempts: verdict.attempts ?? 0,
        httpStatus: verdict.httpStatus ?? null,
        outcome: verdict.outcome ?? 'skipped',
    };
    if (verdict.details)
        result.details = verdict.details.map(neutraliseTable);
    if (verdict.data)
        result.data = verdict.data;
    return result;
}
function skip(run, check, message, outcome = 'skipped') {
    return finish(run, check, run.ctx.clock.now(), { status: 'skip', code: 'skipped', message, outcome });
}


/***/ }),

/***/ 6508:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KN: () => (/* binding */ percent),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   c9: () => (/* binding */ strictBoolean),
/* harmony export */   o9: () => (/* binding */ InvalidInput),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   rD: () => (/* binding */ wholeNumber),
/* harmony export */   wu: () => (/* binding */ toCamel),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* harmony import */ var _imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7098);
// How an input is declared and parsed. The run (run-inputs.ts) and each check (checks/<id>/) declare the inputs
// they read: the contract name and default, the CLI's flag and --help line, and how the raw strings parse into
// options. Their action.yml and task.json texts are in the owner's `<id>-manifest.json` beside it, which only
// `npm run manifests` reads, so no bundle carries them. contract.ts and options.ts put the declarations together
// through the registry.

/** `client-id` → `clientId`: the Azure DevOps spelling of a contract name. */
function toCamel(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
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
/** A value as shown in a message: without user-info, quoted, control characters escaped, on one line. */
function shown(value) {
    const safe = (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutUserInfo */ .sl)(value);
    const clipped = safe.length > 80 ? `${safe.slice(0, 80)}…` : safe;
    // JSON.stringify leaves U+0085, U+2028 and U+2029 raw; some log viewers break lines on them.
    return JSON.stringify(clipped).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
    return oneOf(input, value, ['true', 'false']) === 'true';
}
function wholeNumber(input, value, min, max) {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max))
        throw new InvalidInput(input, `got ${shown(value)}; expected a whole number from ${min} to ${max}`);
    return n;
}
function percent(input, value) {
    const n = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(n >= 0 && n <= 100))
        throw new InvalidInput(input, `got ${shown(value)}; expected a number from 0 to 100`);
    return n;
}
/** Comma, newline or space separated; empty entries dropped; duplicates kept once. */
function list(value) {
    return [...new Set(value.split(/[\s,]+/).filter((v) => v !== ''))];
}


/***/ }),

/***/ 3342:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  OQ: () => (/* binding */ ENGINE_REMEDIES),
  v6: () => (/* binding */ endpointFacts),
  qY: () => (/* binding */ remedyContext),
  wJ: () => (/* binding */ remedyFor)
});

// EXTERNAL MODULE: ./src/core/imds/endpoint.ts
var endpoint = __nccwpck_require__(7098);
// EXTERNAL MODULE: ./src/core/imds/failures.ts
var failures = __nccwpck_require__(28);
// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __nccwpck_require__(7743);
// EXTERNAL MODULE: ./src/core/types.ts
var types = __nccwpck_require__(3054);
;// CONCATENATED MODULE: ./src/core/modes/arc-codes.ts
// The codes of the Hybrid IMDS key-file challenge, the one step of the token exchange that only Arc has, and
// their fixes. The token check ends with them, and the stability check's samples may carry them.

const ARC_REMEDIES = {
    arc_challenge_missing: 'Hybrid IMDS answered 401 without a WWW-Authenticate challenge. Update the Connected Machine agent.',
    arc_challenge_malformed: 'The WWW-Authenticate challenge is not `Basic realm=<path>`. Update the Connected Machine agent; if it persists, something impersonates HIMDS.',
    arc_expected_challenge: 'Hybrid IMDS returned a token without the key-file challenge; something other than HIMDS may be listening on its port.',
    arc_endpoint_not_loopback: 'The key-file challenge is only followed for a Hybrid IMDS on this machine. Point endpoint at localhost:40342 (or leave it empty); a remote server asking for the key file is not HIMDS.',
    arc_key_outside_tokens_dir: 'The challenge named a file outside the Arc tokens folder, so it was not read. Something other than HIMDS may be listening on its port; check `azcmagent show`.',
    arc_key_not_key_file: 'The challenge named a file that does not end in .key, so it was not read. Something other than HIMDS may be answering.',
    arc_key_not_regular_file: 'The challenge named something that is not a regular file (a link, folder or FIFO), so it was not read.',
    arc_key_hard_link: 'The challenge file has more than one hard link, so it could be any file on this machine; it was not read. HIMDS creates a fresh single-use file: something else may be answering on its port.',
    arc_key_too_large: 'The challenge file is larger than 4096 bytes, so it was not read. Something other than HIMDS may be answering.',
    arc_key_missing: 'The challenge file does not exist (it is single-use and removed quickly). Retry; if it persists, restart himdsd.',
    arc_key_permission_denied: (ctx) => ctx.platform === 'win32'
        ? "Run the agent or runner as a member of the local 'Hybrid agent extension applications' group (or Administrators), then restart its service."
        : 'Add the runner or agent user to the himds group (`sudo usermod -aG himds <runner user>`), then restart the runner or agent service so the new group applies.',
    arc_key_read_failed: 'The challenge file could not be read or does not hold a usable secret. Check the folder permissions and free disk space.',
    arc_secret_rejected: 'Hybrid IMDS rejected the key-file secret. Retry; if it persists, restart the Hybrid IMDS service.',
    arc_user_identity_unconfirmed: (ctx) => `The answer did not confirm the requested user-assigned identity: Arc agents before user-assigned support return the system identity. Update the Connected Machine agent, or use ${(0,types/* setting */.Pe)(ctx, 'identity', 'system')}.`,
};

;// CONCATENATED MODULE: ./src/core/pipeline/remedy-lookup.ts
// Where a code's fix is found: the mode's own wording first (Arc says some things differently), then the table of
// the code's owner: the check that ended with it, or the engine part below the checks that owns it (the run, the
// transport, the Arc challenge). The complete table, with every check's codes, is remedies.ts.





const RUN_REMEDIES = {
    ok: 'Nothing to fix.',
    skipped: 'Nothing to fix; the check did not apply or was not requested.',
    invalid_input: 'Correct the named input; the message lists the accepted values.',
    deadline_exceeded: (ctx) => `The run used up ${(0,types/* setting */.Pe)(ctx, 'timeout-seconds')} before this check could finish. Raise it, or fix the slower check first.`,
    report_write_failed: (ctx) => `Point ${(0,types/* setting */.Pe)(ctx, 'report-path')} and ${(0,types/* setting */.Pe)(ctx, 'junit-path')} at files in a folder this job may write (not at a folder), or give the job's user write access there; the message names the path and the error.`,
};
/** The fixes of the codes owned below the checks, by code. */
const ENGINE_REMEDIES = new Map([
    ...Object.entries(RUN_REMEDIES),
    ...Object.entries(failures/* TRANSPORT_REMEDIES */.vI),
    ...Object.entries(ARC_REMEDIES),
]);
/** A base URL (http://host:port) as fixes name it. */
function endpointFacts(base) {
    const url = new URL(base);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port === '' ? '80' : url.port;
    const kind = host === protocol/* IMDS_HOST */.Jm ? 'imds' : (0,endpoint/* isLoopbackAddress */.Ow)(host) ? 'loopback' : 'other';
    return { address: `${url.hostname}:${port}`, host, port, base: `${url.protocol}//${url.host}`, kind };
}
/** The context a run's fixes are made for: its mode profile, platform, the door's spelling and its endpoint. */
const remedyContext = (run) => ({
    profile: run.target.profile,
    platform: run.ctx.platform,
    spell: run.ctx.spell,
    endpoint: endpointFacts(run.target.endpoint.base),
});
function remedyFor(code, ctx, own = {}) {
    const remedy = ctx.profile.remedies[code] ??
        (Object.hasOwn(own, code) ? own[code] : undefined) ??
        ENGINE_REMEDIES.get(code);
    if (remedy === undefined)
        return '';
    return typeof remedy === 'function' ? remedy(ctx) : remedy;
}


/***/ }),

/***/ 3548:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EM: () => (/* binding */ proxySettings),
/* harmony export */   I2: () => (/* binding */ noProxyCovers),
/* harmony export */   VX: () => (/* binding */ noProxyValue),
/* harmony export */   km: () => (/* binding */ agentBypassCovers)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _imds_endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7098);
// Proxy settings that would catch IMDS traffic of other programs (AMA included), and whether NO_PROXY or the
// agent's bypass list exempts the IMDS host. imds-check itself never uses a proxy.


const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'];
/** The proxies configured for other programs: the environment's variables in either case, and the agent's. */
function proxySettings(env, agentProxy) {
    const found = [];
    for (const name of PROXY_VARIABLES) {
        for (const variant of [name, name.toLowerCase()]) {
            const value = env[variant]?.trim();
            if (value)
                found.push({ source: variant, url: (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .withoutUserInfo */ .sl)(value) });
        }
    }
    if (agentProxy && agentProxy.url.trim() !== '')
        found.push(agentProxy);
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
    if (!range || !node_net__WEBPACK_IMPORTED_MODULE_0___default().isIPv4(range) || !node_net__WEBPACK_IMPORTED_MODULE_0___default().isIPv4(host) || !Number.isInteger(bits) || bits < 0 || bits > 32)
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


/***/ }),

/***/ 5029:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ parseProxy)
/* harmony export */ });
/* harmony import */ var _imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7098);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4137);
// The one proxy model: a proxy URL (the ama-proxy input, or HTTPS_PROXY for Azure Monitor traffic) parsed once into
// a ProxyRoute, with the secrets it carries. Parsing returns the secrets; whoever parsed masks them before anything
// could print them (the doors for an input, the engine for the environment). IMDS never goes through a proxy.


/**
 * `strict` (an input): `http://[user:password@]host:port` with nothing after the port but `/`. Otherwise (an
 * environment variable, as curl and AMA read it): the scheme may be left out and a path is ignored.
 */
function parseProxy(value, source, strict) {
    // The password as written is masked whatever it looks like, even in a value that is no URL at all (an
    // unescaped '#' or '/' in it ends the authority for a URL parser), and whether or not it decodes.
    const written = (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .writtenUserInfo */ .v4)(value)?.password ?? '';
    const writtenSecrets = [written, (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .decodedOrNull */ .VO)(written) ?? ''].filter((s) => s !== '');
    let url;
    try {
        url = new URL(strict || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        return { ok: false, problem: `${source} is not a URL`, secrets: writtenSecrets };
    }
    const username = (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .decodedOrNull */ .VO)(url.username);
    const password = (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .decodedOrNull */ .VO)(url.password);
    if (username === null || password === null)
        return {
            ok: false,
            problem: `${source} has a '%' that starts no escape in its user name or password (write % as %25)`,
            secrets: [...writtenSecrets, url.password],
        };
    const credentials = username !== '' || password !== '' ? `${username}:${password}` : '';
    const basic = credentials ? Buffer.from(credentials, 'utf8').toString('base64') : '';
    // The password is masked whatever it looks like; the Basic value only when plausible as a secret.
    const secrets = [
        ...new Set([password, ...writtenSecrets, url.password, (0,_shapes_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlausibleSecret */ .sT)(basic) ? basic : '']),
    ].filter((s) => s !== '');
    if (url.protocol !== 'http:')
        return {
            ok: false,
            problem: `${source} uses ${url.protocol.replace(':', '')}; AMA supports http:// proxies`,
            secrets,
        };
    if (strict && ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash))
        return { ok: false, problem: `${source} has a path, query or fragment`, secrets };
    const route = {
        display: `http://${url.host}`,
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port === '' ? 80 : Number(url.port),
        authorization: basic ? `Basic ${basic}` : null,
        source,
    };
    return { ok: true, route, secrets };
}


/***/ }),

/***/ 1497:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u: () => (/* binding */ CHECKS)
});

// EXTERNAL MODULE: ./src/core/pipeline/check.ts
var pipeline_check = __nccwpck_require__(5790);
// EXTERNAL MODULE: ./src/core/types.ts
var types = __nccwpck_require__(3054);
;// CONCATENATED MODULE: ./src/core/pipeline/output-spec.ts

/** The status output of a check: its outcome, or the socket word of reachability when nothing answered. */
function statusOutput(report, id, requested) {
    const check = report.checks.find((c) => c.id === id);
    const reach = report.checks.find((c) => c.id === 'reachability');
    if (!check)
        return '';
    // Only a socket-level word carries over to a request that was never sent; an HTTP status would claim an answer.
    const word = reach?.outcome ?? '';
    if (check.outcome === 'skipped' && requested && !report.reachable && (0,types/* isSocketWord */.AR)(word))
        return word;
    return check.outcome;
}
/** A check's status as its `<id>-status` output says it: pass, warn or fail, or `skipped` when absent or skipped. */
function checkStatusOutput(report, id) {
    const check = report.checks.find((c) => c.id === id);
    return !check || check.status === 'skip' ? 'skipped' : check.status;
}
/** The shape of such an output. */
const isCheckStatusWord = (value) => /^(pass|warn|fail|skipped)$/.test(value);

// EXTERNAL MODULE: ./src/core/shapes.ts
var shapes = __nccwpck_require__(4137);
// EXTERNAL MODULE: ./src/core/checks/ama/ama-codes.ts
var ama_codes = __nccwpck_require__(9553);
// EXTERNAL MODULE: ./src/core/pipeline/input-spec.ts
var input_spec = __nccwpck_require__(6508);
// EXTERNAL MODULE: ./src/core/proxy/route.ts
var route = __nccwpck_require__(5029);
;// CONCATENATED MODULE: ./src/core/checks/ama/ama-inputs.ts
// The ama check's inputs (all only with the ama switch on): the workspaces and DCEs whose hosts AMA must reach,
// the proxy AMA will use, whether names must resolve privately, and extra roots that count as Azure's.



function workspaceIds(value) {
    const ids = [...new Set((0,input_spec/* list */.p_)(value).map((v) => v.toLowerCase()))];
    const bad = ids.find((id) => !(0,shapes/* isGuid */.W_)(id));
    if (bad !== undefined)
        throw new input_spec/* InvalidInput */.o9('workspace-ids', `got ${(0,input_spec/* shown */.SP)(bad)}; expected Log Analytics workspace ids (GUIDs)`);
    return ids;
}
/** DCE host names as the resource shows them; an https:// URL of the DCE is accepted and reduced to its host. */
function dceEndpoints(value) {
    const hosts = (0,input_spec/* list */.p_)(value).map((entry) => {
        const host = /^https:\/\/([^/?#]+)\/?$/i.exec(entry)?.[1] ?? entry;
        if (!(0,shapes/* isHostName */.uy)(host))
            throw new input_spec/* InvalidInput */.o9('dce-endpoints', `got ${(0,input_spec/* shown */.SP)(entry)}; expected DCE host names (a.b.monitor.azure.com)`);
        return host.toLowerCase();
    });
    return [...new Set(hosts)];
}
function amaProxy(value, read) {
    if (value === '')
        return 'environment';
    if (value.toLowerCase() === 'none')
        return 'none';
    const parsed = (0,route/* parseProxy */.Y)(value, 'ama-proxy', true);
    // The user's own proxy password is masked whatever it looks like, even when the value is refused.
    for (const secret of parsed.secrets)
        read.secret(secret);
    if (!parsed.ok)
        throw new input_spec/* InvalidInput */.o9('ama-proxy', `got ${(0,input_spec/* shown */.SP)(value)}; expected empty (HTTPS_PROXY of the environment), none, or http://[user:password@]host:port`);
    return parsed.route;
}
const AMA_INPUTS = {
    inputs: [
        {
            name: 'workspace-ids',
            onlyWith: 'ama',
            default: '',
            cli: { value: 'IDS', help: 'with --ama: Log Analytics workspace ids, comma separated' },
        },
        {
            name: 'dce-endpoints',
            onlyWith: 'ama',
            default: '',
            cli: { value: 'HOSTS', help: 'with --ama: data collection endpoint host names, comma separated' },
        },
        {
            name: 'ama-proxy',
            onlyWith: 'ama',
            credential: true,
            default: '',
            cli: {
                value: 'URL|none',
                help: 'with --ama: the proxy AMA will use (default: HTTPS_PROXY of the environment)',
            },
        },
        {
            name: 'private-link',
            default: 'auto',
            cli: {
                value: 'auto|true|false',
                help: 'with --ama: whether names must resolve to private addresses (default {default})',
            },
        },
        {
            name: 'ama-trusted-roots',
            onlyWith: 'ama',
            default: '',
            cli: { value: 'FILE', help: "with --ama: PEM file of extra roots that count as Azure Monitor's" },
        },
    ],
    parse: (read) => ({
        workspaceIds: workspaceIds(read.raw('workspace-ids')),
        dceEndpoints: dceEndpoints(read.raw('dce-endpoints')),
        amaProxy: amaProxy(read.raw('ama-proxy'), read),
        privateLink: (0,input_spec/* oneOf */.yL)('private-link', read.raw('private-link'), ['auto', 'true', 'false']),
        amaTrustedRoots: read.raw('ama-trusted-roots'),
    }),
};

// EXTERNAL MODULE: ./src/core/checks/ama/bounds.ts
var ama_bounds = __nccwpck_require__(3226);
// EXTERNAL MODULE: ./src/core/neutralise.ts
var neutralise = __nccwpck_require__(8453);
;// CONCATENATED MODULE: ./src/core/checks/ama/clock-cause.ts
// The ama check's settle: a certificate that looks expired or not yet valid was judged by the local clock. When
// the clock check found that clock off, each such chain is judged again at Azure's time (the handshake's local
// time minus the measured skew): valid then, the clock is the cause; out of date then too, the clock is off but
// not the only cause; dates unreadable, the clock is the likely cause.

/** Both texts were neutralised when the check finished; the cap only keeps the addition from cutting them. */
const SETTLED_TEXT_CHARS = 8000;
function atAzureTime(chain, skewSeconds) {
    if (!chain.window)
        return 'unknown';
    const azureAt = chain.at - skewSeconds * 1000;
    if (azureAt > chain.window.to)
        return 'expired';
    if (azureAt < chain.window.from)
        return 'not yet valid';
    return 'valid';
}
function clockCause(own, findings) {
    const clock = findings.clock;
    if (!clock?.off || clock.skewSeconds === null || !own.hosts.some((h) => h.code === 'ama_tls_expired'))
        return own;
    const skew = clock.skewSeconds;
    const off = `The local clock is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} Azure (clock check)`;
    const judged = own.expired.map((chain) => ({ host: chain.host, at: atAzureTime(chain, skew) }));
    const stillOut = judged.filter((j) => j.at === 'expired' || j.at === 'not yet valid');
    let message;
    let remediation;
    if (stillOut.length > 0) {
        const named = stillOut.map((j) => `${j.host} (${j.at})`).join(', ');
        message = `The local clock is off too (clock check), but by Azure's time the chain from ${named} is out of date as well.`;
        remediation = `${off}: correct it (clock_skew), but it is not the only cause: by Azure's time the chain from ${named} is still out of date.`;
    }
    else if (judged.length > 0 && judged.every((j) => j.at === 'valid')) {
        message = `The local clock is off (clock check), which makes valid certificates look expired or not yet valid: by Azure's time the chain is valid.`;
        remediation = `${off}: certificates are judged by this clock, so the clock is the cause of ama_tls_expired here. Correct the clock first (clock_skew), then run the check again.`;
    }
    else {
        message = `The local clock is off (clock check), which makes valid certificates look expired or not yet valid.`;
        remediation = `${off}: certificates are judged by this clock, so the clock is the likely cause of ama_tls_expired here (the certificates' dates could not be read to confirm it). Correct the clock first (clock_skew), then run the check again.`;
    }
    return {
        ...own,
        check: {
            ...own.check,
            message: (0,neutralise/* neutralise */.$0)(`${own.check.message} ${message}`, SETTLED_TEXT_CHARS),
            remediation: (0,neutralise/* neutralise */.$0)(`${remediation} ${own.check.remediation}`, SETTLED_TEXT_CHARS),
        },
    };
}

;// CONCATENATED MODULE: ./src/core/checks/ama/index.ts
// The AMA readiness check (ama: true): after IMDS, the endpoints the Azure Monitor Agent itself must reach,
// from the region and cloud metadata gave. Per host: DNS, TCP 443 (direct or CONNECT), TLS with the Azure root
// check, HTTP. The probing (TLS, DNS) is loaded only when the check runs, so start-up never pays for it.







/** Host names of the failed hosts in the report's entry of the check. */
function failedHosts(data) {
    const hosts = Array.isArray(data?.['hosts'])
        ? data['hosts']
        : [];
    return hosts
        .filter((h) => h.status === 'fail' && typeof h.host === 'string')
        .map((h) => h.host)
        .join(',');
}
const OUTPUTS = [
    {
        name: 'ama-status',
        // Present only when requested; `skipped` says it was not.
        shape: isCheckStatusWord,
        value: (report) => checkStatusOutput(report, 'ama'),
    },
    {
        name: 'ama-failed-endpoints',
        shape: shapes/* isHostList */.Du,
        value: (report) => failedHosts(report.checks.find((c) => c.id === 'ama')?.data),
    },
];
/** The check's run with its bounds as a parameter, so tests can shorten the silent-host wait. */
async function runAma(run, findings, bounds = ama_bounds/* AMA_BOUNDS */.EM) {
    const startedAt = run.ctx.clock.now();
    const probed = await (await __nccwpck_require__.e(/* import() */ 20).then(__nccwpck_require__.bind(__nccwpck_require__, 3020))).probeAmaHosts(run, findings, bounds);
    if ('skipped' in probed)
        return { check: (0,pipeline_check/* skip */.i)(run, amaCheck, probed.skipped), hosts: [], answers: [], expired: [] };
    return {
        check: (0,pipeline_check/* finish */.O)(run, amaCheck, startedAt, probed.verdict),
        hosts: probed.hosts,
        answers: probed.answers,
        expired: probed.expired,
    };
}
const amaCheck = {
    id: 'ama',
    title: 'Azure Monitor Agent endpoints',
    wanted: (options) => options.ama,
    inputs: AMA_INPUTS,
    outputs: OUTPUTS,
    remedies: ama_codes/* AMA_REMEDIES */.r,
    run: (run, findings) => runAma(run, findings),
    settle: (own, findings) => clockCause(own, findings),
};

// EXTERNAL MODULE: ./src/core/checks/ama-host/host-codes.ts
var host_codes = __nccwpck_require__(5035);
;// CONCATENATED MODULE: ./src/core/checks/ama-host/index.ts
// The ama-host check (ama: true, after token): will the Azure Monitor Agent install and run on this machine?
// Its operating system against AMA's supported list, its CPU architecture, and the free space where AMA keeps
// its cache. Everything is read through the runtime context (ctx.fs, ctx.system), so a test plays any machine.




const INPUTS = {
    inputs: [
        {
            name: 'ama-min-free-gb',
            onlyWith: 'ama',
            default: '10',
            cli: {
                value: 'GB',
                help: "with --ama: free space AMA's cache folder needs (default {default}; 0 skips it)",
            },
        },
    ],
    parse: (read) => ({
        amaMinFreeGb: (0,input_spec/* wholeNumber */.rD)('ama-min-free-gb', read.raw('ama-min-free-gb'), 0, 10_000),
    }),
};
const ama_host_OUTPUTS = [
    {
        name: 'ama-host-status',
        shape: isCheckStatusWord,
        value: (report) => checkStatusOutput(report, 'ama-host'),
    },
];
const amaHostCheck = {
    id: 'ama-host',
    title: 'AMA host requirements',
    wanted: (options) => options.ama,
    inputs: INPUTS,
    outputs: ama_host_OUTPUTS,
    remedies: host_codes/* AMA_HOST_REMEDIES */.S,
    async run(run) {
        const startedAt = run.ctx.clock.now();
        if (run.budget.expired())
            return {
                check: (0,pipeline_check/* skip */.i)(run, amaHostCheck, `Not attempted: no time left of ${run.ctx.spell.name('timeout-seconds')}.`),
                os: '',
                disk: null,
            };
        // The lists and judges load only when the check runs (ama: true), so start-up never pays for them.
        const judged = await (await __nccwpck_require__.e(/* import() */ 650).then(__nccwpck_require__.bind(__nccwpck_require__, 2650))).judgeHost(run);
        return { check: (0,pipeline_check/* finish */.O)(run, amaHostCheck, startedAt, judged.verdict), os: judged.os, disk: judged.disk };
    },
};

// EXTERNAL MODULE: ./src/core/checks/ama-identity/identity-codes.ts
var identity_codes = __nccwpck_require__(4563);
// EXTERNAL MODULE: ./src/core/checks/ama-identity/settings.ts
var settings = __nccwpck_require__(6543);
;// CONCATENATED MODULE: ./src/core/checks/ama-identity/index.ts
// The ama-identity check (ama: true, after token): which managed identity AMA will use here, the extension
// settings that select it (output ama-extension-settings), and whether the built-in AMA policy would install AMA
// on this machine (output ama-policy). With ama-install: policy a predicted skip fails the check.




const ama_identity_INPUTS = {
    inputs: [
        {
            name: 'ama-install',
            onlyWith: 'ama',
            default: 'extension',
            cli: {
                value: 'extension|policy',
                help: 'with --ama: how AMA will be installed; policy fails when the built-in policy would skip this machine',
            },
        },
    ],
    parse: (read) => ({
        amaInstall: (0,input_spec/* oneOf */.yL)('ama-install', read.raw('ama-install'), ['extension', 'policy']),
    }),
};
const PREDICTIONS = new Set(['install', 'skip', 'unknown']);
const dataOf = (report, key) => report.checks.find((c) => c.id === 'ama-identity')?.data?.[key];
const stringOf = (value) => (typeof value === 'string' ? value : '');
const ama_identity_OUTPUTS = [
    {
        name: 'ama-extension-settings',
        shape: settings/* isExtensionSettings */.jM,
        value: (report) => stringOf(dataOf(report, 'settings')),
    },
    {
        name: 'ama-policy',
        shape: (value) => PREDICTIONS.has(value),
        value: (report) => stringOf(dataOf(report, 'policy')),
    },
];
const amaIdentityCheck = {
    id: 'ama-identity',
    title: 'AMA identity and policy',
    wanted: (options) => options.ama,
    inputs: ama_identity_INPUTS,
    outputs: ama_identity_OUTPUTS,
    remedies: identity_codes/* AMA_IDENTITY_REMEDIES */.o,
    async run(run, findings) {
        const startedAt = run.ctx.clock.now();
        // The policy rules and judges load only when the check runs (ama: true): start-up never pays for them.
        const { identity, policy, verdict } = (await __nccwpck_require__.e(/* import() */ 420).then(__nccwpck_require__.bind(__nccwpck_require__, 7420))).judgeIdentity(run, findings);
        const check = (0,pipeline_check/* finish */.O)(run, amaIdentityCheck, startedAt, verdict);
        return { check, identity, policy };
    },
};

;// CONCATENATED MODULE: ./src/core/checks/clock/clock-codes.ts
const LINUX = 'Synchronise the clock. On an Azure VM let chrony use the host clock (chrony.conf: refclock PHC /dev/ptp_hyperv poll 3 dpoll -2 offset 0 stratum 2, and makestep 1.0 -1), restart chronyd and step at once with chronyc makestep; elsewhere (Arc, on-premises) point chrony or ntpd at your site NTP servers. timedatectl status shows whether the clock is synchronised.';
const WINDOWS = 'Synchronise the clock: w32tm /resync in an elevated prompt. w32tm /query /source names the time source ("Local CMOS Clock" means none); an Azure VM uses the VM IC Time Synchronization Provider, an Arc or on-premises server your site NTP servers (w32tm /config /manualpeerlist:<servers> /syncfromflags:manual /update).';
const CLOCK_REMEDIES = {
    clock_skew: (ctx) => `${ctx.platform === 'win32' ? WINDOWS : LINUX} Tokens, TLS certificates and signed requests are judged by this clock; Entra ID tolerates 5 minutes.`,
};

;// CONCATENATED MODULE: ./src/core/checks/clock/index.ts

const clock_OUTPUTS = [
    {
        name: 'clock-skew-seconds',
        shape: (value) => /^-?\d{1,12}$/.test(value),
        value: (report) => {
            const skew = report.checks.find((c) => c.id === 'clock')?.data?.['skewSeconds'];
            return typeof skew === 'number' && Number.isInteger(skew) ? String(skew) : '';
        },
    },
];
const clockCheck = {
    id: 'clock',
    title: 'Clock',
    wanted: (options) => options.ama,
    outputs: clock_OUTPUTS,
    remedies: CLOCK_REMEDIES,
    async run(run, findings) {
        // The arithmetic loads only when the check runs (ama: true): start-up never pays for it.
        return (await __nccwpck_require__.e(/* import() */ 845).then(__nccwpck_require__.bind(__nccwpck_require__, 4845))).judgeClock(run, findings, clockCheck);
    },
};

// EXTERNAL MODULE: ./src/core/proxy/no-proxy.ts
var no_proxy = __nccwpck_require__(3548);
;// CONCATENATED MODULE: ./src/core/checks/environment/index.ts


const REMEDIES = {
    proxy_without_imds_bypass: 'Add the IMDS address to the proxy bypass list (the message shows the exact NO_PROXY value) so that the Azure Monitor Agent and other tools reach IMDS directly. imds-check itself never uses a proxy for IMDS.',
    arc_endpoint_invalid: 'IMDS_ENDPOINT must be an http URL on a loopback address, as the Arc agent sets it (http://localhost:40342). Correct or unset it; imds-check used the default endpoint.',
};
const SIGNAL_TEXT = {
    requested: 'requested by the mode input',
    'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
    'himds-agent-installed': 'the Azure Connected Machine agent (himds) is installed',
    'default-vm': 'no Arc signal found',
};
function proxyFinding(ctx, hosts) {
    const settings = (0,no_proxy/* proxySettings */.EM)(ctx.env, ctx.agentProxy);
    if (settings.length === 0)
        return { message: 'No proxy is configured.', warn: false, hint: '' };
    const noProxy = (0,no_proxy/* noProxyValue */.VX)(ctx.env);
    const envMissing = hosts.filter((h) => !(0,no_proxy/* noProxyCovers */.I2)(noProxy, h));
    const envProxies = settings.filter((s) => s.source !== 'agent proxy');
    const agentMissing = ctx.agentProxy
        ? hosts.filter((h) => !(0,no_proxy/* agentBypassCovers */.km)(ctx.agentProxy.bypass ?? [], h))
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
const environmentCheck = {
    id: 'environment',
    title: 'Environment',
    remedies: REMEDIES,
    async run(run) {
        const startedAt = run.ctx.clock.now();
        const { profile, signal, endpoint, endpointFromInput, endpointProblem, container } = run.target;
        const proxy = proxyFinding(run.ctx, profile.bypassHosts);
        const parts = [
            `Mode ${profile.mode} (${SIGNAL_TEXT[signal]}); endpoint ${endpoint.base}${endpointFromInput ? ' (endpoint input)' : ''}.`,
            proxy.message,
        ];
        if (container)
            parts.push(`Running in a container (${container}).`);
        let end;
        if (endpointProblem) {
            end = { status: 'fail', code: 'arc_endpoint_invalid', message: [...parts, endpointProblem].join(' ') };
        }
        else if (proxy.warn) {
            end = { status: 'warn', code: 'proxy_without_imds_bypass', message: parts.join(' '), hint: proxy.hint };
        }
        else {
            end = { status: 'pass', code: 'ok', message: parts.join(' ') };
        }
        return { check: (0,pipeline_check/* finish */.O)(run, environmentCheck, startedAt, end) };
    },
};

// EXTERNAL MODULE: ./src/core/imds/answers.ts
var answers = __nccwpck_require__(2568);
// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __nccwpck_require__(7743);
// EXTERNAL MODULE: ./src/core/imds/failures.ts
var failures = __nccwpck_require__(28);
// EXTERNAL MODULE: ./src/core/imds/recognise.ts
var recognise = __nccwpck_require__(7710);
;// CONCATENATED MODULE: ./src/core/checks/metadata/metadata-judge.ts
// Judging an instance-metadata answer, without sockets: which code, which message, which machine facts, and
// which values may become outputs (each must fit the shape Azure gives that field).






/** The machine facts that become outputs, with the shape each must have. */
const MACHINE_SHAPES = [
    ['vmId', shapes/* isGuid */.W_],
    ['name', shapes/* isMachineName */.f7],
    ['resourceId', shapes/* isResourceId */.Gy],
    ['subscriptionId', shapes/* isGuid */.W_],
    ['resourceGroup', shapes/* isResourceGroup */.sd],
    ['location', shapes/* isLocation */.gI],
    ['azEnvironment', shapes/* isKnownCloud */.vp],
];
function compute(json) {
    const c = json['compute'];
    return c !== null && typeof c === 'object' && !Array.isArray(c) ? c : null;
}
function hasMetadataShape(json) {
    const c = compute(json);
    return c !== null && ((0,answers/* text */.Qq)(c['vmId']) !== '' || (0,answers/* text */.Qq)(c['resourceId']) !== '');
}
function machineFacts(json) {
    const c = compute(json) ?? {};
    return {
        vmId: (0,answers/* text */.Qq)(c['vmId']),
        name: (0,answers/* text */.Qq)(c['name']),
        resourceId: (0,answers/* text */.Qq)(c['resourceId']),
        subscriptionId: (0,answers/* text */.Qq)(c['subscriptionId']),
        resourceGroup: (0,answers/* text */.Qq)(c['resourceGroupName']),
        location: (0,answers/* text */.Qq)(c['location']),
        azEnvironment: (0,answers/* text */.Qq)(c['azEnvironment']),
        vmSize: (0,answers/* text */.Qq)(c['vmSize']),
        osType: (0,answers/* text */.Qq)(c['osType']),
    };
}
/** Fields whose value is present but does not fit its shape (and so will not become an output). */
function rejectedFields(machine) {
    return MACHINE_SHAPES.filter(([field, fits]) => machine[field] !== '' && !fits(machine[field])).map(([f]) => f);
}
function statusCode(answer) {
    const s = answer.status;
    if (s === 400 && /metadata header/i.test(answer.body))
        return 'metadata_header_rejected';
    if (s === 400 || s === 404)
        return (0,answers/* isVersionError */.x1)(answer)
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
function judgeMetadata(attempt) {
    const { result, attempts, version, fellBackFrom } = attempt;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (result.kind === 'failure') {
        return {
            verdict: {
                status: 'fail',
                code: result.failure,
                message: `GET ${protocol/* METADATA_PATH */.GN} failed${tries}: ${(0,failures/* describeFailure */.Ic)(result)}.`,
                attempts,
                httpStatus: result.status,
                outcome: (0,failures/* failureOutcome */.vi)(result),
            },
            recognition: null,
            machine: types/* EMPTY_MACHINE */.KI,
        };
    }
    const recognition = (0,recognise/* recognise */.GJ)(result, hasMetadataShape);
    const base = { attempts, httpStatus: result.status, outcome: `${result.status}` };
    const fallback = fellBackFrom
        ? ` (api-version ${fellBackFrom} was refused; used ${version} from the versions offered)`
        : '';
    const failed = (code, message) => ({
        verdict: { status: 'fail', code, message, ...base },
        recognition,
        machine: types/* EMPTY_MACHINE */.KI,
    });
    if (!recognition.imds) {
        // A 200 that is neither HTML nor a proxy page is a broken instance document: say which way it is broken.
        const broken = result.status === 200 && recognition.code === 'not_imds_answer';
        const code = !broken
            ? recognition.code
            : recognition.json === null
                ? 'metadata_bad_json'
                : 'metadata_bad_shape';
        return failed(code, `GET ${protocol/* METADATA_PATH */.GN}: ${recognition.what}${tries}, not the IMDS instance document.`);
    }
    if (result.status !== 200) {
        return failed(statusCode(result), `GET ${protocol/* METADATA_PATH */.GN}?api-version=${version} answered ${result.status}${tries}: ${(0,answers/* errorText */.kc)(result) || 'no error text'}${fallback}.`);
    }
    if (recognition.json === null || !hasMetadataShape(recognition.json)) {
        const what = recognition.json === null ? 'not valid JSON' : 'not an instance document (no compute.vmId)';
        return failed(recognition.json === null ? 'metadata_bad_json' : 'metadata_bad_shape', `GET ${protocol/* METADATA_PATH */.GN} answered 200${tries} but the body is ${what}.`);
    }
    const machine = machineFacts(recognition.json);
    const where = [
        machine.name,
        machine.location && `in ${machine.location}`,
        machine.azEnvironment && `(${machine.azEnvironment})`,
    ]
        .filter((s) => s)
        .join(' ');
    const serverNote = recognition.serverHeader || !attempt.notesMissingServerHeader
        ? ''
        : ' Note: the answer had no `Server: IMDS/...` header.';
    const read = `Instance metadata read${tries} with api-version ${version}${fallback}: ${where || 'document valid'}.${serverNote}`;
    const rejected = rejectedFields(machine);
    if (rejected.length > 0) {
        return {
            verdict: {
                status: 'warn',
                code: 'metadata_value_rejected',
                message: `${read} Not used as outputs, as they do not have the shape Azure gives them: ${rejected.join(', ')}.`,
                ...base,
            },
            recognition,
            machine,
        };
    }
    return { verdict: { status: 'pass', code: 'ok', message: read, ...base }, recognition, machine };
}

;// CONCATENATED MODULE: ./src/core/checks/metadata/metadata-codes.ts
// The metadata check's codes and their fixes (docs/errors.md has the long form of each).


const METADATA_REMEDIES = {
    metadata_header_rejected: 'IMDS rejected the request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
    metadata_api_version: (ctx) => `No api-version was accepted, even after falling back to the versions IMDS offered. Something may be rewriting requests; compare with \`curl -H Metadata:true "${ctx.endpoint.base}/metadata/versions"\` on the machine.`,
    metadata_not_found: 'IMDS answered 404 for the instance document. Old VMs may need a tag, extension or disk change before compute metadata appears.',
    metadata_method_not_allowed: 'IMDS answered 405: something rewrote the request method. Remove the interceptor.',
    metadata_forbidden: 'IMDS refused the request (403). Check that the request leaves through the primary NIC and that no interceptor rewrites it.',
    metadata_gone: (ctx) => `IMDS kept answering 410 (updating) until the deadline. Retry later, or raise ${(0,types/* setting */.Pe)(ctx, 'timeout-seconds')} above 70.`,
    metadata_throttled: 'IMDS kept answering 429 (more than 5 requests per second from this VM). Reduce other IMDS traffic and retry.',
    metadata_server_error: 'IMDS kept answering 5xx until the deadline. Retry later; if it persists, open an Azure support case for the VM.',
    metadata_unexpected_status: 'IMDS answered with an undocumented status. Retry; if it persists, compare with `curl -H Metadata:true` on the machine.',
    metadata_bad_json: (ctx) => 'The instance document is not valid JSON. ' + (0,failures/* notImds */.po)(ctx),
    metadata_bad_shape: (ctx) => 'The instance document lacks compute.vmId or compute.resourceId. ' + (0,failures/* notImds */.po)(ctx),
    metadata_value_rejected: (ctx) => 'A metadata value does not have the shape Azure gives that field, so its output was left empty (the JSON report keeps the value, escaped). ' +
        (0,failures/* notImds */.po)(ctx),
};

;// CONCATENATED MODULE: ./src/core/checks/metadata/index.ts
// The metadata check: GET /metadata/instance, with one api-version fallback and retries for 410/429/5xx; the
// machine facts the report and outputs carry. Judging the answer is in judge.ts. Its finding can take one more
// sample, judged the same way, for the stability check.








const metadata_OUTPUTS = [
    {
        name: 'metadata-status',
        value: (report) => statusOutput(report, 'metadata', true),
    },
    {
        name: 'vm-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.machine.vmId,
    },
    {
        name: 'vm-name',
        shape: shapes/* isMachineName */.f7,
        value: (report) => report.machine.name,
    },
    {
        name: 'resource-id',
        shape: shapes/* isResourceId */.Gy,
        value: (report) => report.machine.resourceId,
    },
    {
        name: 'subscription-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.machine.subscriptionId,
    },
    {
        name: 'resource-group',
        shape: shapes/* isResourceGroup */.sd,
        value: (report) => report.machine.resourceGroup,
    },
    {
        name: 'location',
        shape: shapes/* isLocation */.gI,
        value: (report) => report.machine.location,
    },
    {
        name: 'az-environment',
        shape: shapes/* isKnownCloud */.vp,
        value: (report) => report.machine.azEnvironment,
    },
];
/** Samples keep their own api-version: the mode's, until an answer offers another (then that one, once). */
function sampler(run) {
    const client = run.imds('stability');
    let version = run.target.profile.metadataApiVersion;
    const get = (v) => client.get(`${protocol/* METADATA_PATH */.GN}?api-version=${v}`);
    return async () => {
        let result = await get(version);
        const offered = result.kind === 'answer' ? ((0,answers/* offeredVersions */.dO)(result)[0] ?? '') : '';
        if (offered !== '' && offered !== version) {
            version = offered;
            result = await get(version);
        }
        const notesMissingServerHeader = run.target.profile.notesMissingServerHeader;
        return judgeMetadata({ result, attempts: 1, version, fellBackFrom: '', notesMissingServerHeader })
            .verdict;
    };
}
const metadataCheck = {
    id: 'metadata',
    title: 'Instance metadata',
    outputs: metadata_OUTPUTS,
    remedies: METADATA_REMEDIES,
    async run(run, findings) {
        const sample = sampler(run);
        if (!findings.reachability?.connected) {
            return {
                check: (0,pipeline_check/* skip */.i)(run, metadataCheck, 'Not attempted: nothing could be connected.'),
                recognition: null,
                machine: types/* EMPTY_MACHINE */.KI,
                sample,
            };
        }
        const startedAt = run.ctx.clock.now();
        const client = run.imds('metadata');
        const get = (v) => client.retried('metadata', () => client.get(`${protocol/* METADATA_PATH */.GN}?api-version=${v}`));
        let version = run.target.profile.metadataApiVersion;
        let { result, attempts } = await get(version);
        let fellBackFrom = '';
        if (result.kind === 'answer' && (0,answers/* isVersionError */.x1)(result)) {
            const offered = (0,answers/* offeredVersions */.dO)(result);
            if (offered[0] && offered[0] !== version) {
                fellBackFrom = version;
                version = offered[0];
                const second = await get(version);
                result = second.result;
                attempts += second.attempts;
            }
        }
        const notesMissingServerHeader = run.target.profile.notesMissingServerHeader;
        const judged = judgeMetadata({ result, attempts, version, fellBackFrom, notesMissingServerHeader });
        return {
            check: (0,pipeline_check/* finish */.O)(run, metadataCheck, startedAt, judged.verdict),
            recognition: judged.recognition,
            machine: judged.machine,
            sample,
        };
    },
    // Nothing answered the metadata request at all: reachability carries the socket word; metadata is skipped. The
    // row keeps the time and attempts it spent waiting (about 20 s when something accepts and stays silent).
    settle(own, findings, run) {
        if (findings.reachability?.reachable !== false ||
            own.recognition !== null ||
            !(0,types/* isSocketWord */.AR)(own.check.outcome))
            return own;
        const skipped = (0,pipeline_check/* skip */.i)(run, metadataCheck, `Not answered: ${own.check.message} See reachability.`);
        const { durationMs, attempts } = own.check;
        return { ...own, check: { ...skipped, durationMs, attempts } };
    },
    adds: (own) => ({ facts: { machine: own.machine } }),
};

// EXTERNAL MODULE: ./src/core/imds/connect.ts
var connect = __nccwpck_require__(9325);
// EXTERNAL MODULE: ./src/core/modes/target.ts + 4 modules
var target = __nccwpck_require__(2638);
;// CONCATENATED MODULE: ./src/core/checks/reachability/index.ts
// The reachability check. First a TCP connect that tells dropped from refused from unreachable; once every
// check ran, settle() decides whether something recognisable as IMDS answered (the report's `reachable`).





const reachability_OUTPUTS = [
    {
        name: 'reachable',
        value: (report) => String(report.reachable),
    },
];
function end(run, startedAt, finding, result) {
    const hint = result.status === 'fail' ? [result.hint ?? '', (0,target/* containerHint */.jN)(run.target)].filter((s) => s).join(' ') : '';
    const check = (0,pipeline_check/* finish */.O)(run, reachabilityCheck, startedAt, { ...result, ...(hint ? { hint } : {}) });
    return { ...finding, check: { ...check, durationMs: finding.connectMs } };
}
/** The connect succeeded: did IMDS itself answer the metadata or token request? */
function settle(own, findings, run) {
    if (!own.connected)
        return own;
    const meta = findings.metadata;
    const token = findings.token;
    const startedAt = run.ctx.clock.now() - own.connectMs;
    const base = run.target.endpoint.base;
    const imdsAnswer = [meta, token].find((f) => f?.recognition?.imds === true);
    if (imdsAnswer) {
        const server = imdsAnswer.recognition?.imds && imdsAnswer.recognition.serverHeader
            ? ' with a Server: IMDS header'
            : '';
        return end(run, startedAt, { ...own, reachable: true }, {
            status: 'pass',
            code: 'ok',
            message: `Connected to ${base} in ${own.connectMs} ms; ${run.target.profile.service} answered (HTTP ${imdsAnswer.check.httpStatus})${server}.`,
            attempts: own.attempts,
            httpStatus: imdsAnswer.check.httpStatus,
            outcome: imdsAnswer.check.outcome,
        });
    }
    const seen = meta?.recognition ?? null;
    const metaCheck = meta?.check;
    // Nothing recognisable came back: name what answered instead, or the transport failure the metadata request hit.
    const code = seen && !seen.imds ? seen.code : metaCheck?.status === 'fail' ? metaCheck.code : 'not_imds_answer';
    const what = seen && !seen.imds
        ? seen.what
        : (metaCheck?.message ?? 'no answer').replace(/^GET \S+ failed[^:]*: /, '').replace(/\.$/, '');
    return end(run, startedAt, { ...own, reachable: false }, {
        status: 'fail',
        code,
        message: `Connected to ${base}, but ${run.target.profile.service} did not answer: ${what}.`,
        attempts: own.attempts,
        httpStatus: metaCheck?.httpStatus ?? null,
        outcome: metaCheck?.outcome ?? 'skipped',
    });
}
const reachabilityCheck = {
    id: 'reachability',
    title: 'IMDS reachable',
    outputs: reachability_OUTPUTS,
    async run(run) {
        const startedAt = run.ctx.clock.now();
        const { connectHosts, port, base } = run.target.endpoint;
        let attempts = 0;
        for (;;) {
            attempts += 1;
            const bound = run.budget.cap(protocol/* CONNECT_TIMEOUT_MS */.cC);
            const quiet = run.progress.slow('reachability', base, bound);
            const result = await (0,connect/* tcpConnect */.e)(connectHosts, port, bound, run.names.netLookup(bound)).finally(quiet);
            const connectMs = run.ctx.clock.now() - startedAt;
            const finding = { connected: result.ok, reachable: false, attempts, connectMs };
            if (result.ok) {
                const check = (0,pipeline_check/* finish */.O)(run, reachabilityCheck, startedAt, {
                    status: 'pass',
                    code: 'ok',
                    message: `Connected to ${base}.`,
                });
                return { ...finding, check };
            }
            if (result.failure === 'connect_timeout' && attempts < protocol/* CONNECT_ATTEMPTS */.GY && !run.budget.expired())
                continue;
            const extra = result.failure === 'connection_refused'
                ? await run.target.profile.serviceState(run.ctx, run.budget)
                : '';
            const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
            return end(run, startedAt, finding, {
                status: 'fail',
                code: result.failure,
                message: `Could not connect to ${base}${tries}: ${(0,failures/* describeFailure */.Ic)(result)}.${extra}`,
                attempts,
                outcome: (0,failures/* failureOutcome */.vi)({ failure: result.failure, status: null }),
            });
        }
    },
    settle,
    adds: (own) => ({ facts: { reachable: own.reachable } }),
};

// EXTERNAL MODULE: ./src/core/checks/stability/stability-codes.ts
var stability_codes = __nccwpck_require__(2601);
;// CONCATENATED MODULE: ./src/core/checks/stability/index.ts
// The stability check (samples > 1): after the first run, the metadata and token requests again, N−1 more
// times as single attempts, paced under IMDS's rate limit and within timeout-seconds. Pass when every sample
// succeeded, warn when the share of good samples is at least min-success-percent, else fail; the code names
// the failure seen most often. The samples are taken with the sample() of the metadata and token findings; the
// sampling is loaded only when samples > 1, so a single probe never pays for it at start-up.




const stability_INPUTS = {
    inputs: [
        {
            name: 'samples',
            default: '1',
            cli: {
                value: 'N',
                help: 'repeat the metadata and token requests N times in all (1-1000, default {default})',
            },
        },
        {
            name: 'min-success-percent',
            default: '95',
            cli: {
                value: 'P',
                help: 'with --samples: the share of good samples below which stability fails (default {default})',
            },
        },
    ],
    parse: (read) => ({
        samples: (0,input_spec/* wholeNumber */.rD)('samples', read.raw('samples'), 1, 1000),
        minSuccessPercent: (0,input_spec/* percent */.KN)('min-success-percent', read.raw('min-success-percent')),
    }),
};
const field = (value, key) => value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
const whole = (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : '';
/** A figure of the report's `samples` section; empty when nothing was sampled. */
const figure = (...path) => (report) => whole(path.reduce((v, key) => field(v, key), report.sections?.['samples']));
const stability_OUTPUTS = [
    {
        name: 'samples-total',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('total'),
    },
    {
        name: 'samples-ok',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('ok'),
    },
    {
        name: 'latency-p50-ms',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('latencyMs', 'all', 'p50'),
    },
    {
        name: 'latency-p95-ms',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('latencyMs', 'all', 'p95'),
    },
    {
        name: 'latency-max-ms',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('latencyMs', 'all', 'max'),
    },
];
const stabilityCheck = {
    id: 'stability',
    title: 'Stability over samples',
    wanted: (options) => options.samples > 1,
    inputs: stability_INPUTS,
    outputs: stability_OUTPUTS,
    remedies: stability_codes/* STABILITY_REMEDIES */.H,
    async run(run, findings) {
        const startedAt = run.ctx.clock.now();
        const sampled = await (await __nccwpck_require__.e(/* import() */ 292).then(__nccwpck_require__.bind(__nccwpck_require__, 6292))).sampleAgain(run, findings);
        if ('skipped' in sampled)
            return { check: (0,pipeline_check/* skip */.i)(run, stabilityCheck, sampled.skipped), summary: null, section: null };
        const check = (0,pipeline_check/* finish */.O)(run, stabilityCheck, startedAt, sampled.verdict);
        return { check, summary: sampled.summary, section: sampled.section };
    },
    adds: (own) => (own.section === null ? {} : { section: { key: 'samples', value: own.section } }),
};

// EXTERNAL MODULE: ./src/core/clouds.ts
var clouds = __nccwpck_require__(4729);
// EXTERNAL MODULE: ./src/core/imds/jwt.ts
var jwt = __nccwpck_require__(9174);
;// CONCATENATED MODULE: ./src/core/checks/token/token-answer.ts


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
    const inSeconds = Number((0,answers/* text */.Qq)(json['expires_in']));
    return Number.isFinite(inSeconds) && (0,answers/* text */.Qq)(json['expires_in']) !== ''
        ? Math.floor(nowMs / 1000) + inSeconds
        : null;
}
function selectorText(selector) {
    return selector ? `${selector.kind}=${selector.value}` : '';
}
function identityFacts(options, token, json, nowMs) {
    const claims = (0,jwt/* readClaims */.I)(token);
    const expires = expiresOnSeconds(json, claims.exp, nowMs);
    return {
        kind: options.identity,
        selector: selectorText(options.selector),
        principalId: claims.oid || (0,answers/* text */.Qq)(json['object_id']),
        tenantId: claims.tid,
        appId: claims.appid || (0,answers/* text */.Qq)(json['client_id']),
        audience: claims.aud || (0,answers/* text */.Qq)(json['resource']),
        expiresOn: expires === null ? '' : isoSeconds(expires),
        tokenType: (0,answers/* text */.Qq)(json['token_type']),
    };
}
function tokenStatusCode(answer) {
    const s = answer.status;
    const detail = (0,answers/* errorText */.kc)(answer);
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

;// CONCATENATED MODULE: ./src/core/checks/token/token-exchange.ts
// The token request over the wire: retries (404, 410, 429, 5xx), one api-version fallback, and whatever the
// mode adds (Arc: the key-file challenge). Every answer's secrets are registered the moment it arrives.



/** The token request's path and query: api-version, resource and the identity selector, if any. */
function tokenPath(request, version) {
    const query = new URLSearchParams({ 'api-version': version, resource: request.resource });
    if (request.selector)
        query.set(request.selector.kind, request.selector.value);
    return `${protocol/* TOKEN_PATH */.od}?${query.toString()}`;
}
/** One request whose answer's secrets are registered the moment it arrives. */
const sendOnce = (request, path) => request.client.get(path).then((result) => {
    if (result.kind === 'answer')
        (0,answers/* registerTokenSecrets */.Cr)(result.body, request.ctx);
    return result;
});
async function exchangeToken(request) {
    const send = (path) => request.client.retried('token', () => sendOnce(request, path));
    let path = tokenPath(request, request.profile.tokenApiVersion);
    let { result, attempts } = await send(path);
    // Older agents refuse newer api-versions and say which they accept: try the newest of those once.
    const offered = result.kind === 'answer' ? (0,answers/* offeredVersions */.dO)(result) : [];
    if (offered[0] && !path.includes(`api-version=${offered[0]}&`)) {
        path = tokenPath(request, offered[0]);
        const second = await send(path);
        result = second.result;
        attempts += second.attempts;
    }
    const first = {
        result,
        attempts,
        challenged: result.kind === 'answer' && (0,recognise/* isArcChallenge */.uS)(result),
    };
    return request.profile.completeTokenExchange(first, { client: request.client, path, ctx: request.ctx });
}
/**
 * One more token request for a sample: a single attempt, never retried (the point is to see the failures
 * retries hide), its api-version kept across samples and following one fallback, the Arc challenge followed.
 */
function tokenSampler(request) {
    let version = request.profile.tokenApiVersion;
    return async () => {
        let path = tokenPath(request, version);
        let result = await sendOnce(request, path);
        const offered = result.kind === 'answer' ? ((0,answers/* offeredVersions */.dO)(result)[0] ?? '') : '';
        if (offered !== '' && offered !== version) {
            version = offered;
            path = tokenPath(request, version);
            result = await sendOnce(request, path);
        }
        const challenged = result.kind === 'answer' && (0,recognise/* isArcChallenge */.uS)(result);
        return request.profile.completeTokenExchange({ result, attempts: 1, challenged }, { client: request.client, path, ctx: request.ctx });
    };
}

;// CONCATENATED MODULE: ./src/core/checks/token/token-judge.ts
// Judging the final token answer, without sockets: which code and message, the identity facts the report may
// show, and the token handed back for expose-token (only a JWT that passed). Secrets were registered by the
// exchange the moment the answer arrived.







const hasAccessToken = (json) => typeof json['access_token'] === 'string' && json['access_token'] !== '';
/** Claims that become outputs must be GUIDs; the others are only shown (neutralised). */
function rejectedClaims(identity) {
    const claims = [
        ['oid', identity.principalId],
        ['tid', identity.tenantId],
        ['appid', identity.appId],
    ];
    return claims.filter(([, value]) => value !== '' && !(0,shapes/* isGuid */.W_)(value)).map(([name]) => name);
}
function judgeToken(exchange, facts) {
    const { result, attempts } = exchange;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const verdict = (end, recognition, identity = null, accessToken = null) => ({
        verdict: { attempts, ...end },
        recognition,
        identity,
        claims: accessToken ? (0,jwt/* readClaims */.I)(accessToken) : null,
        accessToken,
    });
    if (result.kind === 'failure') {
        return verdict({
            status: 'fail',
            code: result.failure,
            message: `GET ${protocol/* TOKEN_PATH */.od} failed${tries}: ${(0,failures/* describeFailure */.Ic)(result)}.`,
            httpStatus: result.status,
            outcome: (0,failures/* failureOutcome */.vi)(result),
        }, null);
    }
    const recognition = (0,recognise/* recognise */.GJ)(result, hasAccessToken);
    const answered = { httpStatus: result.status, outcome: `${result.status}` };
    const failed = (code, message, identity = null) => verdict({ status: 'fail', code, message, ...answered }, recognition, identity);
    if (exchange.refusal)
        return verdict(exchange.refusal, { imds: true, json: null, serverHeader: false });
    if (!recognition.imds) {
        const broken = result.status === 200 && recognition.code === 'not_imds_answer';
        const code = !broken ? recognition.code : recognition.json ? 'token_bad_shape' : 'token_bad_json';
        return failed(code, `GET ${protocol/* TOKEN_PATH */.od}: ${recognition.what}${tries}, not a token answer.`);
    }
    // Hybrid IMDS answered a run in VM mode: its realm names a local path, which VM mode never reads or shows.
    if (!facts.profile.requiresChallenge && (0,recognise/* isArcChallenge */.uS)(result)) {
        return failed('token_arc_challenge_in_vm_mode', `Token request answered 401 with the Hybrid IMDS key-file challenge${tries}: Hybrid IMDS (Azure Arc) answered, but this run is in VM mode.`);
    }
    if (facts.profile.requiresChallenge && result.status === 200 && !exchange.challenged) {
        return failed('arc_expected_challenge', 'The token endpoint returned a token without the Hybrid IMDS key-file challenge.');
    }
    if (result.status !== 200) {
        const who = facts.options.selector ? ` for ${selectorText(facts.options.selector)}` : '';
        return failed(tokenStatusCode(result), `Token request${who} answered ${result.status}${tries}: ${(0,answers/* errorText */.kc)(result) || 'no error text'}.`);
    }
    const json = recognition.json;
    if (json === null)
        return failed('token_bad_json', `GET ${protocol/* TOKEN_PATH */.od} answered 200${tries} but the body is not valid JSON.`);
    const token = json['access_token'];
    if (!(0,shapes/* isJwt */.ky)(token)) {
        return failed('token_not_jwt', `GET ${protocol/* TOKEN_PATH */.od} answered 200${tries} with an access_token that is not a JWT; it was not used.`);
    }
    const identity = identityFacts(facts.options, token, json, facts.now);
    if (identity.expiresOn === '')
        return failed('token_bad_shape', 'The token answer has no readable expires_on.', identity);
    const expiresAt = Date.parse(identity.expiresOn);
    if (expiresAt <= facts.now) {
        return failed('token_expired', `IMDS returned a token that expired at ${identity.expiresOn}.`, identity);
    }
    const selector = facts.options.selector;
    if (selector && !facts.profile.confirmsIdentity(selector, token, json)) {
        return failed('arc_user_identity_unconfirmed', `The token answer does not confirm ${selectorText(selector)} (principal ${identity.principalId || 'unknown'}, app ${identity.appId || 'unknown'}).`, identity);
    }
    const minutes = Math.round((expiresAt - facts.now) / 60_000);
    const who = selector ? `user-assigned identity ${selectorText(selector)}` : 'system-assigned identity';
    const principal = identity.principalId ? ` (principal ${identity.principalId})` : '';
    const issued = `Token for ${identity.audience || facts.resource} issued to the ${who}${principal}${tries}; expires ${identity.expiresOn} (in ${minutes} min).`;
    const rejected = rejectedClaims(identity);
    if (rejected.length > 0) {
        return verdict({
            status: 'warn',
            code: 'token_claim_rejected',
            message: `${issued} Not used as outputs, as they are not GUIDs: ${rejected.join(', ')}.`,
            ...answered,
        }, recognition, identity, token);
    }
    return verdict({ status: 'pass', code: 'ok', message: issued, ...answered }, recognition, identity, token);
}

;// CONCATENATED MODULE: ./src/core/checks/token/token-codes.ts
// The token check's codes and their fixes (docs/errors.md has the long form of each). The codes of the Arc
// key-file challenge belong to the Arc mode (modes/arc-codes.ts).


const selectorInputs = (ctx) => ['client-id', 'object-id', 'msi-res-id'].map((n) => (0,types/* setting */.Pe)(ctx, n)).join(', ');
const TOKEN_REMEDIES = {
    token_identity_not_found: (ctx) => `The VM has no managed identity, or not the one selected. Enable the system-assigned identity, or assign the user-assigned identity to the VM (az vm identity assign), and check the ${selectorInputs(ctx)} value.`,
    token_multiple_identities: (ctx) => `The VM has several user-assigned identities and none was selected. Set ${(0,types/* setting */.Pe)(ctx, 'identity', 'user')} with one of ${selectorInputs(ctx)}.`,
    token_invalid_resource: 'Entra ID does not know the requested resource in this tenant. Correct the resource (App ID URI of the target API).',
    token_bad_request: 'IMDS rejected the token request (400). Read the error text in the message; check the resource and identity selector.',
    token_header_rejected: 'IMDS rejected the token request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
    token_forbidden: 'IMDS refused the token request (403). Check that the identity is allowed to request tokens and that no interceptor rewrites the request.',
    token_not_found: (ctx) => `The token endpoint kept answering 404 (IMDS updating) until the deadline. Retry later, or raise ${(0,types/* setting */.Pe)(ctx, 'timeout-seconds')}.`,
    token_gone: (ctx) => `The token endpoint kept answering 410 (IMDS updating, up to 70 s). Raise ${(0,types/* setting */.Pe)(ctx, 'timeout-seconds')} above 70 or retry later.`,
    token_throttled: 'The token endpoint kept answering 429 (20 requests per second, 5 concurrent). Reduce other token traffic and retry.',
    token_server_error: 'The token endpoint kept answering 5xx (often Entra ID unreachable from IMDS). Retry later; check Azure status.',
    token_unexpected_status: 'The token endpoint answered with an undocumented status. Retry; compare with a manual request on the machine.',
    token_arc_challenge_in_vm_mode: (ctx) => `This is Hybrid IMDS (an Azure Arc-enabled server), which gives a token only after its key-file challenge: use ${(0,types/* setting */.Pe)(ctx, 'mode', 'arc')} (on the Arc server itself, ${(0,types/* setting */.Pe)(ctx, 'mode', 'auto')} finds the agent). In VM mode the challenge is not followed and the key file it names is not read.`,
    token_bad_json: (ctx) => 'The token answer is not valid JSON. ' + (0,failures/* notImds */.po)(ctx),
    token_bad_shape: (ctx) => 'The token answer lacks access_token or expires_on. ' + (0,failures/* notImds */.po)(ctx),
    token_not_jwt: (ctx) => 'The access_token is not a JWT (three base64url parts with a JSON payload), which every Entra ID managed-identity token is. It was not used or shown. ' +
        (0,failures/* notImds */.po)(ctx),
    token_expired: 'IMDS returned a token that is already expired. Check the machine clock (NTP) and retry.',
    token_claim_rejected: (ctx) => 'A token claim (oid, tid or appid) is not a GUID, so its output was left empty; the token itself was issued. ' +
        (0,failures/* notImds */.po)(ctx),
};

;// CONCATENATED MODULE: ./src/core/checks/token/token-inputs.ts
// The token check's inputs: which identity (system, user with exactly one selector, or none), the audience, and
// whether the token may become an output. The selector inputs are checked together: exactly one, only with
// identity user, each of its documented shape.


const UAMI_RESOURCE_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resource[gG]roups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
const SELECTOR_INPUTS = [
    ['client-id', 'client_id'],
    ['object-id', 'object_id'],
    ['msi-res-id', 'msi_res_id'],
];
function resource(value) {
    if (value === '')
        return '';
    if (!/\s/.test(value) && (/^(https?|api):\/\/\S+$/i.test(value) || (0,shapes/* isGuid */.W_)(value)))
        return value;
    throw new input_spec/* InvalidInput */.o9('resource', `got ${(0,input_spec/* shown */.SP)(value)}; expected an App ID URI (https://...) or an application id (GUID)`);
}
function selector(read, identity) {
    const given = SELECTOR_INPUTS.filter(([input]) => read.raw(input) !== '');
    const names = SELECTOR_INPUTS.map(([n]) => read.spell(n));
    const oneOfNames = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
    if (identity !== 'user') {
        const first = given[0];
        if (first)
            throw new input_spec/* InvalidInput */.o9(first[0], `is only used with identity 'user' (identity is '${identity}')`);
        return null;
    }
    if (given.length === 0) {
        throw new input_spec/* InvalidInput */.o9('identity', `'user' needs exactly one of ${oneOfNames}`);
    }
    if (given.length > 1) {
        throw new input_spec/* InvalidInput */.o9(given[1][0], `give exactly one of ${oneOfNames}, not ${given.map(([n]) => read.spell(n)).join(' and ')}`);
    }
    const [input, kind] = given[0];
    const value = read.raw(input);
    if (kind === 'msi_res_id' && !UAMI_RESOURCE_ID.test(value)) {
        throw new input_spec/* InvalidInput */.o9(input, `got ${(0,input_spec/* shown */.SP)(value)}; expected /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`);
    }
    if (kind !== 'msi_res_id' && !(0,shapes/* isGuid */.W_)(value)) {
        throw new input_spec/* InvalidInput */.o9(input, `got ${(0,input_spec/* shown */.SP)(value)}; expected a GUID like 00000000-0000-0000-0000-000000000000 (not the identity's name)`);
    }
    return { kind, value };
}
const TOKEN_INPUTS = {
    inputs: [
        {
            name: 'identity',
            default: 'system',
            cli: {
                value: 'system|user|none',
                help: 'which identity to request a token for (default {default}; none skips the token)',
            },
        },
        {
            name: 'client-id',
            default: '',
            cli: { value: 'GUID', help: 'user-assigned identity by client id (with --identity user)' },
        },
        {
            name: 'object-id',
            default: '',
            cli: { value: 'GUID', help: 'user-assigned identity by object (principal) id' },
        },
        {
            name: 'msi-res-id',
            default: '',
            cli: { value: 'ID', help: 'user-assigned identity by ARM resource id' },
        },
        {
            name: 'resource',
            default: '',
            cli: { value: 'URI', help: 'token audience (default: ARM of the cloud IMDS reports)' },
        },
        {
            name: 'expose-token',
            default: 'false',
            cli: {
                help: 'only with --json: add accessToken to the printed document (never to --report, never as text)',
            },
        },
    ],
    parse(read) {
        const identity = (0,input_spec/* oneOf */.yL)('identity', read.raw('identity'), ['system', 'user', 'none']);
        return {
            identity,
            selector: selector(read, identity),
            resource: resource(read.raw('resource')),
            exposeToken: (0,input_spec/* strictBoolean */.c9)('expose-token', read.raw('expose-token')),
        };
    },
};

;// CONCATENATED MODULE: ./src/core/checks/token/index.ts
// The token check: a managed-identity token for the chosen identity, from the service that answered the
// metadata request. The token is registered as a secret the moment it is seen and is returned to the caller
// apart from the report. The exchange is in exchange.ts, the judgement in judge.ts; its finding can take one
// more sample, judged the same way, for the stability check.











const token_OUTPUTS = [
    {
        name: 'token-status',
        value: (report) => statusOutput(report, 'token', report.identity.kind !== 'none'),
    },
    {
        name: 'principal-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.identity.principalId,
    },
    {
        name: 'tenant-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.identity.tenantId,
    },
    {
        name: 'app-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.identity.appId,
    },
    {
        name: 'token-expires-on',
        shape: shapes/* isIsoUtc */.Ev,
        value: (report) => report.identity.expiresOn,
    },
    {
        name: 'access-token',
        shape: shapes/* isJwt */.ky,
        value: (_report, sources) => (sources.exposeToken ? (sources.accessToken ?? '') : undefined),
    },
];
function tokenRequest(run, resource) {
    return {
        client: run.imds('token'),
        resource,
        selector: run.options.selector,
        profile: run.target.profile,
        ctx: run.ctx,
    };
}
const tokenCheck = {
    id: 'token',
    title: 'Managed-identity token',
    inputs: TOKEN_INPUTS,
    outputs: token_OUTPUTS,
    remedies: TOKEN_REMEDIES,
    async run(run, findings) {
        const meta = findings.metadata;
        const resource = run.options.resource || (0,clouds/* armResourceFor */.iu)(meta?.machine.azEnvironment ?? '');
        const request = tokenRequest(run, resource);
        const again = tokenSampler({ ...request, client: run.imds('stability') });
        const judge = (exchange) => judgeToken(exchange, {
            options: run.options,
            profile: run.target.profile,
            resource,
            now: run.ctx.clock.now(),
        });
        // The token itself is dropped here: samples keep only what the judge said of it.
        const sample = async () => judge(await again()).verdict;
        const none = { recognition: null, identity: null, claims: null, accessToken: null, sample };
        const skipped = (message) => ({ check: (0,pipeline_check/* skip */.i)(run, tokenCheck, message), ...none });
        if (run.options.identity === 'none')
            return skipped('Not requested (identity: none).');
        if (!findings.reachability?.connected)
            return skipped('Not attempted: nothing could be connected.');
        if (meta?.recognition && !meta.recognition.imds)
            return skipped('Not attempted: what answered is not IMDS.');
        if (!meta?.recognition)
            return skipped('Not attempted: IMDS did not answer the metadata request.');
        if (run.budget.expired()) {
            const check = (0,pipeline_check/* finish */.O)(run, tokenCheck, run.ctx.clock.now(), {
                status: 'fail',
                code: 'deadline_exceeded',
                message: `No time left of ${run.ctx.spell.name('timeout-seconds')} (${run.options.timeoutSeconds} s) for the token request.`,
                outcome: 'timeout',
            });
            return { check, ...none };
        }
        const startedAt = run.ctx.clock.now();
        const judged = judge(await exchangeToken(request));
        const hint = judged.verdict.status === 'fail' ? (0,target/* containerHint */.jN)(run.target) : '';
        const check = (0,pipeline_check/* finish */.O)(run, tokenCheck, startedAt, hint ? { ...judged.verdict, hint } : judged.verdict);
        return {
            check,
            recognition: judged.recognition,
            identity: judged.identity,
            claims: judged.claims,
            accessToken: judged.accessToken,
            sample,
        };
    },
    adds: (own, run) => ({
        facts: {
            identity: own.identity ?? (0,types/* emptyIdentity */.gL)(run.options.identity, selectorText(run.options.selector)),
        },
        accessToken: own.accessToken,
    }),
};

;// CONCATENATED MODULE: ./src/core/registry.ts
// The checks of a run, in the order they run. A new check is one folder under checks/ plus one line here.









const CHECKS = [
    environmentCheck,
    reachabilityCheck,
    metadataCheck,
    tokenCheck,
    amaHostCheck,
    amaIdentityCheck,
    amaCheck,
    clockCheck,
    stabilityCheck,
];


/***/ }),

/***/ 5591:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ remedyFor)
/* harmony export */ });
/* harmony import */ var _pipeline_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3342);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1497);


// fleet merge (imds-check merge)
const FLEET_REMEDIES = {
    fleet_report_invalid: 'A file the merge was given does not count as a machine report of imds-check (not JSON, not schemaVersion 1, no GUID machine.vmId, no reachability check, a startedAt later than the merge, a field or file larger than any report, or unreadable). Make each machine upload only its report file, and point the merge at those files; the row names the file and why. A machine that IMDS never answered has no vmId: fix its failing check, listed on the same row.',
    fleet_machine_missing: 'Fewer machines left a report than expected. A matrix leg whose runner was offline, or a deployment that did not reach a machine, leaves none: find the leg without an uploaded report and run it again, or lower expected when the fleet shrank.',
    fleet_no_reports: 'No report file matched. Check that every machine uploads its report and that the merge downloads them to the folder or pattern it reads (reports input or PATH arguments).',
    fleet_vmid_conflict: "Reports of the same vmId came from more than one leg folder, so one leg may speak for another machine. Give each leg its own artifact (one folder each) holding only its own report, download only the latest attempt of each leg, and check the leg folders the row names: a report in a folder that is not its machine's own is forged or misplaced.",
    fleet_too_many_machines: 'More machines reported than expected says, so some rows are not machines of this fleet (stray or planted reports, or the fleet grew). Find the rows you do not know in the fleet report, remove their files or raise expected to the real fleet size.',
    fleet_scan_incomplete: "The merge stopped searching for reports at a limit (100,000 files, or folders 64 levels deep) or at a folder it may not read, so a report may not have been read. Point the merge at the report folders only (reports input or PATH arguments), merge fewer reports at a time, and give the merge's user read access to the folders the message names.",
};
/** The fixes of every check's codes and the fleet's; the engine's are looked up below. */
const OWNED = Object.assign(Object.create(null), ..._registry_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECKS */ .u.map((check) => check.remedies ?? {}), FLEET_REMEDIES);
function remedyFor(code, ctx) {
    return (0,_pipeline_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .remedyFor */ .wJ)(code, ctx, OWNED);
}


/***/ }),

/***/ 9649:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ CLAIMS_CAVEAT),
/* harmony export */   EL: () => (/* binding */ outcomeText),
/* harmony export */   Hm: () => (/* binding */ statusWord),
/* harmony export */   QM: () => (/* binding */ waitsText),
/* harmony export */   Rw: () => (/* binding */ machineFacts),
/* harmony export */   S5: () => (/* binding */ durationText),
/* harmony export */   T3: () => (/* binding */ attemptCount),
/* harmony export */   WN: () => (/* binding */ countsText),
/* harmony export */   _q: () => (/* binding */ linkFor),
/* harmony export */   e_: () => (/* binding */ needsAttention),
/* harmony export */   lU: () => (/* binding */ tokenClaimFacts),
/* harmony export */   qo: () => (/* binding */ requestedIdentityFacts),
/* harmony export */   x7: () => (/* binding */ countByStatus),
/* harmony export */   yW: () => (/* binding */ wholeMs),
/* harmony export */   zR: () => (/* binding */ modeText)
/* harmony export */ });
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8453);
// Words and fact lists shared by the text, Markdown and JUnit renderers, so all three describe a report
// the same way. Everything returned here is already safe plain text (see neutralise.ts); each renderer only
// adds the escaping its format needs.

const STATUS_WORDS = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };
/** PASS / WARN / FAIL / SKIP; an unexpected status is shown as itself rather than hidden. */
function statusWord(status) {
    return Object.hasOwn(STATUS_WORDS, status)
        ? STATUS_WORDS[status]
        : (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(status).toUpperCase();
}
function needsAttention(check) {
    return check.status === 'warn' || check.status === 'fail';
}
const SIGNAL_WORDS = {
    'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
    'himds-agent-installed': 'the Arc agent (himds) is installed',
    'default-vm': 'no Arc signal found',
};
/** "vm (requested)" or "arc (auto: IDENTITY_ENDPOINT and IMDS_ENDPOINT are set)". */
function modeText(mode) {
    const resolved = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(mode.resolved);
    if (mode.signal === 'requested' || mode.requested !== 'auto')
        return `${resolved} (requested)`;
    const why = Object.hasOwn(SIGNAL_WORDS, mode.signal) ? SIGNAL_WORDS[mode.signal] : (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(mode.signal);
    return `${resolved} (auto: ${why})`;
}
/** "HTTP 200" when an HTTP answer came back, else the outcome word ("timeout", "skipped"), else "-". */
function outcomeText(check) {
    const status = check.httpStatus;
    if (typeof status === 'number' && Number.isFinite(status))
        return `HTTP ${status}`;
    const outcome = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(check.outcome);
    if (/^\d{3}$/.test(outcome))
        return `HTTP ${outcome}`;
    // The engine gives a check that sent nothing (environment) the outcome "skipped"; only skipped checks say so.
    if (outcome === '' || (outcome === 'skipped' && check.status !== 'skip'))
        return '-';
    return outcome;
}
/** Whole milliseconds; a missing or negative value shows as 0 rather than NaN. */
function wholeMs(ms) {
    return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
}
/** "850 ms" below a second, "12.3 s" above. */
function durationText(ms) {
    const whole = wholeMs(ms);
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
function countsText(checks) {
    const counts = countByStatus(checks);
    const parts = Object.keys(counts)
        .filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}`);
    return parts.length > 0 ? parts.join(', ') : 'no checks';
}
function nonEmpty(rows) {
    return rows.map(([label, value]) => ({ label, value: (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(value) })).filter((f) => f.value !== '');
}
/** Identifying facts from the instance document; subscription and resource group are inside the resource id. */
function machineFacts(m) {
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
function requestedIdentityFacts(id) {
    return nonEmpty([
        ['Kind', id.kind],
        ['Selector', id.selector],
    ]);
}
/** Claims read from the token payload without verifying it; shown as information only. */
function tokenClaimFacts(id) {
    return nonEmpty([
        ['Principal id (oid)', id.principalId],
        ['Tenant id (tid)', id.tenantId],
        ['App id (appid/azp)', id.appId],
        ['Audience (aud)', id.audience],
        ['Expires on', id.expiresOn],
    ]);
}
const CLAIMS_CAVEAT = 'from the token, not verified';
/** A code is linked only when it has the shape of one, so a forged report cannot shape the link. */
function linkFor(codeLink, code) {
    return codeLink && /^[a-z0-9_]+$/.test(code) ? codeLink(code) : null;
}
/** "Waited 62 s: metadata HTTP 410 (IMDS updating) ×6 (60 s)"; '' when the run never waited. */
function waitsText(waits) {
    const list = (waits ?? []).filter((w) => Number.isFinite(w.ms) && w.ms > 0);
    if (list.length === 0)
        return '';
    const total = list.reduce((sum, w) => sum + w.ms, 0);
    const parts = list.map((w) => `${(0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(w.check)} ${(0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(w.reason)} ×${Math.max(1, Math.floor(w.waits))} (${durationText(w.ms)})`);
    return `Waited ${durationText(total)} before retries: ${parts.join('; ')}.`;
}


/***/ }),

/***/ 3007:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/* unused harmony export htmlCode */
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8453);
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
function mdText(value) {
    return (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(value)
        .replace(STRUCTURAL, (ch) => REFERENCES[ch] ?? ch)
        .replace(/:\/\//g, ':&#47;&#47;')
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`);
}
/** A stable code as a code span when it has the expected shape; otherwise as escaped text. */
function mdCode(value) {
    const text = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(value);
    return /^[a-z0-9_]+$/i.test(text) ? `\`${text}\`` : mdText(text);
}
/** A stable code inside HTML (e.g. a <summary>, where Markdown is not parsed) as <code>, else escaped text. */
function htmlCode(value) {
    const text = neutralise(value);
    return /^[a-z0-9_]+$/i.test(text) ? `<code>${text}</code>` : mdText(text);
}


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P6: () => (/* binding */ cutToBudget),
/* harmony export */   Q0: () => (/* binding */ MAX_SUMMARY_BYTES),
/* harmony export */   lS: () => (/* binding */ joinSections)
/* harmony export */ });
/* unused harmony export renderMarkdown */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9649);
/* harmony import */ var _markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3007);
// Markdown for the GitHub step summary and the Azure DevOps summary tab: a result heading, a table of checks,
// fact tables, and a collapsible section per warning or failure. Every report value goes through mdText().
// GitHub accepts at most 1 MiB per step summary, so the output is kept under MAX_SUMMARY_BYTES.



/** Comfortably below GitHub's 1 MiB step-summary limit, leaving room for other content of the step. */
const MAX_SUMMARY_BYTES = 900 * 1024;
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
    const result = neutralise(report.result);
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
/** The code as a code span, linked to its documentation when there is a link (built by us, never from data). */
function codeCell(code, codeLink) {
    const link = linkFor(codeLink, neutralise(code));
    return link ? `[${mdCode(code)}](${encodeURI(link)})` : mdCode(code);
}
function checksTable(checks, options) {
    const rows = checks.map((c) => [
        mdText(c.title),
        statusCell(c.status),
        `${wholeMs(c.durationMs)} ms`,
        mdText(outcomeText(c)),
        codeCell(c.code, options.codeLink),
    ]);
    return table(['Check', 'Status', 'Time', 'HTTP / outcome', 'Code'], rows);
}
/** Each check's detail tables (e.g. one row per host), under a heading naming the check. */
function detailTables(checks) {
    return checks.flatMap((c) => (c.details ?? []).flatMap((t) => [
        `### ${mdText(c.title)}: ${mdText(t.title)}`,
        '',
        ...table(t.columns.map((col) => mdText(col)), t.rows.map((row) => t.columns.map((_, i) => mdText(row[i] ?? '')))),
        '',
    ]));
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
function detailBlocks(checks, options) {
    const blocks = checks.filter(needsAttention).map((c) => {
        const link = linkFor(options.codeLink, neutralise(c.code));
        return [
            `<details><summary>${marker(c.status)} ${mdText(c.title)}: ${htmlCode(c.code)}</summary>`,
            '',
            `**Message:** ${mdText(c.message) || '-'}`,
            '',
            `**Fix:** ${mdText(c.remediation) || '-'}${link ? ` ([${mdCode(c.code)}](${encodeURI(link)}))` : ''}`,
            '',
            '</details>',
        ];
    });
    return blocks.length === 0 ? [] : ['### What to fix', '', ...blocks.flatMap((b) => [...b, ''])];
}
/** Non-empty sections, each trimmed, one blank line apart, ending with a newline. */
function joinSections(sections) {
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
function renderMarkdown(report, options = {}) {
    const waited = waitsText(report.waits);
    const base = [
        headingLines(report),
        checksTable(report.checks, options),
        waited === '' ? [] : [mdText(waited)],
        detailTables(report.checks),
        factTable('Machine', machineFacts(report.machine)),
        identitySection(report),
    ];
    const full = joinSections([...base, detailBlocks(report.checks, options)]);
    if (bytes(full) <= MAX_SUMMARY_BYTES)
        return full;
    const hasDetails = report.checks.some(needsAttention);
    const withoutDetails = joinSections([...base, hasDetails ? [DETAILS_DROPPED] : []]);
    if (bytes(withoutDetails) <= MAX_SUMMARY_BYTES)
        return withoutDetails;
    return cutToBudget(withoutDetails, MAX_SUMMARY_BYTES);
}


/***/ }),

/***/ 4137:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ isHostList),
/* harmony export */   Ev: () => (/* binding */ isIsoUtc),
/* harmony export */   Gy: () => (/* binding */ isResourceId),
/* harmony export */   J6: () => (/* binding */ isWholeNumber),
/* harmony export */   W_: () => (/* binding */ isGuid),
/* harmony export */   f7: () => (/* binding */ isMachineName),
/* harmony export */   gI: () => (/* binding */ isLocation),
/* harmony export */   ky: () => (/* binding */ isJwt),
/* harmony export */   sT: () => (/* binding */ isPlausibleSecret),
/* harmony export */   sd: () => (/* binding */ isResourceGroup),
/* harmony export */   uy: () => (/* binding */ isHostName),
/* harmony export */   vp: () => (/* binding */ isKnownCloud)
/* harmony export */ });
/* harmony import */ var _clouds_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4729);
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8453);
// The documented shape of every output fed by a network value. A later pipeline step pastes outputs into
// scripts (ADO `$(probe.vmName)` is plain text substitution), so a value that does not fit its field's shape
// never becomes an output: the output is empty and the check warns, naming the field.


const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A resource name segment: letters (any script), digits, `_ . - ( )`, as ARM allows in names. */
const SEGMENT = String.raw `[\p{L}\p{N}_.()\-]+`;
const ASCII_SEGMENT = String.raw `[A-Za-z0-9_.()\-]+`;
const resourceId = (segment, flags) => new RegExp(String.raw `^/subscriptions/[0-9a-fA-F-]{36}/resource[Gg]roups/${segment}/providers/[A-Za-z0-9.]+(?:/${segment}/${segment})+$`, flags);
// Most ids are ASCII; the Unicode form costs a millisecond to compile at start-up, so it is only the fallback.
const ASCII_RESOURCE_ID = resourceId(ASCII_SEGMENT, '');
let unicodeResourceId = null;
/** VM and Arc machine names (Linux allows 64, VMSS instances add `_<n>`): no space, quote or shell character. */
const MACHINE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$/;
/** Resource groups: up to 90 of letters, digits, `_ . - ( )`, not ending in a period. */
const ASCII_RESOURCE_GROUP = /^[A-Za-z0-9_.()-]{1,90}$/;
let unicodeResourceGroup = null;
const LOCATION = /^[A-Za-z0-9]{1,40}$/;
const CLOUDS = new Set(_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .KNOWN_CLOUDS */ .Np.map((c) => c.toLowerCase()));
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An RFC 1123 host name with at least two labels. */
const HOST_NAME = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const isGuid = (v) => GUID.test(v);
const isResourceId = (v) => v.length <= 1024 && (ASCII_RESOURCE_ID.test(v) || (unicodeResourceId ??= resourceId(SEGMENT, 'u')).test(v));
const isMachineName = (v) => MACHINE_NAME.test(v) && !/[.-]$/.test(v);
const isResourceGroup = (v) => !v.endsWith('.') &&
    (ASCII_RESOURCE_GROUP.test(v) || (unicodeResourceGroup ??= /^[\p{L}\p{N}_.()-]{1,90}$/u).test(v));
const isLocation = (v) => LOCATION.test(v);
const isKnownCloud = (v) => CLOUDS.has(v.toLowerCase());
const isIsoUtc = (v) => ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));
const isHostName = (v) => HOST_NAME.test(v);
const isHostList = (v) => v.split(',').every(isHostName);
const isWholeNumber = (v) => /^\d{1,12}$/.test(v);
/** Three base64url segments whose middle one decodes to a JSON object: the only token we accept. */
const isJwt = (v) => {
    const parts = v.split('.');
    if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p)))
        return false;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return payload !== null && typeof payload === 'object' && !Array.isArray(payload);
    }
    catch {
        return false;
    }
};
/**
 * Masking a short or spaced value would blank ordinary words across the whole job log, and registering a value
 * prints it in a mask command: only printable ASCII of 16 or more characters that the neutraliser would leave
 * as it is (no `##vso[`, `##[` or leading `::`) is ever registered.
 */
const isPlausibleSecret = (v) => /^[\x21-\x7e]{16,}$/.test(v) && (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseLine */ .fZ)(v) === v;


/***/ }),

/***/ 3054:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AR: () => (/* binding */ isSocketWord),
/* harmony export */   KI: () => (/* binding */ EMPTY_MACHINE),
/* harmony export */   Pe: () => (/* binding */ setting),
/* harmony export */   gL: () => (/* binding */ emptyIdentity)
/* harmony export */ });
// The engine's vocabulary: the names every layer shares (check ids, codes, inputs, outputs, options), the words
// of an outcome, a verdict, and the report. Each check adds its own names to CheckTypes from its folder
// (declaration merging), so this file imports nothing and no layer needs one above it to name a check.
/** The words status outputs and outcomes use when no HTTP status came back. */
const SOCKET_WORDS = ['timeout', 'refused', 'unreachable', 'reset', 'no-response'];
const WORDS = new Set(SOCKET_WORDS);
const isSocketWord = (value) => WORDS.has(value);
/** The report's machine facts when metadata gave none. */
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
/** The report's identity facts when no token was judged: only what was asked for. */
function emptyIdentity(kind, selector = '') {
    return {
        kind,
        selector,
        principalId: '',
        tenantId: '',
        appId: '',
        audience: '',
        expiresOn: '',
        tokenType: '',
    };
}
/** An input as the user writes it in this door, optionally with a value: `timeout-seconds: 90`, `--samples 10`. */
const setting = (ctx, name, value) => value === undefined ? ctx.spell.name(name) : ctx.spell.assignment(name, value);


/***/ }),

/***/ 2777:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   er: () => (/* binding */ pathLink)
/* harmony export */ });
/* unused harmony exports actionCodeLink, taskCodeLink */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Where each code is documented: docs/errors.md, section `#<code>`. A released action or task links to its
// own version's file on GitHub; anything else names the path in the repository.


const ERRORS_DOC = 'docs/errors.md';
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const REF = /^[A-Za-z0-9_.\/-]+$/;
const pathLink = (code) => `${ERRORS_DOC}#${code}`;
/**
 * GitHub: the action's own repository and ref (GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF) when set. A local
 * action (`uses: ./…`) has neither: it lives in the workflow's repository at the commit being built, so the
 * link is that commit's file, at the action's folder inside the workspace.
 */
function actionCodeLink(env) {
    const server = /^https:\/\/[A-Za-z0-9.-]+$/.test(env['GITHUB_SERVER_URL'] ?? '')
        ? env['GITHUB_SERVER_URL']
        : 'https://github.com';
    const repo = env['GITHUB_ACTION_REPOSITORY'] ?? '';
    const ref = env['GITHUB_ACTION_REF'] ?? '';
    if (REPOSITORY.test(repo) && REF.test(ref))
        return (code) => `${server}/${repo}/blob/${ref}/${ERRORS_DOC}#${code}`;
    const workflowRepo = env['GITHUB_REPOSITORY'] ?? '';
    const sha = env['GITHUB_SHA'] ?? '';
    const folder = localActionFolder(env['GITHUB_WORKSPACE'], env['GITHUB_ACTION_PATH']);
    if (repo === '' && REPOSITORY.test(workflowRepo) && /^[0-9a-f]{40}$/.test(sha) && folder !== null) {
        const prefix = folder === '' ? '' : `${folder}/`;
        return (code) => `${server}/${workflowRepo}/blob/${sha}/${prefix}${ERRORS_DOC}#${code}`;
    }
    return pathLink;
}
/** The action's folder relative to the workspace ('' at its root), or null when it is not inside it. */
function localActionFolder(workspace, actionPath) {
    if (!workspace || !actionPath)
        return null;
    const rel = relative(workspace, actionPath).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel) || !/^[A-Za-z0-9_.\/-]*$/.test(rel))
        return null;
    return rel;
}
/**
 * Azure DevOps: the packaged task carries `imds-check.json` ({"errorsDoc": "https://…/docs/errors.md"}, written
 * from the extension manifest's repository link) in its folder; the bundle looks next to itself and above.
 */
function taskCodeLink(bundleUrl) {
    for (const relative of ['./imds-check.json', '../imds-check.json', '../../imds-check.json']) {
        try {
            const parsed = JSON.parse(readFileSync(new URL(relative, bundleUrl), 'utf8'));
            const doc = parsed?.errorsDoc;
            if (typeof doc === 'string' && /^https:\/\/[^\s#?]+\/docs\/errors\.md$/.test(doc))
                return (code) => `${doc}#${code}`;
        }
        catch {
            // not packaged (a checkout or a test): the next place, then the repository path
        }
    }
    return pathLink;
}


/***/ }),

/***/ 8304:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ exitOnceWritten)
/* harmony export */ });
// Ends the process once the verdict is written. Everything the step owes its platform is on stdout, stderr and
// in its files by then; what may still be running is what the run gave up on: a name lookup the system
// resolver has not answered holds a thread and keeps Node alive until the resolver gives up (40 s and more when
// DNS is black-holed, whatever timeout-seconds says). So the doors flush both streams and exit.
/** Waits until `stream` has handed over what was written to it (a write callback), at most `ms`. */
function drained(stream, ms) {
    return new Promise((resolve) => {
        if (stream.destroyed || !stream.writable)
            return resolve();
        const timer = setTimeout(resolve, ms);
        stream.write('', () => {
            clearTimeout(timer);
            resolve();
        });
    });
}
/** Flushes stdout and stderr, then exits with `code` (default: the exit code the step set). */
async function exitOnceWritten(code) {
    await Promise.all([drained(process.stdout, 2_000), drained(process.stderr, 2_000)]);
    process.exit(code ?? process.exitCode ?? 0);
}


/***/ }),

/***/ 4073:
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

/***/ 5951:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  KH: () => (/* binding */ createHostContext)
});

// UNUSED EXPORTS: arcPathsFor, environmentFor, processSystem

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/host/diagnostics.ts
const childProcessDiagnostics = {
    async run(command, args, timeoutMs) {
        // Never a bare name: PATH (and on Windows the working folder) would choose which program runs.
        const { isAbsolute } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6760, 23));
        if (!isAbsolute(command) && !/^[A-Za-z]:\\/.test(command))
            return null;
        // Loaded on first use: most runs never ask, and start-up should not pay for it.
        const { execFile } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 23));
        return new Promise((resolve) => {
            execFile(command, args, { timeout: timeoutMs, maxBuffer: 64 * 1024, windowsHide: true, encoding: 'utf8' }, (err, stdout) => {
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/host/file-system.ts
// FileSystemPort over node:fs. readSmallFile opens without following a final link and without blocking
// on a FIFO, then checks the opened handle is a regular file with one hard link, within the size cap, before
// reading it (the checks on the handle close the gap between an earlier lstat and the open). readBounded does
// the same for files that may be links (a CA bundle): it follows them, and judges what it opened.

const NO_FOLLOW = external_node_fs_.constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = external_node_fs_.constants.O_NONBLOCK ?? 0;
function fail(code, message) {
    throw Object.assign(new Error(message), { code });
}
/** Opens `path` once, judges the handle (regular file, size, links), then reads at most maxBytes from it. */
async function readOpened(path, maxBytes, flags, oneLink) {
    const handle = await external_node_fs_.promises.open(path, external_node_fs_.constants.O_RDONLY | NON_BLOCK | flags);
    try {
        const s = await handle.stat();
        if (!s.isFile())
            fail('ENOTREG', `${path} is not a regular file`);
        if (oneLink && s.nlink > 1)
            fail('EMLINK', `${path} has more than one hard link`);
        if (s.size > maxBytes)
            fail('EFBIG', `${path} is larger than ${maxBytes} bytes`);
        // One byte more than allowed tells a file that grew since fstat from one that fits. Never exposed beyond
        // what was read, so the buffer need not be zeroed.
        const buffer = Buffer.allocUnsafe(maxBytes + 1);
        let filled = 0;
        while (filled < buffer.length) {
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
        }
        if (filled > maxBytes)
            fail('EFBIG', `${path} is larger than ${maxBytes} bytes`);
        return buffer.subarray(0, filled).toString('utf8');
    }
    finally {
        await handle.close();
    }
}
const nodeFileSystem = {
    // A stat of a marker file is quicker in place than a trip through the thread pool, which start-up pays for.
    exists: async (path) => (0,external_node_fs_.existsSync)(path),
    async lstat(path) {
        const s = await external_node_fs_.promises.lstat(path);
        return { isFile: s.isFile(), isSymbolicLink: s.isSymbolicLink(), size: s.size, nlink: s.nlink };
    },
    realpath: (path) => external_node_fs_.promises.realpath(path),
    readSmallFile: (path, maxBytes) => readOpened(path, maxBytes, NO_FOLLOW, true),
    readBounded: (path, maxBytes) => readOpened(path, maxBytes, 0, false),
};

// EXTERNAL MODULE: ./src/host/version.ts
var version = __nccwpck_require__(5962);
;// CONCATENATED MODULE: ./src/host/process-context.ts
// Builds the engine's RuntimeContext from the real process: the one place that reads process.env and the
// platform on behalf of the engine. Each front door passes its own spelling, secret registration and printer.




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
/**
 * The engine's copy of the environment. Windows names are case-insensitive (`Https_Proxy` is HTTPS_PROXY to
 * every program there), which a plain copy of process.env forgets: so on Windows every name is upper-cased,
 * the first of two spellings winning as in Windows' own lookup.
 */
function environmentFor(platform, env) {
    if (platform !== 'win32')
        return { ...env };
    const copy = Object.create(null);
    for (const [name, value] of Object.entries(env)) {
        const upper = name.toUpperCase();
        if (!Object.hasOwn(copy, upper))
            copy[upper] = value;
    }
    return copy;
}
/** The machine as Node sees it; statfs works on Linux and Windows alike (Windows: GetDiskFreeSpaceEx). */
const processSystem = {
    release: () => external_node_os_default().release(),
    version: () => external_node_os_default().version(),
    machine: () => external_node_os_default().machine(),
    freeBytes: async (path) => {
        // Loaded here: node:fs/promises (with readline and watchers) costs every run's start-up, and only the
        // AMA readiness check asks.
        const { statfs } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 23));
        const stats = await statfs(path);
        return stats.bavail * stats.bsize;
    },
};
function createHostContext(options) {
    const env = options.env ?? process.env;
    const platform = options.platform ?? process.platform;
    const arcPaths = arcPathsFor(platform, env);
    return {
        env: environmentFor(platform, env),
        platform,
        clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
        random: Math.random,
        fs: nodeFileSystem,
        system: processSystem,
        ...arcPaths,
        ...(options.arcTokensDir ? { arcTokensDir: options.arcTokensDir } : {}),
        containerMarkers: platform === 'win32' ? [] : ['/.dockerenv', '/run/.containerenv'],
        agentProxy: options.agentProxy ?? null,
        spell: options.spell,
        diagnostics: options.diagnostics === undefined ? childProcessDiagnostics : options.diagnostics,
        log: options.log ?? { debug: () => undefined },
        progress: options.progress ?? (() => undefined),
        registerSecret: options.registerSecret,
        toolVersion: version/* TOOL_VERSION */.w,
    };
}


/***/ }),

/***/ 9734:
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

/***/ 8392:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Li: () => (/* binding */ writeReports),
/* harmony export */   Q9: () => (/* binding */ writePrivately),
/* harmony export */   Rs: () => (/* binding */ reportPaths)
/* harmony export */ });
/* unused harmony export reportFolder */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9293);
/* harmony import */ var _writable_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1852);
// Writes the JSON report and, when asked, JUnit XML, for every front door alike. Files are written privately:
// the fallback folder (no RUNNER_TEMP / Agent.TempDirectory) is a fresh mkdtemp folder (0700), and every file
// is written under a temporary name in its folder and renamed into place, so a planted symlink at the final
// name is replaced, never followed.




/** Loaded when a file is written, after the probe: start-up should not pay for them. */
const files = () => Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 23));
/**
 * The folder for default report files: `<tempDir>/imds-check` when the runner or agent gives a per-job temp
 * folder, else a new private folder under the system temp (a shared `/tmp/imds-check` could be planted).
 */
async function reportFolder(tempDir, systemTemp = tmpdir()) {
    const { mkdir, mkdtemp } = await files();
    if (tempDir && tempDir !== '') {
        const dir = join(tempDir, 'imds-check');
        await mkdir(dir, { recursive: true, mode: 0o700 });
        return dir;
    }
    return mkdtemp(join(systemTemp, 'imds-check-'));
}
/** Writes `content` to `path` through a new file in the same folder and a rename. */
async function writePrivately(path, content) {
    const { mkdir, rename, rm, writeFile } = await files();
    const { randomBytes } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7598, 23));
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path);
    await mkdir(dir, { recursive: true });
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        await writeFile(temp, content, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
        await rename(temp, path);
    }
    catch (err) {
        await rm(temp, { force: true });
        throw err;
    }
}
async function writeOne(what, path, content) {
    try {
        await writePrivately(path, content);
        return null;
    }
    catch (err) {
        return { what, path, errno: (0,_writable_js__WEBPACK_IMPORTED_MODULE_3__/* .errnoOf */ .UQ)(err) };
    }
}
/** The paths `writeReports` writes: '' for a file not asked for. */
function reportPaths(paths) {
    const wanted = paths.reportPath !== ''
        ? paths.reportPath
        : paths.defaultDir !== ''
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(paths.defaultDir, 'report.json')
            : '';
    return {
        reportPath: wanted !== '' ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(wanted) : '',
        junitPath: paths.junitPath !== '' ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(paths.junitPath) : '',
    };
}
/**
 * reportPath '' means `<defaultDir>/report.json`, or no JSON report when defaultDir is '' (the CLI writes files
 * only on request); junitPath '' means no JUnit.
 */
async function writeReports(report, paths) {
    const { reportPath, junitPath } = reportPaths(paths);
    const problems = [];
    const jsonProblem = reportPath !== '' ? await writeOne('JSON report', reportPath, (0,_core_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderJson */ .hF)(report)) : null;
    if (jsonProblem)
        problems.push(jsonProblem);
    if (junitPath !== '') {
        const junitProblem = await writeOne('JUnit file', junitPath, (0,_core_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderJunit */ .RV)(report));
        if (junitProblem)
            problems.push(junitProblem);
    }
    return { reportPath: jsonProblem ? '' : reportPath, junitPath, problems };
}


/***/ }),

/***/ 4170:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Id: () => (/* binding */ CLI_SPELLING)
/* harmony export */ });
/* unused harmony exports ACTION_SPELLING, TASK_SPELLING */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9293);
// How each front door spells an input, for messages and advice: the engine is told, it never guesses.

const ACTION_SPELLING = {
    name: (input) => input,
    assignment: (input, value) => `${input}: ${value}`,
};
const TASK_SPELLING = {
    name: (input) => (0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .toCamel */ .wu)(input),
    assignment: (input, value) => `${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .toCamel */ .wu)(input)}: ${value}`,
};
/** The CLI's flags are the input names, except where an input declares another (the two file flags). */
const CLI_FLAG = new Map(_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .CONTRACT_INPUTS */ .Vw.map((i) => [i.name, i.cli.flag ?? i.name]));
const CLI_SPELLING = {
    name: (input) => `--${CLI_FLAG.get(input) ?? input}`,
    assignment: (input, value) => `--${CLI_FLAG.get(input) ?? input} ${value}`,
};


/***/ }),

/***/ 5962:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
// Kept in step with package.json by a test; a literal so bundles need not read package.json at run time.
const TOOL_VERSION = '1.0.0';


/***/ }),

/***/ 1852:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UQ: () => (/* binding */ errnoOf),
/* harmony export */   Xc: () => (/* binding */ firstWriteProblem),
/* harmony export */   aU: () => (/* binding */ writeProblemText)
/* harmony export */ });
/* unused harmony export writeProblem */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// A file the user asked for is a file written (DESIGN 3.3): one that cannot be written fails the step whatever
// fail-on says, as report_write_failed naming the path and the errno. Most causes show before the probe (a
// folder at the path, a parent that cannot be created, no permission to write in it), so they are checked then
// and a run does not spend its time on a verdict nobody will read.


/** What an errno means for a file to be written, in the words of the fix. */
const MEANING = new Map([
    ['EACCES', 'no permission to write there'],
    ['EPERM', 'no permission to write there'],
    ['EISDIR', 'the path is a folder'],
    ['ENOENT', 'a folder on the path is missing and cannot be created'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
    ['EEXIST', 'a part of the path is a file, not a folder'],
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'no space left on the device'],
    ['EDQUOT', 'the disk quota is used up'],
]);
const errnoOf = (err) => {
    const code = err?.code;
    return typeof code === 'string' && /^[A-Z0-9_]{2,30}$/.test(code) ? code : 'EUNKNOWN';
};
/** One line: the code, what could not be written, where, and why. */
function writeProblemText(problem) {
    const meaning = MEANING.get(problem.errno);
    return `report_write_failed: cannot write the ${problem.what} ${problem.path} (${problem.errno}${meaning ? `: ${meaning}` : ''})`;
}
/** Loaded when a file is checked or written, not at start-up. */
const files = () => Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 23));
/**
 * Why `path` cannot be written, as far as can be told without writing it; null when nothing stands in the way.
 * Missing parent folders are created (the writer would create them too). `append`: the file is appended to in
 * place (the GitHub step summary), so the file itself must be writable; otherwise it is replaced by a rename
 * and only its folder must be.
 */
async function writeProblem(what, path, append = false) {
    const { access, lstat, mkdir } = await files();
    const problem = (err) => ({ what, path, errno: errnoOf(err) });
    try {
        const found = await lstat(path);
        if (found.isDirectory())
            return { what, path, errno: 'EISDIR' };
        if (append)
            await access(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
    }
    catch (err) {
        if (errnoOf(err) !== 'ENOENT')
            return problem(err);
    }
    try {
        await mkdir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        await access((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
    }
    catch (err) {
        return problem(err);
    }
    return null;
}
/** The first problem of several targets, checked in order; null when each can be written. */
async function firstWriteProblem(targets) {
    for (const target of targets) {
        const found = await writeProblem(target.what, target.path, target.append);
        if (found)
            return found;
    }
    return null;
}


/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/async module */
/******/ 	(() => {
/******/ 		var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 		var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 		var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 		var resolveQueue = (queue) => {
/******/ 			if(queue && queue.d < 1) {
/******/ 				queue.d = 1;
/******/ 				queue.forEach((fn) => (fn.r--));
/******/ 				queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 			}
/******/ 		}
/******/ 		var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 			if(dep !== null && typeof dep === "object") {
/******/ 				if(dep[webpackQueues]) return dep;
/******/ 				if(dep.then) {
/******/ 					var queue = [];
/******/ 					queue.d = 0;
/******/ 					dep.then((r) => {
/******/ 						obj[webpackExports] = r;
/******/ 						resolveQueue(queue);
/******/ 					}, (e) => {
/******/ 						obj[webpackError] = e;
/******/ 						resolveQueue(queue);
/******/ 					});
/******/ 					var obj = {};
/******/ 					obj[webpackQueues] = (fn) => (fn(queue));
/******/ 					return obj;
/******/ 				}
/******/ 			}
/******/ 			var ret = {};
/******/ 			ret[webpackQueues] = x => {};
/******/ 			ret[webpackExports] = dep;
/******/ 			return ret;
/******/ 		}));
/******/ 		__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 			var queue;
/******/ 			hasAwait && ((queue = []).d = -1);
/******/ 			var depQueues = new Set();
/******/ 			var exports = module.exports;
/******/ 			var currentDeps;
/******/ 			var outerResolve;
/******/ 			var reject;
/******/ 			var promise = new Promise((resolve, rej) => {
/******/ 				reject = rej;
/******/ 				outerResolve = resolve;
/******/ 			});
/******/ 			promise[webpackExports] = exports;
/******/ 			promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 			module.exports = promise;
/******/ 			body((deps) => {
/******/ 				currentDeps = wrapDeps(deps);
/******/ 				var fn;
/******/ 				var getResult = () => (currentDeps.map((d) => {
/******/ 					if(d[webpackError]) throw d[webpackError];
/******/ 					return d[webpackExports];
/******/ 				}))
/******/ 				var promise = new Promise((resolve) => {
/******/ 					fn = () => (resolve(getResult));
/******/ 					fn.r = 0;
/******/ 					var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 					currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 				});
/******/ 				return fn.r ? promise : getResult();
/******/ 			}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 			queue && queue.d < 0 && (queue.d = 0);
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
/******/ 	
/******/ 	// startup
/******/ 	// Load entry module and return exports
/******/ 	// This entry module used 'module' so it can't be inlined
/******/ 	var __webpack_exports__ = __nccwpck_require__(486);
/******/ 	module.exports = __webpack_exports__;
/******/ 	
/******/ })()
;