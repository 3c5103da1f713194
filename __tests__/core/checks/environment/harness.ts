// Shared setup for the environment check tests: a fake context from env, existing paths and the agent proxy;
// the target (mode, endpoint, container) is resolved the way runProbe does before any check runs.
import { Budget } from '../../../../src/core/imds/budget.js';
import { environmentCheck } from '../../../../src/core/checks/environment/index.js';
import { resolveTarget } from '../../../../src/core/modes/target.js';
import { createRun } from '../../../../src/core/pipeline/run-state.js';
import type { ProxySetting } from '../../../../src/core/context.js';
import type { ProbeOptions } from '../../../../src/core/types.js';
import { fakeContext, fakeFs, options } from '../../../helpers/fake-context.js';

export const ARC_ENV = {
  IDENTITY_ENDPOINT: 'http://localhost:40342/metadata/identity/oauth2/token',
  IMDS_ENDPOINT: 'http://localhost:40342',
};
export const HIMDS_MARKER = '/opt/azcmagent/bin/himds';

export interface Setup {
  env?: Record<string, string>;
  existing?: string[];
  agentProxy?: ProxySetting | null;
  opts?: Partial<ProbeOptions>;
}

export async function check({ env = {}, existing = [], agentProxy = null, opts = {} }: Setup) {
  const fs = fakeFs(existing);
  const ctx = fakeContext({ env, fs, agentProxy });
  const probeOptions = options(opts);
  const target = await resolveTarget(probeOptions, ctx);
  const run = createRun(probeOptions, ctx, target, new Budget(ctx.clock, probeOptions.timeoutSeconds * 1000));
  try {
    const finding = await environmentCheck.run(run, {});
    return {
      check: finding.check,
      mode: target.profile.mode,
      signal: target.signal,
      base: target.endpoint.base,
      container: target.container,
      fs,
      ctx,
    };
  } finally {
    run.close();
  }
}
