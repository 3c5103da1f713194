// Every code's fix, whoever owns the code: the engine below the checks (pipeline/remedy-lookup.ts), each
// registered check (its folder), and the fleet merge. docs/errors.md has the long form of each (a test keeps the
// two equal). A mode overrides the codes whose fix differs on Azure Arc (modes/arc.ts).
import type { FleetCode } from './codes.js';
import { remedyFor as lookUp } from './pipeline/remedy-lookup.js';
import { CHECKS } from './registry.js';
import type { Code, Remedy, RemedyContext } from './types.js';

export type { Remedy, RemedyContext } from './types.js';

// fleet merge (imds-check merge)
const FLEET_REMEDIES: Readonly<Record<FleetCode, Remedy>> = {
  fleet_report_invalid:
    'A file the merge was given is not a machine report of imds-check (not JSON, not schemaVersion 1, larger than 4 MiB or unreadable). Make each machine upload only its report file, and point the merge at those files; the row names the file and why.',
  fleet_machine_missing:
    'Fewer machines left a report than expected. A matrix leg whose runner was offline, or a deployment that did not reach a machine, leaves none: find the leg without an uploaded report and run it again, or lower expected when the fleet shrank.',
  fleet_no_reports:
    'No report file matched. Check that every machine uploads its report and that the merge downloads them to the folder or pattern it reads (reports input or PATH arguments).',
};

/** The fixes of every check's codes and the fleet's; the engine's are looked up below. */
const OWNED: Readonly<Partial<Record<Code, Remedy>>> = Object.assign(
  Object.create(null) as Partial<Record<Code, Remedy>>,
  ...CHECKS.map((check) => check.remedies ?? {}),
  FLEET_REMEDIES,
);

export function remedyFor(code: Code, ctx: RemedyContext): string {
  return lookUp(code, ctx, OWNED);
}
