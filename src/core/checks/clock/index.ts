// The clock check (ama: true, after ama): the local clock against Azure's, from the Date headers of the Azure
// Monitor answers (each kept with the local times it was asked and arrived) and, when no answer carried one, from
// the token's nbf and exp where they prove a skew. Warns above 60 s, fails above 300 s (Entra ID's tolerance).
// Output clock-skew-seconds: local minus Azure, a whole number of seconds; empty when nothing was measured.
import type { CheckModule } from '../../pipeline/check.js';
import type { OutputSpec } from '../../pipeline/output-spec.js';
import type { ClockFinding } from './finding.js';
import { CLOCK_REMEDIES, type ClockCode } from './clock-codes.js';

export type { ClockFinding } from './finding.js';

declare module '../../types.js' {
  interface CheckTypes {
    clock: { finding: ClockFinding; codes: ClockCode; outputs: 'clock-skew-seconds' };
  }
}

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'clock-skew-seconds',
    shape: (value) => /^-?\d{1,12}$/.test(value),
    value: (report) => {
      const skew = report.checks.find((c) => c.id === 'clock')?.data?.['skewSeconds'];
      return typeof skew === 'number' && Number.isInteger(skew) ? String(skew) : '';
    },
  },
];

export const clockCheck: CheckModule<'clock'> = {
  id: 'clock',
  title: 'Clock',
  wanted: (options) => options.ama,
  outputs: OUTPUTS,
  remedies: CLOCK_REMEDIES,
  async run(run, findings) {
    // The arithmetic loads only when the check runs (ama: true): start-up never pays for it.
    return (await import('./clock-run.js')).judgeClock(run, findings, clockCheck);
  },
};
