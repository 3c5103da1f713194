// The merge: one row per machine (the newest report per vmId wins; older ones are listed as superseded),
// invalid files as failed rows, machines short of `expected` as missing rows, allow-codes, and the min-pass
// verdict. Reports are added one at a time, so the caller never holds more than one file's text.
import { blankRow, type ParsedReport } from './parse-report.js';
import type {
  CodeCount,
  FleetCounts,
  FleetReport,
  FleetRow,
  LocationCount,
  MergePolicy,
  SupersededReport,
} from './types.js';

export interface FleetBuilder {
  add(parsed: ParsedReport): void;
  finish(policy: MergePolicy, meta: { toolVersion: string; generatedAt: string }): FleetReport;
}

/** Code-unit order: the same on every machine, whatever its locale. */
const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newer start wins; on a tie (or two undated reports) the later file name, so the outcome never depends on read order. */
function isNewer(a: ParsedReport, b: ParsedReport): boolean {
  if (a.startedMs !== b.startedMs) return a.startedMs > b.startedMs;
  return a.row.source > b.row.source;
}

/** The gate's view of a row: a let-through failure and a warning both count as warned. */
export function gateOf(row: FleetRow): 'passed' | 'warned' | 'failed' {
  if (row.result === 'pass') return 'passed';
  if (row.result === 'warn' || (row.result === 'fail' && row.allowed)) return 'warned';
  return 'failed';
}

function missingRow(n: number): FleetRow {
  return {
    ...blankRow(''),
    result: 'missing',
    failing: [{ check: 'expected', code: 'fleet_machine_missing' }],
    reason: `machine ${n} of the expected count left no report`,
  };
}

function countRows(rows: FleetRow[], superseded: number): FleetCounts {
  const counts: FleetCounts = {
    machines: rows.length,
    passed: 0,
    warned: 0,
    failed: 0,
    missing: 0,
    invalid: 0,
    superseded,
  };
  for (const row of rows) {
    counts[gateOf(row)] += 1;
    if (row.result === 'missing') counts.missing += 1;
    if (row.result === 'invalid') counts.invalid += 1;
  }
  return counts;
}

function countCodes(rows: FleetRow[]): CodeCount[] {
  const byCode = new Map<string, CodeCount>();
  const bump = (code: string, key: 'failed' | 'allowed' | 'warned'): void => {
    const entry = byCode.get(code) ?? { code, failed: 0, allowed: 0, warned: 0 };
    entry[key] += 1;
    byCode.set(code, entry);
  };
  for (const row of rows) {
    const failKey = row.allowed ? 'allowed' : 'failed';
    for (const code of new Set(row.failing.map((c) => c.code))) bump(code, failKey);
    for (const code of new Set(row.warnings.map((c) => c.code))) bump(code, 'warned');
  }
  return [...byCode.values()].sort(
    (a, b) => b.failed - a.failed || b.allowed - a.allowed || b.warned - a.warned || order(a.code, b.code),
  );
}

function countLocations(rows: FleetRow[]): LocationCount[] {
  const byLocation = new Map<string, LocationCount>();
  for (const row of rows) {
    const entry = byLocation.get(row.location) ?? {
      location: row.location,
      machines: 0,
      passed: 0,
      warned: 0,
      failed: 0,
    };
    entry.machines += 1;
    entry[gateOf(row)] += 1;
    byLocation.set(row.location, entry);
  }
  // Busiest first; machines without a location (nothing answered, missing, invalid) last among equals.
  return [...byLocation.values()].sort(
    (a, b) => b.machines - a.machines || order(a.location || '\uffff', b.location || '\uffff'),
  );
}

/** How many machines must pass: N, or the share of all machines rounded up (exact, in basis points). */
export function requiredToPass(policy: MergePolicy, machines: number): number {
  if (policy.minPass.kind === 'count') return policy.minPass.value;
  return Math.ceil((policy.minPass.value * machines) / 10_000);
}

/** By name (unnamed machines last), then vmId and file. */
const byDisplayOrder = (a: FleetRow, b: FleetRow): number =>
  order(a.name || '\uffff', b.name || '\uffff') || order(a.vmId, b.vmId) || order(a.source, b.source);

export function createFleet(): FleetBuilder {
  const machines = new Map<string, ParsedReport>();
  const superseded: SupersededReport[] = [];
  const retire = (old: ParsedReport, by: ParsedReport): void => {
    const { vmId, name, source, startedAt } = old.row;
    superseded.push({ vmId, name, source, startedAt, supersededBy: by.row.source });
  };
  return {
    add(parsed) {
      const current = machines.get(parsed.key);
      if (current === undefined) machines.set(parsed.key, parsed);
      else if (isNewer(parsed, current)) {
        retire(current, parsed);
        machines.set(parsed.key, parsed);
      } else retire(parsed, current);
    },
    finish(policy, meta) {
      const allowed = new Set(policy.allowCodes);
      const rows = [...machines.values()].map(({ row }) => ({
        ...row,
        allowed:
          row.result === 'fail' && row.failing.length > 0 && row.failing.every((c) => allowed.has(c.code)),
      }));
      rows.sort(byDisplayOrder);
      for (let n = rows.length + 1; policy.expected !== null && n <= policy.expected; n++)
        rows.push(missingRow(n));
      const counts = countRows(rows, superseded.length);
      const required = requiredToPass(policy, counts.machines);
      // No machine at all is never a pass: a wrong pattern must not open the gate.
      const pass = counts.machines > 0 && counts.passed + counts.warned >= required;
      superseded.sort((a, b) => order(a.source, b.source));
      return {
        kind: 'fleet',
        schemaVersion: 1,
        tool: { name: 'imds-check', version: meta.toolVersion },
        generatedAt: meta.generatedAt,
        result: pass ? 'pass' : 'fail',
        policy: {
          expected: policy.expected,
          minPass: policy.minPass.text,
          allowCodes: [...policy.allowCodes],
          required,
        },
        counts,
        codes: countCodes(rows),
        locations: countLocations(rows),
        machines: rows,
        superseded,
      };
    },
  };
}
