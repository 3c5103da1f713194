// Words and codes for transport failures, shared by every check that talks to IMDS.
import type { Code } from './codes.js';
import type { HttpFailure, TransportFailure } from './http.js';
import type { SocketWord } from './socket-words.js';
import type { Outcome } from './types.js';

/** The socket word each failure reports; a body too large has a status line, so it reports that. */
const WORD: Readonly<Record<TransportFailure, SocketWord | null>> = {
  connect_timeout: 'timeout',
  connection_refused: 'refused',
  network_unreachable: 'unreachable',
  connection_reset: 'reset',
  no_response: 'no-response',
  body_timeout: 'no-response',
  body_too_large: null,
  protocol_error: 'no-response',
};

const DESCRIPTION: Readonly<Record<TransportFailure, string>> = {
  connect_timeout: 'the connection attempt timed out (packets dropped)',
  connection_refused: 'the connection was refused',
  network_unreachable: 'the network is unreachable (no route)',
  connection_reset: 'the connection was reset',
  no_response: 'the connection was accepted but nothing answered',
  body_timeout: 'the answer started but its body never finished',
  body_too_large: 'the answer was larger than 1 MiB',
  protocol_error: 'the answer was not valid HTTP',
};

export function failureOutcome(f: Pick<HttpFailure, 'failure' | 'status'>): Outcome {
  return WORD[f.failure] ?? (f.status === null ? 'no-response' : `${f.status}`);
}

export function failureCode(f: Pick<HttpFailure, 'failure'>): Code {
  return f.failure;
}

export function describeFailure(f: Pick<HttpFailure, 'failure' | 'errno'>): string {
  const errno = f.errno && f.errno !== 'ETIMEDOUT' && f.errno !== 'EFBIG' ? ` (${f.errno})` : '';
  return `${DESCRIPTION[f.failure]}${errno}`;
}
