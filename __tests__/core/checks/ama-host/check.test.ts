// The ama-host check as a module: its parts put together (the worst decides, the other codes' fixes go first),
// the details table with the supported list's source and read date, the report data, and its status output.
import { describe, expect, test } from '@jest/globals';
import { amaHostCheck } from '../../../../src/core/checks/ama-host/index.js';
import { GB } from '../../../../src/core/checks/ama-host/disk.js';
import { SUPPORTED_OS_SOURCE } from '../../../../src/core/checks/ama-host/supported-os.js';
import { fakeContext, fakeFs } from '../../../helpers/fake-context.js';
import { fakeSystem, osRelease, UBUNTU_2204, withOsRelease } from '../../../helpers/fake-system.js';
import { fakeRun, outputsOf } from '../../../helpers/fake-run.js';
import { reportWith } from '../../../helpers/report-factory.js';

function machine(o: { text?: string; machine?: string; free?: number; existing?: string[] } = {}) {
  const fs = withOsRelease(fakeFs(o.existing ?? ['/var']), o.text ?? UBUNTU_2204);
  return fakeContext({ fs, system: fakeSystem({ machine: o.machine, free: o.free }) });
}
const run = (o: Parameters<typeof machine>[0] = {}, minFreeGb = 10) =>
  amaHostCheck.run(fakeRun('vm', { ama: true, amaMinFreeGb: minFreeGb }, machine(o)), {});

describe('ama-host', () => {
  test('a supported machine passes; the table shows each part and where the list comes from', async () => {
    const { check, os, disk } = await run({ free: 50 * GB });
    expect([check.status, check.code]).toEqual(['pass', 'ok']);
    expect(check.message).toBe(
      'AMA can be installed here: Ubuntu 22.04 is supported; on x64; 50.0 GB free at /var (for /var/opt/microsoft/azuremonitoragent/events).',
    );
    expect(os).toBe('Ubuntu 22.04');
    expect(disk).toMatchObject({ measuredAt: '/var', freeBytes: 50 * GB });
    const rows = check.details![0]!.rows;
    expect(rows.map((r) => r[0])).toEqual([
      'Operating system',
      'Architecture',
      'Free disk',
      'Supported list',
    ]);
    expect(rows[3]![1]).toContain('read 2026-12-06');
    expect(check.data).toMatchObject({
      os: 'Ubuntu 22.04',
      supportedList: SUPPORTED_OS_SOURCE,
      parts: [
        { item: 'Operating system', status: 'pass', code: 'ok' },
        { item: 'Architecture', status: 'pass', code: 'ok' },
        { item: 'Free disk', status: 'pass', code: 'ok' },
      ],
    });
  });

  test('several problems: the first failure names the check, every part is in the message, other fixes first', async () => {
    const { check } = await run({
      text: osRelease('miraclelinux', '9.0', 'MIRACLE LINUX 9.0'),
      free: 1 * GB,
    });
    expect([check.status, check.code]).toEqual(['fail', 'ama_os_unsupported']);
    expect(check.message).toBe(
      "AMA will not install or run here: MIRACLE LINUX 9.0 is not a distribution on AMA's supported list; on x64; only 1.0 GB free at /var (for /var/opt/microsoft/azuremonitoragent/events), below the 10 GB AMA's cache needs.",
    );
    expect(check.remediation).toMatch(/^For ama_disk_low: AMA caches data on local disk/);
    expect(check.remediation).toContain('exits 51');
    expect(check.data!['parts']).toEqual([
      { item: 'Operating system', status: 'fail', code: 'ama_os_unsupported' },
      { item: 'Architecture', status: 'pass', code: 'ok' },
      { item: 'Free disk', status: 'fail', code: 'ama_disk_low' },
    ]);
  });

  test('a warning alone warns; a failure outranks it', async () => {
    const warned = (await run({ text: osRelease('ubuntu', '25.04') })).check;
    expect([warned.status, warned.code]).toEqual(['warn', 'ama_os_unknown']);
    expect(warned.message).toMatch(/^AMA may not install here: /);
    const arm = (await run({ text: osRelease('ubuntu', '25.04'), machine: 'i686' })).check;
    expect([arm.status, arm.code]).toEqual(['fail', 'ama_arch_unsupported']);
    expect(arm.remediation).toMatch(/^For ama_os_unknown: /);
  });

  test('an unreadable os-release warns rather than guessing', async () => {
    const ctx = fakeContext({ fs: fakeFs(['/var']), system: fakeSystem() });
    const { check } = await amaHostCheck.run(fakeRun('vm', { ama: true }, ctx), {});
    expect([check.status, check.code]).toEqual(['warn', 'ama_os_unknown']);
    expect(check.message).toContain('/etc/os-release cannot be read (ENOENT)');
  });

  test('ama-host-status: the check status, or skipped when absent or skipped', async () => {
    const { check } = await run({ free: 1 * GB });
    expect(outputsOf(amaHostCheck, reportWith({ checks: [check] }))).toEqual({ 'ama-host-status': 'fail' });
    expect(outputsOf(amaHostCheck, reportWith({ checks: [] }))).toEqual({ 'ama-host-status': 'skipped' });
  });

  test('wanted only with ama', () => {
    expect(amaHostCheck.wanted!({ ama: false } as never)).toBe(false);
    expect(amaHostCheck.wanted!({ ama: true } as never)).toBe(true);
  });
});
