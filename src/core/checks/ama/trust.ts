// What counts as trusted, and what counts as Azure. Verification uses what the agent would trust on this machine
// (Node's bundled roots, the OS bundle AMA's OpenSSL reads on Linux, NODE_EXTRA_CA_CERTS) plus ama-trusted-roots;
// passing `ca` replaces Node's defaults (NODE_EXTRA_CA_CERTS included), so every source is added explicitly.
// A chain that verifies but whose root is not one of Azure's (or the user's) is TLS inspection.
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import type { RuntimeContext } from '../../context.js';

/** SHA-256 of Azure's public TLS roots (Azure CA details, checked against Node's store by a unit test). */
export const AZURE_ROOTS: Readonly<Record<string, string>> = {
  C741F70F4B2A8D88BF2E71C14122EF53EF10EBA0CFA5E64CFA20F418853073E0:
    'Microsoft RSA Root Certificate Authority 2017',
  '358DF39D764AF9E1B766E9C972DF352EE15CFAC227AF6AD1D70E8E4A6EDCBA02':
    'Microsoft ECC Root Certificate Authority 2017',
  CB3CCBB76031E5E0138F8DD39A23F9DE47FFC35E43C1144CEA27D46A5AB1CB5F: 'DigiCert Global Root G2',
  '4348A0E9444C78CB265E058D5E8944B4D84F9662BD26DB257F8934A443C70161': 'DigiCert Global Root CA',
  '31AD6648F8104138C738F39EA4320133393E3A18CC02296EF97C2AC9EF6731D0': 'DigiCert Global Root G3',
  '018E13F0772532CF809BD1B17281867283FC48C6E13BE9C69812854A490C1B05': 'DigiCert TLS ECC P384 Root G5',
  '371A00DC0533B3721A7EEB40E8419E70799D2B0A0F2C1D80693165F7CEC4AD75': 'DigiCert TLS RSA4096 Root G5',
};

/** The OS bundles AMA's OpenSSL uses (Debian family, RHEL family). */
const OS_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt'];
const MAX_ROOTS_FILE_BYTES = 1024 * 1024;
const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;

/** `AB:CD:…` as Node prints it → `ABCD…`. */
export const fingerprintKey = (fingerprint: string): string => fingerprint.replace(/:/g, '').toUpperCase();

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/**
 * Each BEGIN … END block, in order. One pass: each search starts where the last one stopped, so a file of
 * BEGIN lines without an END costs one scan (a lazy regex tried every BEGIN to the end: quadratic, 13 s for
 * 1 MiB). A block runs from its BEGIN to the first END after it, as PEM readers take it.
 */
export function pemCertificates(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at)) {
    const end = text.indexOf(END, at + BEGIN.length);
    if (end < 0) break; // no END after this BEGIN, so none after any later one
    found.push(text.slice(at, end + END.length));
    at = end + END.length;
  }
  return found;
}

export interface Trust {
  /** For the handshake: every trusted root, TLS 1.2 or newer. */
  context: tls.SecureContext;
  /** Roots that count as Azure's: the published ones plus ama-trusted-roots. */
  azureRoots: ReadonlySet<string>;
  /** Where trust came from, for the report: `Node bundled roots`, a bundle path, `NODE_EXTRA_CA_CERTS`, … */
  sources: string[];
}

export type TrustResult = { ok: true; trust: Trust } | { ok: false; reason: string };

const errorCode = (err: unknown): string =>
  (err as { code?: unknown })?.code && typeof (err as { code?: unknown }).code === 'string'
    ? String((err as { code: string }).code)
    : 'EUNKNOWN';

const MIB = 1024 * 1024;

/** Why a PEM file was not read, in words: a size cap or a non-file is named, anything else is its errno. */
function unreadable(err: unknown, maxBytes: number): string {
  const code = errorCode(err);
  if (code === 'EFBIG') return `it is larger than ${maxBytes / MIB} MiB (EFBIG)`;
  if (code === 'ENOTREG') return 'it is not a regular file (ENOTREG)';
  return `cannot read it (${code})`;
}

