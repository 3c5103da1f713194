// One single-machine report (the text of a JSON file) → a fleet row, or an `invalid` row saying why in our
// own words. Nothing from the file is trusted: each field is type-checked, a field longer than any real report
// has makes the file invalid, strings are clipped into copies of their own so a report cannot make the merge
// hold more than a few hundred bytes per field, and only our words explain. The integrity rules (DESIGN.md
// 3.3): schemaVersion 1, a GUID machine.vmId, a startedAt no later than the merge time plus 5 minutes, and the
// reachability check present.
import { clip } from '../neutralise.js';
import type { FleetRow, RowCheck } from './fleet-types.js';

/** Characters kept of any string from a report; renderers clip further. */
export const MAX_FIELD_CHARS = 512;
/** A field read from a report longer than this makes the file invalid: no real report comes close. */
export const MAX_FIELD_INPUT_CHARS = 4096;
/** Checks a report may list; a real one has at most nine. */
export const MAX_CHECKS = 32;
/** How far past the merge time a report may say it started (clocks of machines differ a little). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

export interface ParsedReport {
  row: FleetRow;
  /** Machines are one row per vmId; an invalid report is a machine of its own, keyed by its file. */
  key: string;
  /** startedAt in ms; -Infinity for an invalid report. */
  startedMs: number;
}

type Json = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the engine writes it (toISOString), or with seconds only, or an offset. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
const RESULTS = ['pass', 'warn', 'fail'] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A clipped string as one of its own: a slice would keep the whole parsed value alive as long as the row. */
const ownCopy = (value: string): string => value.split('').join('');

function text(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.length > MAX_FIELD_CHARS ? ownCopy(clip(value, MAX_FIELD_CHARS)) : value;
}

function field(object: unknown, name: string): string {
  return isObject(object) && Object.hasOwn(object, name) ? text(object[name]) : '';
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

const INVALID: RowCheck = { check: 'report', code: 'fleet_report_invalid' };

function invalid(row: FleetRow, reason: string): ParsedReport {
  const failing = [INVALID, ...row.failing].slice(0, MAX_CHECKS);
  const parsed: FleetRow = { ...row, result: 'invalid', allowed: false, failing, reason };
  return { row: parsed, key: `file:${row.source}`, startedMs: Number.NEGATIVE_INFINITY };
}

/** A file that cannot count as a machine's report; it still counts as a machine that failed. */
export function invalidRow(source: string, reason: string): ParsedReport {
  return invalid(blankRow(source), reason);
}

function checksWith(checks: unknown[], status: string): RowCheck[] {
  return checks
    .filter((c) => isObject(c) && c['status'] === status)
    .map((c) => ({ check: field(c, 'id'), code: field(c, 'code') }));
}

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

/** Every string the merge reads from a report, by the name a reason gives it. */
function fieldsRead(doc: Json): [string, unknown][] {
  const machine = isObject(doc['machine']) ? doc['machine'] : {};
  const mode = isObject(doc['mode']) ? doc['mode'] : {};
  const own = (object: Json, name: string): unknown => (Object.hasOwn(object, name) ? object[name] : '');
  const fields: [string, unknown][] = [
    ['startedAt', own(doc, 'startedAt')],
    ['mode.resolved', own(mode, 'resolved')],
    ...['vmId', 'name', 'resourceId', 'location', 'osType'].map((name): [string, unknown] => [
      `machine.${name}`,
      own(machine, name),
    ]),
  ];
  for (const c of doc['checks'] as unknown[])
    if (isObject(c))
      for (const name of ['id', 'status', 'code']) fields.push([`a check's ${name}`, own(c, name)]);
  return fields;
}

/** Why the document cannot be read as a report at all; '' when it can. */
function shapeProblem(doc: unknown): string {
  if (!isObject(doc)) return 'not a JSON object';
  if (doc['kind'] === 'fleet') return 'a fleet report, not a machine report';
  if (doc['schemaVersion'] !== 1) return 'schemaVersion is not 1';
  if (!Array.isArray(doc['checks'])) return 'no checks list';
  if (doc['checks'].length > MAX_CHECKS) return `more than ${MAX_CHECKS} checks`;
  if (!RESULTS.includes(doc['result'] as never)) return 'result is not pass, warn or fail';
  for (const [name, value] of fieldsRead(doc))
    if (typeof value === 'string' && value.length > MAX_FIELD_INPUT_CHARS)
      return `${name} is longer than ${MAX_FIELD_INPUT_CHARS} characters`;
  return '';
}

/** Why a readable report does not count (the integrity rules); '' when it does. */
function integrityProblem(row: FleetRow, checks: unknown[], startedMs: number, mergeTimeMs: number): string {
  if (!checks.some((c) => isObject(c) && c['id'] === 'reachability')) return 'no reachability check';
  if (!Number.isFinite(startedMs)) return 'startedAt is missing or not an ISO 8601 time';
  if (startedMs > mergeTimeMs + MAX_CLOCK_AHEAD_MS)
    return 'startedAt is later than the merge time plus 5 minutes';
  if (row.vmId === '') return 'machine.vmId is empty: IMDS named no machine; see its failing checks';
  if (!GUID.test(row.vmId)) return 'machine.vmId is not a GUID';
  return '';
}

/** `mergeTimeMs`: when this merge started; a report may not claim to have started more than 5 minutes later. */
export function parseMachineReport(content: string, source: string, mergeTimeMs: number): ParsedReport {
  let doc: unknown;
  try {
    // A byte-order mark (an editor on Windows) is not part of the JSON text.
    doc = JSON.parse(content.startsWith('\ufeff') ? content.slice(1) : content);
  } catch {
    // The parser's message quotes the file; ours does not.
    return invalidRow(source, 'not valid JSON');
  }
  const why = shapeProblem(doc);
  if (why !== '') return invalidRow(source, why);
  const report = doc as Json;
  const checks = report['checks'] as unknown[];
  const machine = report['machine'];
  const failing = checksWith(checks, 'fail');
  const warnings = checksWith(checks, 'warn');
  const resolved = field(report['mode'], 'resolved');
  const startedAt = field(report, 'startedAt');
  const startedMs = ISO_TIME.test(startedAt) ? Date.parse(startedAt) : Number.NaN;
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
  const problem = integrityProblem(row, checks, startedMs, mergeTimeMs);
  // The facts and failing checks stay on the row: they say which machine the file claims to be, and why.
  if (problem !== '') return invalid(row, problem);
  return { row, key: `vm:${row.vmId.toLowerCase()}`, startedMs };
}
