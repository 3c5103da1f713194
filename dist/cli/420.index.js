"use strict";
exports.id = 420;
exports.ids = [420];
exports.modules = {

/***/ 7420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  judgeIdentity: () => (/* binding */ judgeIdentity)
});

// EXTERNAL MODULE: ./src/core/pipeline/remedy-lookup.ts + 1 modules
var remedy_lookup = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/core/checks/ama-identity/identity-codes.ts
var identity_codes = __webpack_require__(4563);
// EXTERNAL MODULE: ./src/core/imds/answers.ts
var answers = __webpack_require__(2568);
;// CONCATENATED MODULE: ./src/core/checks/ama-identity/image.ts
// The image the machine was created from, as metadata gives it: compute.storageProfile.imageReference (api-version
// 2019-06-01 and later), else the top-level publisher, offer and sku. Network text: only compared and shown.

const object = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)
    ? value
    : null;
/** null when metadata named no image at all. */
function imageReferenceOf(document) {
    const compute = object(document?.['compute']);
    if (!compute)
        return null;
    const reference = object(object(compute['storageProfile'])?.['imageReference']);
    const from = reference ?? compute;
    const image = {
        publisher: (0,answers/* text */.Qq)(from['publisher']),
        offer: (0,answers/* text */.Qq)(from['offer']),
        sku: (0,answers/* text */.Qq)(from['sku']),
        id: reference ? (0,answers/* text */.Qq)(reference['id']) : '',
    };
    return Object.values(image).every((v) => v === '') ? null : image;
}

