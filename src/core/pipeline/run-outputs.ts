// The run's own outputs: the result, the mode as resolved, and where the report went. Every other output
// belongs to the check that produces its value.
import type { OutputSpec } from './output-spec.js';

export const RUN_OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'result',
    value: (report) => report.result,
  },
  {
    name: 'mode',
    value: (report) => report.mode.resolved,
  },
  {
    name: 'report-path',
    value: (_report, sources) => sources.reportPath,
  },
];
