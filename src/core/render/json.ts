// The report as JSON. Fields are copied one by one, in the order of the Report type, so anything attached
// to the object that the type does not name (an access token, a debug field) can never reach the file.
// Raw values are kept (equal as data) but written by safeJson, so no line a pipeline reads carries a command.

import { safeJson } from '../neutralise.js';
import type { CheckResult, IdentityFacts, JsonValue, MachineFacts, Report, WaitRecord } from '../types.js';

type CheckEntry = Omit<CheckResult, 'details' | 'data'> & { [key: string]: JsonValue };

function copyCheck(c: CheckResult): CheckEntry {
  const entry: CheckEntry = {
    id: c.id,
    title: c.title,
    status: c.status,
    code: c.code,
    message: c.message,
    remediation: c.remediation,
    durationMs: c.durationMs,
    attempts: c.attempts,
    httpStatus: c.httpStatus,
    outcome: c.outcome,
  };
  // A check's own fields (e.g. the AMA check's `hosts`) follow the standard ones and never replace them.
  for (const [key, value] of Object.entries(c.data ?? {})) if (!(key in entry)) entry[key] = value;
  return entry;
}

function copyWait(w: WaitRecord): WaitRecord {
  return { check: w.check, reason: w.reason, waits: w.waits, ms: w.ms };
}

function copyMachine(m: MachineFacts): MachineFacts {
  return {
    vmId: m.vmId,
    name: m.name,
    resourceId: m.resourceId,
    subscriptionId: m.subscriptionId,
    resourceGroup: m.resourceGroup,
    location: m.location,
    azEnvironment: m.azEnvironment,
    vmSize: m.vmSize,
    osType: m.osType,
  };
}

function copyIdentity(i: IdentityFacts): IdentityFacts {
  return {
    kind: i.kind,
    selector: i.selector,
    principalId: i.principalId,
    tenantId: i.tenantId,
    appId: i.appId,
    audience: i.audience,
    expiresOn: i.expiresOn,
    tokenType: i.tokenType,
  };
}

/** Only the fields the Report type names, in its order; check-owned sections (e.g. `samples`) last. */
function copyReport(r: Report): { [key: string]: JsonValue } {
  const copy: { [key: string]: JsonValue } = {
    schemaVersion: r.schemaVersion,
    tool: { name: r.tool.name, version: r.tool.version },
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    mode: { requested: r.mode.requested, resolved: r.mode.resolved, signal: r.mode.signal },
    endpoint: r.endpoint,
    result: r.result,
    reachable: r.reachable,
    failOn: r.failOn,
    checks: r.checks.map(copyCheck),
    machine: { ...copyMachine(r.machine) },
    identity: { ...copyIdentity(r.identity) },
    waits: (r.waits ?? []).map((w) => ({ ...copyWait(w) })),
  };
  for (const [key, value] of Object.entries(r.sections ?? {})) if (!(key in copy)) copy[key] = value;
  return copy;
}

/** Pretty JSON (2 spaces) with a trailing newline. */
export function renderJson(report: Report): string {
  return safeJson(copyReport(report)) + '\n';
}
