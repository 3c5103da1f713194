// One single-machine report (the text of a JSON file) → a fleet row, or an `invalid` row saying why in our
// own words. Nothing from the file is trusted: each field is type-checked, strings are clipped so a forged
// report cannot make the merge hold more than a few hundred bytes per field, and only our words explain.
import type { FleetRow, RowCheck } from './types.js';

/** Characters kept of any string from a report; renderers clip further. */
export const MAX_FIELD_CHARS = 512;
/** Failing or warning checks kept per machine; a real report has at most a handful. */
const MAX_CHECKS = 32;

export interface ParsedReport {
  row: FleetRow;
  /** Machines are one row per vmId; a report without one is a machine of its own, keyed by its file. */
  key: string;
  /** startedAt in ms; -Infinity when absent, so any dated report is newer. */
  startedMs: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.length > MAX_FIELD_CHARS ? `${value.slice(0, MAX_FIELD_CHARS - 1)}…` : value;
}

function field(object: unknown, name: string): string {
  return isObject(object) ? text(object[name]) : '';
}

/** A row with no facts yet: the start of an invalid, missing or parsed row. */
export function blankRow(source: string): FleetRow {
  return {
    name: '',
    vmId: '',
    resourceId: '',
    location: '',
    mode: '',
    osType: '',
    result: 'invalid',
    allowed: false,
    failing: [],
    warnings: [],
    source,
    startedAt: '',
    reason: '',
  };
}

/** A file that cannot count as a machine's report; it still counts as a machine that failed. */
export function invalidRow(source: string, reason: string): ParsedReport {
  const row: FleetRow = {
    ...blankRow(source),
    reason,
    failing: [{ check: 'report', code: 'fleet_report_invalid' }],
  };
  return { row, key: `file:${source}`, startedMs: Number.NEGATIVE_INFINITY };
}

function checksWith(checks: unknown[], status: string): RowCheck[] {
  const found: RowCheck[] = [];
  for (const c of checks) {
    if (found.length >= MAX_CHECKS) break;
    if (isObject(c) && c['status'] === status) found.push({ check: field(c, 'id'), code: field(c, 'code') });
  }
  return found;
}

const RESULTS = ['pass', 'warn', 'fail'] as const;

/** The worse of the stated result and what the checks say, so an edited `result` cannot hide a failure. */
function resultOf(
  stated: (typeof RESULTS)[number],
  failing: RowCheck[],
  warnings: RowCheck[],
): FleetRow['result'] {
  if (stated === 'fail' || failing.length > 0) return 'fail';
  if (stated === 'warn' || warnings.length > 0) return 'warn';
  return 'pass';
}

function problem(doc: unknown): string {
  if (!isObject(doc)) return 'not a JSON object';
  if (doc['kind'] === 'fleet') return 'a fleet report, not a machine report';
  if (doc['schemaVersion'] !== 1) return 'schemaVersion is not 1';
  if (!Array.isArray(doc['checks'])) return 'no checks list';
  if (!RESULTS.includes(doc['result'] as never)) return 'result is not pass, warn or fail';
  return '';
}

export function parseMachineReport(content: string, source: string): ParsedReport {
  let doc: unknown;
  try {
    // A byte-order mark (an editor on Windows) is not part of the JSON text.
    doc = JSON.parse(content.startsWith('\ufeff') ? content.slice(1) : content);
  } catch {
    // The parser's message quotes the file; ours does not.
    return invalidRow(source, 'not valid JSON');
  }
  const why = problem(doc);
  if (why !== '') return invalidRow(source, why);
  const report = doc as Json;
  const checks = report['checks'] as unknown[];
  const machine = report['machine'];
  const failing = checksWith(checks, 'fail');
  const warnings = checksWith(checks, 'warn');
  const resolved = field(report['mode'], 'resolved');
  const startedAt = text(report['startedAt']);
  const started = Date.parse(startedAt);
  const row: FleetRow = {
    ...blankRow(source),
    name: field(machine, 'name'),
    vmId: field(machine, 'vmId'),
    resourceId: field(machine, 'resourceId'),
    location: field(machine, 'location'),
    mode: resolved === 'vm' || resolved === 'arc' ? resolved : '',
    osType: field(machine, 'osType'),
    result: resultOf(report['result'] as (typeof RESULTS)[number], failing, warnings),
    failing,
    warnings,
    startedAt,
  };
  const vmId = row.vmId.trim().toLowerCase();
  return {
    row,
    key: vmId === '' ? `file:${source}` : `vm:${vmId}`,
    startedMs: Number.isFinite(started) ? started : Number.NEGATIVE_INFINITY,
  };
}
