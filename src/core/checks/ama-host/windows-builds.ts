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

export interface WindowsProduct {
  name: string;
  /** true supported, false not supported, null not on the list (a warning). */
  supported: boolean | null;
  note?: string;
}

export interface WindowsBuild {
  /** `major.minor.build` as os.release() gives it. */
  release: string;
  server?: WindowsProduct;
  client?: WindowsProduct;
}

const CLIENT_INSTALLER =
  'Windows 10 and 11 clients install AMA with its client installer (MSI), not the VM extension';
const win10 = (version: string, supported: boolean): WindowsProduct => ({
  name: `Windows 10 ${version}`,
  supported,
  ...(supported ? { note: CLIENT_INSTALLER } : { note: 'AMA supports Windows 10 from 1803 (build 17134)' }),
});
const win11 = (version: string, note = CLIENT_INSTALLER): WindowsProduct => ({
  name: `Windows 11 ${version}`,
  supported: true,
  note,
});
const semiAnnual = (version: string): WindowsProduct => ({
  name: `Windows Server ${version} (Semi-Annual Channel)`,
  supported: null,
  note: 'Semi-Annual Channel servers are not on the AMA list',
});

// prettier-ignore
export const WINDOWS_BUILDS: readonly WindowsBuild[] = [
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
export const OLDEST_SUPPORTED_WINDOWS_10_BUILD = 17134;
