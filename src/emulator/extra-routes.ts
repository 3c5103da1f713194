// The VM IMDS routes a connectivity probe does not need but real clients call: attested document, load
// balancer metadata and scheduled events. Each answers as a plain VM without a Standard load balancer and
// without pending maintenance does.

import { randomBytes } from 'node:crypto';
import type { EmulatorState } from './state.js';
import type { Answer } from './token.js';
import { metadataError } from './respond.js';
import { withComputeOverrides } from './overrides.js';
import { VM_INSTANCE } from './fixtures/vm-instance.js';

/**
 * Real 404 body of /metadata/loadbalancer on a VM without a Standard load balancer (captured in the
 * redhat-sap/rh_operations azure_imds module's RETURN sample; the troubleshooting doc lists the same text).
 */
export const NO_LOAD_BALANCER_BODY = metadataError(
  'No load balancer metadata is found. Please check if your VM is using any non-basic SKU load balancer and retry later.',
);

/** `yyyyMMdd-HHmmss` in UTC: the nonce IMDS uses when the request has none (as in real attested payloads). */
function defaultNonce(now: Date): string {
  return now.toISOString().replace(/-/g, '').replace('T', '-').replace(/:/g, '').slice(0, 15);
}

function certTime(date: Date): string {
  // The payload's timestamps read like "10/02/23 12:33:11 -0000" in real captures.
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(date.getUTCMonth() + 1)}/${p(date.getUTCDate())}/${p(date.getUTCFullYear() % 100)} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} -0000`;
}

/**
 * `{encoding: "pkcs7", signature}`. The signature is fake: base64 of a DER SEQUENCE header, the JSON payload
 * real documents sign (licenseType, nonce, plan, sku, subscriptionId, timeStamp, vmId) and random bytes where
 * the certificate and signature would be. Nothing can verify it, and nothing should.
 */
export function answerAttested(state: EmulatorState, query: Record<string, string>): Answer {
  const doc = withComputeOverrides(VM_INSTANCE, state.overrides) as { compute: Record<string, unknown> };
  const now = new Date();
  const payload = JSON.stringify({
    licenseType: doc.compute.licenseType ?? '',
    nonce: query.nonce ?? defaultNonce(now),
    plan: doc.compute.plan ?? {},
    sku: doc.compute.sku ?? '',
    subscriptionId: doc.compute.subscriptionId ?? '',
    timeStamp: { createdOn: certTime(now), expiresOn: certTime(new Date(now.getTime() + 6 * 3600_000)) },
    vmId: doc.compute.vmId ?? '',
  });
  const content = Buffer.concat([Buffer.from(payload, 'utf8'), randomBytes(1536)]);
  const der = Buffer.concat([Buffer.from([0x30, 0x82, content.length >> 8, content.length & 0xff]), content]);
  return { status: 200, body: JSON.stringify({ encoding: 'pkcs7', signature: der.toString('base64') }) };
}

export function answerLoadBalancer(): Answer {
  return { status: 404, body: NO_LOAD_BALANCER_BODY };
}

/** No maintenance pending: the empty event list the Scheduled Events doc describes. */
export function answerScheduledEvents(): Answer {
  return { status: 200, body: JSON.stringify({ DocumentIncarnation: 0, Events: [] }) };
}
