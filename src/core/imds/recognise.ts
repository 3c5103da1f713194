// Decides whether an HTTP answer came from IMDS/HIMDS, and if not, what answered instead. `reachable` in the
// report rests on this: an IMDS-shaped JSON answer (success or error) or the HIMDS challenge.
import type { NotImdsCode } from './failures.js';
import { header, headerValues, type HttpAnswer } from './http.js';

export type Recognition =
  | { imds: true; json: Record<string, unknown> | null; serverHeader: boolean }
  | { imds: false; code: NotImdsCode; json: Record<string, unknown> | null; what: string };

const IMDS_SERVER = /^IMDS\/\d+(\.\d+)*$/;

export function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function hasImdsServerHeader(answer: HttpAnswer): boolean {
  return IMDS_SERVER.test(header(answer, 'server').trim());
}

export function isArcChallenge(answer: HttpAnswer): boolean {
  return (
    answer.status === 401 &&
    headerValues(answer, 'www-authenticate').some((v) => /^\s*basic\s+realm=/i.test(v))
  );
}

function isImdsError(json: Record<string, unknown>): boolean {
  return 'error' in json || 'newest-versions' in json;
}

/** `successShape` says what a 200 must hold to count as IMDS. */
export function recognise(
  answer: HttpAnswer,
  successShape: (json: Record<string, unknown>) => boolean,
): Recognition {
  const body = answer.body;
  const serverHeader = hasImdsServerHeader(answer);
  const contentType = header(answer, 'content-type').toLowerCase();
  const json = parseJsonObject(body);
  if (/fail to directly connect/i.test(body)) {
    return {
      imds: false,
      code: 'not_imds_proxy',
      json,
      what: `a proxy answered ${answer.status} "Fail to directly connect"`,
    };
  }
  if (answer.status === 403 && /unreachable network/i.test(body)) {
    return {
      imds: false,
      code: 'not_imds_container_runtime',
      json,
      what: 'a container runtime answered 403 "unreachable network"',
    };
  }
  if (isArcChallenge(answer)) return { imds: true, json, serverHeader };
  if (answer.status === 407)
    return { imds: false, code: 'not_imds_proxy', json, what: 'a proxy asked for authentication (407)' };
  if ((answer.status === 502 || answer.status === 504) && !(json && isImdsError(json))) {
    return {
      imds: false,
      code: 'not_imds_proxy',
      json,
      what: `a proxy or gateway answered ${answer.status}`,
    };
  }
  if (contentType.includes('text/html') || /^\s*<(!doctype|html|head|body|\?xml)/i.test(body)) {
    return {
      imds: false,
      code: 'not_imds_html',
      json,
      what: `an HTML page came back (HTTP ${answer.status})`,
    };
  }
  if (json !== null) {
    if (answer.status === 200 ? successShape(json) : isImdsError(json))
      return { imds: true, json, serverHeader };
    if (answer.status === 502 || answer.status === 504) {
      return { imds: false, code: 'not_imds_proxy', json, what: `a gateway answered ${answer.status}` };
    }
    return {
      imds: false,
      code: 'not_imds_answer',
      json,
      what: `JSON that is not IMDS-shaped came back (HTTP ${answer.status})`,
    };
  }
  // HIMDS may answer version errors in plain text.
  if (/supported are/i.test(body)) return { imds: true, json: null, serverHeader };
  if (answer.status === 502 || answer.status === 504) {
    return {
      imds: false,
      code: 'not_imds_proxy',
      json: null,
      what: `a proxy or gateway answered ${answer.status}`,
    };
  }
  return {
    imds: false,
    code: 'not_imds_answer',
    json: null,
    what: `a non-JSON answer came back (HTTP ${answer.status})`,
  };
}
