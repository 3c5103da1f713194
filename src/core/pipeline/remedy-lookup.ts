// Where a code's fix is found: the mode's own wording first (Arc says some things differently), then the table of
// the code's owner: the check that ended with it, or the engine part below the checks that owns it (the run, the
// transport, the Arc challenge). The complete table, with every check's codes, is remedies.ts.
import { isLoopbackAddress } from '../imds/endpoint.js';
import { TRANSPORT_REMEDIES } from '../imds/failures.js';
import { IMDS_HOST } from '../imds/protocol.js';
import { ARC_REMEDIES } from '../modes/arc-codes.js';
import {
  setting,
  type Code,
  type Remedy,
  type RemedyContext,
  type RemedyEndpoint,
  type RunCode,
} from '../types.js';
import type { Run } from './run-state.js';

const RUN_REMEDIES: Readonly<Record<RunCode, Remedy>> = {
  ok: 'Nothing to fix.',
  skipped: 'Nothing to fix; the check did not apply or was not requested.',
  invalid_input: 'Correct the named input; the message lists the accepted values.',
  deadline_exceeded: (ctx) =>
    `The run used up ${setting(ctx, 'timeout-seconds')} before this check could finish. Raise it, or fix the slower check first.`,
  report_write_failed: (ctx) =>
    `Point ${setting(ctx, 'report-path')} and ${setting(ctx, 'junit-path')} at files in a folder this job may write (not at a folder), or give the job's user write access there; the message names the path and the error.`,
};

/** The fixes of the codes owned below the checks, by code. */
export const ENGINE_REMEDIES: ReadonlyMap<Code, Remedy> = new Map<Code, Remedy>([
  ...(Object.entries(RUN_REMEDIES) as [Code, Remedy][]),
  ...(Object.entries(TRANSPORT_REMEDIES) as [Code, Remedy][]),
  ...(Object.entries(ARC_REMEDIES) as [Code, Remedy][]),
]);

/** A base URL (http://host:port) as fixes name it. */
export function endpointFacts(base: string): RemedyEndpoint {
  const url = new URL(base);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? '80' : url.port;
  const kind = host === IMDS_HOST ? 'imds' : isLoopbackAddress(host) ? 'loopback' : 'other';
  return { address: `${url.hostname}:${port}`, host, port, base: `${url.protocol}//${url.host}`, kind };
}

/** The context a run's fixes are made for: its mode profile, platform, the door's spelling and its endpoint. */
export const remedyContext = (run: Pick<Run, 'target' | 'ctx'>): RemedyContext => ({
  profile: run.target.profile,
  platform: run.ctx.platform,
  spell: run.ctx.spell,
  endpoint: endpointFacts(run.target.endpoint.base),
});

export function remedyFor(
  code: Code,
  ctx: RemedyContext,
  own: Readonly<Partial<Record<Code, Remedy>>> = {},
): string {
  const remedy =
    ctx.profile.remedies[code] ??
    (Object.hasOwn(own, code) ? own[code] : undefined) ??
    ENGINE_REMEDIES.get(code);
  if (remedy === undefined) return '';
  return typeof remedy === 'function' ? remedy(ctx) : remedy;
}
