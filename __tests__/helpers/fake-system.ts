// A machine for the AMA rollout checks: the HostSystem port (release, product name, architecture, free bytes)
// and the os-release text a FileSystemPort serves, so a test plays any OS, architecture or disk.
import type { FileSystemPort, HostSystem } from '../../src/core/index.js';

export const UBUNTU_2204 = [
  'PRETTY_NAME="Ubuntu 22.04.4 LTS"',
  'NAME="Ubuntu"',
  'VERSION_ID="22.04"',
  'VERSION="22.04.4 LTS (Jammy Jellyfish)"',
  'ID=ubuntu',
  'ID_LIKE=debian',
].join('\n');

export const osRelease = (id: string, versionId: string, pretty = `${id} ${versionId}`): string =>
  `PRETTY_NAME="${pretty}"\nID=${id}\nVERSION_ID="${versionId}"\n`;

export interface FakeSystem extends HostSystem {
  /** Paths freeBytes() was asked about. */
  measured: string[];
}

export function fakeSystem(
  o: {
    release?: string;
    version?: string;
    machine?: string;
    /** Free bytes, or an errno the call throws. */
    free?: number | string;
  } = {},
): FakeSystem {
  const measured: string[] = [];
  return {
    measured,
    release: () => o.release ?? '6.8.0-1014-azure',
    version: () => o.version ?? '#14-Ubuntu SMP',
    machine: () => o.machine ?? 'x86_64',
    async freeBytes(path) {
      measured.push(path);
      if (typeof o.free === 'string') throw Object.assign(new Error(o.free), { code: o.free });
      return o.free ?? 100 * 1024 ** 3;
    },
  };
}

/** `fs` with /etc/os-release served from `text` (everything else passes through). */
export function withOsRelease(fs: FileSystemPort, text: string): FileSystemPort {
  const mine = (p: string): boolean => p === '/etc/os-release';
  return {
    ...fs,
    exists: (p) => fs.exists(p),
    realpath: async (p) => (mine(p) ? p : fs.realpath(p)),
    lstat: async (p) =>
      mine(p) ? { isFile: true, isSymbolicLink: false, size: text.length, nlink: 1 } : fs.lstat(p),
    readBounded: async (p, max) => {
      if (!mine(p)) return fs.readBounded(p, max);
      if (text.length > max)
        throw Object.assign(new Error(`${p} is larger than ${max} bytes`), { code: 'EFBIG' });
      return text;
    },
  };
}
