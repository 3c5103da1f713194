// The merge: one row per machine, invalid files as failed rows, machines short of `expected` as missing rows,
// allow-codes, and the verdict. The newest report of a vmId supersedes older ones only inside one leg folder
// (the folder that holds the file; older ones are listed as superseded); a vmId reported from two leg folders is
// a conflict row that fails the gate, as do more machines than expected and a scan that stopped at a limit
// (DESIGN.md 3.3). Reports are added one at a time, so the caller never holds more than one file's text.
import { blankRow, MAX_CHECKS, type ParsedReport } from './parse-report.js';
import type {
  CodeCount,
  FleetCounts,
  FleetReport,
  FleetRow,
  GateFailure,
  LocationCount,
  MergePolicy,
  RowCheck,
  SupersededReport,
  VmIdConflict,
} from './fleet-types.js';

export interface FleetBuilder {
  add(parsed: ParsedReport): void;
  /** The file search stopped at a limit (`detail` says which): the gate fails, whatever the rows say. */
  scanStopped(detail: string): void;
  finish(policy: MergePolicy, meta: { toolVersion: string; generatedAt: string }): FleetReport;
}

/** Code-unit order: the same on every machine, whatever its locale. */
const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newer start wins; on a tie the later file name, so the outcome never depends on read order. */
function isNewer(a: ParsedReport, b: ParsedReport): boolean {
  if (a.startedMs !== b.startedMs) return a.startedMs > b.startedMs;
  return a.row.source > b.row.source;
}

/** The leg folder of a report: the folder part of its source (`/` separated, as the glob shows it). */
export const legFolder = (source: string): string => source.slice(0, Math.max(0, source.lastIndexOf('/')));

/** The gate's view of a row: a let-through failure and a warning both count as warned. */
export function gateOf(row: FleetRow): 'passed' | 'warned' | 'failed' {
  if (row.result === 'pass') return 'passed';
  if (row.result === 'warn' || (row.result === 'fail' && row.allowed)) return 'warned';
  return 'failed';
}

/** Reports of one vmId named in a conflict row before "and N more". */
const CONFLICT_NAMES = 5;

