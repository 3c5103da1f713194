// Fleet report → the merge step's outputs: counts, the verdict word and the report path. All of them are
// our own numbers and words, so no report value can reach an output.
import type { MergeOutputName } from './fleet-contract.js';
import type { FleetReport } from './fleet-types.js';

export function buildMergeOutputs(report: FleetReport, reportPath: string): Record<MergeOutputName, string> {
  const c = report.counts;
  return {
    machines: String(c.machines),
    passed: String(c.passed),
    warned: String(c.warned),
    failed: String(c.failed),
    missing: String(c.missing),
    invalid: String(c.invalid),
    result: report.result,
    'report-path': reportPath,
  };
}
