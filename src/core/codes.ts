// Every stable code, whoever owns it: codes are declared where they are produced (a check's folder, the
// transport, the Arc challenge, the run) and gathered here through the registry, each with its fix. docs/errors.md
// documents each one (a test keeps the two equal) and remedies.ts holds the fix for each. A code never changes meaning once
// released.
import { ENGINE_REMEDIES } from './pipeline/remedy-lookup.js';
import { CHECKS } from './registry.js';
import type { Code } from './types.js';

export type { Code } from './types.js';

/** The fleet merge's codes: rows of the fleet report that are not a machine's own check. */
export const FLEET_CODES = [
  'fleet_report_invalid',
  'fleet_machine_missing',
  'fleet_no_reports',
  'fleet_vmid_conflict',
  'fleet_too_many_machines',
  'fleet_scan_incomplete',
] as const;
export type FleetCode = (typeof FLEET_CODES)[number];

declare module './types.js' {
  interface CodeOwners {
    fleet: FleetCode;
  }
}

/** The engine's codes (the run, the transport, the Arc challenge), each check's in registry order, the fleet's. */
export const CODES: readonly Code[] = [
  ...ENGINE_REMEDIES.keys(),
  ...CHECKS.flatMap((check) => Object.keys(check.remedies ?? {}) as Code[]),
  ...FLEET_CODES,
];

const KNOWN: ReadonlySet<string> = new Set(CODES);

export function isCode(value: string): value is Code {
  return KNOWN.has(value);
}
