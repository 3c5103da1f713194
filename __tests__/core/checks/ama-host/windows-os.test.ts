// The Windows half of the OS judge: os.release() builds mapped to their products, os.version() telling server
// from client where a build is shared, builds below the list, newer ones, and the Arm64 rule (Windows 11 only).
import { describe, expect, test } from '@jest/globals';
import { machineOs } from '../../../../src/core/checks/ama-host/machine-os.js';
import { editionOf, judgeWindows } from '../../../../src/core/checks/ama-host/windows-os.js';
import { judgeArch } from '../../../../src/core/checks/ama-host/arch.js';
import { fakeContext } from '../../../helpers/fake-context.js';
import { fakeSystem } from '../../../helpers/fake-system.js';

describe('editionOf', () => {
  test.each([
    ['Windows Server 2022 Datacenter', 'server'],
    ['Windows Server Datacenter', 'server'],
    ['Windows 10 Enterprise', 'client'],
    ['Windows 10 Pro', 'client'],
    ['Windows 8.1 Pro', 'client'],
    ['', null],
    ['Azure Stack HCI', null],
  ])('%s: %s', (name, edition) => expect(editionOf(name)).toBe(edition));
});

describe('judgeWindows', () => {
  test.each([
    ['10.0.20348', '', 'pass', 'ok', 'Windows Server 2022 is supported'],
    ['10.0.20348', 'Windows Server 2022 Datacenter', 'pass', 'ok', 'Windows Server 2022 is supported'],
    ['10.0.17763', '', 'pass', 'ok', 'Windows Server 2019 or Windows 10 1809: both are supported'],
    ['10.0.26100', '', 'pass', 'ok', 'Windows Server 2025 or Windows 11 24H2: both are supported'],
    ['10.0.14393', 'Windows Server 2016 Datacenter', 'pass', 'ok', 'Windows Server 2016 is supported'],
    [
      '10.0.14393',
      'Windows 10 Enterprise LTSB 2016',
      'fail',
      'ama_os_unsupported',
      'Windows 10 1607 is not supported',
    ],
    ['10.0.14393', '', 'warn', 'ama_os_unknown', 'Windows Server 2016 or Windows 10 1607'],
    [
      '10.0.17134',
      'Windows 10 Pro',
      'pass',
      'ok',
      'Windows 10 1803 is supported (Windows 10 and 11 clients install AMA with its client installer',
    ],
    [
      '10.0.16299',
      'Windows Server Datacenter',
      'warn',
      'ama_os_unknown',
      'Semi-Annual Channel servers are not on the AMA list',
    ],
    ['10.0.22631', '', 'pass', 'ok', 'Windows 11 23H2 is supported'],
    ['6.3.9600', 'Windows Server 2012 R2 Datacenter', 'pass', 'ok', 'Extended Security Updates'],
    [
      '6.2.9200',
      'Windows Server 2012 Datacenter',
      'fail',
      'ama_os_unsupported',
      'dropped from the list in 2025',
    ],
    ['6.3.9600', '', 'warn', 'ama_os_unknown', 'Windows Server 2012 R2 or Windows 8.1'],
    ['6.1.7601', '', 'fail', 'ama_os_unsupported', 'neither is supported'],
    ['10.0.15063', 'Windows 10 Pro', 'fail', 'ama_os_unsupported', 'from 1803'],
    ['10.0.10586', '', 'fail', 'ama_os_unsupported', 'older than Windows 10 1803 (build 17134)'],
    [
      '10.0.19046',
      'Windows 10 Pro',
      'warn',
      'ama_os_unknown',
      'Windows build 19046 is not a release on the list',
    ],
    ['10.0.30000', '', 'warn', 'ama_os_unknown', 'newer than the builds'],
    ['5.2.3790', '', 'fail', 'ama_os_unsupported', 'older than any Windows AMA supports'],
    [
      '10.0.25398',
      'Windows Server Datacenter',
      'warn',
      'ama_os_unknown',
      'not confirmed by a Microsoft source',
    ],
  ])('%s %s: %s %s', (release, product, status, code, says) => {
    const judged = judgeWindows(release, product);
    expect([judged.part.status, judged.part.code]).toEqual([status, code]);
    expect(judged.part.says).toContain(says);
  });
});

describe('Windows through the runtime context', () => {
  const on = (release: string, version: string, machine: string) =>
    machineOs(fakeContext({ platform: 'win32', system: fakeSystem({ release, version, machine }) }));

  test('Arm64 passes on Windows 11 only, never on a server', async () => {
    const win11 = await on('10.0.22631', 'Windows 10 Pro', 'arm64');
    expect(judgeArch('arm64', win11.arm64, win11.name).status).toBe('pass');
    const server = await on('10.0.20348', 'Windows Server 2022 Datacenter', 'arm64');
    expect(judgeArch('arm64', server.arm64, server.name)).toMatchObject({
      status: 'fail',
      code: 'ama_arch_unsupported',
      says: 'Windows Server 2022 is supported on x64 only, not on Arm64',
    });
    // A shared build that could be Windows 11: the client decides the Arm64 question.
    const shared = await on('10.0.26100', '', 'arm64');
    expect(judgeArch('arm64', shared.arm64, shared.name).status).toBe('pass');
  });

  test('a platform other than Linux and Windows fails', async () => {
    const mac = await machineOs(fakeContext({ platform: 'darwin' }));
    expect(mac.part).toMatchObject({ status: 'fail', code: 'ama_os_unsupported' });
    expect(mac.part.says).toBe('AMA runs on Linux and Windows only, not on darwin');
  });
});