/** One vmId from several leg folders: one failed row (a machine, not several), naming every report. */
function conflictRow(reports: ParsedReport[]): { row: FleetRow; conflict: VmIdConflict } {
  const sorted = [...reports].sort((a, b) => order(a.row.source, b.row.source));
  const first = sorted[0]!.row;
  const failing: RowCheck[] = [{ check: 'report', code: 'fleet_vmid_conflict' }];
  for (const { row } of sorted)
    for (const c of row.failing)
      if (failing.length < MAX_CHECKS && !failing.some((f) => f.code === c.code)) failing.push(c);
  const named = sorted.slice(0, CONFLICT_NAMES).map(({ row }) => `${row.source} (${row.result})`);
  const more = sorted.length > CONFLICT_NAMES ? ` and ${sorted.length - CONFLICT_NAMES} more` : '';
  const row: FleetRow = {
    ...first,
    result: 'conflict',
    allowed: false,
    failing,
    warnings: [],
    reason: `the same vmId from ${sorted.length} leg folders: ${named.join(', ')}${more}`,
  };
  const conflict: VmIdConflict = {
    vmId: first.vmId,
    reports: sorted.map(({ row: r }) => ({
      source: r.source,
      name: r.name,
      result: r.result,
      startedAt: r.startedAt,
    })),
  };
  return { row, conflict };
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
    conflicts: 0,
    superseded,
  };
  for (const row of rows) {
    counts[gateOf(row)] += 1;
    if (row.result === 'missing') counts.missing += 1;
    if (row.result === 'invalid') counts.invalid += 1;
    if (row.result === 'conflict') counts.conflicts += 1;
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

/**
 * How many machines must pass: N, or the share rounded up (exact, in basis points) of `expected` when given
 * (rows beyond it are never part of the base), else of all machines.
 */
export function requiredToPass(policy: MergePolicy, machines: number): number {
  if (policy.minPass.kind === 'count') return policy.minPass.value;
  return Math.ceil((policy.minPass.value * (policy.expected ?? machines)) / 10_000);
}

/** By name (unnamed machines last), then vmId and file. */
const byDisplayOrder = (a: FleetRow, b: FleetRow): number =>
  order(a.name || '\uffff', b.name || '\uffff') || order(a.vmId, b.vmId) || order(a.source, b.source);

function gateFailures(
  policy: MergePolicy,
  reported: number,
  conflicts: VmIdConflict[],
  scanStops: string[],
): GateFailure[] {
  const failures: GateFailure[] = [];
  if (conflicts.length > 0)
    failures.push({
      code: 'fleet_vmid_conflict',
      detail: `${conflicts.length === 1 ? '1 vmId was' : `${conflicts.length} vmIds were`} reported from more than one leg folder`,
    });
  if (policy.expected !== null && reported > policy.expected)
    failures.push({
      code: 'fleet_too_many_machines',
      detail: `${reported} machines reported, ${policy.expected} expected`,
    });
  for (const detail of new Set(scanStops)) failures.push({ code: 'fleet_scan_incomplete', detail });
  return failures;
}

export function createFleet(): FleetBuilder {
  /** Per machine key, the newest report of each leg folder. */
  const machines = new Map<string, Map<string, ParsedReport>>();
  const superseded: SupersededReport[] = [];
  const scanStops: string[] = [];
  const retire = (old: ParsedReport, by: ParsedReport): void => {
    const { vmId, name, source, startedAt } = old.row;
    superseded.push({ vmId, name, source, startedAt, supersededBy: by.row.source });
  };
  return {
    add(parsed) {
      const folders = machines.get(parsed.key) ?? new Map<string, ParsedReport>();
      machines.set(parsed.key, folders);
      const folder = legFolder(parsed.row.source);
      const current = folders.get(folder);
      if (current === undefined) folders.set(folder, parsed);
      else if (isNewer(parsed, current)) {
        retire(current, parsed);
        folders.set(folder, parsed);
      } else retire(parsed, current);
    },
    scanStopped(detail) {
      scanStops.push(detail);
    },
    finish(policy, meta) {
      const allowed = new Set(policy.allowCodes);
      const conflicts: VmIdConflict[] = [];
      const rows: FleetRow[] = [];
      for (const folders of machines.values()) {
        if (folders.size > 1) {
          const { row, conflict } = conflictRow([...folders.values()]);
          conflicts.push(conflict);
          rows.push(row);
          continue;
        }
        const { row } = [...folders.values()][0]!;
        const letThrough =
          row.result === 'fail' && row.failing.length > 0 && row.failing.every((c) => allowed.has(c.code));
        rows.push({ ...row, allowed: letThrough });
      }
      rows.sort(byDisplayOrder);
      conflicts.sort((a, b) => order(a.vmId.toLowerCase(), b.vmId.toLowerCase()));
      const reported = rows.length;
      for (let n = rows.length + 1; policy.expected !== null && n <= policy.expected; n++)
        rows.push(missingRow(n));
      const counts = countRows(rows, superseded.length);
      const required = requiredToPass(policy, counts.machines);
      const failures = gateFailures(policy, reported, conflicts, scanStops);
      // No machine at all is never a pass: a wrong pattern must not open the gate.
      const pass = counts.machines > 0 && counts.passed + counts.warned >= required && failures.length === 0;
      superseded.sort((a, b) => order(a.source, b.source));
      return {
        kind: 'fleet',
        schemaVersion: 1,
        tool: { name: 'imds-check', version: meta.toolVersion },
        generatedAt: meta.generatedAt,
        result: pass ? 'pass' : 'fail',
        gateFailures: failures,
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
        conflicts,
      };
    },
  };
}