// EXTERNAL MODULE: ./src/core/neutralise.ts
var neutralise = __webpack_require__(8453);
;// CONCATENATED MODULE: ./src/core/checks/ama-identity/policy-rules.ts
// Data: when the built-in "Configure … machines to run Azure Monitor Agent" policies install AMA. Read
// 2026-12-06 from Azure/azure-policy built-in-policies/policyDefinitions/Monitoring/…_DINE.json:
//   Linux VM, system-assigned   a4034bc6-ae50-406d-bf76-50f4ee5a7811 3.7.0 @3f7645e
//   Windows VM, system-assigned ca817e41-e85a-4783-bc7f-dc532d36235e 4.4.0 @a73c875
//   Linux VM, user-assigned     ae8a10e6-19d6-44a3-a02d-a2bdfc707742 3.12.0 @023be41
//   Windows VM, user-assigned   637125fd-7c39-4b94-bb0a-d331faf333a9 1.9.0 @028d79f
//   Linux Arc                   845857af-0333-4c5d-bbbc-6076697da122 2.4.0 @fb3a632
//   Windows Arc                 94f686d6-9a24-4e19-91f1-de937dc171a4 2.4.0 @2528349
// The scale-set variants were read only in part (their image lists match the VM ones); newer versions than these
// may exist (UNCONFIRMED), e.g. with RHEL 10, Ubuntu 26.04, Debian 13 or Server 2025 images.
// The system-assigned policies need identity.type to contain SystemAssigned; the user-assigned and Arc ones have
// no identity condition. Image rules apply with the default scopeToSupportedImages=true and an empty
// listOf…ImageIdToInclude; Arc policies have no image rule. Azure Policy compares strings without regard to
// case as far as we know (UNCONFIRMED here), so this file is matched case-insensitively.
const POLICIES = {
    system: {
        linux: {
            id: 'a4034bc6-ae50-406d-bf76-50f4ee5a7811',
            version: '3.7.0',
            name: 'Configure Linux virtual machines to run Azure Monitor Agent with system-assigned managed identity-based authentication',
        },
        windows: {
            id: 'ca817e41-e85a-4783-bc7f-dc532d36235e',
            version: '4.4.0',
            name: 'Configure Windows virtual machines to run Azure Monitor Agent using system-assigned managed identity',
        },
    },
    user: {
        linux: {
            id: 'ae8a10e6-19d6-44a3-a02d-a2bdfc707742',
            version: '3.12.0',
            name: 'Configure Linux virtual machines to run Azure Monitor Agent with user-assigned managed identity-based authentication',
        },
        windows: {
            id: '637125fd-7c39-4b94-bb0a-d331faf333a9',
            version: '1.9.0',
            name: 'Configure Windows virtual machines to run Azure Monitor Agent with user-assigned managed identity-based authentication',
        },
    },
    arc: {
        linux: {
            id: '845857af-0333-4c5d-bbbc-6076697da122',
            version: '2.4.0',
            name: 'Configure Linux Arc-enabled machines to run Azure Monitor Agent',
        },
        windows: {
            id: '94f686d6-9a24-4e19-91f1-de937dc171a4',
            version: '2.4.0',
            name: 'Configure Windows Arc-enabled machines to run Azure Monitor Agent',
        },
    },
};
/** The 57 regions of the system-assigned and Arc policies (inline lists). */
// prettier-ignore
const REGIONS_57 = [
    'australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast', 'brazilsouth', 'brazilsoutheast',
    'canadacentral', 'canadaeast', 'centralindia', 'centralus', 'centraluseuap', 'eastasia', 'eastus', 'eastus2',
    'eastus2euap', 'francecentral', 'francesouth', 'germanynorth', 'germanywestcentral', 'israelcentral', 'italynorth',
    'japaneast', 'japanwest', 'jioindiacentral', 'jioindiawest', 'koreacentral', 'koreasouth', 'malaysiasouth',
    'mexicocentral', 'northcentralus', 'northeurope', 'norwayeast', 'norwaywest', 'polandcentral', 'qatarcentral',
    'southafricanorth', 'southafricawest', 'southcentralus', 'southeastasia', 'southindia', 'spaincentral',
    'swedencentral', 'swedensouth', 'switzerlandnorth', 'switzerlandwest', 'taiwannorth', 'taiwannorthwest',
    'uaecentral', 'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope', 'westindia', 'westus', 'westus2',
    'westus3',
];
// prettier-ignore
const SOVEREIGN = [
    'chinaeast', 'chinaeast2', 'chinaeast3', 'chinanorth', 'chinanorth2', 'chinanorth3', 'usgovarizona', 'usgovtexas',
    'usgovvirginia', 'usdodeast', 'usdodcentral',
];
/** Regions per policy; the Windows user-assigned list is a parameter's default, which an assignment may change. */
const POLICY_REGIONS = {
    system: { linux: REGIONS_57, windows: REGIONS_57 },
    user: {
        linux: [...REGIONS_57, ...SOVEREIGN],
        windows: [...REGIONS_57, ...SOVEREIGN, 'chilecentral', 'newzealandnorth'],
    },
    arc: { linux: REGIONS_57, windows: REGIONS_57 },
};
const like = (...patterns) => ({ like: patterns });
// prettier-ignore
const UBUNTU_SKUS = [
    ...[0, 1, 2, 3, 4, 5].map((n) => `14.04.${n}-lts`),
    '16_04_0-lts-gen2', '16_04-lts-gen2', '16.04-lts', '16.04.0-lts', '18_04-lts-arm64', '18_04-lts-gen2', '18.04-lts',
    '20_04-lts-arm64', '20_04-lts-gen2', '20_04-lts', '22_04-lts-arm64', '22_04-lts-gen2', '22_04-lts', 'server-arm64',
    'server', 'pro-16_04-lts-gen2', 'pro-16_04-lts', 'pro-18_04-lts-gen2', 'pro-18_04-lts', 'pro-20_04-lts-gen2',
    'pro-20_04-lts', 'pro-22_04-lts-gen2', 'pro-22_04-lts', '24_04-gen2', 'pro-24_04',
];
/** Linux marketplace images (the same in the system-assigned 3.7.0 and user-assigned 3.12.0 policies). */
// prettier-ignore
const LINUX_IMAGES = [
    { publisher: 'RedHat', offer: like('RHEL', 'RHEL-ARM64', 'RHEL-BYOS', 'RHEL-HA', 'RHEL-SAP', 'RHEL-SAP-APPS', 'RHEL-SAP-HA'), sku: like('7*', '8*', '9*', 'rhel-lvm7*', 'rhel-lvm8*', 'rhel-lvm9*') },
    { publisher: 'SUSE', offer: like('SLES', 'SLES-HPC', 'SLES-HPC-Priority', 'SLES-SAP', 'SLES-SAP-BYOS', 'SLES-Priority', 'SLES-BYOS', 'SLES-SAPCAL', 'SLES-Standard'), sku: like('12*', '15*') },
    { publisher: 'SUSE', offer: like('sles-12*', 'sles-15*'), sku: like('gen1', 'gen2') },
    { publisher: 'Canonical', offer: like('UbuntuServer', '0001-com-ubuntu-server-*', '0001-com-ubuntu-pro-*', 'ubuntu-24_04-lts*'), sku: { like: UBUNTU_SKUS } },
    { publisher: 'Oracle', offer: like('Oracle-Linux'), sku: like('7*', '8*', 'ol7*', 'ol8*', 'ol9*') },
    { publisher: 'OpenLogic', offer: like('CentOS', 'Centos-LVM', 'CentOS-SRIOV'), sku: like('7*', '8*') },
    { publisher: 'cloudera', offer: like('cloudera-centos-os'), sku: like('7*') },
    { publisher: 'almalinux', offer: like('almalinux*'), sku: like('8*', '9*') },
    { publisher: 'ciq', offer: like('rocky-community-editions'), sku: like('rocky-community-8-arm', 'rocky-community-9-arm') },
    { publisher: 'resf', offer: like('rockylinux-x86_64'), sku: like('8-lvm', '9-base') },
    { publisher: 'credativ', offer: like('Debian'), sku: like('9') },
    { publisher: 'Debian', offer: like('debian-10', 'debian-11', 'debian-12'), sku: like('10', '10-gen2', '11', '11-gen2', '12', '12-gen2') },
    { publisher: 'microsoftcblmariner', offer: like('cbl-mariner', 'azure-linux-3'), sku: like('1-gen2', 'cbl-mariner-1', 'cbl-mariner-2', 'cbl-mariner-2-arm64', 'cbl-mariner-2-gen2', 'azure-linux-3', 'azure-linux-3-arm64', 'azure-linux-3-gen2') },
];
/** Windows marketplace images (system-assigned 4.4.0; the user-assigned 1.9.0 adds the Server 2025 ones). */
// prettier-ignore
const WINDOWS_IMAGES = [
    { publisher: 'MicrosoftWindowsServer', offer: like('WindowsServer'), sku: like('2008-R2-SP1*', '2012-*', '2016-*', '2019-*', '2022-*') },
    { publisher: 'MicrosoftWindowsServer', offer: like('WindowsServer'), sku: like('2025-*'), userOnly: true },
    { publisher: 'MicrosoftWindowsServer', offer: like('WindowsServerSemiAnnual'), sku: like('Datacenter-Core-1709-smalldisk', 'Datacenter-Core-1709-with-Containers-smalldisk', 'Datacenter-Core-1803-with-Containers-smalldisk') },
    { publisher: 'MicrosoftWindowsServerHPCPack', offer: like('WindowsServerHPCPack'), sku: 'any' },
    { publisher: 'MicrosoftSQLServer', offer: like('*-WS2022', '*-WS2022-BYOL', '*-WS2019', '*-WS2019-BYOL', '*-WS2016', '*-WS2016-BYOL', '*-WS2012R2', '*-WS2012R2-BYOL'), sku: 'any' },
    { publisher: 'MicrosoftSQLServer', offer: like('*-WS2025', '*-WS2025-BYOL'), sku: 'any', userOnly: true },
    { publisher: 'MicrosoftRServer', offer: like('MLServer-WS2016'), sku: 'any' },
    { publisher: 'MicrosoftVisualStudio', offer: like('VisualStudio', 'Windows'), sku: 'any' },
    { publisher: 'MicrosoftDynamicsAX', offer: like('Dynamics'), sku: like('Pre-Req-AX7-Onebox-U8') },
    { publisher: 'microsoft-ads', offer: like('windows-data-science-vm'), sku: 'any' },
    { publisher: 'MicrosoftWindowsDesktop', offer: like('Windows-1*'), sku: 'any' },
];

