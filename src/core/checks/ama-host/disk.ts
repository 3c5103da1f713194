// Free space where AMA keeps its cache, against ama-min-free-gb. The folder does not exist before AMA is
// installed, so the nearest existing parent is measured: the file system the cache will land on.
// Folders, from Microsoft Learn "Azure Monitor Agent requirements" (azure-monitor-docs @69cf7b8, ms.date
// 01/08/2025, read 2026-12-06): the Linux event cache /var/opt/microsoft/azuremonitoragent/events (10 GB), the
// Windows agent cache C:\WindowsAzure\Resources\AMADataStore.<name> on a VM and
// C:\Resources\Directory\AMADataStore.<name> on Arc (10.5 GB). The 10 GB default cache quota (MaxDiskQuotaInMB
// 10000) is stated by the 11/14/2024 copy of that page and a third-party blog, not by a newer Microsoft page.
import path from 'node:path';
import type { RuntimeContext } from '../../context.js';
import type { Mode } from '../../types.js';
import { errnoOf, failed, passed, type Part } from './part.js';

export const LINUX_DATA_FOLDER = '/var/opt/microsoft/azuremonitoragent/events';
const WINDOWS_DATA_FOLDER: Readonly<Record<Mode, string>> = {
  vm: '\\WindowsAzure\\Resources',
  arc: '\\Resources\\Directory',
};

/** One GB here is 1024³ bytes, as `df -h` and Explorer count. */
export const GB = 1024 ** 3;

export function dataFolder(platform: string, mode: Mode, env: RuntimeContext['env']): string {
  if (platform !== 'win32') return LINUX_DATA_FOLDER;
  const drive = /^[A-Za-z]:$/.test(env['SYSTEMDRIVE'] ?? '') ? env['SYSTEMDRIVE']! : 'C:';
  return `${drive}${WINDOWS_DATA_FOLDER[mode]}`;
}

/** The folder itself or its nearest parent that exists (the root at last). */
export async function nearestExisting(
  ctx: Pick<RuntimeContext, 'fs' | 'platform'>,
  folder: string,
): Promise<string> {
  const paths = ctx.platform === 'win32' ? path.win32 : path.posix;
  let at = folder;
  for (let i = 0; i < 32; i++) {
    if (await ctx.fs.exists(at)) return at;
    const up = paths.dirname(at);
    if (up === at) return at;
    at = up;
  }
  return at;
}

const gb = (bytes: number): string => `${(bytes / GB).toFixed(1)} GB`;
export interface DiskFacts {
  folder: string;
  measuredAt: string;
  freeBytes: number | null;
  requiredBytes: number;
}

export interface Disk {
  part: Part;
  facts: DiskFacts;
}

const ITEM = 'Free disk';

export async function judgeDisk(ctx: RuntimeContext, mode: Mode, minFreeGb: number): Promise<Disk> {
  const folder = dataFolder(ctx.platform, mode, ctx.env);
  const requiredBytes = minFreeGb * GB;
  const measuredAt = await nearestExisting(ctx, folder);
  const facts: DiskFacts = { folder, measuredAt, freeBytes: null, requiredBytes };
  const where = measuredAt === folder ? folder : `${measuredAt} (for ${folder})`;
  if (minFreeGb === 0)
    return { part: passed('free disk not checked (minimum 0 GB)', [ITEM, where, 'not checked']), facts };
  let free: number;
  try {
    free = await ctx.system.freeBytes(measuredAt);
  } catch (err) {
    // Nothing to judge: said in the message and the table, without failing the machine on our own error.
    const code = errnoOf(err);
    return {
      part: passed(`free disk at ${where} could not be measured (${code})`, [
        ITEM,
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
      part: failed(
        'ama_disk_low',
        `only ${gb(free)} free at ${where}, below the ${minFreeGb} GB AMA's cache needs`,
        [ITEM, found, `below ${minFreeGb} GB`],
      ),
      facts,
    };
  return { part: passed(`${gb(free)} free at ${where}`, [ITEM, found, `at least ${minFreeGb} GB`]), facts };
}
