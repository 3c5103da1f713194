import type { EmulatorState } from './state.js';
import type { Answer } from './token.js';
/**
 * Real 404 body of /metadata/loadbalancer on a VM without a Standard load balancer (captured in the
 * redhat-sap/rh_operations azure_imds module's RETURN sample; the troubleshooting doc lists the same text).
 */
export declare const NO_LOAD_BALANCER_BODY: string;
/**
 * `{encoding: "pkcs7", signature}`. The signature is fake: base64 of a DER SEQUENCE header, the JSON payload
 * real documents sign (licenseType, nonce, plan, sku, subscriptionId, timeStamp, vmId) and random bytes where
 * the certificate and signature would be. Nothing can verify it, and nothing should.
 */
export declare function answerAttested(state: EmulatorState, query: Record<string, string>): Answer;
export declare function answerLoadBalancer(): Answer;
/** No maintenance pending: the empty event list the Scheduled Events doc describes. */
export declare function answerScheduledEvents(): Answer;
