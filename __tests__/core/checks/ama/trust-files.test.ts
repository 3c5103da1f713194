// Issue 17, item 6: the PEM files the ama check reads (ama-trusted-roots, SSL_CERT_FILE, the OS bundle,
// NODE_EXTRA_CA_CERTS) are scanned in one pass and read through one bounded descriptor. 1 MiB of BEGIN lines
// blocked the event loop for 13 s (a lazy regex tried every BEGIN to the end of the file); a bundle over its
// cap is named in the trust sources instead of silently missing.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTrust, pemCertificates } from '../../../../src/core/checks/ama/trust.js';
import { createAmaPki } from '../../../../src/emulator/ama/index.js';
import { nodeFileSystem } from '../../../../src/host/file-system.js';
import { fakeContext } from '../../../helpers/fake-context.js';

const BEGIN = '-----BEGIN CERTIFICATE-----\n';
const pki = createAmaPki();
/** Generous: the linear scan of 8 MiB takes milliseconds; the quadratic one took 13 s for 1 MiB. */
const DOES_NOT_HANG_MS = 3_000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imdsck-pem-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pemCertificates', () => {
  it('finds each block, and a BEGIN without an END is no certificate', () => {
    const two = `${pki.azureRootPem}\njunk\n${pki.inspectionRootPem}\n${BEGIN}AAAA\n`;
    expect(pemCertificates(two)).toEqual([pki.azureRootPem.trim(), pki.inspectionRootPem.trim()]);
    expect(pemCertificates(BEGIN.repeat(3))).toEqual([]);
    // A block runs to the first END after its BEGIN, BEGIN lines inside included (and is then no certificate).
    expect(pemCertificates(`${BEGIN}${BEGIN}x\n-----END CERTIFICATE-----`)).toHaveLength(1);
  });

  it.each([1, 8])('%i MiB of BEGIN lines is scanned in one pass', (mib) => {
    const text = BEGIN.repeat(Math.floor((mib * 1024 * 1024) / BEGIN.length));
    const started = performance.now();
    expect(pemCertificates(text)).toEqual([]);
    expect(pemCertificates(`${text}${pki.azureRootPem}`)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(DOES_NOT_HANG_MS);
  });
});

describe('loadTrust on real files', () => {
  const ctxFor = (env: Record<string, string>) => fakeContext({ fs: nodeFileSystem, env, platform: 'linux' });

  it('1 MiB of BEGIN lines in ama-trusted-roots: refused at once as holding no certificate', async () => {
    const path = join(dir, 'begins.pem');
    writeFileSync(path, BEGIN.repeat(Math.floor((1024 * 1024) / BEGIN.length)));
    const started = performance.now();
    expect(await loadTrust(ctxFor({}), path)).toEqual({ ok: false, reason: 'it holds no PEM certificate' });
    expect(performance.now() - started).toBeLessThan(DOES_NOT_HANG_MS);
  });

  it('ama-trusted-roots over 1 MiB is refused by its size, unread', async () => {
    const path = join(dir, 'big.pem');
    writeFileSync(path, `${pki.azureRootPem}\n${'x'.repeat(1024 * 1024)}`);
    expect(await loadTrust(ctxFor({}), path)).toEqual({
      ok: false,
      reason: 'it is larger than 1 MiB (EFBIG)',
    });
  });

  it('a link to the roots is followed; a folder or a FIFO is not a regular file (and does not block)', async () => {
    const real = join(dir, 'roots.pem');
    writeFileSync(real, pki.azureRootPem);
    symlinkSync(real, join(dir, 'link.pem'));
    expect((await loadTrust(ctxFor({}), join(dir, 'link.pem'))).ok).toBe(true);
    mkdirSync(join(dir, 'folder.pem'));
    expect(await loadTrust(ctxFor({}), join(dir, 'folder.pem'))).toEqual({
      ok: false,
      reason: 'it is not a regular file (ENOTREG)',
    });
    if (process.platform !== 'win32') {
      const { execFileSync } = await import('node:child_process');
      execFileSync('mkfifo', [join(dir, 'fifo.pem')]);
      expect(await loadTrust(ctxFor({}), join(dir, 'fifo.pem'))).toEqual({
        ok: false,
        reason: 'it is not a regular file (ENOTREG)',
      });
    }
  });

  it('SSL_CERT_FILE over 8 MiB is not read, and the trust sources say so', async () => {
    const path = join(dir, 'huge-bundle.pem');
    writeFileSync(path, `${pki.inspectionRootPem}\n${'x'.repeat(8 * 1024 * 1024)}`);
    const loaded = await loadTrust(ctxFor({ SSL_CERT_FILE: path }), '');
    expect(loaded.ok && loaded.trust.sources).toEqual([
      'Node bundled roots',
      `${path} not read: it is larger than 8 MiB (EFBIG)`,
    ]);
  });

  it('SSL_CERT_FILE of almost 8 MiB of BEGIN lines does not block', async () => {
    const path = join(dir, 'begins-bundle.pem');
    writeFileSync(path, `${pki.inspectionRootPem}\n${BEGIN.repeat(290_000)}`);
    const started = performance.now();
    const loaded = await loadTrust(ctxFor({ SSL_CERT_FILE: path }), '');
    expect(loaded.ok && loaded.trust.sources).toEqual(['Node bundled roots', path]);
    expect(performance.now() - started).toBeLessThan(DOES_NOT_HANG_MS);
  });
});
