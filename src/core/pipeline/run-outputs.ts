// The run's own outputs: the result, the mode as resolved, and where the report went. Every other output
// belongs to the check that produces its value.
import type { OutputSpec } from './output-spec.js';

export const RUN_OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'result',
    value: (report) => report.result,
    description: '`pass`, `warn` or `fail`.',
  },
  {
    name: 'mode',
    value: (report) => report.mode.resolved,
    description: '`vm` or `arc`, as resolved.',
  },
  {
    name: 'report-path',
    value: (_report, sources) => sources.reportPath,
    description: 'Path of the JSON report that was written.',
  },
];
