// The fleet report: one row per machine, merged from many single-machine reports. Values copied from a
// report are kept raw (clipped, so memory stays bounded) and are neutralised by every renderer, exactly as
// the single-machine renderers treat a report: reports are files anyone in the pipeline could have written.

/**
 * A machine's place in the gate: its report's result, or why there is no usable report: `invalid` (the file
 * breaks a rule of parse-report.ts), `missing` (short of `expected`), `conflict` (its vmId came from more than
 * one leg folder).
 */
export type RowResult = 'pass' | 'warn' | 'fail' | 'invalid' | 'missing' | 'conflict';

export interface RowCheck {
  /** The check id from the report ('report' for an invalid file, 'expected' for a missing machine). */
  check: string;
  code: string;
}

export interface FleetRow {
  name: string;
  vmId: string;
  resourceId: string;
  location: string;
  /** 'vm', 'arc' or '' when the report does not say. */
  mode: string;
  /** The instance document's osType ('Linux', 'Windows') or ''; picks the platform of a fix. */
  osType: string;
  result: RowResult;
  /** A failure let through: every failing check's code is in allow-codes. */
  allowed: boolean;
  failing: RowCheck[];
  warnings: RowCheck[];
  /**
   * The report file as given to the merge (relative to the working folder, `/` separated); '' for a missing
   * machine. Its folder is the leg folder: a vmId supersedes older reports only inside one.
   */
  source: string;
  startedAt: string;
  /** Why an invalid, missing or conflicting row is one, in our own words (and file names); '' otherwise. */
  reason: string;
}

/** The codes that fail the whole gate, whatever min-pass says. */
export type GateCode = 'fleet_vmid_conflict' | 'fleet_too_many_machines' | 'fleet_scan_incomplete';

export interface GateFailure {
  code: GateCode;
  /** What happened, in our own words and numbers (file names neutralised by each renderer). */
  detail: string;
}

/** One vmId reported from more than one leg folder: every report of it, newest per folder. */
export interface VmIdConflict {
  vmId: string;
  reports: { source: string; name: string; result: RowResult; startedAt: string }[];
}

export interface SupersededReport {
  vmId: string;
  name: string;
  source: string;
  startedAt: string;
  /** The newer report that replaced it. */
  supersededBy: string;
}

/** min-pass: a number of machines, or a share in basis points (100% = 10000), with the text as given. */
export interface MinPass {
  kind: 'count' | 'percent';
  value: number;
  text: string;
}

export interface MergePolicy {
  /** How many machines the fleet has; null = not checked. */
  expected: number | null;
  minPass: MinPass;
  allowCodes: string[];
}

/** passed + warned + failed = machines; failed includes invalid, missing and conflicting rows. */
export interface FleetCounts {
  machines: number;
  passed: number;
  /** Passed with warnings, or failed only with codes in allow-codes. */
  warned: number;
  failed: number;
  missing: number;
  invalid: number;
  /** Rows of a vmId reported from more than one leg folder. */
  conflicts: number;
  superseded: number;
}

/** Machines per code: failing the gate, failing but let through by allow-codes, warning. */
export interface CodeCount {
  code: string;
  failed: number;
  allowed: number;
  warned: number;
}

export interface LocationCount {
  location: string;
  machines: number;
  passed: number;
  warned: number;
  failed: number;
}

export interface FleetReport {
  kind: 'fleet';
  schemaVersion: 1;
  tool: { name: 'imds-check'; version: string };
  generatedAt: string;
  result: 'pass' | 'fail';
  /** Why the gate fails whatever min-pass says; empty when only the count decides. */
  gateFailures: GateFailure[];
  policy: { expected: number | null; minPass: string; allowCodes: string[]; required: number };
  counts: FleetCounts;
  codes: CodeCount[];
  locations: LocationCount[];
  machines: FleetRow[];
  superseded: SupersededReport[];
  conflicts: VmIdConflict[];
}
