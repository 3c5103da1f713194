// A Run (the state the checks of one run share) over a fake context, without resolving anything from the
// environment: the mode and endpoint are given. Callers close the run when they made requests.
import { Budget } from '../../src/core/imds/budget.js';
import { parseEndpoint } from '../../src/core/imds/endpoint.js';
import { PROFILES, type Target } from '../../src/core/modes/target.js';
import { createRun, type Run } from '../../src/core/pipeline/run-state.js';
import type { CheckModule } from '../../src/core/pipeline/check.js';
import type { OutputSources } from '../../src/core/pipeline/output-spec.js';
import type { Mode, ProbeOptions, Report } from '../../src/core/types.js';
import { fakeContext, options, type FakeContext } from './fake-context.js';

export function targetFor(mode: Mode, over: Partial<Target> = {}): Target {
  const base = mode === 'vm' ? 'http://169.254.169.254' : 'http://localhost:40342';
  return {
    profile: PROFILES[mode],
    signal: 'requested',
    endpoint: parseEndpoint(base),
    endpointFromInput: false,
    endpointProblem: null,
    container: null,
    ...over,
  };
}

export function fakeRun(
  mode: Mode,
  opts: Partial<ProbeOptions> = {},
  ctx: FakeContext = fakeContext(),
  target: Partial<Target> = {},
): Run & { ctx: FakeContext } {
  const probeOptions = options({ mode, ...opts });
  const budget = new Budget(ctx.clock, probeOptions.timeoutSeconds * 1000);
  return { ...createRun(probeOptions, ctx, targetFor(mode, target), budget), ctx };
}

/** A finding's sample() for tests that never sample. */
export const notSampled = (): Promise<never> => Promise.reject(new Error('not sampled in this test'));

/** The outputs one check declares, read from a report as buildOutputs reads them (shapes not applied). */
export function outputsOf(
  check: Pick<CheckModule, 'outputs'>,
  report: Report,
  sources: OutputSources = { accessToken: null, exposeToken: false, reportPath: '' },
): Record<string, string | undefined> {
  return Object.fromEntries((check.outputs ?? []).map((o) => [o.name, o.value(report, sources)]));
}
