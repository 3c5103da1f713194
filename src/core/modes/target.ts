// Before any check: which mode (and why), which endpoint, and whether the job runs in a container. The
// environment check reports this; every later check talks to the target.
import { parseEndpoint, type Endpoint } from '../imds/endpoint.js';
import type { RuntimeContext } from '../context.js';
import type { Mode, ModeSignal, ProbeOptions } from '../types.js';
import { arcProfile } from './arc.js';
import type { ModeProfile } from './profile.js';
import { vmProfile } from './vm.js';

export interface Target {
  profile: ModeProfile;
  signal: ModeSignal;
  endpoint: Endpoint;
  /** The endpoint came from the endpoint input rather than the mode's default. */
  endpointFromInput: boolean;
  /** Why the environment's endpoint (IMDS_ENDPOINT) was refused, or null. */
  endpointProblem: string | null;
  /** The container marker found (e.g. /.dockerenv), or null. */
  container: string | null;
}

export const PROFILES: Readonly<Record<Mode, ModeProfile>> = { vm: vmProfile, arc: arcProfile };

async function firstExisting(ctx: RuntimeContext, paths: string[]): Promise<string | null> {
  for (const p of paths) if (await ctx.fs.exists(p)) return p;
  return null;
}

async function resolveMode(
  options: ProbeOptions,
  ctx: RuntimeContext,
): Promise<{ mode: Mode; signal: ModeSignal }> {
  if (options.mode !== 'auto') return { mode: options.mode, signal: 'requested' };
  if (ctx.env['IDENTITY_ENDPOINT'] && ctx.env['IMDS_ENDPOINT'])
    return { mode: 'arc', signal: 'identity-endpoint-env' };
  if (await firstExisting(ctx, ctx.arcAgentMarkers)) return { mode: 'arc', signal: 'himds-agent-installed' };
  return { mode: 'vm', signal: 'default-vm' };
}

export async function resolveTarget(options: ProbeOptions, ctx: RuntimeContext): Promise<Target> {
  const { mode, signal } = await resolveMode(options, ctx);
  const profile = PROFILES[mode];
  const chosen =
    options.endpoint === '' ? profile.defaultEndpoint(ctx) : { base: options.endpoint, problem: null };
  return {
    profile,
    signal,
    endpoint: parseEndpoint(chosen.base),
    endpointFromInput: options.endpoint !== '',
    endpointProblem: chosen.problem,
    container: await firstExisting(ctx, ctx.containerMarkers),
  };
}

/** A failed reachability or token check in a container on Arc: the container is the likely cause. */
export function containerHint(target: Target): string {
  const { container, endpointFromInput, profile } = target;
  return container && !endpointFromInput ? profile.containerHint(container) : '';
}
