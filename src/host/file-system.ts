// FileSystemPort over node:fs. readSmallFile opens without following a final link and without blocking
// on a FIFO, then checks the opened handle is a regular file with one hard link, within the size cap, before
// reading it (the checks on the handle close the gap between an earlier lstat and the open).
import { constants, existsSync, promises as fs } from 'node:fs';
import type { FileStat, FileSystemPort } from '../core/index.js';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

function fail(code: string, message: string): never {
  throw Object.assign(new Error(message), { code });
}

export const nodeFileSystem: FileSystemPort = {
  // A stat of a marker file is quicker in place than a trip through the thread pool, which start-up pays for.
  exists: async (path) => existsSync(path),
  async lstat(path): Promise<FileStat> {
    const s = await fs.lstat(path);
    return { isFile: s.isFile(), isSymbolicLink: s.isSymbolicLink(), size: s.size, nlink: s.nlink };
  },
  realpath: (path) => fs.realpath(path),
  async readSmallFile(path, maxBytes) {
    const handle = await fs.open(path, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
    try {
      const s = await handle.stat();
      if (!s.isFile()) fail('ENOTREG', `${path} is not a regular file`);
      if (s.nlink > 1) fail('EMLINK', `${path} has more than one hard link`);
      if (s.size > maxBytes) fail('EFBIG', `${path} is larger than ${maxBytes} bytes`);
      const buffer = Buffer.alloc(maxBytes + 1);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes + 1, 0);
      if (bytesRead > maxBytes) fail('EFBIG', `${path} is larger than ${maxBytes} bytes`);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  },
  readText: (path) => fs.readFile(path, 'utf8'),
};
