// The state one run shares between its checks: options, the runtime context, the deadline, the target (mode and
// endpoint), the pacer every IMDS request passes (5 per second in any window, whatever the check), the log of
// retry waits, and the IMDS client each check asks for by its id.
import type { RuntimeContext } from '../context.js';
import { Budget } from '../imds/budget.js';
import { imdsClients, type ImdsClient } from '../imds/client.js';
import { hostsFilePath, nameResolver, parseHosts, type NameResolver } from '../imds/lookup.js';
import { RequestPacer } from '../imds/pacer.js';
import { ProgressLog } from '../imds/progress.js';
import type { Target } from '../modes/target.js';
import type { CheckId, ProbeOptions } from '../types.js';

export interface Run {
  options: ProbeOptions;
  ctx: RuntimeContext;
  budget: Budget;
  target: Target;
  pacer: RequestPacer;
  progress: ProgressLog;
  /** The IMDS client for requests made on behalf of `check`. */
  imds(check: CheckId): ImdsClient;
  /** Every name the run resolves, bounded and cancellable (imds/lookup.ts). */
  names: NameResolver;
  /** Closes the run's keep-alive connection once every check ran. */
  close(): void;
}

/** A hosts file larger than this is not a hosts file anyone maintains by hand: it is not read. */
const MAX_HOSTS_FILE_BYTES = 1024 * 1024;

export function createRun(options: ProbeOptions, ctx: RuntimeContext, target: Target, budget: Budget): Run {
  const pacer = new RequestPacer(ctx.clock);
  const progress = new ProgressLog(ctx, budget);
  const names = nameResolver(async () =>
    parseHosts(await ctx.fs.readBounded(hostsFilePath(ctx.platform, ctx.env), MAX_HOSTS_FILE_BYTES)),
  );
  const clients = imdsClients({
    names,
    endpoint: target.endpoint,
    service: target.profile.service,
    budget,
    pacer,
    progress,
    clock: ctx.clock,
    random: ctx.random,
    userAgent: `imds-check/${ctx.toolVersion}`,
  });
  return {
    options,
    ctx,
    budget,
    target,
    pacer,
    progress,
    names,
    imds: clients.client,
    close: clients.close,
  };
}
