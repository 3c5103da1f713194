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

export type OsFamily = 'linux' | 'windows';
export type PolicyKind = 'system' | 'user' | 'arc';

export interface PolicyDefinition {
  id: string;
  version: string;
  name: string;
}

export const POLICIES: Readonly<Record<PolicyKind, Readonly<Record<OsFamily, PolicyDefinition>>>> = {
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
export const POLICY_REGIONS: Readonly<Record<PolicyKind, Readonly<Record<OsFamily, readonly string[]>>>> = {
  system: { linux: REGIONS_57, windows: REGIONS_57 },
  user: {
    linux: [...REGIONS_57, ...SOVEREIGN],
    windows: [...REGIONS_57, ...SOVEREIGN, 'chilecentral', 'newzealandnorth'],
  },
  arc: { linux: REGIONS_57, windows: REGIONS_57 },
};

/**
 * A string condition: `like` patterns use `*` as the wildcard (a pattern without one is equality, which also
 * covers the policies' `equals` and `in`); `any` matches everything.
 */
export type Match = { like: readonly string[] } | 'any';

export interface ImageRule {
  publisher: string;
  offer: Match;
  sku: Match;
  /** Only in the user-assigned policy (the system-assigned Windows 4.4.0 lacks the Server 2025 images). */
  userOnly?: boolean;
}

const like = (...patterns: string[]): Match => ({ like: patterns });

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
export const LINUX_IMAGES: readonly ImageRule[] = [
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
export const WINDOWS_IMAGES: readonly ImageRule[] = [
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
