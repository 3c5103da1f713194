"use strict";
exports.id = 650;
exports.ids = [650];
exports.modules = {

/***/ 2650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  judgeHost: () => (/* binding */ judgeHost)
});

// EXTERNAL MODULE: ./src/core/pipeline/remedy-lookup.ts + 1 modules
var remedy_lookup = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/core/neutralise.ts
var neutralise = __webpack_require__(8453);
;// CONCATENATED MODULE: ./src/core/checks/ama-host/part.ts
const passed = (says, row) => ({ status: 'pass', code: 'ok', says, row });
const warned = (code, says, row) => ({
    status: 'warn',
    code,
    says,
    row,
});
const failed = (code, says, row) => ({
    status: 'fail',
    code,
    says,
    row,
});
/** A Node error's code (ENOENT, EACCES, …) as a message may show it; anything else is EUNKNOWN. */
function errnoOf(err) {
    const code = err?.code;
    return typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? code : 'EUNKNOWN';
}

;// CONCATENATED MODULE: ./src/core/checks/ama-host/arch.ts
// The CPU architecture of the kernel (os.machine(), not Node's own process arch: a 32-bit Node on a 64-bit system
// must not fail the machine). AMA runs on x64 everywhere; on Arm64 only where its list marks the OS release.


function archOf(machine) {
    const m = machine.toLowerCase();
    if (m === 'x86_64' || m === 'amd64' || m === 'x64')
        return 'x64';
    if (m === 'aarch64' || m === 'arm64' || m.startsWith('armv8'))
        return 'arm64';
    if (/^(i[3-6]86|x86)$/.test(m))
        return 'x86';
    if (m.startsWith('arm'))
        return 'arm';
    return 'other';
}
const ITEM = 'Architecture';
/**
 * `arm64` says how the OS release stands for Arm64 (null: the OS itself is not on the list, so its verdict
 * already says so). `osName` names the release in messages.
 */
