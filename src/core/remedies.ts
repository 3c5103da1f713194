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
    'A file the merge was given does not count as a machine report of imds-check (not JSON, not schemaVersion 1, no GUID machine.vmId, no reachability check, a startedAt later than the merge, a field or file larger than any report, or unreadable). Make each machine upload only its report file, and point the merge at those files; the row names the file and why. A machine that IMDS never answered has no vmId: fix its failing check, listed on the same row.',
  fleet_machine_missing:
    'Fewer machines left a report than expected. A matrix leg whose runner was offline, or a deployment that did not reach a machine, leaves none: find the leg without an uploaded report and run it again, or lower expected when the fleet shrank.',
  fleet_no_reports:
    'No report file matched. Check that every machine uploads its report and that the merge downloads them to the folder or pattern it reads (reports input or PATH arguments).',
  fleet_vmid_conflict:
    "Reports of the same vmId came from more than one leg folder, so one leg may speak for another machine. Give each leg its own artifact (one folder each) holding only its own report, download only the latest attempt of each leg, and check the leg folders the row names: a report in a folder that is not its machine's own is forged or misplaced.",
  fleet_too_many_machines:
    'More machines reported than expected says, so some rows are not machines of this fleet (stray or planted reports, or the fleet grew). Find the rows you do not know in the fleet report, remove their files or raise expected to the real fleet size.',
  fleet_scan_incomplete:
    "The merge stopped searching for reports at a limit (100,000 files, or folders 64 levels deep) or at a folder it may not read, so a report may not have been read. Point the merge at the report folders only (reports input or PATH arguments), merge fewer reports at a time, and give the merge's user read access to the folders the message names.",
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
