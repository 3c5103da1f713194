// What each check found, by check id. Each check module adds its own entry to this interface (declaration
// merging), so a new check is one new file plus one line in registry.ts; CheckId is derived from it.
import type { CheckResult } from '../types.js';

/** Every finding carries the check's result; modules add what later checks or the report need. */
export interface Finding {
  check: CheckResult;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the check modules
export interface CheckFindings {}

export type Findings = Partial<CheckFindings>;
