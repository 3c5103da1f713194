// readArcKey and nodeFileSystem against a real temporary folder: FIFOs, folders, links and oversized files
// named like key files must be refused quickly and without hanging.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArcKey } from '../../../src/core/modes/arc-key.js';
import { nodeFileSystem } from '../../../src/host/file-system.js';
import { fakeContext } from '../../helpers/fake-context.js';

const SECRET = 'real-secret-0123456789';
const HANG_BOUND_MS = 5_000;

let root: string;
let tokens: string;
let outside: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'imds-check-key-'));
  tokens = join(root, 'tokens');
  outside = join(root, 'outside');
  mkdirSync(tokens);
  mkdirSync(outside);
  writeFileSync(join(outside, 'stolen.txt'), 'not-for-you');
  writeFileSync(join(tokens, 'good.key'), `${SECRET}\n`);
  execFileSync('mkfifo', [join(tokens, 'fifo.key')]);
  mkdirSync(join(tokens, 'dir.key'));
  symlinkSync(join(outside, 'stolen.txt'), join(tokens, 'link.key'));
  writeFileSync(join(tokens, 'big.key'), 'a'.repeat(5000));
  // A hard link in the tokens folder to a file elsewhere: same inode, link count 2 (issue 9).
  writeFileSync(join(outside, 'other-secret.txt'), 'not-for-you-either-0123456789');
  linkSync(join(outside, 'other-secret.txt'), join(tokens, 'hard.key'));
  // A tokens folder reached through a link is fine as long as the file really lives in it.
  symlinkSync(tokens, join(root, 'tokens-link'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const ctxFor = (dir: string) => fakeContext({ platform: 'linux', fs: nodeFileSystem, arcTokensDir: dir });

async function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('hung')), HANG_BOUND_MS);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('readArcKey on a real file system', () => {
  it('reads a good key file and trims the trailing newline', async () => {
    expect(await readArcKey(join(tokens, 'good.key'), ctxFor(tokens))).toEqual({
      ok: true,
      secret: SECRET,
      path: join(tokens, 'good.key'),
    });
  });

  it('reads a key file in a tokens folder reached through a link', async () => {
    const dir = join(root, 'tokens-link');
    expect(await readArcKey(join(dir, 'good.key'), ctxFor(dir))).toMatchObject({ ok: true, secret: SECRET });
  });

  it.each([
    ['a FIFO', 'fifo.key', 'arc_key_not_regular_file'],
    ['a directory', 'dir.key', 'arc_key_not_regular_file'],
    ['a symlink to a file outside', 'link.key', 'arc_key_not_regular_file'],
    ['a 5000-byte file', 'big.key', 'arc_key_too_large'],
    ['a missing file', 'gone.key', 'arc_key_missing'],
    ['a hard link to a file outside', 'hard.key', 'arc_key_hard_link'],
  ])('refuses %s named x.key, quickly', async (_, name, code) => {
    const r = await bounded(readArcKey(join(tokens, name), ctxFor(tokens)));
    expect(r).toMatchObject({ ok: false, code });
    expect(JSON.stringify(r)).not.toContain('not-for-you');
  });
});

describe('nodeFileSystem.readSmallFile on a real file system', () => {
  const codeOf = async (path: string, max = 4096): Promise<string> => {
    try {
      await bounded(nodeFileSystem.readSmallFile(path, max));
      return 'read';
    } catch (err) {
      return (err as NodeJS.ErrnoException).code ?? 'no code';
    }
  };

  it('reads a small regular file', async () => {
    expect(await bounded(nodeFileSystem.readSmallFile(join(tokens, 'good.key'), 4096))).toBe(`${SECRET}\n`);
  });

  it('fails a FIFO with ENOTREG instead of blocking on it', async () => {
    expect(await codeOf(join(tokens, 'fifo.key'))).toBe('ENOTREG');
  });

  it('fails a directory without reading it', async () => {
    expect(['ENOTREG', 'EISDIR']).toContain(await codeOf(join(tokens, 'dir.key')));
  });

  it('does not follow a final symlink', async () => {
    expect(await codeOf(join(tokens, 'link.key'))).toBe('ELOOP');
  });

  it('fails a file with a second hard link with EMLINK', async () => {
    expect(await codeOf(join(tokens, 'hard.key'))).toBe('EMLINK');
    expect(await nodeFileSystem.lstat(join(tokens, 'hard.key'))).toMatchObject({ isFile: true, nlink: 2 });
    expect(await nodeFileSystem.lstat(join(tokens, 'good.key'))).toMatchObject({ nlink: 1 });
  });

  it('fails a file over the cap with EFBIG', async () => {
    expect(await codeOf(join(tokens, 'big.key'))).toBe('EFBIG');
    expect(await codeOf(join(tokens, 'good.key'), 5)).toBe('EFBIG');
  });

  it('lstat does not follow links', async () => {
    expect(await nodeFileSystem.lstat(join(tokens, 'link.key'))).toMatchObject({
      isSymbolicLink: true,
      isFile: false,
    });
    expect(await nodeFileSystem.lstat(join(tokens, 'fifo.key'))).toMatchObject({
      isSymbolicLink: false,
      isFile: false,
    });
  });
});
