// Which operating system this is, read through the runtime context: /etc/os-release on Linux (as the AMA
// installer reads it; /usr/lib/os-release when the first is missing), os.release() and os.version() on Windows.
// Judged with the list of its platform; the Arm64 standing of the release goes on to the architecture verdict.
import type { RuntimeContext } from '../../context.js';
import { errnoOf, failed, warned, type Part } from './part.js';
import { judgeLinux, parseOsRelease } from './linux-os.js';
import type { Listed } from './supported-os.js';
import { judgeWindows } from './windows-os.js';

const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'];
const MAX_OS_RELEASE_BYTES = 64 * 1024;

export interface MachineOs {
  part: Part;
  name: string;
  arm64: Listed | null;
}

/** The first os-release file that reads: links followed (it is one on most systems), size capped. */
async function readOsRelease(ctx: RuntimeContext): Promise<{ text: string } | { error: string }> {
  let error = 'ENOENT';
  for (const file of OS_RELEASE_FILES) {
    try {
      // Opened once, links followed (os-release is usually a link into /usr/lib), judged on the handle.
      return { text: await ctx.fs.readBounded(file, MAX_OS_RELEASE_BYTES) };
    } catch (err) {
      error = errnoOf(err);
    }
  }
  return { error };
}

export async function machineOs(ctx: RuntimeContext): Promise<MachineOs> {
  if (ctx.platform === 'win32') {
    const windows = judgeWindows(ctx.system.release(), ctx.system.version());
    const name = windows.product?.name ?? `Windows ${ctx.system.release()}`;
    const arm64: Listed | null = windows.product
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
      part: warned(
        'ama_os_unknown',
        `the distribution is unknown: /etc/os-release cannot be read (${read.error})`,
        ['Operating system', `/etc/os-release: ${read.error}`, 'unknown'],
      ),
      name: 'this distribution',
      arm64: null,
    };
  }
  const linux = judgeLinux(parseOsRelease(read.text));
  return { part: linux.part, name: linux.name, arm64: linux.arm64 };
}