/** The user's extra roots: every block must be a certificate; at least one. */
async function trustedRoots(
  ctx: RuntimeContext,
  path: string,
): Promise<{ pems: string[] } | { reason: string }> {
  let text: string;
  try {
    text = await ctx.fs.readBounded(path, MAX_ROOTS_FILE_BYTES);
  } catch (err) {
    return { reason: unreadable(err, MAX_ROOTS_FILE_BYTES) };
  }
  const pems = pemCertificates(text);
  if (pems.length === 0) return { reason: 'it holds no PEM certificate' };
  const bad = pems.findIndex((pem) => {
    try {
      new X509Certificate(pem);
      return false;
    } catch {
      return true;
    }
  });
  if (bad >= 0)
    return { reason: `certificate ${bad + 1} of ${pems.length} is not a valid X.509 certificate` };
  return { pems };
}

interface Bundle {
  pems: string[];
  /** Why an existing bundle was not used (over the cap, not a file), for the report's trust sources. */
  skipped?: string;
}

/** Certificates of an optional source; one that cannot be read adds nothing (the agent would not have it either). */
async function optionalBundle(ctx: RuntimeContext, path: string): Promise<Bundle> {
  try {
    return { pems: pemCertificates(await ctx.fs.readBounded(path, MAX_BUNDLE_BYTES)) };
  } catch (err) {
    ctx.log.debug(`ama: no CA bundle at ${path} (${errorCode(err)})`);
    const code = errorCode(err);
    return code === 'EFBIG' || code === 'ENOTREG'
      ? { pems: [], skipped: `${path} not read: ${unreadable(err, MAX_BUNDLE_BYTES)}` }
      : { pems: [] };
  }
}

async function osBundle(ctx: RuntimeContext): Promise<{ path: string; pems: string[]; skipped: string[] }> {
  const skipped: string[] = [];
  if (ctx.platform !== 'linux') return { path: '', pems: [], skipped };
  const fromEnv = ctx.env['SSL_CERT_FILE']?.trim();
  for (const path of fromEnv ? [fromEnv] : OS_BUNDLES) {
    if (!(await ctx.fs.exists(path))) continue;
    const bundle = await optionalBundle(ctx, path);
    if (bundle.skipped) skipped.push(bundle.skipped);
    if (bundle.pems.length > 0) return { path, pems: bundle.pems, skipped };
  }
  return { path: '', pems: [], skipped };
}

export async function loadTrust(ctx: RuntimeContext, trustedRootsPath: string): Promise<TrustResult> {
  const azureRoots = new Set(Object.keys(AZURE_ROOTS));
  const ca: string[] = [...tls.rootCertificates];
  const sources = ['Node bundled roots'];
  if (trustedRootsPath !== '') {
    const extra = await trustedRoots(ctx, trustedRootsPath);
    if ('reason' in extra) return { ok: false, reason: extra.reason };
    for (const pem of extra.pems) azureRoots.add(fingerprintKey(new X509Certificate(pem).fingerprint256));
    ca.push(...extra.pems);
    sources.push(`ama-trusted-roots (${extra.pems.length})`);
  }
  const os = await osBundle(ctx);
  const extraPath = ctx.env['NODE_EXTRA_CA_CERTS']?.trim();
  const extra = extraPath ? await optionalBundle(ctx, extraPath) : { pems: [] };
  const nodeExtra = extra.pems;
  const optional = [...os.pems, ...nodeExtra];
  // A bundle over its cap is named, so a verdict without its roots is not a mystery.
  sources.push(...os.skipped, ...(extra.skipped ? [extra.skipped] : []));
  let context: tls.SecureContext;
  try {
    context = tls.createSecureContext({ ca: [...ca, ...optional], minVersion: 'TLSv1.2' });
    if (os.path) sources.push(os.path);
    if (nodeExtra.length > 0) sources.push('NODE_EXTRA_CA_CERTS');
  } catch (err) {
    // A malformed entry in a system bundle must not stop the check: verify with the sources we control.
    ctx.log.debug(`ama: system CA bundles not usable (${errorCode(err)})`);
    context = tls.createSecureContext({ ca, minVersion: 'TLSv1.2' });
  }
  return { ok: true, trust: { context, azureRoots, sources } };
}
