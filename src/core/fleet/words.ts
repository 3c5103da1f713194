// Words and groupings shared by the fleet's text and Markdown renderers, so both describe a merge the same
// way. Returned strings hold only numbers and our own words; report values are escaped by each renderer.
import { gateOf } from './merge-rows.js';
import type { FleetReport, FleetRow } from './fleet-types.js';

export interface CodeGroup {
  code: string;
  /** Each failing machine with the check that ended with this code. */
  entries: { row: FleetRow; check: string }[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Machines that fail the gate, once per failing code (a machine with two codes is in two groups). */
export function failingGroups(report: FleetReport): CodeGroup[] {
  const groups = new Map<string, CodeGroup>();
  for (const row of report.machines) {
    if (gateOf(row) !== 'failed') continue;
    const checks = row.failing.length > 0 ? row.failing : [{ check: '', code: '' }];
    const seen = new Set<string>();
    for (const { check, code } of checks) {
      if (seen.has(code)) continue;
      seen.add(code);
      const group = groups.get(code) ?? { code, entries: [] };
      group.entries.push({ row, check });
      groups.set(code, group);
    }
  }
  return [...groups.values()].sort(
    (a, b) => b.entries.length - a.entries.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Passed and warned machines (warnings and let-through failures), in report order. */
export function passingRows(report: FleetReport): FleetRow[] {
  return report.machines.filter((row) => gateOf(row) !== 'failed');
}

/** "12 machines: 9 passed, 1 warned, 2 failed (1 invalid, 1 missing)". */
export function countsText(report: FleetReport): string {
  const c = report.counts;
  const parts = [`${c.passed} passed`, `${c.warned} warned`, `${c.failed} failed`];
  const why = [
    c.invalid > 0 ? `${c.invalid} invalid` : '',
    c.missing > 0 ? `${c.missing} missing` : '',
    c.conflicts > 0 ? `${c.conflicts} conflicting` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  return `${plural(c.machines, 'machine')}: ${parts.join(', ')}${why ? ` (${why})` : ''}`;
}

/** The gate failures' codes, each once, in report order: "fleet_vmid_conflict, fleet_scan_incomplete". */
export const gateCodes = (report: FleetReport): string[] => [
  ...new Set(report.gateFailures.map((g) => g.code)),
];

/**
 * "10 of 12 machines pass, 12 needed (min-pass 100%, expected 12)", and what closes the gate whatever the
 * count says: "; the gate fails: fleet_too_many_machines".
 */
export function verdictText(report: FleetReport): string {
  const c = report.counts;
  const closed = gateCodes(report);
  const gate = closed.length > 0 ? `; the gate fails: ${closed.join(', ')}` : '';
  if (c.machines === 0) return `no report was found, so the gate stays closed${gate}`;
  const policy = [`min-pass ${report.policy.minPass}`];
  if (report.policy.expected !== null) policy.push(`expected ${report.policy.expected}`);
  if (report.policy.allowCodes.length > 0) policy.push(`allowed: ${report.policy.allowCodes.join(', ')}`);
  return `${c.passed + c.warned} of ${plural(c.machines, 'machine')} pass, ${report.policy.required} needed (${policy.join(', ')})${gate}`;
}

export function supersededText(report: FleetReport): string {
  const n = report.counts.superseded;
  return n === 0 ? '' : `${plural(n, 'older report')} superseded by a newer one of the same machine`;
}

/** pass, warn, fail (allowed), invalid, missing, conflict. */
export function resultWord(row: FleetRow): string {
  return row.result === 'fail' && row.allowed ? 'fail (allowed)' : row.result;
}

/** The codes of a passing row worth showing: warnings, and failures let through. */
export function rowCodes(row: FleetRow): string[] {
  return [...new Set([...row.failing, ...row.warnings].map((c) => c.code))];
}

export const machinesText = (n: number): string => plural(n, 'machine');
