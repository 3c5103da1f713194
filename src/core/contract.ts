// The public contract: input and output names (kebab-case on GitHub and the CLI, camelCase on Azure DevOps),
// how a report becomes outputs, and how fail-on turns a result into a step verdict. Adapters only translate.

import type { ProbeOptions, Report } from './types.js';

export const INPUT_NAMES = [
  'mode',
  'identity',
  'client-id',
  'object-id',
  'msi-res-id',
  'resource',
  'endpoint',
  'timeout-seconds',
  'fail-on',
  'expose-token',
  'report-path',
  'junit-path',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export const INPUT_DEFAULTS: Readonly<Record<InputName, string>> = {
  mode: 'auto',
  identity: 'system',
  'client-id': '',
  'object-id': '',
  'msi-res-id': '',
  resource: '',
  endpoint: '',
  'timeout-seconds': '30',
  'fail-on': 'error',
  'expose-token': 'false',
  'report-path': '',
  'junit-path': '',
};

export const OUTPUT_NAMES = [
  'result',
  'reachable',
  'mode',
  'metadata-status',
  'token-status',
  'vm-id',
  'vm-name',
  'resource-id',
  'subscription-id',
  'resource-group',
  'location',
  'az-environment',
  'principal-id',
  'tenant-id',
  'app-id',
  'token-expires-on',
  'report-path',
  'access-token',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export type NameStyle = 'kebab' | 'camel';

/** `client-id` → `clientId`: the Azure DevOps spelling of a contract name. */
export function toCamel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function styleName(name: string, style: NameStyle): string {
  return style === 'camel' ? toCamel(name) : name;
}

export const SOCKET_WORDS: ReadonlySet<string> = new Set([
  'timeout',
  'refused',
  'unreachable',
  'reset',
  'no-response',
]);

/** The status output for a check: its outcome, or the socket word of reachability when nothing answered. */
function statusOutput(report: Report, id: 'metadata' | 'token'): string {
  const check = report.checks.find((c) => c.id === id);
  const reach = report.checks.find((c) => c.id === 'reachability');
  if (!check) return '';
  // Only a socket-level word carries over to a request that was never sent; an HTTP status would claim an answer.
  const requested = id === 'metadata' || report.identity.kind !== 'none';
  if (
    check.outcome === 'skipped' &&
    requested &&
    reach &&
    !report.reachable &&
    SOCKET_WORDS.has(reach.outcome)
  ) {
    return reach.outcome;
  }
  return check.outcome;
}

/**
 * Every contract output, values as strings ('' when unknown). `access-token` is present only when exposed;
 * callers must have registered it as a secret already (the engine does so the moment it arrives).
 */
export function buildOutputs(
  report: Report,
  accessToken: string | null,
  options: Pick<ProbeOptions, 'exposeToken'>,
  reportPath: string,
): Partial<Record<OutputName, string>> {
  const m = report.machine;
  const id = report.identity;
  const outputs: Partial<Record<OutputName, string>> = {
    result: report.result,
    reachable: String(report.reachable),
    mode: report.mode.resolved,
    'metadata-status': statusOutput(report, 'metadata'),
    'token-status': statusOutput(report, 'token'),
    'vm-id': m.vmId,
    'vm-name': m.name,
    'resource-id': m.resourceId,
    'subscription-id': m.subscriptionId,
    'resource-group': m.resourceGroup,
    location: m.location,
    'az-environment': m.azEnvironment,
    'principal-id': id.principalId,
    'tenant-id': id.tenantId,
    'app-id': id.appId,
    'token-expires-on': id.expiresOn,
    'report-path': reportPath,
  };
  if (options.exposeToken) outputs['access-token'] = accessToken ?? '';
  return outputs;
}

/** `token: token_identity_not_found, ...` for the checks with the given statuses, for one-line step results. */
export function checkCodes(report: Pick<Report, 'checks'>, statuses: readonly string[]): string {
  return report.checks
    .filter((c) => statuses.includes(c.status))
    .map((c) => `${c.id}: ${c.code}`)
    .join(', ');
}

export type StepVerdict = 'succeeded' | 'succeeded-with-issues' | 'failed';

/**
 * fail-on policy. `fail` + error fails; `unreachable` fails only when nothing IMDS-like answered;
 * a failure that the policy lets through, and any `warn`, is "succeeded with issues".
 */
export function stepVerdict(report: Pick<Report, 'result' | 'reachable' | 'failOn'>): StepVerdict {
  const { result, reachable, failOn } = report;
  if (failOn === 'error' && result === 'fail') return 'failed';
  if (failOn === 'unreachable' && !reachable) return 'failed';
  if (result === 'pass') return 'succeeded';
  return 'succeeded-with-issues';
}

/** CLI exit code for a finished run: 0 pass/warn (or let through), 1 fail. Usage errors are 2 elsewhere. */
export function exitCodeFor(report: Pick<Report, 'result' | 'reachable' | 'failOn'>): 0 | 1 {
  return stepVerdict(report) === 'failed' ? 1 : 0;
}
