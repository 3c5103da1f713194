// Free space where AMA's cache will live: the folder per platform and mode, its nearest existing parent (AMA is
// not installed yet), the free bytes of that file system against ama-min-free-gb, and a measurement that fails.
import { describe, expect, test } from '@jest/globals';
import { dataFolder, GB, judgeDisk, nearestExisting } from '../../../../src/core/checks/ama-host/disk.js';
import { fakeContext, fakeFs } from '../../../helpers/fake-context.js';
import { fakeSystem } from '../../../helpers/fake-system.js';

const EVENTS = '/var/opt/microsoft/azuremonitoragent/events';

describe('the folder and its nearest existing parent', () => {
  test('per platform and mode; SystemDrive only when it looks like a drive', () => {
    expect(dataFolder('linux', 'vm', {})).toBe(EVENTS);
    expect(dataFolder('linux', 'arc', {})).toBe(EVENTS);
    expect(dataFolder('win32', 'vm', {})).toBe('C:\\WindowsAzure\\Resources');
    expect(dataFolder('win32', 'arc', { SYSTEMDRIVE: 'D:' })).toBe('D:\\Resources\\Directory');
    expect(dataFolder('win32', 'vm', { SYSTEMDRIVE: 'D:\\x;evil' })).toBe('C:\\WindowsAzure\\Resources');
  });

  test('walks up to what exists, the root at last', async () => {
    const linux = (existing: string[]) => fakeContext({ fs: fakeFs(existing) });
    expect(await nearestExisting(linux(['/var', '/var/opt']), EVENTS)).toBe('/var/opt');
    expect(await nearestExisting(linux([EVENTS]), EVENTS)).toBe(EVENTS);
    expect(await nearestExisting(linux([]), EVENTS)).toBe('/');
    const windows = fakeContext({ platform: 'win32', fs: fakeFs(['C:\\']) });
    expect(await nearestExisting(windows, 'C:\\WindowsAzure\\Resources')).toBe('C:\\');
  });
});

describe('judgeDisk', () => {
  const ctx = (free: number | string, existing = ['/var']) => {
    const system = fakeSystem({ free });
    return { ctx: fakeContext({ fs: fakeFs(existing), system }), system };
  };

  test('below the minimum fails, naming the free space and where it was measured', async () => {
    const { ctx: c, system } = ctx(5 * GB);
    const disk = await judgeDisk(c, 'vm', 10);
    expect(disk.part).toMatchObject({
      status: 'fail',
      code: 'ama_disk_low',
      says: `only 5.0 GB free at /var (for ${EVENTS}), below the 10 GB AMA's cache needs`,
    });
    expect(disk.facts).toEqual({
      folder: EVENTS,
      measuredAt: '/var',
      freeBytes: 5 * GB,
      requiredBytes: 10 * GB,
    });
    expect(system.measured).toEqual(['/var']);
  });

  test('exactly the minimum passes; one byte less fails', async () => {
    expect((await judgeDisk(ctx(10 * GB).ctx, 'vm', 10)).part.status).toBe('pass');
    expect((await judgeDisk(ctx(10 * GB - 1).ctx, 'vm', 10)).part.status).toBe('fail');
  });

  test('0 GB is not checked and measures nothing', async () => {
    const { ctx: c, system } = ctx(0);
    const disk = await judgeDisk(c, 'vm', 0);
    expect(disk.part).toMatchObject({ status: 'pass', says: 'free disk not checked (minimum 0 GB)' });
    expect(system.measured).toEqual([]);
  });

  test('a measurement that fails is said, and does not fail the machine', async () => {
    const disk = await judgeDisk(ctx('EACCES').ctx, 'vm', 10);
    expect(disk.part).toMatchObject({ status: 'pass', code: 'ok' });
    expect(disk.part.row).toEqual(['Free disk', `/var (for ${EVENTS})`, 'not measured (EACCES)']);
    expect(disk.facts.freeBytes).toBeNull();
  });
});
