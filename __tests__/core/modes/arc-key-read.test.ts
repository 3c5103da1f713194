import { readArcKey } from '../../../src/core/modes/arc-key.js';
import { arcProfile } from '../../../src/core/modes/arc.js';
import { endpointFacts } from '../../../src/core/pipeline/remedy-lookup.js';
import { remedyFor } from '../../../src/core/remedies.js';
import { HIMDS_BASE } from '../../../src/core/imds/protocol.js';
import { ACTION_SPELLING } from '../../../src/host/spelling.js';
import {
  fakeContext,
  fakeFs,
  LINUX_TOKENS_DIR,
  WINDOWS_TOKENS_DIR,
  type FakeFile,
} from '../../helpers/fake-context.js';

const KEY = `${LINUX_TOKENS_DIR}/0f1e2d3c.key`;
const WIN_KEY = `${WINDOWS_TOKENS_DIR}\\0f1e2d3c.key`;
const SECRET = 'c2VjcmV0LWZyb20taGltZHM=';

function linux(files: Record<string, FakeFile>) {
  const fs = fakeFs([], { [LINUX_TOKENS_DIR]: { stat: { isFile: false } }, ...files });
  return { fs, ctx: fakeContext({ platform: 'linux', fs }) };
}

describe('readArcKey with a fake file system (linux)', () => {
  it('reads a good key file', async () => {
    const { fs, ctx } = linux({ [KEY]: { content: SECRET } });
    expect(await readArcKey(KEY, ctx)).toEqual({ ok: true, secret: SECRET, path: KEY });
    expect(fs.reads()).toEqual([KEY]);
  });

  it.each([
    ['\\n', `${SECRET}\n`],
    ['\\r\\n', `${SECRET}\r\n`],
  ])('trims one trailing %s', async (_, content) => {
    const { ctx } = linux({ [KEY]: { content } });
    expect(await readArcKey(KEY, ctx)).toMatchObject({ ok: true, secret: SECRET });
  });

  it('accepts exactly 4096 bytes', async () => {
    const { ctx } = linux({ [KEY]: { content: 'a'.repeat(4096) } });
    expect(await readArcKey(KEY, ctx)).toMatchObject({ ok: true });
  });

  it.each<[string, FakeFile, string]>([
    ['a missing file', { error: 'ENOENT' }, 'arc_key_missing'],
    ['permission denied', { error: 'EACCES' }, 'arc_key_permission_denied'],
    ['EPERM', { error: 'EPERM' }, 'arc_key_permission_denied'],
    [
      'a symlink',
      { content: SECRET, stat: { isSymbolicLink: true, isFile: false } },
      'arc_key_not_regular_file',
    ],
    ['a directory', { stat: { isFile: false, size: 4096 } }, 'arc_key_not_regular_file'],
    ['a FIFO or other special file', { stat: { isFile: false, size: 0 } }, 'arc_key_not_regular_file'],
    [
      'a file with two hard links (lstat nlink 2)',
      { content: SECRET, stat: { nlink: 2 } },
      'arc_key_hard_link',
    ],
    ['a file with many hard links', { content: SECRET, stat: { nlink: 40 } }, 'arc_key_hard_link'],
    ['4097 bytes', { content: 'a'.repeat(4097) }, 'arc_key_too_large'],
    ['a huge size', { stat: { size: 10_000_000 } }, 'arc_key_too_large'],
    [
      'a realpath outside the folder',
      { content: SECRET, realpath: '/etc/shadow' },
      'arc_key_outside_tokens_dir',
    ],
    [
      'a realpath in a subfolder',
      { content: SECRET, realpath: `${LINUX_TOKENS_DIR}/sub/x.key` },
      'arc_key_outside_tokens_dir',
    ],
  ])('refuses %s without reading it', async (_, file, code) => {
    const { fs, ctx } = linux({ [KEY]: file });
    const r = await readArcKey(KEY, ctx);
    expect(r).toMatchObject({ ok: false, code });
    expect(fs.reads()).toEqual([]);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it.each<[string, FakeFile, string]>([
    ['the open finding a link (ELOOP)', { content: SECRET, readError: 'ELOOP' }, 'arc_key_not_regular_file'],
    [
      'the open finding a special file (ENOTREG)',
      { content: SECRET, readError: 'ENOTREG' },
      'arc_key_not_regular_file',
    ],
    ['the file growing past the cap (EFBIG)', { content: SECRET, readError: 'EFBIG' }, 'arc_key_too_large'],
    [
      'a hard link made between lstat and open (EMLINK)',
      { content: SECRET, readError: 'EMLINK' },
      'arc_key_hard_link',
    ],
    ['the file vanishing (ENOENT)', { content: SECRET, readError: 'ENOENT' }, 'arc_key_missing'],
    ['an I/O error', { content: SECRET, readError: 'EIO' }, 'arc_key_read_failed'],
  ])('maps %s to %s', async (_, file, code) => {
    const { ctx } = linux({ [KEY]: file });
    expect(await readArcKey(KEY, ctx)).toMatchObject({ ok: false, code });
  });

  describe('a key file with more than one hard link (could be any file of the machine)', () => {
    it('is refused from lstat (nlink 2) before any read', async () => {
      const { fs, ctx } = linux({ [KEY]: { content: SECRET, stat: { nlink: 2 } } });
      const r = await readArcKey(KEY, ctx);
      expect(r).toMatchObject({ ok: false, code: 'arc_key_hard_link' });
      if (!r.ok) expect(r.message).toContain(KEY);
      expect(fs.reads()).toEqual([]);
      expect(fs.calls.map((c) => c.op)).toEqual(['lstat']);
      expect(ctx.secrets).toEqual([]);
    });

    it('is refused when the open sees a second link (EMLINK), and nothing read comes back', async () => {
      const { ctx } = linux({ [KEY]: { content: SECRET, readError: 'EMLINK' } });
      const r = await readArcKey(KEY, ctx);
      expect(r).toMatchObject({ ok: false, code: 'arc_key_hard_link' });
      expect(JSON.stringify(r)).not.toContain(SECRET);
      expect(ctx.secrets).toEqual([]);
    });

    it('a single link (nlink 1) is read', async () => {
      const { ctx } = linux({ [KEY]: { content: SECRET, stat: { nlink: 1 } } });
      expect(await readArcKey(KEY, ctx)).toMatchObject({ ok: true, secret: SECRET });
    });
  });

  it.each([
    ['a short secret (under 16 characters, would blank words if masked)', 'abcdef0123456'],
    ['a space inside', 'abcdefgh ijklmnopq'],
    ['a newline in the middle', 'abc\ndef'],
    ['two lines', 'abc\ndef\n'],
    ['an empty file', ''],
    ['only a newline', '\n'],
    ['a NUL byte', 'abc\u0000def'],
    ['non-ASCII', 'sécret'],
    ['a carriage return in the middle', 'abc\rdef'],
  ])('refuses a secret with %s as unusable (arc_key_read_failed)', async (_, content) => {
    const { ctx } = linux({ [KEY]: { content } });
    const r = await readArcKey(KEY, ctx);
    expect(r).toMatchObject({ ok: false, code: 'arc_key_read_failed' });
  });

  it.each([
    '/var/opt/azcmagent/tokens/../../../etc/shadow.key',
    '/var/opt/azcmagent/tokens/sub/a.key',
    '/etc/shadow',
    '/var/opt/azcmagent/tokens/a.txt',
    'a.key',
  ])('never touches the file system for a refused path: %s', async (p) => {
    const { fs, ctx } = linux({ [p]: { content: SECRET } });
    const r = await readArcKey(p, ctx);
    expect(r.ok).toBe(false);
    expect(fs.calls).toEqual([]);
  });

  it('names the himds group on permission denied', async () => {
    const { ctx } = linux({ [KEY]: { error: 'EACCES' } });
    const r = await readArcKey(KEY, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('himds');
      expect(r.message).toContain(KEY);
      const fix = remedyFor(r.code, {
        profile: arcProfile,
        platform: 'linux',
        spell: ACTION_SPELLING,
        endpoint: endpointFacts(HIMDS_BASE),
      });
      expect(fix).toContain('himds');
      expect(fix).toMatch(/usermod/);
    }
  });
});

describe('readArcKey with a fake file system (win32)', () => {
  // Windows' realpath returns the canonical spelling of a path, whatever case or slashes were asked for.
  const canonical = (p: string) => {
    const norm = p.replace(/\//g, '\\');
    if (norm.toLowerCase() === WINDOWS_TOKENS_DIR.toLowerCase()) return WINDOWS_TOKENS_DIR;
    if (norm.toLowerCase() === WIN_KEY.toLowerCase()) return WIN_KEY;
    return norm;
  };

  function win(path: string, file: FakeFile) {
    const fs = fakeFs([], { [path]: file }, canonical);
    return { fs, ctx: fakeContext({ platform: 'win32', fs }) };
  }

  it('reads a good key file', async () => {
    const { fs, ctx } = win(WIN_KEY, { content: SECRET });
    expect(await readArcKey(WIN_KEY, ctx)).toMatchObject({ ok: true, secret: SECRET });
    expect(fs.reads()).toEqual([WIN_KEY]);
  });

  it.each([
    ['a lower-case folder', WIN_KEY.toLowerCase()],
    ['an upper-case extension', WIN_KEY.replace(/\.key$/, '.KEY')],
    ['forward slashes', WIN_KEY.replace(/\\/g, '/')],
  ])('reads the key given with %s', async (_, p) => {
    const { ctx } = win(p, { content: SECRET });
    expect(await readArcKey(p, ctx)).toMatchObject({ ok: true, secret: SECRET });
  });

  it('names the Hybrid agent extension applications group on permission denied', async () => {
    const { fs, ctx } = win(WIN_KEY, { error: 'EACCES' });
    const r = await readArcKey(WIN_KEY, ctx);
    expect(r).toMatchObject({ ok: false, code: 'arc_key_permission_denied' });
    expect(fs.reads()).toEqual([]);
    if (!r.ok) {
      expect(r.message).toContain('Hybrid agent extension applications');
      const fix = remedyFor('arc_key_permission_denied', {
        profile: arcProfile,
        platform: 'win32',
        spell: ACTION_SPELLING,
        endpoint: endpointFacts(HIMDS_BASE),
      });
      expect(fix).toContain('Hybrid agent extension applications');
      expect(fix).toContain('Administrators');
      expect(fix).not.toMatch(/usermod/);
    }
  });

  it('refuses a key that resolves outside the folder without reading it', async () => {
    const { fs, ctx } = win(WIN_KEY, { content: SECRET, realpath: 'C:\\Windows\\System32\\config\\SAM' });
    expect(await readArcKey(WIN_KEY, ctx)).toMatchObject({ ok: false, code: 'arc_key_outside_tokens_dir' });
    expect(fs.reads()).toEqual([]);
  });
});
