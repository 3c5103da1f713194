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
/** Each command keeps its own cache; these tests run `emulate --list`, a quick run that writes one. */
const cacheFile = (command = 'emulate'): string =>
  join(dir, `.imds-check.${process.version}.${command}.v8cache`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imds-cli-cache-'));
  cpSync(DIST, dir, { recursive: true, filter: (src) => !src.endsWith('.v8cache') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(dir, 'index.js'), ...args],
      { env: { PATH: process.env['PATH'] ?? '', ...env } },
      (err, stdout) => (err ? reject(err) : resolve(stdout.trim())),
    ),
  );
}
const list = (env: Record<string, string> = {}): Promise<string> => run(['emulate', '--list'], env);

/** A check refused for its input (exit 2): a quick run of the check command, whose text the bundle holds. */
function refused(): Promise<string> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [join(dir, 'index.js'), '--timeout-seconds', 'x'],
      { env: { PATH: process.env['PATH'] ?? '' } },
      (err, _stdout, stderr) => resolve(`${String(err?.code)} ${stderr.trim()}`),
    ),
  );
}
const LISTED = /^healthy +both +Everything works/;

describe('the CLI code cache', () => {
  // Only a POSIX owner writes a cache (Windows has no process.getuid): elsewhere these cases do not apply.
  const posix = process.getuid?.() !== undefined;

  it('is not written when IMDS_CHECK_CODE_CACHE=0', async () => {
    expect(await list({ IMDS_CHECK_CODE_CACHE: '0' })).toMatch(LISTED);
    expect(existsSync(cacheFile())).toBe(false);
  });

  (posix ? it : it.skip)(
    'is written after the first run, readable but writable only by its owner, and then reused',
    async () => {
      expect(await list()).toMatch(LISTED);
      const first = statSync(cacheFile());
      expect(first.size).toBeGreaterThan(1000);
      expect(first.mode & 0o777).toBe(0o644);
      expect(first.uid).toBe(statSync(join(dir, 'imds-check.cjs')).uid);
      await list();
      // Accepted by V8, so not written again.
      expect(statSync(cacheFile()).mtimeMs).toBe(first.mtimeMs);
    },
  );

  (posix ? it : it.skip)(
    'each command keeps its own cache, and a --version or --help run writes none',
    async () => {
      rmSync(cacheFile(), { force: true });
      for (const args of [['--version'], ['--help'], ['emulate', '--help'], ['merge', '-h']]) await run(args);
      expect(['check', 'emulate', 'merge'].map((command) => existsSync(cacheFile(command)))).toEqual([
        false,
        false,
        false,
      ]);
      await list();
      expect(['check', 'emulate'].map((command) => existsSync(cacheFile(command)))).toEqual([false, true]);
    },
  );

  (posix ? it : it.skip)('a cache V8 rejects is replaced, and the run is unaffected', async () => {
    writeFileSync(cacheFile(), 'not a code cache', { mode: 0o644 });
    expect(await list()).toMatch(LISTED);
    expect(readFileSync(cacheFile(), 'utf8')).not.toBe('not a code cache');
  });

  (posix ? it : it.skip)(
    'a same-length change to the bundle never runs the old code: the cache is bound to the bytes (issue 17)',
    async () => {
      rmSync(cacheFile(), { force: true });
      rmSync(cacheFile('check'), { force: true });
      expect(await refused()).toMatch(/^2 .*expected a whole number from 1 to 600$/);
      expect(existsSync(cacheFile('check'))).toBe(true);
      const bundle = join(dir, 'imds-check.cjs');
      const original = readFileSync(bundle, 'utf8');
      const edited = original.replace('expected a whole number from', 'EXPECTED A WHOLE NUMBER FROM');
      expect([edited !== original, edited.length]).toEqual([true, original.length]);
      writeFileSync(bundle, edited);
      try {
        expect(await refused()).toContain('EXPECTED A WHOLE NUMBER FROM 1 to 600');
        // The stale cache was replaced by one of the new bytes, which the next run accepts as it is.
        const rewritten = statSync(cacheFile('check')).mtimeMs;
        expect(await refused()).toContain('EXPECTED A WHOLE NUMBER FROM 1 to 600');
        expect(statSync(cacheFile('check')).mtimeMs).toBe(rewritten);
      } finally {
        writeFileSync(bundle, original);
      }
      expect(await refused()).toContain('expected a whole number from 1 to 600');
    },
  );

  (posix ? it : it.skip)(
    'a cache name that is a link is never followed, and is replaced by a file of its own (issue 17)',
    async () => {
      rmSync(cacheFile(), { force: true });
      await list();
      // A valid cache of this very bundle, reached through a link: still refused, as opening refuses links.
      const target = join(dir, 'elsewhere.v8cache');
      renameSync(cacheFile(), target);
      symlinkSync(target, cacheFile());
      const targetBytes = readFileSync(target);
      expect(await list()).toMatch(LISTED);
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
        expect(await list()).toMatch(LISTED);
        expect([mode.toString(8), existsSync(cacheFile())]).toEqual([mode.toString(8), false]);
      } finally {
        chmodSync(dir, 0o700);
      }
    }
    await list();
    expect(existsSync(cacheFile())).toBe(true);
  });

  (posix ? it : it.skip)('a FIFO under the cache name neither hangs the run nor stays', async () => {
    rmSync(cacheFile(), { force: true });
    execFileSync('mkfifo', [cacheFile()]);
    expect(await list()).toMatch(LISTED);
    expect(statSync(cacheFile()).isFile()).toBe(true);
  });

  (process.getuid?.() === 0 ? it : it.skip)(
    "a cache of another owner is never used (as root: a file chowned to nobody's uid)",
    async () => {
      await list();
      chownSync(cacheFile(), 65534, 65534);
      expect(await list()).toMatch(LISTED);
      // Not accepted, so replaced by a cache of the bundle's owner.
      expect(statSync(cacheFile()).uid).toBe(statSync(join(dir, 'imds-check.cjs')).uid);
    },
  );

  (posix ? it : it.skip)(
    'a cache others may write is never used, and is replaced by one they may not',
    async () => {
      writeFileSync(cacheFile(), 'planted');
      chmodSync(cacheFile(), 0o666);
      expect(await list()).toMatch(LISTED);
      expect(readFileSync(cacheFile(), 'utf8')).not.toBe('planted');
      expect(statSync(cacheFile()).mode & 0o022).toBe(0);
    },
  );
});
