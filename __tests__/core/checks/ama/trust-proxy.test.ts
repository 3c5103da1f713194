// Trust sources and proxy plans: Azure's root fingerprints are the real ones (recomputed from Node's store),
// every trust source is added explicitly, and proxy credentials are registered and never displayed.
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { inPool } from '../../../../src/core/checks/ama/pool.js';
import { planRouting, proxyFor } from '../../../../src/core/checks/ama/route.js';
import { parseProxy } from '../../../../src/core/proxy/route.js';
import {
  AZURE_ROOTS,
  fingerprintKey,
  loadTrust,
  pemCertificates,
} from '../../../../src/core/checks/ama/trust.js';
import { createAmaPki } from '../../../../src/emulator/ama/index.js';
import { fakeContext, fakeFs } from '../../../helpers/fake-context.js';

const pki = createAmaPki();
const fingerprint = (pem: string): string => fingerprintKey(new X509Certificate(pem).fingerprint256);

describe('Azure roots', () => {
  test("every pinned SHA-256 is a root in Node's store, under the name the table gives", () => {
    const store = new Map(tls.rootCertificates.map((pem) => [fingerprint(pem), new X509Certificate(pem)]));
    for (const [sha256, name] of Object.entries(AZURE_ROOTS)) {
      const cert = store.get(sha256);
      expect({ name, found: cert !== undefined }).toEqual({ name, found: true });
      expect(cert!.subject).toContain(`CN=${name}`);
    }
  });
});

describe('loadTrust', () => {
  const files = {
    '/roots.pem': { content: pki.azureRootPem },
    '/extra.pem': { content: pki.inspectionRootPem },
    '/etc/ssl/certs/ca-certificates.crt': { content: pki.inspectionRootPem },
  };

  test('ama-trusted-roots count as Azure; NODE_EXTRA_CA_CERTS and the OS bundle are trusted, not Azure', async () => {
    const fs = fakeFs([], files);
    const ctx = fakeContext({ fs, env: { NODE_EXTRA_CA_CERTS: '/extra.pem' } });
    const loaded = await loadTrust(ctx, '/roots.pem');
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.trust.azureRoots.has(fingerprint(pki.azureRootPem))).toBe(true);
    expect(loaded.trust.azureRoots.has(fingerprint(pki.inspectionRootPem))).toBe(false);
    expect(loaded.trust.azureRoots.size).toBe(Object.keys(AZURE_ROOTS).length + 1);
    expect(loaded.trust.sources).toEqual([
      'Node bundled roots',
      'ama-trusted-roots (1)',
      '/etc/ssl/certs/ca-certificates.crt',
      'NODE_EXTRA_CA_CERTS',
    ]);
    expect(fs.reads()).toEqual(['/roots.pem', '/etc/ssl/certs/ca-certificates.crt', '/extra.pem']);
  });

  test('SSL_CERT_FILE replaces the default bundle paths; no OS bundle off Linux', async () => {
    const fs = fakeFs([], { ...files, '/custom.pem': { content: pki.azureRootPem } });
    const linux = await loadTrust(fakeContext({ fs, env: { SSL_CERT_FILE: '/custom.pem' } }), '');
    expect(linux.ok && linux.trust.sources).toEqual(['Node bundled roots', '/custom.pem']);
    const windows = await loadTrust(fakeContext({ fs: fakeFs([], files), platform: 'win32' }), '');
    expect(windows.ok && windows.trust.sources).toEqual(['Node bundled roots']);
  });

  test('an unreadable NODE_EXTRA_CA_CERTS adds nothing and does not stop the check', async () => {
    const loaded = await loadTrust(fakeContext({ env: { NODE_EXTRA_CA_CERTS: '/missing.pem' } }), '');
    expect(loaded.ok && loaded.trust.sources).toEqual(['Node bundled roots']);
  });

  test('pemCertificates finds every block', () => {
    expect(pemCertificates(`junk\n${pki.azureRootPem}more\n${pki.inspectionRootPem}`)).toHaveLength(2);
  });
});

describe('proxy plan', () => {
  const secrets = (): {
    env: Record<string, string>;
    registered: string[];
    registerSecret(v: string): void;
  } => {
    const registered: string[] = [];
    return { env: {}, registered, registerSecret: (v) => registered.push(v) };
  };

  test('none and an empty environment go direct', () => {
    expect(planRouting('none', { ...secrets(), env: { HTTPS_PROXY: 'http://p:1' } })).toEqual({
      kind: 'direct',
    });
    expect(planRouting('environment', secrets())).toEqual({ kind: 'direct' });
  });

  test('ama-proxy with credentials: Basic header, secrets returned by parsing, display without them', () => {
    const parsed = parseProxy('http://me:p%40ss%20word@proxy.corp:3128', 'ama-proxy', true);
    expect(parsed.secrets).toEqual([
      'p@ss word',
      'p%40ss%20word', // as written: the input holds it in this form
      Buffer.from('me:p@ss word').toString('base64'),
    ]);
    if (!parsed.ok) throw new Error(parsed.problem);
    // The door masked what parsing returned; the plan registers nothing more.
    const ctx = secrets();
    const plan = planRouting(parsed.route, ctx);
    expect(plan).toEqual({
      kind: 'proxy',
      noProxy: '',
      route: {
        display: 'http://proxy.corp:3128',
        host: 'proxy.corp',
        port: 3128,
        authorization: `Basic ${Buffer.from('me:p@ss word').toString('base64')}`,
        source: 'ama-proxy',
      },
    });
    expect(ctx.registered).toEqual([]);
    const long = parseProxy('http://svc-account:P%40ss-w0rd@proxy.corp:3128', 'ama-proxy', true);
    expect(long.secrets).toEqual([
      'P@ss-w0rd',
      'P%40ss-w0rd',
      Buffer.from('svc-account:P@ss-w0rd').toString('base64'),
    ]);
  });

  test('the environment: https_proxy before HTTPS_PROXY, scheme-less accepted, NO_PROXY per host', () => {
    const ctx = {
      ...secrets(),
      env: {
        https_proxy: 'u:secret@10.0.0.1:8080',
        HTTPS_PROXY: 'http://other:1',
        no_proxy: '.ods.opinsights.azure.com',
      },
    };
    const plan = planRouting('environment', ctx);
    expect(plan.kind === 'proxy' && [plan.route.display, plan.route.source, plan.route.port]).toEqual([
      'http://10.0.0.1:8080',
      'https_proxy',
      8080,
    ]);
    expect(ctx.registered).toContain('secret');
    expect(proxyFor(plan, 'x.ods.opinsights.azure.com')).toBeNull();
    expect(proxyFor(plan, 'global.handler.control.monitor.azure.com')?.host).toBe('10.0.0.1');
  });

  test('the port defaults to 80', () => {
    const parsed = parseProxy('http://proxy.corp', 'ama-proxy', true);
    if (!parsed.ok) throw new Error(parsed.problem);
    const plan = planRouting(parsed.route, secrets());
    expect(plan.kind === 'proxy' && [plan.route.port, plan.route.authorization]).toEqual([80, null]);
  });
});

test('inPool keeps order and never runs more than the limit at once', async () => {
  let running = 0;
  let peak = 0;
  const results = await inPool([...Array(20).keys()], 8, async (i) => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, 5 + (i % 3)));
    running -= 1;
    return i * 2;
  });
  expect(results).toEqual([...Array(20).keys()].map((i) => i * 2));
  expect(peak).toBe(8);
  expect(await inPool([], 8, async () => 1)).toEqual([]);
});
