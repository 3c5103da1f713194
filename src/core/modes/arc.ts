// Azure Arc-enabled server: Hybrid IMDS on the host's loopback (IMDS_ENDPOINT when the agent set it), the
// key-file challenge on token requests, the himds service for diagnostics, and the fixes that differ from a VM.
import { validateBaseUrl, isLoopbackAddress, withoutUserInfo } from '../imds/endpoint.js';
import { ARC_METADATA_API_VERSION, ARC_TOKEN_API_VERSION, HIMDS_BASE } from '../imds/protocol.js';
import { readClaims } from '../imds/jwt.js';
import type { RuntimeContext } from '../context.js';
import type { IdentitySelector, RemedyContext } from '../types.js';
import { followChallenge } from './arc-challenge.js';
import type { ModeProfile } from './profile.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** IMDS_ENDPOINT when it is a plain http loopback URL; otherwise the default, with a reason. */
function defaultEndpoint(ctx: RuntimeContext): { base: string; problem: string | null } {
  const raw = ctx.env['IMDS_ENDPOINT']?.trim();
  if (!raw) return { base: HIMDS_BASE, problem: null };
  const base = validateBaseUrl(raw);
  if (base === null || !isLoopbackAddress(new URL(base).hostname)) {
    return {
      base: HIMDS_BASE,
      problem: `IMDS_ENDPOINT='${withoutUserInfo(raw)}' is not an http URL on a loopback address; used ${HIMDS_BASE} instead.`,
    };
  }
  return { base, problem: null };
}

/** Legacy agents ignore the selector and return the system identity: only an echo or a claim proves it. */
function confirmsIdentity(selector: IdentitySelector, token: string, json: Record<string, unknown>): boolean {
  const claims = readClaims(token);
  const want = selector.value.toLowerCase();
  const echoed = text(json[selector.kind]).toLowerCase();
  const claim = { client_id: claims.appid, object_id: claims.oid, msi_res_id: claims.xmsMirid }[
    selector.kind
  ];
  return echoed === want || claim.toLowerCase() === want;
}

/**
 * sc.exe by its full path: a bare name makes Windows look in the working folder first (the checked-out
 * repository, on a build agent), so any sc.exe there would run. SystemRoot when it is a plain drive path.
 */
export function scExePath(env: Readonly<Record<string, string | undefined>>): string {
  const root = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? '';
  const windows = /^[A-Za-z]:\\[^;"%<>|?*\r\n]*$/.test(root) ? root.replace(/\\+$/, '') : 'C:\\Windows';
  return `${windows}\\System32\\sc.exe`;
}

/**
 * systemctl by its full path too: a bare name is looked up through the step's PATH, which a job can change
 * (a checked-out repository's bin folder first). The usual place, then the old one; none means no diagnostics.
 */
export const SYSTEMCTL_PATHS = ['/usr/bin/systemctl', '/bin/systemctl'] as const;

async function systemctlPath(fs: Pick<RuntimeContext['fs'], 'exists'>): Promise<string | null> {
  for (const path of SYSTEMCTL_PATHS) if (await fs.exists(path)) return path;
  return null;
}

/** Hybrid IMDS's own port: an endpoint on any other port was given as input (an emulator, a test server). */
const HIMDS_PORT = new URL(HIMDS_BASE).port;
const onHimdsPort = (ctx: RemedyContext): boolean => ctx.endpoint.port === HIMDS_PORT;

const himdsService = (ctx: RemedyContext): string =>
  ctx.platform === 'win32'
    ? 'Start the Hybrid IMDS service and check the agent: `Get-Service himds`, `Start-Service himds`, `azcmagent show`.'
    : 'Start the Hybrid IMDS service and check the agent: `systemctl status himdsd`, `sudo systemctl start himdsd`, `azcmagent show`.';

export const arcProfile: ModeProfile = {
  mode: 'arc',
  service: 'Hybrid IMDS',
  defaultEndpoint,
  metadataApiVersion: ARC_METADATA_API_VERSION,
  tokenApiVersion: ARC_TOKEN_API_VERSION,
  bypassHosts: ['localhost', '127.0.0.1'],
  notesMissingServerHeader: false,
  completeTokenExchange: followChallenge,
  requiresChallenge: true,
  confirmsIdentity,
  async serviceState(ctx, budget) {
    const diagnostics = ctx.diagnostics;
    // With no time left a zero timeout would mean "no limit" to child_process: skip instead.
    if (!diagnostics || budget.remaining() < 250) return '';
    const windows = ctx.platform === 'win32';
    const [args, name] = windows
      ? [['query', 'himds'], 'himds service']
      : [['is-active', 'himdsd'], 'himdsd service'];
    try {
      const command = windows ? scExePath(ctx.env) : await systemctlPath(ctx.fs);
      if (command === null) return '';
      const answer = await diagnostics.run(command, args, Math.min(2_000, budget.remaining()));
      if (!answer) return '';
      const state = windows
        ? (/STATE\s*:\s*\d+\s+(\w+)/.exec(answer.stdout)?.[1] ?? '')
        : (answer.stdout.trim().split('\n')[0] ?? '');
      // The service state is one word; anything else is not shown.
      return /^[a-z-]{1,20}$/i.test(state) ? ` The ${name} is ${state.toLowerCase()}.` : '';
    } catch {
      return '';
    }
  },
  containerHint: (marker) =>
    `This job runs in a container (${marker}): Hybrid IMDS listens on the host's loopback only, so run the job on the host or with host networking.`,
  remedies: {
    // On Hybrid IMDS's own port, the himds service. On another port (the emulator, a test server), that address
    // first; the service advice still follows, as the run may be on an Arc server whose Hybrid IMDS is down too.
    connect_timeout: (ctx) =>
      onHimdsPort(ctx)
        ? `Nothing answered on the Hybrid IMDS port (${ctx.endpoint.address}). ` +
          himdsService(ctx).replace(/^Start/, 'Check')
        : `Nothing answered on ${ctx.endpoint.address}, which ${ctx.spell.name('endpoint')} names (Hybrid IMDS listens on port ${HIMDS_PORT}): check the server at that address, or leave ${ctx.spell.name('endpoint')} empty. For this machine's Hybrid IMDS: ` +
          himdsService(ctx).replace(/^Start/, 'check'),
    connection_refused: (ctx) =>
      onHimdsPort(ctx)
        ? `Hybrid IMDS is not listening on ${ctx.endpoint.address}. ` + himdsService(ctx)
        : `Nothing listens on ${ctx.endpoint.address}, which ${ctx.spell.name('endpoint')} names (Hybrid IMDS listens on port ${HIMDS_PORT}): start what should answer there (the emulator: \`imds-check emulate --mode arc --port ${ctx.endpoint.port}\`), or leave ${ctx.spell.name('endpoint')} empty. For this machine's Hybrid IMDS: ` +
          himdsService(ctx).replace(/^Start/, 'start'),
    network_unreachable:
      'The loopback address is unreachable; check the network configuration of this host or container.',
    metadata_api_version:
      'No api-version was accepted, even after falling back to the versions Hybrid IMDS offered. Update the Connected Machine agent (azcmagent), or report the versions shown.',
    token_identity_not_found:
      'The Arc machine has no such identity. Check the identity on the machine resource in Azure.',
  },
};
