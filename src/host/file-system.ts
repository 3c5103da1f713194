// FileSystemPort over node:fs. readSmallFile opens without following a final link and without blocking
// on a FIFO, then checks the opened handle is a regular file with one hard link, within the size cap, before
// reading it (the checks on the handle close the gap between an earlier lstat and the open). readBounded does
// the same for files that may be links (a CA bundle): it follows them, and judges what it opened.
import { constants, existsSync, promises as fs } from 'node:fs';
import type { FileStat, FileSystemPort } from '../core/index.js';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

function fail(code: string, message: string): never {
  throw Object.assign(new Error(message), { code });
}

/** Opens `path` once, judges the handle (regular file, size, links), then reads at most maxBytes from it. */
async function readOpened(path: string, maxBytes: number, flags: number, oneLink: boolean): Promise<string> {
  const handle = await fs.open(path, constants.O_RDONLY | NON_BLOCK | flags);
  try {
    const s = await handle.stat();
    if (!s.isFile()) fail('ENOTREG', `${path} is not a regular file`);
    if (oneLink && s.nlink > 1) fail('EMLINK', `${path} has more than one hard link`);
    if (s.size > maxBytes) fail('EFBIG', `${path} is larger than ${maxBytes} bytes`);
    // One byte more than allowed tells a file that grew since fstat from one that fits. Never exposed beyond
    // what was read, so the buffer need not be zeroed.
    const buffer = Buffer.allocUnsafe(maxBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) fail('EFBIG', `${path} is larger than ${maxBytes} bytes`);
    return buffer.subarray(0, filled).toString('utf8');
  } finally {
    await handle.close();
  }
}

export const nodeFileSystem: FileSystemPort = {
  // A stat of a marker file is quicker in place than a trip through the thread pool, which start-up pays for.
  exists: async (path) => existsSync(path),
  async lstat(path): Promise<FileStat> {
    const s = await fs.lstat(path);
    return { isFile: s.isFile(), isSymbolicLink: s.isSymbolicLink(), size: s.size, nlink: s.nlink };
  },
  realpath: (path) => fs.realpath(path),
  readSmallFile: (path, maxBytes) => readOpened(path, maxBytes, NO_FOLLOW, true),
  readBounded: (path, maxBytes) => readOpened(path, maxBytes, 0, false),
};
