// The fleet report as JSON. Fields are copied one by one, so nothing attached to the objects that the types
// do not name can reach the file; values stay equal as data but are written by safeJson, so no line a
// pipeline reads carries a command or a control character.
import { safeJson } from '../neutralise.js';
import type { JsonValue } from '../types.js';
import type { FleetReport, FleetRow, RowCheck } from './fleet-types.js';

const checks = (list: RowCheck[]): JsonValue[] => list.map((c) => ({ check: c.check, code: c.code }));

function copyRow(r: FleetRow): { [key: string]: JsonValue } {
  return {
    name: r.name,
    vmId: r.vmId,
    resourceId: r.resourceId,
    location: r.location,
    mode: r.mode,
    osType: r.osType,
    result: r.result,
    allowed: r.allowed,
    failing: checks(r.failing),
    warnings: checks(r.warnings),
    source: r.source,
    startedAt: r.startedAt,
    reason: r.reason,
  };
}

export function copyFleetReport(r: FleetReport): { [key: string]: JsonValue } {
  const c = r.counts;
  return {
    kind: r.kind,
    schemaVersion: r.schemaVersion,
    tool: { name: r.tool.name, version: r.tool.version },
    generatedAt: r.generatedAt,
    result: r.result,
    gateFailures: r.gateFailures.map((g) => ({ code: g.code, detail: g.detail })),
    policy: {
      expected: r.policy.expected,
      minPass: r.policy.minPass,
      allowCodes: [...r.policy.allowCodes],
      required: r.policy.required,
    },
    counts: {
      machines: c.machines,
      passed: c.passed,
      warned: c.warned,
      failed: c.failed,
      missing: c.missing,
      invalid: c.invalid,
      conflicts: c.conflicts,
      superseded: c.superseded,
    },
    codes: r.codes.map((x) => ({ code: x.code, failed: x.failed, allowed: x.allowed, warned: x.warned })),
    locations: r.locations.map((l) => ({
      location: l.location,
      machines: l.machines,
      passed: l.passed,
      warned: l.warned,
      failed: l.failed,
    })),
    machines: r.machines.map(copyRow),
    superseded: r.superseded.map((s) => ({
      vmId: s.vmId,
      name: s.name,
      source: s.source,
      startedAt: s.startedAt,
      supersededBy: s.supersededBy,
    })),
    conflicts: r.conflicts.map((x) => ({
      vmId: x.vmId,
      reports: x.reports.map((p) => ({
        source: p.source,
        name: p.name,
        result: p.result,
        startedAt: p.startedAt,
      })),
    })),
  };
}

/** Pretty JSON (2 spaces) with a trailing newline. */
export function renderFleetJson(report: FleetReport): string {
  return safeJson(copyFleetReport(report)) + '\n';
}
