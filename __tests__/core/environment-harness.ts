// Shared setup for the environment check tests: a fake context from env, existing paths and the agent proxy.
import { environmentCheck } from '../../src/core/checks/environment.js';
import type { AgentProxy, ProbeOptions } from '../../src/core/types.js';
import { fakeContext, fakeFs, options } from './fake-context.js';

export const ARC_ENV = {
  IDENTITY_ENDPOINT: 'http://localhost:40342/metadata/identity/oauth2/token',
  IMDS_ENDPOINT: 'http://localhost:40342',
};
export const HIMDS_MARKER = '/opt/azcmagent/bin/himds';

export interface Setup {
  env?: Record<string, string>;
  existing?: string[];
  agentProxy?: AgentProxy | null;
  opts?: Partial<ProbeOptions>;
}

export async function check({ env = {}, existing = [], agentProxy = null, opts = {} }: Setup) {
  const fs = fakeFs(existing);
  const ctx = fakeContext({ env, fs, agentProxy });
  const findings = await environmentCheck(options(opts), ctx);
  return { ...findings, fs, ctx };
}
