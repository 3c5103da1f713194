// dist/cli/index.js starts the bundle through a V8 code cache kept next to it: written after a first run by the
// bundle's owner, used only for the bundle bytes it was made from and only when trusted (opened once without
// following a link, judged by fstat on that descriptor, in a folder nobody else may write), replaced when it
// is stale, untrusted or rejected by V8, never when turned off.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'cli');
let dir = '';
const cacheFile = (): string => join(dir, `.imds-check.${process.version}.v8cache`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imds-cli-cache-'));
  cpSync(DIST, dir, { recursive: true, filter: (src) => !src.endsWith('.v8cache') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function version(env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(dir, 'index.js'), '--version'],
      { env: { PATH: process.env['PATH'] ?? '', ...env } },
      (err, stdout) => (err ? reject(err) : resolve(stdout.trim())),
    ),
  );
}

describe('the CLI code cache', () => {
  // Only a POSIX owner writes a cache (Windows has no process.getuid): elsewhere these cases do not apply.
  const posix = process.getuid?.() !== undefined;

  it('is not written when IMDS_CHECK_CODE_CACHE=0', async () => {
    expect(await version({ IMDS_CHECK_CODE_CACHE: '0' })).toMatch(/^imds-check \d+\.\d+\.\d+$/);
    expect(existsSync(cacheFile())).toBe(false);
  });

  (posix ? it : it.skip)(
    'is written after the first run, readable but writable only by its owner, and then reused',
    async () => {
      expect(await version()).toMatch(/^imds-check /);
      const first = statSync(cacheFile());
      expect(first.size).toBeGreaterThan(1000);
      expect(first.mode & 0o777).toBe(0o644);
      expect(first.uid).toBe(statSync(join(dir, 'imds-check.cjs')).uid);
      await version();
      // Accepted by V8, so not written again.
      expect(statSync(cacheFile()).mtimeMs).toBe(first.mtimeMs);
    },
  );

  (posix ? it : it.skip)('a cache V8 rejects is replaced, and the run is unaffected', async () => {
    writeFileSync(cacheFile(), 'not a code cache', { mode: 0o644 });
    expect(await version()).toMatch(/^imds-check /);
    expect(readFileSync(cacheFile(), 'utf8')).not.toBe('not a code cache');
  });

  (posix ? it : it.skip)(
    'a same-length change to the bundle never runs the old code: the cache is bound to the bytes (issue 17)',
    async () => {
      rmSync(cacheFile(), { force: true });
      expect(await version()).toMatch(/^imds-check \d+\.\d+\.\d+$/);
      expect(existsSync(cacheFile())).toBe(true);
      const bundle = join(dir, 'imds-check.cjs');
      const original = readFileSync(bundle, 'utf8');
      const edited = original.replace(/TOOL_VERSION = '\d+\.\d+\.\d+'/, "TOOL_VERSION = '7.7.7'");
      expect([edited !== original, edited.length]).toEqual([true, original.length]);
      writeFileSync(bundle, edited);
      try {
        expect(await version()).toBe('imds-check 7.7.7');
        // The stale cache was replaced by one of the new bytes, which the next run accepts as it is.
        const rewritten = statSync(cacheFile()).mtimeMs;
        expect(await version()).toBe('imds-check 7.7.7');
        expect(statSync(cacheFile()).mtimeMs).toBe(rewritten);
      } finally {
        writeFileSync(bundle, original);
      }
      expect(await version()).not.toBe('imds-check 7.7.7');
    },
  );

  (posix ? it : it.skip)(
    'a cache name that is a link is never followed, and is replaced by a file of its own (issue 17)',
    async () => {
      rmSync(cacheFile(), { force: true });
      await version();
      // A valid cache of this very bundle, reached through a link: still refused, as opening refuses links.
      const target = join(dir, 'elsewhere.v8cache');
      renameSync(cacheFile(), target);
      symlinkSync(target, cacheFile());
      const targetBytes = readFileSync(target);
      expect(await version()).toMatch(/^imds-check /);
      expect(lstatSync(cacheFile()).isSymbolicLink()).toBe(false);
      expect(readFileSync(target).equals(targetBytes)).toBe(true);
      rmSync(target);
    },
  );

  (posix ? it : it.skip)('in a folder others may write, no cache is read or written (issue 17)', async () => {
    for (const mode of [0o777, 0o775, 0o1777]) {
      rmSync(cacheFile(), { force: true });
      chmodSync(dir, mode);
      try {
        expect(await version()).toMatch(/^imds-check /);
        expect([mode.toString(8), existsSync(cacheFile())]).toEqual([mode.toString(8), false]);
      } finally {
        chmodSync(dir, 0o700);
      }
    }
    await version();
    expect(existsSync(cacheFile())).toBe(true);
  });

  (posix ? it : it.skip)('a FIFO under the cache name neither hangs the run nor stays', async () => {
    rmSync(cacheFile(), { force: true });
    execFileSync('mkfifo', [cacheFile()]);
    expect(await version()).toMatch(/^imds-check /);
    expect(statSync(cacheFile()).isFile()).toBe(true);
  });

  (process.getuid?.() === 0 ? it : it.skip)(
    "a cache of another owner is never used (as root: a file chowned to nobody's uid)",
    async () => {
      await version();
      chownSync(cacheFile(), 65534, 65534);
      expect(await version()).toMatch(/^imds-check /);
      // Not accepted, so replaced by a cache of the bundle's owner.
      expect(statSync(cacheFile()).uid).toBe(statSync(join(dir, 'imds-check.cjs')).uid);
    },
  );

  (posix ? it : it.skip)(
    'a cache others may write is never used, and is replaced by one they may not',
    async () => {
      writeFileSync(cacheFile(), 'planted');
      chmodSync(cacheFile(), 0o666);
      expect(await version()).toMatch(/^imds-check /);
      expect(readFileSync(cacheFile(), 'utf8')).not.toBe('planted');
      expect(statSync(cacheFile()).mode & 0o022).toBe(0);
    },
  );
});
