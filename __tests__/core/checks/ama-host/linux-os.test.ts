// The Linux half of the OS judge: os-release parsing, version matching as the AMA installer matches (component by
// component, `8` covers 8.10), and the table's verdicts: listed, installer-only, dropped, older than the list,
// unlisted, and a distribution on no list. Plus the architecture verdict that the release's Arm64 standing feeds.
import { describe, expect, test } from '@jest/globals';
import { archOf, judgeArch } from '../../../../src/core/checks/ama-host/arch.js';
import {
  compareVersions,
  judgeLinux,
  parseOsRelease,
  versionParts,
} from '../../../../src/core/checks/ama-host/linux-os.js';

const os = (id: string, versionId: string, extra: Partial<{ prettyName: string; idLike: string }> = {}) => ({
  id,
  versionId,
  prettyName: extra.prettyName ?? '',
  idLike: extra.idLike ?? '',
});

describe('parseOsRelease', () => {
  test('reads quoted, single-quoted and bare values, escapes, and ignores comments and other keys', () => {
    const parsed = parseOsRelease(
      [
        '# a comment',
        'NAME="Red Hat Enterprise Linux"',
        "PRETTY_NAME='Red Hat Enterprise Linux 9.4 (Plow)'",
        'ID=rhel',
        'ID_LIKE="fedora"',
        'VERSION_ID="9.4"',
        'HOME_URL="https://www.redhat.com/"',
        'BROKEN LINE',
      ].join('\r\n'),
    );
    expect(parsed).toEqual({
      id: 'rhel',
      versionId: '9.4',
      prettyName: 'Red Hat Enterprise Linux 9.4 (Plow)',
      idLike: 'fedora',
    });
    expect(parseOsRelease('PRETTY_NAME="say \\"hi\\""').prettyName).toBe('say "hi"');
    expect(parseOsRelease('')).toEqual({ id: '', versionId: '', prettyName: '', idLike: '' });
  });

  test('clips a long value', () => {
    expect(parseOsRelease(`PRETTY_NAME="${'x'.repeat(500)}"`).prettyName.length).toBeLessThanOrEqual(80);
  });
});

describe('versions', () => {
  test('parts and order: a missing component counts as 0', () => {
    expect(versionParts('22.04')).toEqual([22, 4]);
    expect(versionParts('8.10')).toEqual([8, 10]);
    expect(versionParts('2023')).toEqual([2023]);
    expect(versionParts('9-stream')).toBeNull();
    expect(versionParts('')).toBeNull();
    expect(compareVersions([15], [15, 0])).toBe(0);
    expect(compareVersions([8, 10], [8, 9])).toBeGreaterThan(0);
    expect(compareVersions([7, 6], [7, 9])).toBeLessThan(0);
  });
});

