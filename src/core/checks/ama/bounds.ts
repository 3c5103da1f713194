// Per-host bounds of the AMA check, like the IMDS ones: a dropped host is reported after two 5 s connect
// attempts; a silent one after the handshake bound. Every bound is also capped by what is left of the run.
import {
  BODY_TIMEOUT_MS,
  CONNECT_ATTEMPTS,
  CONNECT_TIMEOUT_MS,
  HEADERS_TIMEOUT_MS,
} from '../../imds/protocol.js';

export interface AmaBounds {
  resolveMs: number;
  connectMs: number;
  /** Connect attempts that may time out per host (refused and unreachable addresses do not count). */
  connectAttempts: number;
  handshakeMs: number;
  headersMs: number;
  bodyMs: number;
  /** Hosts probed at once. */
  concurrency: number;
}

export const AMA_BOUNDS: AmaBounds = {
  resolveMs: 5_000,
  connectMs: CONNECT_TIMEOUT_MS,
  connectAttempts: CONNECT_ATTEMPTS,
  handshakeMs: 10_000,
  headersMs: HEADERS_TIMEOUT_MS,
  bodyMs: BODY_TIMEOUT_MS,
  concurrency: 8,
};

/** Addresses tried per host: enough for dual stack, few enough to stay within the bounds. */
export const MAX_ADDRESSES = 4;
/** What is read of an HTTP answer, and what of it the report keeps. */
export const MAX_HTTP_BODY_BYTES = 64 * 1024;
export const KEPT_BODY_CHARS = 200;
/** A CONNECT answer's head larger than this is not a proxy speaking HTTP. */
export const MAX_PROXY_HEAD_BYTES = 16 * 1024;
