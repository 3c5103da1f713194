// A Run (the state the checks of one run share) over a fake context, without resolving anything from the
// environment: the mode and endpoint are given. Callers destroy run.agent when they made requests.
import { Budget } from '../../src/core/budget.js';
import { parseEndpoint } from '../../src/core/endpoint.js';
import { PROFILES, type Target } from '../../src/core/modes/target.js';
import { createRun, type Run } from '../../src/core/pipeline/run.js';
import type { Mode, ProbeOptions } from '../../src/core/types.js';
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
