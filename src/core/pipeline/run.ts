// The state one run shares between its checks: options, the runtime context, the deadline, the target
// (mode and endpoint), the one keep-alive http.Agent every IMDS request uses, and the log of retry waits.
import http from 'node:http';
import { Budget } from '../budget.js';
import type { Target } from '../modes/target.js';
import { ProgressLog } from '../progress.js';
import type { ProbeOptions, RuntimeContext } from '../types.js';

export interface Run {
  options: ProbeOptions;
  ctx: RuntimeContext;
  budget: Budget;
  target: Target;
  agent: http.Agent;
  progress: ProgressLog;
}

export function createRun(options: ProbeOptions, ctx: RuntimeContext, target: Target, budget: Budget): Run {
  return {
    options,
    ctx,
    budget,
    target,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    progress: new ProgressLog(ctx, budget),
  };
}