describe('judgeLinux', () => {
  test.each([
    // [id, VERSION_ID, status, code, arm64 standing]
    ['ubuntu', '22.04', 'pass', 'ok', 'listed'],
    ['ubuntu', '26.04', 'pass', 'ok', 'listed'],
    ['ubuntu', '16.04', 'pass', 'ok', 'no'],
    ['ubuntu', '25.04', 'warn', 'ama_os_unknown', null],
    ['ubuntu', '14.04', 'fail', 'ama_os_unsupported', null],
    ['debian', '12', 'pass', 'ok', 'installer'],
    ['debian', '11', 'pass', 'ok', 'listed'],
    ['debian', '13', 'warn', 'ama_os_unknown', 'installer'],
    ['debian', '8', 'fail', 'ama_os_unsupported', null],
    ['rhel', '7.9', 'pass', 'ok', 'no'],
    ['rhel', '7.6', 'fail', 'ama_os_unsupported', null],
    ['rhel', '8.1', 'pass', 'ok', 'no'],
    ['rhel', '8.6', 'pass', 'ok', 'listed'],
    ['rhel', '8.10', 'pass', 'ok', 'listed'],
    ['rhel', '9.4', 'pass', 'ok', 'installer'],
    ['rhel', '10.0', 'warn', 'ama_os_unknown', 'installer'],
    ['almalinux', '10.0', 'pass', 'ok', 'listed'],
    ['rocky', '9.3', 'pass', 'ok', 'installer'],
    ['ol', '10.0', 'pass', 'ok', 'no'],
    ['sles', '15', 'pass', 'ok', 'no'],
    ['sles', '15.6', 'pass', 'ok', 'listed'],
    ['sles_sap', '15.3', 'pass', 'ok', 'no'],
    ['sles', '12.5', 'pass', 'ok', 'no'],
    ['sles', '12.4', 'fail', 'ama_os_unsupported', null],
    ['sles', '16.0', 'pass', 'ok', 'listed'],
    ['opensuse-leap', '15.5', 'pass', 'ok', 'no'],
    ['amzn', '2023', 'pass', 'ok', 'no'],
    ['azurelinux', '3.0', 'pass', 'ok', 'listed'],
    ['mariner', '2.0', 'pass', 'ok', 'listed'],
    ['centos', '7', 'fail', 'ama_os_unsupported', null],
    ['centos', '9', 'warn', 'ama_os_unknown', null],
    ['miraclelinux', '9.0', 'fail', 'ama_os_unsupported', null],
  ])('%s %s: %s %s', (id, version, status, code, arm64) => {
    const judged = judgeLinux(os(id, version));
    expect([judged.part.status, judged.part.code, judged.arm64]).toEqual([status, code, arm64]);
  });

  test('messages name the release, the reason and the listed versions', () => {
    expect(judgeLinux(os('centos', '8')).part.says).toBe(
      'CentOS 8 is not supported: removed from the list in 2025 after its end of life',
    );
    expect(judgeLinux(os('ubuntu', '14.04')).part.says).toContain(
      'older than the oldest Ubuntu release AMA supports (listed: 16.04, 18.04, 20.04, 22.04, 24.04, 26.04)',
    );
    expect(judgeLinux(os('ubuntu', '25.04')).part.says).toBe(
      "Ubuntu 25.04 is not on AMA's supported list (listed Ubuntu: 16.04, 18.04, 20.04, 22.04, 24.04, 26.04)",
    );
    expect(judgeLinux(os('debian', '13')).part.says).toContain(
      "in the installer's list but not on Microsoft's page",
    );
    expect(judgeLinux(os('mariner', '2.0')).part.says).toContain('at least 4 GB of disk');
    expect(judgeLinux(os('ol', '10.0')).part.says).toContain("not yet in the installer's list");
  });

  test('a distribution on no list fails, a derivative says that derivatives are not listed either', () => {
    const pop = judgeLinux(os('pop', '22.04', { prettyName: 'Pop!_OS 22.04 LTS', idLike: 'ubuntu debian' }));
    expect(pop.part.says).toBe(
      "Pop!_OS 22.04 LTS is not a distribution on AMA's supported list; derivatives (ID_LIKE ubuntu debian) are not on it either",
    );
    expect(pop.part.row).toEqual([
      'Operating system',
      'Pop!_OS 22.04 LTS (ID=pop, VERSION_ID=22.04)',
      'not supported',
    ]);
  });

  test('a known family without a comparable VERSION_ID warns (Debian testing has none)', () => {
    expect(judgeLinux(os('debian', '')).part).toMatchObject({ status: 'warn', code: 'ama_os_unknown' });
    expect(judgeLinux(os('DEBIAN', '12')).part.status).toBe('pass');
  });
});

describe('judgeArch', () => {
  test.each([
    ['x86_64', 'x64'],
    ['AMD64', 'x64'],
    ['aarch64', 'arm64'],
    ['arm64', 'arm64'],
    ['i686', 'x86'],
    ['i386', 'x86'],
    ['armv7l', 'arm'],
    ['s390x', 'other'],
  ])('archOf(%s) = %s', (machine, arch) => expect(archOf(machine)).toBe(arch));

  test.each([
    ['x86_64', 'no', 'pass', 'ok'],
    ['aarch64', 'listed', 'pass', 'ok'],
    ['aarch64', 'installer', 'warn', 'ama_os_unknown'],
    ['aarch64', 'no', 'fail', 'ama_arch_unsupported'],
    ['aarch64', null, 'pass', 'ok'],
    ['i686', 'listed', 'fail', 'ama_arch_unsupported'],
    ['armv7l', 'listed', 'fail', 'ama_arch_unsupported'],
    ['ppc64le', 'listed', 'fail', 'ama_arch_unsupported'],
  ] as const)('%s with Arm64 standing %s: %s', (machine, arm64, status, code) => {
    const part = judgeArch(machine, arm64, 'Ubuntu 16.04');
    expect([part.status, part.code]).toEqual([status, code]);
  });

  test('messages say why', () => {
    expect(judgeArch('aarch64', 'no', 'Ubuntu 16.04').says).toBe(
      'Ubuntu 16.04 is supported on x64 only, not on Arm64',
    );
    expect(judgeArch('i686', 'listed', 'Ubuntu 22.04').says).toBe(
      'a 32-bit x86 system; AMA runs on x64 and Arm64 only',
    );
  });
});
