// X.509 v3 certificates for the emulator's test chains: EC P-256 keys from node:crypto, the certificate body
// from der.ts, signed with ECDSA-SHA256. Keys live in memory only; nothing here is ever written as a key file.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  boolean,
  explicit,
  implicit,
  integer,
  octetString,
  oid,
  sequence,
  set,
  time,
  utf8String,
} from './der.js';

const ECDSA_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A certificate and what signing with it needs. */
export interface Issued {
  name: { cn: string; o: string };
  keys: KeyPair;
  keyId: Buffer;
  der: Buffer;
  pem: string;
}

export interface CertSpec {
  cn: string;
  o: string;
  /** Self-signed when absent. */
  issuer?: Issued;
  ca: boolean;
  /** Leaf only: the dNSName entries. */
  dnsNames?: string[];
  notBefore: Date;
  notAfter: Date;
  keys?: KeyPair;
}

export const newKeys = (): KeyPair => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

const name = (n: { cn: string; o: string }): Buffer =>
  sequence(
    set(sequence(oid(OID.organization), utf8String(n.o))),
    set(sequence(oid(OID.commonName), utf8String(n.cn))),
  );

const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));

function extensions(spec: CertSpec, keyId: Buffer, authorityKeyId: Buffer): Buffer {
  const list = [
    extension(OID.basicConstraints, true, spec.ca ? sequence(boolean(true)) : sequence()),
    // keyCertSign + cRLSign (bits 5, 6) for a CA; digitalSignature (bit 0) for a server.
    extension(
      OID.keyUsage,
      true,
      spec.ca ? bitString(Buffer.from([0x06]), 1) : bitString(Buffer.from([0x80]), 7),
    ),
    extension(OID.subjectKeyId, false, octetString(keyId)),
    extension(OID.authorityKeyId, false, sequence(implicit(0, authorityKeyId))),
  ];
  if (!spec.ca) {
    list.push(extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth))));
    const names = (spec.dnsNames ?? []).map((n) => implicit(2, Buffer.from(n, 'ascii')));
    list.push(extension(OID.subjectAltName, false, sequence(...names)));
  }
  return explicit(3, sequence(...list));
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export function issue(spec: CertSpec): Issued {
  const keys = spec.keys ?? newKeys();
  const spki = keys.publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha1').update(spki).digest();
  const signer = spec.issuer ?? { name: { cn: spec.cn, o: spec.o }, keys, keyId };
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(serial),
    ECDSA_SHA256,
    name(signer.name),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    name({ cn: spec.cn, o: spec.o }),
    spki,
    extensions(spec, keyId, signer.keyId),
  );
  const signature = sign('sha256', tbs, signer.keys.privateKey);
  const der = sequence(tbs, ECDSA_SHA256, bitString(signature));
  return { name: { cn: spec.cn, o: spec.o }, keys, keyId, der, pem: toPem(der) };
}
