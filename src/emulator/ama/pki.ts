// The emulator's test PKI, minted at start and held in memory: a "test Azure" root with an issuing CA (stands in
// for Azure's chain; trusted by passing its root as ama-trusted-roots), a "corporate inspection" CA (trusted via
// NODE_EXTRA_CA_CERTS, as a firewall's CA would be), and an untrusted CA. Only public certificates leave it.
import { issue, newKeys, type Issued, type KeyPair } from './x509.js';

export type LeafKind = 'azure' | 'inspection' | 'untrusted' | 'expired' | 'fresh' | 'wrong-host';

export const TEST_AZURE_ROOT_CN = 'imds-check Test Azure Root CA';
export const TEST_AZURE_ISSUING_CN = 'imds-check Test Azure TLS Issuing CA 01';
export const INSPECTION_CA_CN = 'Contoso Firewall CA';
export const UNTRUSTED_CA_CN = 'Untrusted Test CA';
/** What the wrong-host certificate is issued for, whatever name the client asked for. */
export const WRONG_HOST_NAME = 'wrong-host.example.net';

export interface LeafCredentials {
  /** PKCS#8 PEM, in memory only. */
  key: string;
  /** The leaf and the certificates a server sends with it (never the root). */
  cert: string;
}

export interface AmaPki {
  /** Public certificate: pass it as ama-trusted-roots. */
  azureRootPem: string;
  /** Public certificate: the "corporate" root a machine trusts through NODE_EXTRA_CA_CERTS. */
  inspectionRootPem: string;
  /**
   * `clockShiftMs`: how far the serving listener's clock is from this machine's (its Date shift). A leaf's dates
   * follow the server's clock, as a real server's certificate follows real time: a machine whose clock is off
   * then sees what it would see against Azure.
   */
  leaf(kind: LeafKind, host: string, clockShiftMs?: number): LeafCredentials;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function createAmaPki(now: number = Date.now()): AmaPki {
  const valid = { notBefore: new Date(now - HOUR), notAfter: new Date(now + 30 * DAY) };
  const o = 'imds-check test PKI (not Microsoft)';
  const azureRoot = issue({ cn: TEST_AZURE_ROOT_CN, o, ca: true, ...valid });
  const azureIssuing = issue({ cn: TEST_AZURE_ISSUING_CN, o, ca: true, issuer: azureRoot, ...valid });
  const inspection = issue({ cn: INSPECTION_CA_CN, o: 'Contoso Ltd', ca: true, ...valid });
  const untrusted = issue({ cn: UNTRUSTED_CA_CN, o, ca: true, ...valid });
  // One server key for every leaf: keys are cheap, but a stable one keeps a leaf per host name cheap too.
  const serverKeys: KeyPair = newKeys();
  const key = serverKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cache = new Map<string, LeafCredentials>();
  const signers: Record<LeafKind, { issuer: Issued; chain: Issued[] }> = {
    azure: { issuer: azureIssuing, chain: [azureIssuing] },
    expired: { issuer: azureIssuing, chain: [azureIssuing] },
    fresh: { issuer: azureIssuing, chain: [azureIssuing] },
    'wrong-host': { issuer: azureIssuing, chain: [azureIssuing] },
    inspection: { issuer: inspection, chain: [] },
    untrusted: { issuer: untrusted, chain: [untrusted] },
  };
  return {
    azureRootPem: azureRoot.pem,
    inspectionRootPem: inspection.pem,
    leaf(kind, host, clockShiftMs = 0) {
      const cacheKey = `${kind} ${host} ${clockShiftMs}`;
      const hit = cache.get(cacheKey);
      if (hit) return hit;
      const { issuer, chain } = signers[kind];
      const name = kind === 'wrong-host' ? WRONG_HOST_NAME : host;
      const at = now + clockShiftMs;
      const validity =
        kind === 'expired'
          ? { notBefore: new Date(at - 30 * DAY), notAfter: new Date(at - DAY) }
          : kind === 'fresh'
            ? { notBefore: new Date(at - 10 * MINUTE), notAfter: new Date(at + 30 * DAY) }
            : { notBefore: new Date(at - HOUR), notAfter: new Date(at + 30 * DAY) };
      const leaf = issue({ cn: name, o, ca: false, issuer, dnsNames: [name], keys: serverKeys, ...validity });
      const credentials = { key, cert: [leaf, ...chain].map((c) => c.pem).join('') };
      cache.set(cacheKey, credentials);
      return credentials;
    },
  };
}
