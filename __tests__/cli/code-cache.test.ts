// dist/cli/index.js starts the bundle through a V8 code cache kept next to it: written after a first run by the
// bundle's owner, used when trusted, replaced when V8 rejects it or it is not trusted, never when turned off.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
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