function judgeArch(machine, arm64, osName) {
    const arch = archOf(machine);
    const found = `${(0,neutralise/* clip */.$Q)(machine, 40) || '(unknown)'} (${arch})`;
    if (arch === 'x64')
        return passed(`on x64`, [ITEM, found, 'supported']);
    if (arch === 'arm64') {
        if (arm64 === 'listed')
            return passed(`on Arm64, which the list marks for it`, [ITEM, found, 'supported']);
        if (arm64 === 'installer')
            return warned('ama_os_unknown', `Microsoft's list does not mark ${osName} for Arm64, though the installer's own list does`, [ITEM, found, "installer's list only"]);
        if (arm64 === 'no')
            return failed('ama_arch_unsupported', `${osName} is supported on x64 only, not on Arm64`, [
                ITEM,
                found,
                'not supported',
            ]);
        return passed(`on Arm64`, [ITEM, found, 'see the OS verdict']);
    }
    const what = arch === 'x86' || arch === 'arm' ? `a 32-bit ${arch} system` : `a ${(0,neutralise/* clip */.$Q)(machine, 40)} system`;
    return failed('ama_arch_unsupported', `${what}; AMA runs on x64 and Arm64 only`, [
        ITEM,
        found,
        'not supported',
    ]);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/checks/ama-host/disk.ts
// Free space where AMA keeps its cache, against ama-min-free-gb. The folder does not exist before AMA is
// installed, so the nearest existing parent is measured: the file system the cache will land on.
// Folders, from Microsoft Learn "Azure Monitor Agent requirements" (azure-monitor-docs @69cf7b8, ms.date
// 01/08/2025, read 2026-12-06): the Linux event cache /var/opt/microsoft/azuremonitoragent/events (10 GB), the
// Windows agent cache C:\WindowsAzure\Resources\AMADataStore.<name> on a VM and
// C:\Resources\Directory\AMADataStore.<name> on Arc (10.5 GB). The 10 GB default cache quota (MaxDiskQuotaInMB
// 10000) is stated by the 11/14/2024 copy of that page and a third-party blog, not by a newer Microsoft page.


const LINUX_DATA_FOLDER = '/var/opt/microsoft/azuremonitoragent/events';
const WINDOWS_DATA_FOLDER = {
    vm: '\\WindowsAzure\\Resources',
    arc: '\\Resources\\Directory',
};
/** One GB here is 1024³ bytes, as `df -h` and Explorer count. */
const GB = 1024 ** 3;
function dataFolder(platform, mode, env) {
    if (platform !== 'win32')
        return LINUX_DATA_FOLDER;
    const drive = /^[A-Za-z]:$/.test(env['SYSTEMDRIVE'] ?? '') ? env['SYSTEMDRIVE'] : 'C:';
    return `${drive}${WINDOWS_DATA_FOLDER[mode]}`;
}
/** The folder itself or its nearest parent that exists (the root at last). */
async function nearestExisting(ctx, folder) {
    const paths = ctx.platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
    let at = folder;
    for (let i = 0; i < 32; i++) {
        if (await ctx.fs.exists(at))
            return at;
        const up = paths.dirname(at);
        if (up === at)
            return at;
        at = up;
    }
    return at;
}
const gb = (bytes) => `${(bytes / GB).toFixed(1)} GB`;
const disk_ITEM = 'Free disk';
async function judgeDisk(ctx, mode, minFreeGb) {
    const folder = dataFolder(ctx.platform, mode, ctx.env);
    const requiredBytes = minFreeGb * GB;
    const measuredAt = await nearestExisting(ctx, folder);
    const facts = { folder, measuredAt, freeBytes: null, requiredBytes };
    const where = measuredAt === folder ? folder : `${measuredAt} (for ${folder})`;
    if (minFreeGb === 0)
        return { part: passed('free disk not checked (minimum 0 GB)', [disk_ITEM, where, 'not checked']), facts };
    let free;
    try {
        free = await ctx.system.freeBytes(measuredAt);
    }
    catch (err) {
        // Nothing to judge: said in the message and the table, without failing the machine on our own error.
        const code = errnoOf(err);
        return {
            part: passed(`free disk at ${where} could not be measured (${code})`, [
                disk_ITEM,
                where,
                `not measured (${code})`,
            ]),
            facts,
        };
    }
    facts.freeBytes = free;
    const found = `${gb(free)} free at ${where}`;
    if (free < requiredBytes)
        return {
            part: failed('ama_disk_low', `only ${gb(free)} free at ${where}, below the ${minFreeGb} GB AMA's cache needs`, [disk_ITEM, found, `below ${minFreeGb} GB`]),
            facts,
        };
    return { part: passed(`${gb(free)} free at ${where}`, [disk_ITEM, found, `at least ${minFreeGb} GB`]), facts };
}

// EXTERNAL MODULE: ./src/core/checks/ama-host/host-codes.ts
var host_codes = __webpack_require__(5035);
;// CONCATENATED MODULE: ./src/core/checks/ama-host/supported-os.ts
// Data: the Linux distributions and versions the Azure Monitor Agent supports, keyed by /etc/os-release ID.
// Sources, each read on 2026-12-06 (the date the check shows):
//  - Microsoft Learn, "Azure Monitor Agent supported operating systems and environments"
//    (MicrosoftDocs/azure-monitor-docs articles/azure-monitor/agents/azure-monitor-agent-supported-operating-systems.md
//    @5ea5150, ms.date 03/07/2025), plus the rows MicrosoftDocs/azure-monitor-docs PR #315 added (merged 2026-08-31).
//  - The installer's own gate, the one that exits 51 "Unsupported operating system" (Azure/azure-linux-extensions
//    AzureMonitorAgent/ama_tst/modules/install/supported_distros.py @01e5e12), as the cross-check: a row only
//    that list has is `installer` (not documented; a warning, never a pass). PR #315 marks Arm64 exactly where
//    that list's aarch64 map has the version, so the rows it added carry Arm64 as listed.
// The page carries no "not supported" rows: what it does not list is unsupported.
const SUPPORTED_OS_SOURCE = "Microsoft Learn 'Azure Monitor Agent supported operating systems' (ms.date 2025-03-07, with docs PR #315 of 2026-08-31) and the installer's supported_distros.py @01e5e12, read 2026-12-06";
/** The same, short enough for a table cell. */
const SUPPORTED_OS_SOURCE_SHORT = 'Microsoft Learn 2025-03-07 + PR #315, installer list @01e5e12; read 2026-12-06';
const both = (version, note) => ({
    version,
    x64: 'listed',
    arm64: 'listed',
    ...(note ? { note } : {}),
});
const x64 = (version, arm64 = 'no', note) => ({
    version,
    x64: 'listed',
    arm64,
    ...(note ? { note } : {}),
});
const installerOnly = (version, arm64, note) => ({
    version,
    x64: 'installer',
    arm64,
    note,
});
// prettier-ignore
const LINUX_FAMILIES = [
    { name: 'AlmaLinux', ids: ['almalinux'], releases: [x64('8', 'listed'), x64('9'), both('10')] },
    { name: 'Amazon Linux', ids: ['amzn'], releases: [x64('2'), x64('2023')] },
    { name: 'Azure Linux', ids: ['azurelinux'], releases: [both('3'), both('4')] },
    {
        name: 'CBL-Mariner', ids: ['mariner'],
        releases: [both('2', 'CBL-Mariner 2.0 needs at least 4 GB of disk, more than its default image has')],
    },
    {
        name: 'CentOS', ids: ['centos'], releases: [],
        dropped: [
            { version: '7', reason: 'removed from the list in 2025 after its end of life' },
            { version: '8', reason: 'removed from the list in 2025 after its end of life' },
        ],
    },
    {
        name: 'Debian', ids: ['debian'],
        releases: [
            x64('9'), x64('10'), x64('11', 'listed'), x64('12', 'installer'),
            installerOnly('13', 'installer', "Debian 13 is in the installer's list but not on Microsoft's page"),
        ],
    },
    { name: 'openSUSE Leap', ids: ['opensuse-leap', 'opensuse'], releases: [x64('15')] },
    {
        name: 'Oracle Linux', ids: ['ol'],
        releases: [
            x64('7'), x64('8'), x64('9'),
            x64('10', 'no', "Oracle Linux 10 is on Microsoft's page but not yet in the installer's list (@01e5e12)"),
        ],
    },
    {
        name: 'Red Hat Enterprise Linux', ids: ['rhel'],
        releases: [
            x64('7.9'),
            ...['8.0', '8.1', '8.2', '8.3', '8.4', '8.5'].map((v) => x64(v)),
            ...['8.6', '8.7', '8.8', '8.9', '8.10'].map((v) => both(v)),
            x64('9', 'installer'),
            installerOnly('10', 'installer', "RHEL 10 is in the installer's list but not on the page read"),
        ],
    },
    { name: 'Rocky Linux', ids: ['rocky'], releases: [x64('8', 'installer'), x64('9', 'installer'), both('10')] },
    {
        name: 'SUSE Linux Enterprise Server', ids: ['sles', 'sles_sap'],
        releases: [
            x64('12.5', 'no', "SLES 12 SP5 is on Microsoft's page but not in the installer's list (@01e5e12)"),
            x64('15.0'), x64('15.1'), x64('15.2'), x64('15.3'),
            both('15.4'), both('15.5'), both('15.6'), both('15.7'),
            both('16'),
        ],
    },
    {
        name: 'Ubuntu', ids: ['ubuntu'],
        releases: [x64('16.04'), both('18.04'), both('20.04'), both('22.04'), both('24.04'), both('26.04')],
    },
];
/** The family of an os-release ID, or undefined (a distribution that is on no list). */
function familyOf(id) {
    const lower = id.toLowerCase();
    return LINUX_FAMILIES.find((f) => f.ids.includes(lower));
}

;// CONCATENATED MODULE: ./src/core/checks/ama-host/linux-os.ts
// The Linux distribution from /etc/os-release (ID and VERSION_ID, as the AMA installer reads them on Python 3.8+)
// judged against the supported list: a listed release passes; a release the page dropped, or one older than
// the oldest listed of its family, fails; any other unlisted release of a known family warns (the list may be
// older than the release, though the installer will probably refuse it); a distribution on no list fails.



/** KEY=value lines, values optionally quoted (os-release(5)); unknown keys are ignored. */
function parseOsRelease(text) {
    const values = new Map();
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
        if (!m)
            continue;
        const raw = m[2].trim();
        const quoted = /^(["'])(.*)\1$/.exec(raw);
        values.set(m[1], (0,neutralise/* clip */.$Q)(quoted ? quoted[2].replace(/\\(["'$`\\])/g, '$1') : raw, 80));
    }
    return {
        id: values.get('ID') ?? '',
        versionId: values.get('VERSION_ID') ?? '',
        prettyName: values.get('PRETTY_NAME') ?? '',
        idLike: values.get('ID_LIKE') ?? '',
    };
}
/** `22.04` → [22, 4]; null when not dotted numbers. */
function versionParts(version) {
    return /^\d{1,6}(\.\d{1,6}){0,3}$/.test(version) ? version.split('.').map(Number) : null;
}
/** Compares from the left; a missing component counts as 0 (`15` is 15.0). */
function compareVersions(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** A release spec matches when each of its components equals the machine's (`8` matches 8.10). */
const matches = (spec, machine) => (versionParts(spec) ?? [NaN]).every((n, i) => (machine[i] ?? 0) === n);
/** The most specific release of the family that matches. */
function releaseFor(family, machine) {
    return family.releases
        .filter((r) => matches(r.version, machine))
        .sort((a, b) => b.version.length - a.version.length)[0];
}
const linux_os_ITEM = 'Operating system';
function judgeLinux(os) {
    const found = `${os.prettyName || '(no PRETTY_NAME)'} (ID=${os.id || '?'}, VERSION_ID=${os.versionId || '?'})`;
    const family = familyOf(os.id);
    if (!family) {
        const like = os.idLike ? `; derivatives (ID_LIKE ${os.idLike}) are not on it either` : '';
        const name = os.prettyName || os.id || 'this distribution';
        return {
            part: failed('ama_os_unsupported', `${name} is not a distribution on AMA's supported list${like}`, [
                linux_os_ITEM,
                found,
                'not supported',
            ]),
            arm64: null,
            name,
        };
    }
    const name = `${family.name} ${os.versionId || '(no version)'}`;
    const machine = versionParts(os.versionId);
    if (!machine) {
        return {
            part: warned('ama_os_unknown', `${name}: the version cannot be compared with the list`, [
                linux_os_ITEM,
                found,
                'version unknown',
            ]),
            arm64: null,
            name,
        };
    }
    const dropped = family.dropped?.find((d) => matches(d.version, machine));
    if (dropped)
        return {
            part: failed('ama_os_unsupported', `${name} is not supported: ${dropped.reason}`, [
                linux_os_ITEM,
                found,
                'not supported',
            ]),
            arm64: null,
            name,
        };
    const release = releaseFor(family, machine);
    if (release?.x64 === 'listed') {
        const note = release.note ? ` (${release.note})` : '';
        return {
            part: passed(`${name} is supported${note}`, [linux_os_ITEM, found, 'supported']),
            arm64: release.arm64,
            name,
        };
    }
    if (release) {
        return {
            part: warned('ama_os_unknown', `${name} is not on Microsoft's list: ${release.note ?? 'installer list only'}`, [linux_os_ITEM, found, "installer's list only"]),
            arm64: release.arm64,
            name,
        };
    }
    const listed = [...family.releases.map((r) => r.version), ...(family.dropped ?? []).map((d) => d.version)];
    const oldest = listed.map((v) => versionParts(v)).sort(compareVersions)[0];
    const shownList = family.releases.map((r) => r.version).join(', ') || 'none';
    if (oldest && compareVersions(machine, oldest) < 0)
        return {
            part: failed('ama_os_unsupported', `${name} is older than the oldest ${family.name} release AMA supports (listed: ${shownList})`, [linux_os_ITEM, found, 'not supported']),
            arm64: null,
            name,
        };
    return {
        part: warned('ama_os_unknown', `${name} is not on AMA's supported list (listed ${family.name}: ${shownList})`, [linux_os_ITEM, found, 'not listed']),
        arm64: null,
        name,
    };
}

;// CONCATENATED MODULE: ./src/core/checks/ama-host/windows-builds.ts
// Data: Windows builds as os.release() gives them (`10.0.<build>`, `6.3.9600`), the server and client products
// that share each build, and whether AMA supports each. Windows 11 still reports 10.0, and most server builds
// share their number with a client release, so a build alone often names two products.
// Sources, read 2026-12-06: the AMA supported-operating-systems page @5ea5150 (ms.date 03/07/2025: Server 2025,
// 2022, 2019, 2016, 2012 R2 with ESU; Windows 11; Windows 10 1803 and later; x64 only, Arm64 only for Windows 11
// client and Pro; "x86 isn't supported for any operating system"); build numbers from microsoft/hcsshim
// `osversion` (RS1 14393, RS4 17134, RS5 17763, V21H2Server 20348, V21H2Win10 19044, V21H2Win11 22000),
// endoflife.date windowsServer.md (6.3.9600, 6.2.9200), the release-health aggregate altrhombus/DataForGeeks
// releases.json (22621, 22631, 19045), and sindresorhus/windows-release issue #36 (Server 2025 reports
// 10.0.26100). UNCONFIRMED by a Microsoft source: 26200 = Windows 11 25H2 (a third-party statement) and
// 25398 = Windows Server 23H2.
const CLIENT_INSTALLER = 'Windows 10 and 11 clients install AMA with its client installer (MSI), not the VM extension';
const win10 = (version, supported) => ({
    name: `Windows 10 ${version}`,
    supported,
    ...(supported ? { note: CLIENT_INSTALLER } : { note: 'AMA supports Windows 10 from 1803 (build 17134)' }),
});
const win11 = (version, note = CLIENT_INSTALLER) => ({
    name: `Windows 11 ${version}`,
    supported: true,
    note,
});
const semiAnnual = (version) => ({
    name: `Windows Server ${version} (Semi-Annual Channel)`,
    supported: null,
    note: 'Semi-Annual Channel servers are not on the AMA list',
});
// prettier-ignore
const WINDOWS_BUILDS = [
    { release: '6.1.7601', server: { name: 'Windows Server 2008 R2', supported: false }, client: { name: 'Windows 7', supported: false } },
    {
        release: '6.2.9200',
        server: { name: 'Windows Server 2012', supported: false, note: 'Windows Server 2012 was dropped from the list in 2025' },
        client: { name: 'Windows 8', supported: false },
    },
    {
        release: '6.3.9600',
        server: { name: 'Windows Server 2012 R2', supported: true, note: 'Windows Server 2012 R2 is supported with an Extended Security Updates agreement' },
        client: { name: 'Windows 8.1', supported: false },
    },
    { release: '10.0.14393', server: { name: 'Windows Server 2016', supported: true }, client: win10('1607', false) },
    { release: '10.0.15063', client: win10('1703', false) },
    { release: '10.0.16299', server: semiAnnual('1709'), client: win10('1709', false) },
    { release: '10.0.17134', server: semiAnnual('1803'), client: win10('1803', true) },
    { release: '10.0.17763', server: { name: 'Windows Server 2019', supported: true }, client: win10('1809', true) },
    { release: '10.0.18362', server: semiAnnual('1903'), client: win10('1903', true) },
    { release: '10.0.18363', server: semiAnnual('1909'), client: win10('1909', true) },
    { release: '10.0.19041', server: semiAnnual('2004'), client: win10('2004', true) },
    { release: '10.0.19042', server: semiAnnual('20H2'), client: win10('20H2', true) },
    { release: '10.0.19043', client: win10('21H1', true) },
    { release: '10.0.19044', client: win10('21H2', true) },
    { release: '10.0.19045', client: win10('22H2', true) },
    { release: '10.0.20348', server: { name: 'Windows Server 2022', supported: true } },
    { release: '10.0.22000', client: win11('21H2') },
    { release: '10.0.22621', client: win11('22H2') },
    { release: '10.0.22631', client: win11('23H2') },
    {
        release: '10.0.25398',
        server: { name: 'Windows Server 23H2 (Annual Channel)', supported: null, note: 'the build number of Windows Server 23H2 is not confirmed by a Microsoft source, and it is not on the AMA list' },
    },
    { release: '10.0.26100', server: { name: 'Windows Server 2025', supported: true }, client: win11('24H2') },
    { release: '10.0.26200', client: win11('25H2', `${CLIENT_INSTALLER}; the name of build 26200 comes from a third-party source`) },
];
/** Windows 10 builds below this are older than 1803, the oldest client AMA supports (and than any server it lists). */
const OLDEST_SUPPORTED_WINDOWS_10_BUILD = 17134;

;// CONCATENATED MODULE: ./src/core/checks/ama-host/windows-os.ts
// The Windows version from os.release() (`10.0.<build>`), mapped to the products that share the build, judged
// against the supported list. os.version() (the registry's product name) tells server from client, nothing
// more: it still says "Windows 10" on Windows 11. When it cannot tell and the two products differ in support,
// the check warns and names both.



const windows_os_ITEM = 'Operating system';
const NEWEST_KNOWN_BUILD = Math.max(...WINDOWS_BUILDS.map((b) => Number(b.release.split('.')[2])));
/** 'server' or 'client' from the product name, or null when it does not say. */
function editionOf(productName) {
    if (/\bserver\b/i.test(productName))
        return 'server';
    if (/^\s*windows\s+(7|8(\.1)?|10|11)\b/i.test(productName))
        return 'client';
    return null;
}
function judgeProduct(product, found) {
    const note = product.note ? ` (${product.note})` : '';
    if (product.supported === true)
        return passed(`${product.name} is supported${note}`, [windows_os_ITEM, found, 'supported']);
    if (product.supported === false)
        return failed('ama_os_unsupported', `${product.name} is not supported${note}`, [
            windows_os_ITEM,
            found,
            'not supported',
        ]);
    return warned('ama_os_unknown', `${product.name} is not on AMA's supported list${note}`, [
        windows_os_ITEM,
        found,
        'not listed',
    ]);
}
function judgeWindows(release, productName) {
    const edition = editionOf(productName);
    const found = `${productName ? `${(0,neutralise/* clip */.$Q)(productName, 80)}, ` : ''}os.release() ${(0,neutralise/* clip */.$Q)(release, 40)}`;
    const known = WINDOWS_BUILDS.find((b) => b.release === release);
    if (known) {
        const pick = edition === 'server' ? known.server : edition === 'client' ? known.client : undefined;
        const only = known.server && known.client ? undefined : (known.server ?? known.client);
        const product = pick ?? only;
        if (product)
            return { part: judgeProduct(product, found), product };
        const [server, client] = [known.server, known.client];
        const both = `${server.name} or ${client.name}`;
        if (server.supported === true && client.supported === true) {
            // For the Arm64 rule: only the Windows 11 client of a shared build can be Arm64.
            const armCapable = client.name.startsWith('Windows 11') ? client : server;
            return { part: passed(`${both}: both are supported`, [windows_os_ITEM, found, 'supported']), product: armCapable };
        }
        if (server.supported === false && client.supported === false)
            return {
                part: failed('ama_os_unsupported', `${both}: neither is supported`, [windows_os_ITEM, found, 'not supported']),
                product: null,
            };
        const supported = [server, client].filter((p) => p.supported === true).map((p) => p.name);
        return {
            part: warned('ama_os_unknown', `build ${release} is ${both}, and the product name does not say which; AMA supports ${supported.join(' and ') || 'neither'} of them`, [windows_os_ITEM, found, 'server or client?']),
            product: null,
        };
    }
    const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(release);
    const build = m && m[1] === '10' && m[2] === '0' ? Number(m[3]) : null;
    if (build === null)
        return {
            part: failed('ama_os_unsupported', `Windows ${release} is older than any Windows AMA supports`, [
                windows_os_ITEM,
                found,
                'not supported',
            ]),
            product: null,
        };
    if (build < OLDEST_SUPPORTED_WINDOWS_10_BUILD && edition !== 'server')
        return {
            part: failed('ama_os_unsupported', `Windows build ${build} is older than Windows 10 1803 (build ${OLDEST_SUPPORTED_WINDOWS_10_BUILD}), the oldest client AMA supports`, [windows_os_ITEM, found, 'not supported']),
            product: null,
        };
    const why = build > NEWEST_KNOWN_BUILD
        ? `is newer than the builds AMA's list was matched to (up to ${NEWEST_KNOWN_BUILD})`
        : 'is not a release on the list';
    return {
        part: warned('ama_os_unknown', `Windows build ${build} ${why}`, [windows_os_ITEM, found, 'not listed']),
        product: null,
    };
}

;// CONCATENATED MODULE: ./src/core/checks/ama-host/machine-os.ts



const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'];
const MAX_OS_RELEASE_BYTES = 64 * 1024;
/** The first os-release file that reads: links followed (it is one on most systems), size capped. */
async function readOsRelease(ctx) {
    let error = 'ENOENT';
    for (const file of OS_RELEASE_FILES) {
        try {
            // Opened once, links followed (os-release is usually a link into /usr/lib), judged on the handle.
            return { text: await ctx.fs.readBounded(file, MAX_OS_RELEASE_BYTES) };
        }
        catch (err) {
            error = errnoOf(err);
        }
    }
    return { error };
}
async function machineOs(ctx) {
    if (ctx.platform === 'win32') {
        const windows = judgeWindows(ctx.system.release(), ctx.system.version());
        const name = windows.product?.name ?? `Windows ${ctx.system.release()}`;
        const arm64 = windows.product
            ? windows.product.name.startsWith('Windows 11')
                ? 'listed'
                : 'no'
            : null;
        return { part: windows.part, name, arm64 };
    }
    if (ctx.platform !== 'linux') {
        const name = ctx.platform;
        return {
            part: failed('ama_os_unsupported', `AMA runs on Linux and Windows only, not on ${name}`, [
                'Operating system',
                name,
                'not supported',
            ]),
            name,
            arm64: null,
        };
    }
    const read = await readOsRelease(ctx);
    if ('error' in read) {
        return {
            part: warned('ama_os_unknown', `the distribution is unknown: /etc/os-release cannot be read (${read.error})`, ['Operating system', `/etc/os-release: ${read.error}`, 'unknown']),
            name: 'this distribution',
            arm64: null,
        };
    }
    const linux = judgeLinux(parseOsRelease(read.text));
    return { part: linux.part, name: linux.name, arm64: linux.arm64 };
}

;// CONCATENATED MODULE: ./src/core/checks/ama-host/host-run.ts
// The ama-host check's judgement, loaded only when the check runs: the machine's OS, architecture and disk, each
// judged, then put together (the worst part decides; the fixes of the other codes go first).






const RANK = { pass: 0, warn: 1, fail: 2 };
/** The worst part decides; its code names the check, the fixes of the other codes go first. */
function verdictOf(run, parts, disk, os) {
    const worst = parts.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
    const clauses = parts.map((p) => p.says).join('; ');
    const lead = worst.status === 'pass'
        ? 'AMA can be installed here'
        : worst.status === 'warn'
            ? 'AMA may not install here'
            : 'AMA will not install or run here';
    const others = [
        ...new Set(parts.filter((p) => p.code !== 'ok' && p.code !== worst.code).map((p) => p.code)),
    ];
    const hint = others
        .map((code) => `For ${code}: ${(0,remedy_lookup/* remedyFor */.wJ)(code, (0,remedy_lookup/* remedyContext */.qY)(run), host_codes/* AMA_HOST_REMEDIES */.S)}`)
        .join(' ');
    return {
        status: worst.status,
        code: worst.code,
        message: `${lead}: ${clauses}.`,
        ...(hint ? { hint } : {}),
        details: [
            {
                title: 'Host',
                columns: ['Item', 'Found', 'Verdict'],
                rows: [...parts.map((p) => p.row), ['Supported list', SUPPORTED_OS_SOURCE_SHORT, '']],
            },
        ],
        data: {
            os,
            parts: parts.map((p) => ({ item: p.row[0], status: p.status, code: p.code })),
            disk: {
                folder: disk.folder,
                measuredAt: disk.measuredAt,
                freeBytes: disk.freeBytes,
                requiredBytes: disk.requiredBytes,
            },
            supportedList: SUPPORTED_OS_SOURCE,
        },
    };
}
async function judgeHost(run) {
    const os = await machineOs(run.ctx);
    const arch = judgeArch(run.ctx.system.machine(), os.arm64, os.name);
    const disk = await judgeDisk(run.ctx, run.target.profile.mode, run.options.amaMinFreeGb);
    return {
        verdict: verdictOf(run, [os.part, arch, disk.part], disk.facts, os.name),
        os: os.name,
        disk: disk.facts,
    };
}


/***/ })

};
;