// The state one run shares between its checks: options, the runtime context, the deadline, the target
// (mode and endpoint), the one keep-alive http.Agent every IMDS request uses, the pacer every IMDS request
// passes (5 per second in any window, whatever the check), and the log of retry waits.
import http from 'node:http';
import { Budget } from '../budget.js';
import type { Target } from '../modes/target.js';
import { ProgressLog } from '../progress.js';
import { RequestPacer } from '../sampling/pacer.js';
import type { ProbeOptions, RuntimeContext } from '../types.js';

export interface Run {
  options: ProbeOptions;
  ctx: RuntimeContext;
  budget: Budget;
  target: Target;
  agent: http.Agent;
  pacer: RequestPacer;
  progress: ProgressLog;
}

export function createRun(options: ProbeOptions, ctx: RuntimeContext, target: Target, budget: Budget): Run {
  return {
    options,
    ctx,
    budget,
    target,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    pacer: new RequestPacer(ctx.clock),
    progress: new ProgressLog(ctx, budget),
  };
}
