// The report as JSON. Fields are copied one by one, in the order of the Report type, so anything attached
// to the object that the type does not name (an access token, a debug field) can never reach the file.

import type { CheckResult, IdentityFacts, MachineFacts, Report } from '../types.js';

function copyCheck(c: CheckResult): CheckResult {
  return {
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

/** Only the fields the Report type names, in its order. */
export function copyReport(r: Report): Report {
  return {
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
    machine: copyMachine(r.machine),
    identity: copyIdentity(r.identity),
  };
}

/** Pretty JSON (2 spaces) with a trailing newline. */
export function renderJson(report: Report): string {
  return JSON.stringify(copyReport(report), null, 2) + '\n';
}
