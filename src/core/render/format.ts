// Words and fact lists shared by the text, Markdown and JUnit renderers, so all three describe a report
// the same way. Everything returned here is already safe plain text (see neutralise.ts); each renderer only
// adds the escaping its format needs.

import type { CheckResult, CheckStatus, IdentityFacts, MachineFacts, Report } from '../types.js';
import { neutralise } from '../neutralise.js';

export interface Fact {
  label: string;
  value: string;
}

const STATUS_WORDS: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

/** PASS / WARN / FAIL / SKIP; an unexpected status is shown as itself rather than hidden. */
export function statusWord(status: string): string {
  return Object.hasOwn(STATUS_WORDS, status)
    ? STATUS_WORDS[status as CheckStatus]
    : neutralise(status).toUpperCase();
}

export function needsAttention(check: Pick<CheckResult, 'status'>): boolean {
  return check.status === 'warn' || check.status === 'fail';
}

const SIGNAL_WORDS: Record<string, string> = {
  'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
  'himds-agent-installed': 'the Arc agent (himds) is installed',
  'default-vm': 'no Arc signal found',
};

/** "vm (requested)" or "arc (auto: IDENTITY_ENDPOINT and IMDS_ENDPOINT are set)". */
export function modeText(mode: Report['mode']): string {
  const resolved = neutralise(mode.resolved);
  if (mode.signal === 'requested' || mode.requested !== 'auto') return `${resolved} (requested)`;
  const why = Object.hasOwn(SIGNAL_WORDS, mode.signal) ? SIGNAL_WORDS[mode.signal] : neutralise(mode.signal);
  return `${resolved} (auto: ${why})`;
}

/** "HTTP 200" when an HTTP answer came back, else the outcome word ("timeout", "skipped"), else "-". */
export function outcomeText(check: Pick<CheckResult, 'httpStatus' | 'outcome' | 'status'>): string {
  const status = check.httpStatus;
  if (typeof status === 'number' && Number.isFinite(status)) return `HTTP ${status}`;
  const outcome = neutralise(check.outcome);
  if (/^\d{3}$/.test(outcome)) return `HTTP ${outcome}`;
  // The engine gives a check that sent nothing (environment) the outcome "skipped"; only skipped checks say so.
  if (outcome === '' || (outcome === 'skipped' && check.status !== 'skip')) return '-';
  return outcome;
}

/** Whole milliseconds; a missing or negative value shows as 0 rather than NaN. */
export function wholeMs(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
}

/** "850 ms" below a second, "12.3 s" above. */
export function durationText(ms: number): string {
  const whole = wholeMs(ms);
  return whole < 1000 ? `${whole} ms` : `${(whole / 1000).toFixed(1)} s`;
}

export function attemptCount(check: Pick<CheckResult, 'attempts'>): number {
  return Number.isFinite(check.attempts) && check.attempts > 1 ? Math.floor(check.attempts) : 1;
}

export function countByStatus(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of checks) if (Object.hasOwn(counts, c.status)) counts[c.status] += 1;
  return counts;
}

/** "2 pass, 1 warn, 1 skip": only the statuses that occur. */
export function countsText(checks: readonly CheckResult[]): string {
  const counts = countByStatus(checks);
  const parts = (Object.keys(counts) as CheckStatus[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'no checks';
}

function nonEmpty(rows: Array<[string, unknown]>): Fact[] {
  return rows.map(([label, value]) => ({ label, value: neutralise(value) })).filter((f) => f.value !== '');
}

/** Identifying facts from the instance document; subscription and resource group are inside the resource id. */
export function machineFacts(m: MachineFacts): Fact[] {
  return nonEmpty([
    ['VM id', m.vmId],
    ['Name', m.name],
    ['Resource id', m.resourceId],
    ['Location', m.location],
    ['Azure environment', m.azEnvironment],
    ['VM size', m.vmSize],
    ['OS type', m.osType],
  ]);
}

/** What was asked for: the identity kind and its selector. */
export function requestedIdentityFacts(id: IdentityFacts): Fact[] {
  return nonEmpty([
    ['Kind', id.kind],
    ['Selector', id.selector],
  ]);
}

/** Claims read from the token payload without verifying it; shown as information only. */
export function tokenClaimFacts(id: IdentityFacts): Fact[] {
  return nonEmpty([
    ['Principal id (oid)', id.principalId],
    ['Tenant id (tid)', id.tenantId],
    ['App id (appid/azp)', id.appId],
    ['Audience (aud)', id.audience],
    ['Expires on', id.expiresOn],
  ]);
}

export const CLAIMS_CAVEAT = 'from the token, not verified';

/** Where a code is documented: a URL or a repository path with its anchor; null shows the bare code. */
export type CodeLink = (code: string) => string | null;

/** A code is linked only when it has the shape of one, so a forged report cannot shape the link. */
export function linkFor(codeLink: CodeLink | undefined, code: string): string | null {
  return codeLink && /^[a-z0-9_]+$/.test(code) ? codeLink(code) : null;
}

/** "Waited 62 s: metadata HTTP 410 (IMDS updating) ×6 (60 s)"; '' when the run never waited. */
export function waitsText(waits: Report['waits'] | undefined): string {
  const list = (waits ?? []).filter((w) => Number.isFinite(w.ms) && w.ms > 0);
  if (list.length === 0) return '';
  const total = list.reduce((sum, w) => sum + w.ms, 0);
  const parts = list.map(
    (w) =>
      `${neutralise(w.check)} ${neutralise(w.reason)} ×${Math.max(1, Math.floor(w.waits))} (${durationText(w.ms)})`,
  );
  return `Waited ${durationText(total)} before retries: ${parts.join('; ')}.`;
}
