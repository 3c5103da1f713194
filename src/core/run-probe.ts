// Orchestrator (placeholder until the engine lands; the signature is final).
import type { ProbeOptions, ProbeOutcome, RuntimeContext } from './types.js';

export async function runProbe(_options: ProbeOptions, _ctx: RuntimeContext): Promise<ProbeOutcome> {
  throw new Error('runProbe: not implemented yet');
}