;// CONCATENATED MODULE: ./src/core/checks/ama-identity/policy.ts
// Predicts whether the built-in AMA policy would install AMA here: the policy that fits the identity AMA will use
// (system-assigned, user-assigned, or Arc's), judged on the region, the identity condition and the image. When the
// identity is unknown both VM policies are judged and only an answer they share is given; otherwise `unknown`.


const glob = (pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
const fitsMatch = (match, value) => match === 'any' || match.like.some((p) => glob(p).test(value));
const imageText = (image) => (0,neutralise/* clip */.$Q)(`${image.publisher}/${image.offer}/${image.sku}`, 160);
function regionRule(kind, os, location) {
    const regions = POLICY_REGIONS[kind][os];
    const region = location.toLowerCase();
    if (region === '')
        return { rule: 'region', ok: null, says: 'metadata gave no region (compute.location)' };
    return regions.includes(region)
        ? { rule: 'region', ok: true, says: `region ${region} is in its list` }
        : {
            rule: 'region',
            ok: false,
            says: `region ${(0,neutralise/* clip */.$Q)(region, 40)} is not among its ${regions.length} regions`,
        };
}
function identityRule(hasSystem) {
    if (hasSystem === true)
        return { rule: 'identity', ok: true, says: 'the system-assigned identity exists' };
    if (hasSystem === false)
        return {
            rule: 'identity',
            ok: false,
            says: 'the VM has no system-assigned identity (the policy requires identity.type to contain SystemAssigned)',
        };
    return { rule: 'identity', ok: null, says: 'whether the VM has a system-assigned identity is unknown' };
}
function imageRule(kind, os, image) {
    if (image === null || (image.publisher === '' && image.offer === '' && image.sku === '' && image.id === ''))
        return { rule: 'image', ok: null, says: 'metadata named no image (storageProfile.imageReference)' };
    if (image.publisher === '' && image.offer === '' && image.sku === '')
        return {
            rule: 'image',
            ok: false,
            says: `the custom or gallery image ${(0,neutralise/* clip */.$Q)(image.id, 200)} has no publisher, offer or SKU, and the policy covers only the marketplace images it lists unless its assignment sets scopeToSupportedImages false or lists this image id`,
        };
    const rules = os === 'linux' ? LINUX_IMAGES : WINDOWS_IMAGES;
    const listed = rules.some((r) => (!r.userOnly || kind === 'user') &&
        r.publisher.toLowerCase() === image.publisher.toLowerCase() &&
        fitsMatch(r.offer, image.offer) &&
        fitsMatch(r.sku, image.sku));
    return listed
        ? { rule: 'image', ok: true, says: `image ${imageText(image)} is a marketplace image it lists` }
        : {
            rule: 'image',
            ok: false,
            says: `image ${imageText(image)} is not among the marketplace images it lists (scopeToSupportedImages true)`,
        };
}
function judge(kind, os, input) {
    const rules = [regionRule(kind, os, input.location)];
    if (kind === 'system')
        rules.push(identityRule(input.hasSystem));
    if (kind !== 'arc')
        rules.push(imageRule(kind, os, input.image));
    const prediction = rules.some((r) => r.ok === false)
        ? 'skip'
        : rules.some((r) => r.ok === null)
            ? 'unknown'
            : 'install';
    return { policy: POLICIES[kind][os], prediction, rules };
}
function predictPolicy(input) {
    if (input.os === null)
        return { prediction: 'unknown', judged: [], skipRule: '' };
    const kinds = input.mode === 'arc'
        ? ['arc']
        : input.kind === 'system'
            ? ['system']
            : input.kind === 'user'
                ? ['user']
                : ['system', 'user'];
    const judged = kinds.map((kind) => judge(kind, input.os, input));
    const first = judged[0].prediction;
    const prediction = judged.every((j) => j.prediction === first) ? first : 'unknown';
    const skipRule = prediction === 'skip'
        ? judged
            .map((j) => `'${j.policy.name}' (${j.policy.version}) would skip it: ${j.rules.find((r) => r.ok === false).says}`)
            .join('; ')
        : '';
    return { prediction, judged, skipRule };
}
/** The OS family the policy is chosen by: metadata osType (`Linux`, `linux`, `Windows`), else the platform. */
function osFamilyOf(osType, platform) {
    const type = osType.toLowerCase();
    if (type === 'linux' || type === 'windows')
        return type;
    if (type !== '')
        return null;
    return platform === 'win32' ? 'windows' : platform === 'linux' ? 'linux' : null;
}

// EXTERNAL MODULE: ./src/core/checks/ama-identity/settings.ts
var ama_identity_settings = __webpack_require__(6543);
;// CONCATENATED MODULE: ./src/core/checks/ama-identity/which-identity.ts

const selectorName = (s) => `${ama_identity_settings/* IDENTIFIER_NAMES */.H7[s.kind]} ${s.value}`;
const neutral = (says, settings = null) => ({
    status: null,
    code: 'ok',
    kind: settings === '{}' ? 'system' : null,
    hasSystem: null,
    settings,
    says,
});
/** The identity the token came from, by its xms_mirid claim: the machine itself, a user identity, or unknown. */
function claimedBy(mirid, machineResourceId) {
    if (mirid === '')
        return null;
    if ((0,ama_identity_settings/* isUserIdentityId */.xK)(mirid))
        return 'user';
    const machine = /\/providers\/Microsoft\.(Compute\/virtualMachines|Compute\/virtualMachineScaleSets|HybridCompute\/machines)\//i;
    if (machineResourceId !== '' && mirid.toLowerCase() === machineResourceId.toLowerCase())
        return 'system';
    return machine.test(mirid) ? 'system' : null;
}
function arcIdentity(input) {
    if (input.options.identity === 'user')
        return {
            status: 'warn',
            code: 'ama_arc_user_identity',
            kind: 'system',
            hasSystem: true,
            settings: '{}',
            says: `On Arc, AMA uses the machine's system-assigned identity only, not the user-assigned identity the gate checked${input.options.selector ? ` (${selectorName(input.options.selector)})` : ''}`,
        };
    if (input.token?.status === 'pass' || input.token?.status === 'warn')
        return {
            status: 'pass',
            code: 'ok',
            kind: 'system',
            hasSystem: true,
            settings: '{}',
            says: 'AMA will use the system-assigned identity of the Arc machine, which issued a token (settings {})',
        };
    return neutral("On Arc, AMA uses the machine's system-assigned identity (settings {}), which the Arc agent enables; the token check did not prove it here", '{}');
}
function whichIdentity(input) {
    if (input.mode === 'arc')
        return arcIdentity(input);
    const { identity, selector } = input.options;
    const token = input.token;
    if (identity === 'none' || token === null || token.status === 'skip')
        return neutral('Which identity AMA would use is unknown: the token check did not run');
    const issued = token.status === 'pass' || token.status === 'warn';
    if (selector) {
        if (issued)
            return {
                status: 'pass',
                code: 'ok',
                kind: 'user',
                hasSystem: null,
                settings: (0,ama_identity_settings/* settingsFor */.zc)({ name: ama_identity_settings/* IDENTIFIER_NAMES */.H7[selector.kind], value: selector.value }),
                says: `AMA will use the user-assigned identity ${selectorName(selector)}, which issued a token; its extension settings name it`,
            };
        if (token.code === 'token_identity_not_found')
            return {
                status: 'fail',
                code: 'ama_identity_none',
                kind: null,
                hasSystem: null,
                settings: null,
                says: `The user-assigned identity ${selectorName(selector)} is not assigned to this VM (IMDS: Identity not found), so AMA could not use it`,
            };
        return neutral(`Whether AMA can use ${selectorName(selector)} is unknown: the token check failed (${token.code})`);
    }
    if (token.code === 'token_multiple_identities')
        return {
            status: 'fail',
            code: 'ama_identity_ambiguous',
            kind: null,
            hasSystem: false,
            settings: null,
            says: 'The VM has several user-assigned identities and no system-assigned one: AMA without settings would get the same 400 from IMDS ("multiple user assigned identities")',
        };
    if (token.code === 'token_identity_not_found')
        return {
            status: 'fail',
            code: 'ama_identity_none',
            kind: null,
            hasSystem: false,
            settings: null,
            says: 'The VM has no managed identity (IMDS: Identity not found), so AMA could not authenticate',
        };
    if (!issued)
        return neutral(`Which identity AMA would use is unknown: the token check failed (${token.code})`);
    const claimed = claimedBy(input.token?.mirid ?? '', input.machineResourceId);
    if (claimed === 'user') {
        const settings = (0,ama_identity_settings/* settingsFor */.zc)({ name: 'mi_res_id', value: token.mirid });
        return {
            status: 'pass',
            code: 'ok',
            kind: 'user',
            // A hint only: never the ground of a failure, so the policy does not count on it.
            hasSystem: null,
            settings,
            says: `Asked without a selector, IMDS gave the token of the user-assigned identity ${token.mirid} (token claim xms_mirid), so the VM has no system-assigned identity and one user-assigned identity; AMA would get the same, and these settings name it`,
        };
    }
    return {
        status: 'pass',
        code: 'ok',
        kind: claimed === 'system' ? 'system' : 'default',
        hasSystem: claimed === 'system' ? true : null,
        settings: '{}',
        says: claimed === 'system'
            ? 'AMA will use the system-assigned identity, which issued a token (settings {})'
            : 'AMA will use the identity IMDS gives without a selector (the system-assigned one, or the only user-assigned one), which issued a token (settings {})',
    };
}

;// CONCATENATED MODULE: ./src/core/checks/ama-identity/identity-run.ts
// The ama-identity check's judgement, loaded only when the check runs: the identity AMA will use (from the token
// check's finding), the built-in policy's prediction (from metadata's region and image), and the verdict on both.





function identity_run_judge(run, findings) {
    const token = findings.token;
    const machine = findings.metadata?.machine;
    const identity = whichIdentity({
        mode: run.target.profile.mode,
        options: run.options,
        token: token
            ? { status: token.check.status, code: token.check.code, mirid: token.claims?.xmsMirid ?? '' }
            : null,
        machineResourceId: machine?.resourceId ?? '',
    });
    const recognition = findings.metadata?.recognition;
    const document = recognition?.imds ? recognition.json : null;
    const policy = predictPolicy({
        mode: run.target.profile.mode,
        os: osFamilyOf(machine?.osType ?? '', run.ctx.platform),
        location: machine?.location ?? '',
        image: imageReferenceOf(document),
        kind: identity.kind,
        hasSystem: identity.hasSystem,
    });
    return { identity, policy };
}
function policySentence(policy, install) {
    const named = policy.judged.map((j) => `'${j.policy.name}' (${j.policy.version})`).join(' and ');
    if (policy.prediction === 'install')
        return `The built-in policy ${named} would install AMA here.`;
    if (policy.prediction === 'skip') {
        const only = install === 'extension' ? ' (reported only: ama-install is extension)' : '';
        return `Azure Policy would not install AMA here${only}: ${policy.skipRule}.`;
    }
    const open = policy.judged.flatMap((j) => j.rules.filter((r) => r.ok === null).map((r) => r.says));
    const why = open.length > 0 ? [...new Set(open)].join('; ') : 'the policies judged disagree';
    return `Whether the built-in policy ${named || 'for this OS'} would install AMA cannot be told: ${why}.`;
}
const RANK = { pass: 0, warn: 1, fail: 2 };
function verdictOf(run, identity, policy) {
    const install = run.options.amaInstall;
    const policyFails = install === 'policy' && policy.prediction === 'skip';
    const parts = [];
    if (identity.status !== null)
        parts.push({ status: identity.status, code: identity.code });
    if (policyFails)
        parts.push({ status: 'fail', code: 'ama_policy_skip' });
    const worst = parts.reduce((a, b) => (a === null || RANK[b.status] > RANK[a.status] ? b : a), null);
    const message = `${identity.says}. ${policySentence(policy, install)}`;
    const rows = [
        ['Identity AMA uses', identity.kind ?? 'none fits', identity.status ?? 'unknown'],
        ['Extension settings', identity.settings ?? '(none fits)', ''],
        ...policy.judged.flatMap((j) => [
            ['Policy', `${j.policy.name} (${j.policy.id}, ${j.policy.version})`, j.prediction],
            ...j.rules.map((r) => [`  ${r.rule}`, r.says, r.ok === null ? 'unknown' : r.ok ? 'pass' : 'skips']),
        ]),
    ];
    const data = {
        identity: identity.kind,
        settings: identity.settings ?? '',
        policy: policy.prediction,
        install,
        policies: policy.judged.map((j) => ({
            id: j.policy.id,
            version: j.policy.version,
            prediction: j.prediction,
            rules: j.rules.map((r) => ({ rule: r.rule, ok: r.ok, says: r.says })),
        })),
    };
    const details = [{ title: 'Identity and policy', columns: ['Item', 'Found', 'Verdict'], rows }];
    if (worst === null)
        return { status: 'skip', code: 'skipped', message, details, data };
    // A policy skip that fails joins an identity failure: both fixes are said.
    const hint = policyFails && worst.code !== 'ama_policy_skip'
        ? `For ama_policy_skip: ${(0,remedy_lookup/* remedyFor */.wJ)('ama_policy_skip', (0,remedy_lookup/* remedyContext */.qY)(run), identity_codes/* AMA_IDENTITY_REMEDIES */.o)}`
        : '';
    return { status: worst.status, code: worst.code, message, details, data, ...(hint ? { hint } : {}) };
}
function judgeIdentity(run, findings) {
    const { identity, policy } = identity_run_judge(run, findings);
    return { identity, policy, verdict: verdictOf(run, identity, policy) };
}


/***/ })

};
;