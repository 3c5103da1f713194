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

/** How a release stands on a list: on Microsoft's page, only in the installer's list, or not at all. */
export type Listed = 'listed' | 'installer' | 'no';

export interface LinuxRelease {
  /**
   * VERSION_ID as dot components, compared from the left: `8` matches 8.10 (as the installer compares), `22.04`
   * needs both parts. SLES 15 SP4 is `15.4`; SLES 15 GA is `15.0` (its VERSION_ID `15` counts as 15.0).
   */
  version: string;
  x64: Listed;
  arm64: Listed;
  /** Said with the verdict (a caveat of the page, or where the two sources disagree). */
  note?: string;
}

export interface LinuxFamily {
  /** How the family is named in messages. */
  name: string;
  /** /etc/os-release ID values of the family (lower case). */
  ids: readonly string[];
  releases: readonly LinuxRelease[];
  /** Releases the page once listed and dropped: they fail, naming why. */
  dropped?: readonly { version: string; reason: string }[];
}

export const SUPPORTED_OS_SOURCE =
  "Microsoft Learn 'Azure Monitor Agent supported operating systems' (ms.date 2025-03-07, with docs PR #315 of 2026-08-31) and the installer's supported_distros.py @01e5e12, read 2026-12-06";
/** The same, short enough for a table cell. */
export const SUPPORTED_OS_SOURCE_SHORT =
  'Microsoft Learn 2025-03-07 + PR #315, installer list @01e5e12; read 2026-12-06';

const both = (version: string, note?: string): LinuxRelease => ({
  version,
  x64: 'listed',
  arm64: 'listed',
  ...(note ? { note } : {}),
});
const x64 = (version: string, arm64: Listed = 'no', note?: string): LinuxRelease => ({
  version,
  x64: 'listed',
  arm64,
  ...(note ? { note } : {}),
});
const installerOnly = (version: string, arm64: Listed, note: string): LinuxRelease => ({
  version,
  x64: 'installer',
  arm64,
  note,
});

// prettier-ignore
export const LINUX_FAMILIES: readonly LinuxFamily[] = [
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
export function familyOf(id: string): LinuxFamily | undefined {
  const lower = id.toLowerCase();
  return LINUX_FAMILIES.find((f) => f.ids.includes(lower));
}
