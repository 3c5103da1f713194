// The check's verdict from its hosts: status, code, message, the per-host table and the report entries. The
// first failing host (in list order) gives the check its code; the fixes of other failing codes go first.
import type { Code, DetailTable, JsonValue, Verdict } from '../../types.js';
import type { HostEntry, HostOutcome } from './probe-host.js';

function tlsCell(e: HostEntry): string {
  if (e.tls.intercepted) return `intercepted by '${e.tls.issuer ?? '?'}'`;
  if (!e.tls.version) return '-';
  const trust = e.tls.verified ? 'verified' : 'not verified';
  return `${e.tls.version}, ${trust}${e.tls.root ? `, root '${e.tls.root}'` : ''}`;
}

function httpCell(e: HostEntry): string {
  if (e.http.status === null) return '-';
  const body = (e.http.body ?? '').trim();
  return body !== '' && body.length <= 20 ? `${e.http.status} ${body}` : `${e.http.status}`;
}

/** One row per host, in list order. */
function hostTable(outcomes: readonly HostOutcome[]): DetailTable {
  return {
    title: 'Endpoints',
    columns: ['Host', 'Purpose', 'Addresses', 'Via', 'TLS', 'HTTP', 'Status', 'Code', 'Time'],
    rows: outcomes.map(({ entry: e, ms }) => [
      e.host,
      e.purpose,
      e.addresses.length > 0 ? e.addresses.join(', ') : '-',
      e.via,
      tlsCell(e),
      httpCell(e),
      e.status,
      e.code,
      `${ms} ms`,
    ]),
  };
}

/** The report entry of a host as JSON (the contract's field order). */
function hostJson(e: HostEntry): JsonValue {
  return {
    host: e.host,
    purpose: e.purpose,
    required: e.required,
    addresses: [...e.addresses],
    private: e.private,
    connectMs: e.connectMs,
    via: e.via,
    tls: { ...e.tls },
    http: { ...e.http },
    status: e.status,
    code: e.code,
  };
}

export interface HostsVerdict {
  verdict: Omit<Verdict, 'hint'>;
  /** Codes of failing hosts other than the one that names the check. */
  otherCodes: Code[];
}

export function hostsVerdict(
  outcomes: readonly HostOutcome[],
  route: string,
  trust: readonly string[],
): HostsVerdict {
  const failed = outcomes.filter((o) => o.entry.status === 'fail' && o.entry.required);
  const data = {
    hosts: outcomes.map((o) => hostJson(o.entry)),
    proxy: route === 'direct' ? null : route,
    trustedRoots: [...trust],
  };
  const details = [hostTable(outcomes)];
  const total = outcomes.length;
  if (failed.length === 0) {
    return {
      verdict: {
        status: 'pass',
        code: 'ok',
        message: `All ${total} Azure Monitor endpoints answered over a verified Azure TLS chain (${route}).`,
        details,
        data,
      },
      otherCodes: [],
    };
  }
  const first = failed[0]!.entry.code;
  const lines = failed.map((o) => `${o.entry.host}: ${o.reason}`);
  return {
    verdict: {
      status: 'fail',
      code: first,
      message: `${failed.length} of ${total} Azure Monitor endpoints failed (${route}): ${lines.join('; ')}.`,
      details,
      data,
    },
    otherCodes: [...new Set(failed.map((o) => o.entry.code))].filter((c) => c !== first),
  };
}
